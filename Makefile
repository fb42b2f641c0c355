# Buurtkracht: `make run` serves the site with demo data, `make test` runs every check.
# Both work on a fresh machine: they install what they need themselves.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/pip
# The stamp changes when the dependencies change, so `make` reinstalls only then.
PY_STAMP   := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | md5sum | cut -c1-10)
NODE_STAMP := node_modules/.installed-$(shell md5sum < package-lock.json | cut -c1-10)
CSS := site/static/dist/buurtkracht.css

.PHONY: run test bench screenshots install assets messages lint migrations-check serve clean

run: install assets messages
	bash .ci/ensure-system-packages --runtime
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	bash .ci/serve-dev

test: install assets messages
	bash .ci/ensure-system-packages
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit -q -c pyproject.toml -r site initiatieven ruimtes vrijwilligers search --severity-level high
	bash .ci/with-postgres bash .ci/with-elasticsearch $(BIN)/python -m pytest -q $(PYTEST_ARGS)

# Load test (not part of `make test`): seeds a large district, serves it with gunicorn and
# writes benchmarks/results/latest.json. See benchmarks/README.md.
bench: install assets messages
	bash .ci/ensure-system-packages --bench
	bash .ci/with-postgres bash .ci/with-elasticsearch $(BIN)/python benchmarks/load/run.py

# Screenshots of the key pages at 375 and 1280 px, taken by the browser journeys.
screenshots: install assets messages
	bash .ci/ensure-system-packages
	bash .ci/with-postgres bash .ci/with-elasticsearch env BUURTKRACHT_SCREENSHOTS=docs/screenshots \
	  $(BIN)/python -m pytest -q tests/browser -k journey

install: $(PY_STAMP)

$(PY_STAMP):
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade "pip>=24"
	$(PIP) install -qq -c constraints.txt -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $@

assets: $(CSS)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The build keeps the Utrecht rules whose classes the templates, Python and scripts use
# (site/frontend/build.mjs), so those files count as its sources too.
CSS_SOURCES := $(shell find site initiatieven ruimtes vrijwilligers search \
  \( -name dist -o -name node_modules -o -name __pycache__ -o -name migrations \) -prune \
  -o -type f \( -name '*.html' -o -name '*.txt' -o -name '*.py' -o -name '*.js' \) -print)

$(CSS): $(NODE_STAMP) $(wildcard site/frontend/*) $(wildcard site/frontend/**/*) $(CSS_SOURCES)
	npm run --silent build

messages: install
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq --no-install-recommends gettext)
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

clean:
	rm -rf $(VENV) node_modules site/static/dist var db.sqlite3
