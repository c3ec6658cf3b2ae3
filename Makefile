# Practice Manager: `make run` opens the app, `make test` runs the whole suite headless.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test
STAMP_BUILD := $(VENV)/.installed-build
APP_DIR := dist/Practice Manager
XDG_DATA_HOME ?= $(HOME)/.local/share

.PHONY: run test test-postgresql test-days lint typecheck check screenshots benchmarks dist smoke-dist \
	install-desktop uninstall-desktop clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(STAMP_RUN)

$(STAMP_BUILD): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[build]"
	touch $@ $(STAMP_RUN)

run: $(STAMP_RUN)
	$(BIN)/practice-manager $(ARGS)

# Tests run on every core (at most four: each worker starts its own Qt and, when a test
# needs it, its own PostgreSQL server). WORKERS=0 runs them in this one process.
WORKERS ?= auto
PARALLEL := -n $(WORKERS) --maxprocesses=4
# What runs a second time with each test's practice on a PostgreSQL server instead of a
# file: every test of the services, the figures, the reports and the note search.
SERVER_TESTS := tests/services tests/economics tests/reports tests/search

# The whole suite on files (with the server's own tests: schema, access rules, the
# command line, conflicts), then the services, figures, reports and search on the server.
test: $(STAMP_TEST)
	scripts/ensure-test-programs.sh
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PARALLEL) $(PYTEST_ARGS)
	PRACTICE_TEST_ENGINE=postgresql QT_QPA_PLATFORM=offscreen \
		$(BIN)/python -m pytest $(PARALLEL) $(SERVER_TESTS) $(PYTEST_ARGS)

# Only the second half of make test: the services, figures, reports and search tests,
# each test's practice on a PostgreSQL server the tests start.
test-postgresql: $(STAMP_TEST)
	scripts/ensure-test-programs.sh
	PRACTICE_TEST_ENGINE=postgresql QT_QPA_PLATFORM=offscreen \
		$(BIN)/python -m pytest $(PARALLEL) $(SERVER_TESTS) $(PYTEST_ARGS)

# The whole suite with the clock moved to awkward days (leap day, month and year ends,
# the clock changes, three years on) through libfaketime; DAYS="2027-03-28 01:30:00,..." for others.
test-days: $(STAMP_TEST)
	scripts/test-on-days.sh

lint: $(STAMP_TEST)
	$(BIN)/ruff check practice ui tests
	$(BIN)/ruff format --check practice ui tests

typecheck: $(STAMP_TEST)
	$(BIN)/mypy

check: lint typecheck test

# Make the twenty-year practice in bulk (2,000 clients, about 60,000 sessions; under a
# minute) in a fresh folder, then measure it: queries, start-up and the command line
# against their floors, the screens. Results in benchmarks/RESULTS.md and *.json.
benchmarks: $(STAMP_RUN)
	@dir=$$(mktemp -d) && trap 'rm -rf "$$dir"' EXIT && \
	$(BIN)/python benchmarks/lifetime.py --output "$$dir/lifetime.db" --write-results && \
	$(BIN)/python benchmarks/run.py --reuse "$$dir/lifetime.db" --write-results && \
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/floors.py --reuse "$$dir/lifetime.db" --write-results && \
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/screens.py --reuse "$$dir/lifetime.db" --write-results

# Screenshots of every page from a freshly made sample practice, into docs/screenshots/.
screenshots: $(STAMP_RUN)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py --output docs/screenshots

# The app a practitioner double-clicks: one folder, dist/Practice Manager/ (build.spec),
# then its smoke test run with no Python on PATH (a missing import or file fails here).
dist: $(STAMP_BUILD)
	rm -rf "$(APP_DIR)" "dist/Practice Manager.app"
	QT_QPA_PLATFORM=offscreen $(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller build.spec
	$(MAKE) --no-print-directory smoke-dist

smoke-dist:
	scripts/smoke-dist.sh "$(APP_DIR)"

# The .desktop entry and the icons into $(XDG_DATA_HOME) (~/.local/share): the menu then
# offers Practice Manager. It starts dist/Practice Manager/practice-manager when built,
# else the practice-manager on PATH (pipx install .).
install-desktop: $(STAMP_RUN)
	$(BIN)/python scripts/install_desktop.py --data-home "$(XDG_DATA_HOME)" --app-dir "$(APP_DIR)"

uninstall-desktop: $(STAMP_RUN)
	$(BIN)/python scripts/install_desktop.py --data-home "$(XDG_DATA_HOME)" --remove

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
