# dkg — make run: install, load the sample articles, serve; make test: the whole suite.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STORE  ?= var/store
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: model-cv run install test lint bench browser clean model

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

# the learned relation layer, trained on our own texts, the seed and the blind corpus's dev part
# (never its held-out parts b07-b12, b21-b28, b37-b44, b45-b52, b69-b76, b93-b100, which
# measure it)
HELD_OUT := --exclude '*-b0[7-9]-*' --exclude '*-b1[0-2]-*' --exclude '*-b2[1-8]-*' \
	--exclude '*-b3[7-9]-*' --exclude '*-b4[0-9]-*' --exclude '*-b5[0-2]-*' \
	--exclude '*-b69-*' --exclude '*-b7[0-6]-*' --exclude '*-b9[3-9]-*' --exclude '*-b100-*'
model: install
	$(BIN)/dkg train-relations tests/corpus tests/corpus_blind ../shared/corpus/dev $(HELD_OUT) \
		--out data/models/relations.json

# what the layer adds on text it was not trained on, by five-fold cross-validation over the
# same training files (writes no model)
model-cv: install
	$(BIN)/dkg train-relations tests/corpus tests/corpus_blind ../shared/corpus/dev $(HELD_OUT) \
		--folds 5

bench: install
	$(BIN)/python bench/extraction.py

clean:
	rm -rf $(VENV) var .pytest_cache
