"""Run notebooks (nbval) and the pipeline as `make notebooks` did: temporary run folder, no progress bars."""
import os
import tempfile

import pytest

from analysis.notebook_tools import TEST_ENVIRONMENT


def pytest_configure(config: pytest.Config) -> None:
    os.environ.update(TEST_ENVIRONMENT)
    os.environ["CROSSWIRE_OUT"] = tempfile.mkdtemp(prefix="crosswire-test-run-")
