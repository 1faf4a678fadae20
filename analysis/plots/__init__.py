"""Plotting helpers, one module per notebook."""
from __future__ import annotations

from matplotlib.figure import Figure


def show(figure: Figure, *, svg: bool = False) -> None:
    """Display a figure once in a notebook and release it (pyplot would otherwise show it again).

    ``svg=True`` renders deterministic SVG instead of PNG, keeping links set with ``artist.set_url``
    clickable in the HTML report.
    """
    import matplotlib.pyplot as plt
    from IPython.display import SVG, display

    if svg:
        display(SVG(to_svg(figure)))
    else:
        display(figure)
    plt.close(figure)


def to_svg(figure: Figure) -> str:
    """SVG text of ``figure``, byte-identical across runs (fixed id salt, no creation date)."""
    import io

    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": "crosswire", "svg.fonttype": "path"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    # matplotlib opens every link in a new tab; links to evidence rows belong in the same page.
    return buffer.getvalue().replace(' target="_blank"', "")
