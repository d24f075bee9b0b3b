# The two commands a new user (and CI) needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
# The demo day: yesterday in Asia/Tokyo, as the nightly run would take it.
DAY ?= $(shell $(PYTHON) -c "import datetime as d, zoneinfo as z; print((d.datetime.now(z.ZoneInfo('Asia/Tokyo')) - d.timedelta(days=1)).date())")
MESSAGES ?= 300

.PHONY: setup run test lint eval bench clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	rm -f $(VENV)/.installed-* && touch $(STAMP)

setup: $(STAMP)

## Command one: set up, write a synthetic sample day, run the nightly flow on it.
run: setup
	$(BIN)/tokumei sample --date $(DAY) --messages $(MESSAGES)
	$(BIN)/tokumei run --date $(DAY)

## Command two: set up and run the tests (CI runs exactly this).
test: setup
	$(BIN)/ruff check .
	$(BIN)/pytest -q

eval: setup
	$(BIN)/tokumei eval

bench: setup
	$(BIN)/python tests/bench/benchmark.py

clean:
	rm -rf data/raw data/quarantine data/anonymized data/.staging
