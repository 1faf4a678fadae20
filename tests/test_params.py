import pytest

from analysis import config
from analysis.errors import ParameterError
from analysis.params import PARAMETERS, coerce_cli_value, defaults, load_params_file, resolve_corpus, resolve_out_dir, validate


def test_defaults_validate_and_are_complete(monkeypatch):
    monkeypatch.delenv("CROSSWIRE_PROGRESS", raising=False)
    assert validate({}) == defaults()


def test_progress_bars_can_be_switched_off_for_batch_runs(monkeypatch):
    monkeypatch.setenv("CROSSWIRE_PROGRESS", "0")
    assert validate({"progress": True})["progress"] is False


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"n_topics": -3}, "'auto' or an integer >= 2"),
        ({"n_topics": "many"}, "'auto' or an integer >= 2"),
        ({"min_words": "ten"}, "expected int"),
        ({"progress": "yes"}, "expected bool"),
        ({"topic_backend": "lda"}, "'embedding', 'nmf'"),
        ({"near_duplicate_threshold": 1.5}, "between 0.5 and 1.0"),
        ({"languages": "english"}, "ISO 639-1"),
        ({"date_from": "yesterday-ish"}, "date such as"),
        ({"no_such_parameter": 1}, "valid names: corpus, out_dir"),
    ],
)
def test_bad_values_fail_with_a_message_listing_what_is_valid(values, message):
    with pytest.raises(ParameterError, match=message.replace("(", r"\(").replace(")", r"\)")):
        validate(values)


def test_integral_floats_and_ints_are_coerced_to_the_declared_type():
    params = validate({"min_words": 5.0, "story_threshold": 1})
    assert params["min_words"] == 5 and isinstance(params["min_words"], int)
    assert params["story_threshold"] == 1.0 and isinstance(params["story_threshold"], float)


def test_languages_accept_lists_and_are_normalised():
    assert validate({"languages": ["EN", " it "]})["languages"] == "en,it"


def test_cli_values_are_read_as_yaml_scalars_except_strings():
    assert coerce_cli_value("n_topics", "12") == 12
    assert coerce_cli_value("n_topics", "auto") == "auto"
    assert coerce_cli_value("progress", "false") is False
    assert coerce_cli_value("focus_actor", "123") == "123"
    with pytest.raises(ParameterError, match="unknown parameter"):
        coerce_cli_value("topics", "3")


def test_params_file_must_be_a_mapping(tmp_path):
    good = tmp_path / "p.yaml"
    good.write_text("n_topics: 4\nmin_words: 3\n")
    assert load_params_file(good) == {"n_topics": 4, "min_words": 3}
    bad = tmp_path / "bad.yaml"
    bad.write_text("- 1\n- 2\n")
    with pytest.raises(ParameterError, match="name: value"):
        load_params_file(bad)
    unsafe = tmp_path / "unsafe.yaml"
    unsafe.write_text("x: !!python/object/apply:os.system ['true']\n")
    with pytest.raises(ParameterError, match="cannot read"):
        load_params_file(unsafe)


def test_empty_paths_resolve_to_the_project_defaults(monkeypatch, tmp_path):
    assert resolve_corpus("") == config.SEEDS_DIR
    monkeypatch.delenv("CROSSWIRE_OUT", raising=False)
    assert resolve_out_dir("") == config.DEFAULT_OUT_DIR
    monkeypatch.setenv("CROSSWIRE_OUT", str(tmp_path))
    assert resolve_out_dir("") == tmp_path


def test_unknown_focus_actor_fails_in_the_first_cell_with_close_names():
    from analysis.pipeline import STAGE_PARAMS, notebook_params

    namespace = {name: PARAMETERS[name].default for name in STAGE_PARAMS["actors"]}
    namespace["focus_actor"] = "Vladimir Poutin"
    with pytest.raises(ParameterError, match="closest names: Vladimir Putin"):
        notebook_params("actors", namespace)
    namespace["focus_actor"] = "sergey-lavrov"
    assert notebook_params("actors", namespace)["focus_actor"] == "sergey-lavrov"
