import pandas as pd

from analysis import evidence


def test_highlight_escapes_corpus_text_and_marks_spans():
    text = 'Lavrov <script>alert(1)</script> met Rubio'
    html = evidence.highlight(text, [(0, 6), (37, 42)])
    assert html == ("<mark>Lavrov</mark> &lt;script&gt;alert(1)&lt;/script&gt; met <mark>Rubio</mark>")


def test_overlapping_spans_are_merged():
    assert evidence.highlight("abcdef", [(1, 4), (2, 5)]) == "a<mark>bcde</mark>f"


def test_contact_evidence_points_at_the_sentence_with_parties_highlighted():
    text = "Intro sentence. Lavrov and Rubio spoke by phone on Monday. Other news."
    start = text.index("Lavrov")
    end = text.index("Monday.") + len("Monday.")
    documents = pd.DataFrame({"doc_id": ["d1"], "title": ["Call"], "lang": ["en"], "text": [text]})
    mentions = pd.DataFrame({
        "doc_id": ["d1", "d1"], "actor_id": ["sergey-lavrov", "marco-rubio"],
        "start": [start, text.index("Rubio")], "end": [start + 6, text.index("Rubio") + 5],
    })
    contacts = pd.DataFrame({
        "event_id": ["e1"], "parties": [["Marco Rubio", "Sergey Lavrov"]], "party_ids": [["marco-rubio", "sergey-lavrov"]],
        "mode": ["phone_call"], "status": ["happened"], "date": [pd.Timestamp("2025-02-17")], "date_precision": ["day"],
        "doc_ids": [["d1"]], "evidence_doc_id": ["d1"], "evidence_start": [start], "evidence_end": [end],
    })
    table = evidence.contact_evidence(contacts, documents, mentions)
    row = table.iloc[0]
    assert row["sentence"] == "Lavrov and Rubio spoke by phone on Monday."
    assert [row["sentence"][s:e] for s, e in row["highlights"]] == ["Lavrov", "Rubio"]
    assert row["anchor"] == "contact-e1"
    rendered = evidence.render(table, caption="Contacts")
    assert 'id="contact-e1"' in rendered and "<mark>Lavrov</mark>" in rendered
    assert "phone call, happened, 2025-02-17 (day)" in rendered


def test_empty_evidence_renders_a_message():
    assert "nothing to show" in evidence.render(pd.DataFrame(columns=evidence.EVIDENCE_COLUMNS), caption="X")


def test_anchor_ids_are_safe_html_ids():
    assert evidence.anchor_id("edge", "a b/c--d") == "edge-a-b-c--d"


def test_cooccurrence_evidence_prefers_a_shared_sentence_and_falls_back_to_the_document():
    text = "Lavrov spoke. Rubio and Lavrov met in Riyadh. Witkoff waited."
    documents = pd.DataFrame({"doc_id": ["d1"], "title": ["T"], "lang": ["en"], "text": [text]})
    spans = {"sergey-lavrov": [(0, 6, 0), (24, 30, 1)], "marco-rubio": [(14, 19, 1)], "steve-witkoff": [(46, 53, 2)]}
    mentions = pd.DataFrame([{"doc_id": "d1", "actor_id": a, "start": s, "end": e, "sentence_id": sid}
                             for a, rows in spans.items() for s, e, sid in rows])
    actors = pd.DataFrame({"actor_id": list(spans), "actor": ["Sergey Lavrov", "Marco Rubio", "Steve Witkoff"]})
    cooc = pd.DataFrame({"source": ["marco-rubio", "sergey-lavrov"], "target": ["sergey-lavrov", "steve-witkoff"],
                         "n_docs": [1, 1], "n_sentences": [1, 0], "npmi": [1.0, 1.0]})
    table = evidence.cooccurrence_evidence(cooc, mentions, documents, actors=actors).set_index("anchor")
    shared = table.loc["edge-marco-rubio--sergey-lavrov"]
    assert shared["sentence"] == "Rubio and Lavrov met in Riyadh."
    assert [shared["sentence"][s:e] for s, e in sorted(shared["highlights"])] == ["Rubio", "Lavrov"]
    assert table.loc["edge-sergey-lavrov--steve-witkoff", "sentence"] == text  # no shared sentence: the document
