# Two entry points for a fresh machine: `make run` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup eval bench clean check-install

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/claimpipe run corpus/ -o outputs/
	$(BIN)/claimpipe report outputs/
	$(BIN)/claimpipe eval outputs/ --annotations annotations/ --check annotations/floors.json

test: $(STAMP)
	bash scripts/install_browser.sh
	CLAIMPIPE_REQUIRE_BROWSER=1 $(BIN)/python -m pytest -q

# Install as a user does (fresh venv, the Python's own pip, `pip install .`) and run three articles.
check-install:
	PYTHON=$(PYTHON) bash scripts/check_install.sh

eval: $(STAMP)
	$(BIN)/claimpipe eval outputs/ --annotations annotations/

clean:
	rm -rf $(VENV) outputs/*.jsonl outputs/*.csv outputs/*.json outputs/report.html
