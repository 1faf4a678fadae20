"""The notebooks' structure: one parameters cell of plain literals matching the stage, committed with outputs."""
from __future__ import annotations

import ast

import nbformat
import pytest

from analysis import config
from analysis.params import PARAMETERS
from analysis.pipeline import NOTEBOOKS, STAGE_PARAMS


@pytest.fixture(params=list(NOTEBOOKS), ids=list(NOTEBOOKS.values()))
def notebook(request):
    return request.param, nbformat.read(config.NOTEBOOKS_DIR / NOTEBOOKS[request.param], as_version=4)


def test_exactly_one_parameters_cell_declaring_the_stage_parameters(notebook):
    stage, nb = notebook
    cells = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(cells) == 1
    tree = ast.parse(cells[0].source)
    names = []
    for node in tree.body:
        assert isinstance(node, ast.AnnAssign), f"not `name: type = value`: {ast.unparse(node)}"
        ast.literal_eval(node.value)  # plain literals only
        names.append(node.target.id)
        assert node.value.value == PARAMETERS[node.target.id].default
    assert tuple(names) == STAGE_PARAMS[stage]
    assert all("  # " in line for line in cells[0].source.splitlines())


def test_starts_with_title_purpose_inputs_outputs_and_ends_with_a_summary(notebook):
    _, nb = notebook
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    for word in ("Purpose", "Inputs", "Outputs"):
        assert word in first.source
    assert any(c.cell_type == "markdown" and c.source.strip() == "## Summary" for c in nb.cells[-3:])


def test_committed_executed_in_order_with_outputs(notebook):
    _, nb = notebook
    code = [c for c in nb.cells if c.cell_type == "code"]
    counts = [c.execution_count for c in code]
    assert all(counts) and counts == sorted(counts)
    assert sum(bool(c.outputs) for c in code) >= len(code) // 2
    assert not any(o.get("output_type") == "error" for c in code for o in c.outputs)


def test_papermill_sees_every_parameter(notebook):
    import papermill

    stage, _ = notebook
    inferred = papermill.inspect_notebook(str(config.NOTEBOOKS_DIR / NOTEBOOKS[stage]))
    assert tuple(inferred) == STAGE_PARAMS[stage]
