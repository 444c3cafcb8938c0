# dkg — make run: install, load the sample articles, serve; make test: the whole suite.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STORE  ?= var/store
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run install test lint bench browser clean

$(BIN)/dkg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $(BIN)/dkg

install: $(BIN)/dkg

run: install
	@if [ "$$($(BIN)/dkg stats --store $(STORE) | awk '$$1=="articles"{print $$2}')" = "0" ]; then \
		$(BIN)/dkg ingest --store $(STORE) data/articles; \
	fi
	$(BIN)/dkg serve --store $(STORE) --host $(HOST) --port $(PORT)

test: install
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check ontology graph api tests bench

bench: install
	$(BIN)/python bench/extraction.py

clean:
	rm -rf $(VENV) var .pytest_cache
