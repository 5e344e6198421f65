# Developer entry points for paper-reader.
#
# Every target depends on the virtualenv stamp, so `make run` and `make test`
# work on a fresh clone: the first call creates .venv and installs the package
# in editable mode with its test extras; later calls reuse it until
# pyproject.toml changes. The bootstrap also compiles the translations (.qm files
# are build output, see .gitignore); later edits of a .ts rebuild its .qm.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Translations: the .ts is the source (Qt Linguist), lrelease compiles it to the .qm the
# app loads. lupdate reads these Python files (the window's and the kiosk's); it does not look into
# folders for .py.
I18N_DIR     := resources/i18n
TS_FILES     := $(I18N_DIR)/paper-reader_en.ts
QM_FILES     := $(TS_FILES:.ts=.qm)
I18N_SOURCES := $(sort $(wildcard src/paper_reader/ui/*.py src/paper_reader/ui/*/*.py \
	src/paper_reader/kiosk/*.py)) src/paper_reader/app.py
LRELEASE     := $(BIN)/pyside6-lrelease -silent

SCREENSHOT_DIR  := docs/screenshots
SCREENSHOT_SIZE := 1280x800
XVFB_RUN        := xvfb-run -a -s "-screen 0 1400x900x24"

.DEFAULT_GOAL := help

.PHONY: help venv translations update-translations run test lint bench fuzz reliability screenshots dist \
	sample-pdfs fixture-pdfs clean distclean

help:
	@echo "make run          start the reader (opens the bundled sample issue on first run)"
	@echo "make test         run the test suite headless (Qt offscreen platform)"
	@echo "make lint         ruff check src tests"
	@echo "make bench        run the benchmarks"
	@echo "make fuzz         long hypothesis run of the parser, importer and text-field harnesses"
	@echo "make reliability  kill -9, fault, damage and fuzz harnesses at CI size; writes docs/reliability.md"
	@echo "make translations compile resources/i18n/*.ts to the .qm files the app loads"
	@echo "make update-translations  refresh the .ts files from the source (lupdate)"
	@echo "make screenshots  regenerate docs/screenshots under Xvfb"
	@echo "make dist         build the one-folder PyInstaller bundle in dist/"
	@echo "make sample-pdfs  typeset the sample issue's page PDFs and layout.json from its text"
	@echo "make fixture-pdfs remake the PDF fixtures of tests/fixtures/pdf (installs fpdf2; needs qpdf)"
	@echo "make clean        remove build artefacts and caches (keeps .venv)"
	@echo "make distclean    clean, and remove .venv too"

# ---------------------------------------------------------------- bootstrap --

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/pip install -e '.[test]'
	for ts in $(TS_FILES); do $(LRELEASE) $$ts -qm $${ts%.ts}.qm || exit 1; done
	touch $@

venv: $(STAMP)

# Each .qm is the stamp of its .ts: rebuilt when the .ts is newer.
$(I18N_DIR)/%.qm: $(I18N_DIR)/%.ts | $(STAMP)
	$(LRELEASE) $< -qm $@

translations: $(QM_FILES)

# New and changed texts come in unfinished: translate them (Qt Linguist, or by hand)
# before committing the .ts. tests/ui/test_i18n.py fails on unfinished entries.
update-translations: $(STAMP)
	$(BIN)/pyside6-lupdate $(I18N_SOURCES) -source-language zh_CN -no-obsolete \
		-locations relative -ts $(TS_FILES)

# ------------------------------------------------------------------ targets --

run: $(STAMP) translations
	$(BIN)/paper-reader

test: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

# Reliability harnesses (tests/reliability). Each writes its numbers to $(RELIABILITY_OUT);
# tests/reliability/report.py turns all of them into docs/reliability.md. `make fuzz` is the
# long run (hypothesis profile "long", 20,000 examples a property; about an hour on two
# cores); `make reliability` is the size CI runs (about 10 minutes on two cores).
RELIABILITY_OUT := build/reliability
KILL_RUNS       ?= 600
FUZZ_EXAMPLES   ?= 2000
FUZZ_TESTS      := tests/core/test_invariants.py tests/reliability/test_fuzz_input.py \
	tests/reliability/test_damaged.py tests/reliability/test_text_fields.py

fuzz: $(STAMP)
	rm -f $(RELIABILITY_OUT)/pytest-long.json
	HYPOTHESIS_PROFILE=long PAPER_READER_RELIABILITY_OUT=$(RELIABILITY_OUT) \
		QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m "long or not long" $(FUZZ_TESTS)
	$(BIN)/python -m tests.reliability.report $(RELIABILITY_OUT) docs/reliability.md

# Every step runs even when one fails; the report is written either way, and the target
# fails if any step did.
reliability: $(STAMP) translations
	rm -f $(RELIABILITY_OUT)/kill9.json $(RELIABILITY_OUT)/pytest-reliability.json
	status=0; \
	PAPER_READER_RELIABILITY_OUT=$(RELIABILITY_OUT) \
		$(BIN)/python -m tests.reliability.killer --runs $(KILL_RUNS) --run-name reliability \
		|| status=1; \
	PAPER_READER_RELIABILITY_OUT=$(RELIABILITY_OUT) PAPER_READER_RELIABILITY_RUN=reliability \
		PAPER_READER_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) PAPER_READER_KILL_SECONDS=0 \
		QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m "long or not long" tests/reliability \
		|| status=1; \
	$(BIN)/python -m tests.reliability.report $(RELIABILITY_OUT) docs/reliability.md || status=1; \
	exit $$status

# Screenshots use a throwaway home, so they show the bundled sample issue (its first run
# imports the page PDFs), and the Chinese interface whatever the desktop's language. The
# page image ones are taken once the window has settled, thumbnails and all
# (docs/screenshots/shoot.py); the kiosk reads the same library.
SHOOT := $(BIN)/python docs/screenshots/shoot.py

screenshots: $(STAMP) translations
	mkdir -p $(SCREENSHOT_DIR)
	rm -rf build/screenshot-home
	mkdir -p build/screenshot-home/config
	printf '[ui]\nlanguage=zh\n' > build/screenshot-home/config/paper-reader.ini
	printf '[kiosk]\nlibrary = %s\n' $(CURDIR)/build/screenshot-home/data/library.sqlite3 \
		> build/screenshot-home/kiosk.ini
	export PAPER_READER_HOME=$(CURDIR)/build/screenshot-home; \
	$(XVFB_RUN) $(SHOOT) front $(SCREENSHOT_DIR)/front-page.png --size $(SCREENSHOT_SIZE) && \
	$(XVFB_RUN) $(SHOOT) front $(SCREENSHOT_DIR)/front-page-dark.png --theme dark \
		--size $(SCREENSHOT_SIZE) && \
	$(XVFB_RUN) $(SHOOT) article $(SCREENSHOT_DIR)/article-dark.png --theme dark \
		--size $(SCREENSHOT_SIZE) && \
	$(XVFB_RUN) $(BIN)/paper-reader --open 2024-03-15/1/1 \
		--screenshot $(SCREENSHOT_DIR)/article.png --size $(SCREENSHOT_SIZE) && \
	xvfb-run -a -s "-screen 0 $(SCREENSHOT_SIZE)x24" $(SHOOT) kiosk \
		$(SCREENSHOT_DIR)/kiosk.png --config build/screenshot-home/kiosk.ini

dist: $(STAMP) translations
	$(BIN)/pip install pyinstaller && $(BIN)/pyinstaller --noconfirm \
		--distpath dist --workpath build/pyinstaller \
		packaging/pyinstaller/paper-reader.spec

# The sample issue's page PDFs, typeset from its text pages, and layout.json beside them (where
# every article is on the page: the tests' ground truth). The same bytes on every run.
SAMPLE_DIR := resources/sample/songhe-2024-03-15

sample-pdfs: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/sample/typeset_sample.py --sample $(SAMPLE_DIR)

fixture-pdfs: $(STAMP)
	$(BIN)/pip install -q -e '.[fixtures]'
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/fixtures/pdf/make_fixtures.py

clean:
	rm -rf build dist .pytest_cache .ruff_cache .hypothesis
	rm -rf *.egg-info src/*.egg-info
	rm -f $(QM_FILES)
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -print0 \
		| xargs -0 rm -rf

distclean: clean
	rm -rf $(VENV)
