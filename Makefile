# Practice Manager: `make run` opens the app, `make test` runs the whole suite headless.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test test-days lint typecheck check screenshots benchmarks clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(STAMP_RUN)

run: $(STAMP_RUN)
	$(BIN)/practice-manager $(ARGS)

test: $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

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

# Make a large sample practice (2,000 clients over 10 years; about 15 minutes) and time
# opening it, client lists and searches, enrolment rows and reports; see benchmarks/RESULTS.md.
benchmarks: $(STAMP_RUN)
	$(BIN)/python benchmarks/run.py --write-results

# Screenshots of every page from a freshly made sample practice, into docs/screenshots/.
screenshots: $(STAMP_RUN)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py --output docs/screenshots

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
