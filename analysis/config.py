"""The one place paths and project-wide defaults come from.

Every path is derived from the location of this package, never from the working
directory, so notebooks, the command line and tests agree wherever they run.
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
DATA_DIR = PROJECT_ROOT / "data"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
DEFAULT_OUT_DIR = PROJECT_ROOT / "reports"
ACTORS_KB_PATH = DATA_DIR / "actors.yaml"
ROLES_PATH = DATA_DIR / "roles.yaml"
CACHE_DIR = Path(os.environ.get("CROSSWIRE_CACHE", PROJECT_ROOT / ".cache"))
# Folders of CACHE_DIR that depend on the installed code and data only, not on a corpus.
KB_CACHE_FOLDER = "kb"
LEMMA_CACHE_FOLDER = "lemmas"
MATCHER_CACHE_FOLDER = "matchers"

# Shared material that lives beside the repository (sample corpora); optional.
SHARED_DIR = Path(os.environ.get("CROSSWIRE_SHARED", PROJECT_ROOT.parent / "shared"))
SEMEVAL_DEV_DIR = SHARED_DIR / "corpora" / "semeval2023-dev"
SEMEVAL_TRANSLATIONS_DIR = SHARED_DIR / "corpora" / "semeval2023-dev-translations"

DEFAULT_LANGUAGES: tuple[str, ...] = ("en", "it", "fr", "de", "pl", "ru", "es", "uk")

# Longest text kept per document. Longer bodies are cut (and flagged) so that one
# pathological file cannot blow up memory in later stages.
MAX_CHARS_PER_DOCUMENT = 200_000


def tables_dir(out_dir: Path) -> Path:
    """Folder of the parquet tables inside a run's output folder."""
    return Path(out_dir) / "tables"
