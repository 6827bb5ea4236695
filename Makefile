# make site   set up a local virtual environment and build the whole site into site/
# make test   set up the same environment with the test tools and run every test
# make serve  preview the current edition at http://127.0.0.1:8000/
# make screenshots  build the site, then take the README's pictures of it into docs-images/
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: site test serve validate benchmark lighthouse clean screenshots

$(VENV)/.installed: pyproject.toml
	@echo "Setting up the Python environment in $(VENV) (a minute or two the first time)"
	@$(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@

site: $(VENV)/.installed
	@bash scripts/install-test-tools.sh --site
	@$(PY) build_plan.py build

validate: $(VENV)/.installed
	$(PY) build_plan.py validate

serve: $(VENV)/.installed
	$(PY) build_plan.py serve

test: $(VENV)/.installed
	bash scripts/install-test-tools.sh
	$(PY) -m pytest --durations=10

clean:
	rm -rf site .site-build-* .site-old-*

benchmark: $(VENV)/.installed
	$(PY) benchmarks/bench.py

screenshots: site
	$(PY) scripts/screenshots.py

lighthouse: site
	$(PY) benchmarks/lighthouse.py
