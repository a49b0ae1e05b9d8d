# Two commands matter: `make demo` and `make test`. Both build .venv on first use.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOME_DIR ?= data
PORT ?= 8001

.PHONY: demo test lint bench bench-realworld serve clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/archive --home $(HOME_DIR) ingest seeds/
	$(BIN)/archive --home $(HOME_DIR) serve --host 127.0.0.1 --port $(PORT)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/segmentation.py
	$(BIN)/python bench/metadata.py
	-$(BIN)/python bench/ids.py
	$(BIN)/python bench/search.py 100000

# Real documents from Debian's packages (needs apt-get; cached in ~/.cache/archive-realworld).
bench-realworld: $(STAMP)
	$(BIN)/python bench/realworld/fetch.py
	$(BIN)/python bench/realworld.py

clean:
	rm -rf $(VENV) $(HOME_DIR)
