# Two commands do everything on a fresh machine with Python 3.11 and make:
#   make report   set up .venv, run every notebook on seeds/, render reports/html/index.html
#   make test     set up .venv, run the whole test suite (unit tests, papermill end-to-end, nbval)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install report test notebooks clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

report: install
	$(BIN)/python -m analysis run
	@echo "Open reports/html/index.html in a browser."

test: install
	$(BIN)/python -m pytest

# Re-execute the committed notebooks on seeds/ (after changing them or the library), for nbval.
notebooks: install
	$(BIN)/python -m analysis.notebook_tools execute

clean:
	rm -rf reports .cache .pytest_cache
