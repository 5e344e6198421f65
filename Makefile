# Developer entry points for paper-reader.
#
# Every target depends on the virtualenv stamp, so `make run` and `make test`
# work on a fresh clone: the first call creates .venv and installs the package
# in editable mode with its test extras; later calls reuse it until
# pyproject.toml changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

SCREENSHOT_DIR  := docs/screenshots
SCREENSHOT_SIZE := 1280x800
XVFB_RUN        := xvfb-run -a -s "-screen 0 1400x900x24"

.DEFAULT_GOAL := help

.PHONY: help venv run test lint bench fuzz screenshots dist clean distclean

help:
	@echo "make run          start the reader (opens the bundled sample issue on first run)"
	@echo "make test         run the test suite headless (Qt offscreen platform)"
	@echo "make lint         ruff check src tests"
	@echo "make bench        run the benchmarks"
	@echo "make fuzz         long hypothesis run of the fuzz-marked tests"
	@echo "make screenshots  regenerate docs/screenshots under Xvfb"
	@echo "make dist         build the one-folder PyInstaller bundle in dist/"
	@echo "make clean        remove build artefacts and caches (keeps .venv)"
	@echo "make distclean    clean, and remove .venv too"

# ---------------------------------------------------------------- bootstrap --

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/pip install -e '.[test]'
	touch $@

venv: $(STAMP)

# ------------------------------------------------------------------ targets --

run: $(STAMP)
	$(BIN)/paper-reader

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=long QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q tests/core/test_invariants.py

# Screenshots use a throwaway home, so they show the bundled sample issue.
screenshots: $(STAMP)
	mkdir -p $(SCREENSHOT_DIR)
	rm -rf build/screenshot-home
	export PAPER_READER_HOME=$(CURDIR)/build/screenshot-home; \
	$(XVFB_RUN) $(BIN)/paper-reader \
		--screenshot $(SCREENSHOT_DIR)/front-page.png --size $(SCREENSHOT_SIZE) && \
	$(XVFB_RUN) $(BIN)/paper-reader --theme dark \
		--screenshot $(SCREENSHOT_DIR)/front-page-dark.png --size $(SCREENSHOT_SIZE) && \
	$(XVFB_RUN) $(BIN)/paper-reader --open 2024-03-15/1/0 \
		--screenshot $(SCREENSHOT_DIR)/article.png --size $(SCREENSHOT_SIZE)

dist: $(STAMP)
	$(BIN)/pip install pyinstaller && $(BIN)/pyinstaller --noconfirm \
		--distpath dist --workpath build/pyinstaller \
		packaging/pyinstaller/paper-reader.spec

clean:
	rm -rf build dist .pytest_cache .ruff_cache .hypothesis
	rm -rf *.egg-info src/*.egg-info
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -print0 \
		| xargs -0 rm -rf

distclean: clean
	rm -rf $(VENV)
