"""Plotting helpers, one module per notebook."""
from __future__ import annotations

from matplotlib.figure import Figure


def show(figure: Figure) -> None:
    """Display a figure once in a notebook and release it (pyplot would otherwise show it again)."""
    import matplotlib.pyplot as plt
    from IPython.display import display

    display(figure)
    plt.close(figure)
