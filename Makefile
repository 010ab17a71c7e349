# coord: the two commands that matter are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
EXAMPLE := examples/harbour-lights

.PHONY: demo test lint bench docs golden docx-reference wheel-check clean

$(INSTALLED): setup.cfg pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

## demo: set up .venv, check the example production and render all its documents
demo: $(INSTALLED)
	$(MAKE) -C $(EXAMPLE) all COORD=$(abspath $(BIN))/coord
	@echo "The documents are in $(EXAMPLE)/out/"

## test: set up .venv, lint, type-check and run the test suite
test: $(INSTALLED) lint
	$(BIN)/python -m pytest

lint: $(INSTALLED)
	$(BIN)/ruff check coord tests bench
	$(BIN)/ruff format --check coord tests bench
	$(BIN)/mypy coord

## bench: time coord on a large synthetic production (prints figures; never fails on speed)
bench: $(INSTALLED)
	$(BIN)/python bench/bench.py

## docs: regenerate the field tables of docs/format.md from the schema, and the working-time profiles' tables
docs: $(INSTALLED)
	$(BIN)/python -m coord.formatdoc docs/format.md
	$(BIN)/python -m coord.profiledoc docs/format.md docs/working-time.md

## golden: rewrite the golden files under tests/golden after a deliberate change of output
golden: $(INSTALLED)
	COORD_UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests -k golden

## docx-reference: rebuild the DOCX reference documents templates/*reference-*.docx from pandoc's default
docx-reference: $(INSTALLED)
	$(BIN)/python -m coord.docxref templates

## wheel-check: build a wheel, install it in a fresh venv, run it on the example
wheel-check: $(INSTALLED)
	bash tests/wheel_check.sh

clean:
	rm -rf $(VENV) build dist *.egg-info out
