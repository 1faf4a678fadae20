import pandas as pd

from analysis import io, report


def test_warnings_name_skipped_inputs_undated_documents_and_unresolved_roles(tmp_path):
    tables = tmp_path / "tables"
    io.write_parquet(pd.DataFrame({"path": ["a", "b", "c"], "status": ["loaded", "skipped", "skipped"],
                                   "reason": [None, "empty", "binary"]}), tables / "ingest_report.parquet")
    io.write_parquet(pd.DataFrame({"doc_id": ["a"], "date": pd.to_datetime([None]), "mixed_language": [False]}),
                     tables / "documents.parquet")
    io.write_parquet(pd.DataFrame({"doc_id": ["a"], "surface": ["the foreign minister"]}),
                     tables / "unresolved_roles.parquet")
    warnings = report.run_warnings(tmp_path)
    assert warnings == [
        "2 input item(s) skipped: binary (1), empty (1)",
        "1 of 1 documents have no date; role phrases in them stay unresolved and they are left out of time plots",
        "1 role phrase(s) could not be resolved to a person",
    ]


def test_index_escapes_parameters_and_links_every_stage_page(tmp_path):
    io.write_json({"parameters": {"focus_actor": "<b>x</b>"}, "corpus": "c"}, tmp_path / "run.json")
    page = report.write_index(tmp_path).read_text()
    assert "&lt;b&gt;x&lt;/b&gt;" in page and "<b>x</b>" not in page
    for stage in ("ingest", "topics", "actors", "timeline"):
        assert f'href="{report.page_name(stage, code=False)}"' in page
