# Every target sets itself up from nothing: a venv in .venv with the exact versions of requirements.lock.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
MKDOCS := NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs
STAMP  := $(VENV)/.installed

.PHONY: serve build test outputs bench screenshots browser mutation clean

# torch: on Linux, the CPU build from PyTorch's own index (PyPI's Linux torch is a multi-GB CUDA build). Where
# that index cannot be reached (a machine with an offline mirror, like the project's CI) pip's own configuration
# decides; the probe gives up within seconds. macOS: PyPI's torch is already CPU-only.
TORCH_INDEX := https://download.pytorch.org/whl/cpu

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	@if [ "$$(uname -s)" = Linux ] && $(PY) -c 'import urllib.request as u; u.urlopen("$(TORCH_INDEX)/torch/", timeout=5)' 2>/dev/null; then \
		echo "torch: the CPU build from $(TORCH_INDEX)"; \
		$(PY) -m pip install --quiet --no-deps --index-url $(TORCH_INDEX) "$$(grep '^torch==' requirements.lock)"; \
	else \
		echo "torch: $(TORCH_INDEX) not used (not Linux, or not reachable): from pip's configured index"; \
	fi
	$(PY) -m pip install --quiet -r requirements.lock -e ".[examples,docs,test]"
	$(PY) -m pip check
	touch $(STAMP)

# The browser tests drive a real Chrome or Chromium (never a browser downloaded by Playwright).
# CHROMIUM=/path/to/chrome picks one. Otherwise: on Debian, Debian's chromium (installed with apt, with
# fonts-wqy-microhei for Chinese glyphs in screenshots); elsewhere (Ubuntu ships Chromium only as a snap;
# macOS) the first Chrome or Chromium found.
OS_ID := $(shell . /etc/os-release 2>/dev/null && echo $$ID)
ifeq ($(origin CHROMIUM),undefined)
ifeq ($(OS_ID),debian)
CHROMIUM := /usr/bin/chromium
INSTALL_CHROMIUM := yes
else
CHROMIUM := $(shell for c in chromium chromium-browser google-chrome google-chrome-stable; do command -v $$c && exit; done; \
	for c in "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" "/Applications/Chromium.app/Contents/MacOS/Chromium"; do \
	[ -x "$$c" ] && echo "$$c" && exit; done)
endif
endif
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

## browser: make sure the browser tests have a browser (see CHROMIUM above)
browser:
ifdef INSTALL_CHROMIUM
	@[ -x "$(CHROMIUM)" ] || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-wqy-microhei; }
endif
	@[ -n "$(CHROMIUM)" ] && [ -x "$(CHROMIUM)" ] || { echo "make: no Chrome or Chromium for the browser tests (CHROMIUM='$(CHROMIUM)')."; \
		echo "Install one, or name it: make test CHROMIUM=/path/to/chrome"; exit 1; }

## serve: build and serve the site with live reload at http://127.0.0.1:8000 (watches docs/, src/, snippets/).
##        After the first build it rebuilds only the pages an edit touches (--dirty: about 1 s instead of 6);
##        warnings (a broken link) are printed, not fatal (--no-strict). Snippets are still checked on every
##        rebuild, and `make build` is strict.
serve: $(STAMP)
	$(MKDOCS) serve --dirty --no-strict --dev-addr 127.0.0.1:8000

## build: strict build of both languages into site/; fails when any snippet breaks
build: $(STAMP)
	$(MKDOCS) build --strict

## test: a strict build into site/ (it runs every snippet and notebook), then every test, on every core: units,
##       snippets, every page's code, the build guarantees, and the browser tests on the built site/
test: $(STAMP) browser
	$(MAKE) build
	BROWSER_SITE=$(CURDIR)/site CHROMIUM="$(CHROMIUM)" $(PY) -m pytest -n auto --dist loadgroup

## mutation: mutation testing of src/neuralnlp with mutmut, module by module (not part of make test; about an hour
##           on 2 cores): each module's mutants run only the tests that import it; prints the score per module and
##           every surviving mutant. One module: make mutation MODULES=basics/graph.py
mutation: $(STAMP)
	$(PY) tools/mutation.py $(MODULES)

## outputs: re-run every snippet and rewrite its .out file (after an intended change)
outputs: $(STAMP)
	$(PY) hooks/verified_snippets.py --update

## bench: time a cold strict build and a rebuild after a prose edit
bench: $(STAMP)
	$(PY) benchmarks/build_time.py

## screenshots: PNGs of every page (zh/en x light/dark x desktop/phone) in screenshots/, for review by eye
screenshots: $(STAMP) browser build
	CHROMIUM="$(CHROMIUM)" $(PY) tests/browser/take_screenshots.py --out screenshots

clean:
	rm -rf $(VENV) site .cache .pytest_cache .mutation
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
