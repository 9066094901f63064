# Every target sets itself up from nothing: a venv in .venv with the exact versions of requirements.lock.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
MKDOCS := NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs
STAMP  := $(VENV)/.installed

.PHONY: serve build test outputs bench screenshots clean

# The browser tests drive Debian's chromium (never a browser downloaded by Playwright);
# fonts-wqy-microhei gives Chinese glyphs in screenshots.
CHROMIUM := /usr/bin/chromium
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock -e ".[docs,test]"
	$(PY) -m pip check
	touch $(STAMP)

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-wqy-microhei

## serve: build and serve the site with live reload at http://127.0.0.1:8000 (watches docs/, src/, snippets/)
serve: $(STAMP)
	$(MKDOCS) serve --dev-addr 127.0.0.1:8000

## build: strict build of both languages into site/; fails when any snippet breaks
build: $(STAMP)
	$(MKDOCS) build --strict

## test: a strict build into site/ (it runs every snippet and notebook), then every test: units, snippets,
##       every page's code, the build guarantees, and the browser tests on the built site/
test: $(STAMP) $(CHROMIUM)
	$(MAKE) build
	BROWSER_SITE=$(CURDIR)/site $(PY) -m pytest

## outputs: re-run every snippet and rewrite its .out file (after an intended change)
outputs: $(STAMP)
	$(PY) hooks/verified_snippets.py --update

## bench: time a cold strict build and a rebuild after a prose edit
bench: $(STAMP)
	$(PY) benchmarks/build_time.py

## screenshots: PNGs of every page (zh/en x light/dark x desktop/phone) in screenshots/, for review by eye
screenshots: $(STAMP) $(CHROMIUM) build
	$(PY) tests/browser/take_screenshots.py --out screenshots

clean:
	rm -rf $(VENV) site .cache .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
