# Every target sets itself up from nothing: a venv in .venv with the exact versions of requirements.lock.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
MKDOCS := NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs
STAMP  := $(VENV)/.installed

.PHONY: serve build test outputs bench clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock -e ".[docs,test]"
	$(PY) -m pip check
	touch $(STAMP)

## serve: build and serve the site with live reload at http://127.0.0.1:8000 (watches docs/, src/, snippets/)
serve: $(STAMP)
	$(MKDOCS) serve --dev-addr 127.0.0.1:8000

## build: strict build of both languages into site/; fails when any snippet breaks
build: $(STAMP)
	$(MKDOCS) build --strict

## test: unit tests, every snippet, every page's code, the guarantees, then a strict build
test: $(STAMP)
	$(PY) -m pytest
	$(MAKE) build

## outputs: re-run every snippet and rewrite its .out file (after an intended change)
outputs: $(STAMP)
	$(PY) hooks/verified_snippets.py --update

## bench: time a cold strict build and a rebuild after a prose edit
bench: $(STAMP)
	$(PY) benchmarks/build_time.py

clean:
	rm -rf $(VENV) site .cache .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
