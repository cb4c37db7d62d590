# Stocktake. `make run` serves the demo; `make test` runs everything CI runs on SQLite.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
UV_VERSION := 0.13.9
UV := .tools/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: help install run test check pytest e2e-deps migrate demo bench bench-scripts loadtest fuzz outdated clean

help:
	@echo "make run   install, migrate, load the demo data and serve on http://$(HOST):$(PORT)"
	@echo "make test  install and run lint, types, migration check and the whole test suite"

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --quiet
	@touch $@

node_modules/.built: package.json package-lock.json stocktake/core/static_src/stocktake.scss
	npm ci --no-audit --no-fund --loglevel=error
	npm run --silent build
	@touch $@

install: $(VENV)/.synced node_modules/.built

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo
	$(PY) manage.py load_framework --shipped

run: demo
	$(PY) manage.py collectstatic --noinput --verbosity 0
	@trap 'kill 0' EXIT INT TERM; \
	$(PY) manage.py qcluster & \
	echo "Serving Stocktake on http://$(HOST):$(PORT)"; \
	$(PY) manage.py runserver --noreload $(HOST):$(PORT)

check: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy .
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/bandit -q -r stocktake -x '*/tests/*,*/migrations/*' -ll

# Browser tests drive Debian's Chromium; as root we install it, otherwise we say what is missing.
e2e-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian's chromium for the browser tests"; \
	    (apt-get install -y -q chromium >/dev/null 2>&1) || \
	      (apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null); \
	  else \
	    echo "The browser tests need /usr/bin/chromium: run 'sudo apt-get install chromium'" >&2; \
	    exit 1; \
	  fi; \
	fi

pytest: install e2e-deps
	$(VENV)/bin/pytest -n 2 $(PYTEST_ARGS)

test: check pytest

# One table: key pages against their SQL floors, import readers, reports (BENCH_SCALE=1 default).
bench: install
	$(PY) bench/run.py

# The older, single-purpose benches, each with its own bar.
bench-scripts: install
	DJANGO_SETTINGS_MODULE=stocktake.settings $(PY) bench/import_speed.py
	$(PY) bench/plan_page.py
	$(PY) bench/indicator_import.py
	$(PY) bench/report_speed.py
	$(PY) bench/cycle_open.py

# 50 users for 60 s against a production server on loopback; needs DATABASE_URL (PostgreSQL).
loadtest: install
	$(PY) bench/load.py

# The fuzz suites with thousands of examples each, rather than the suite's bounded few.
fuzz: install
	HYPOTHESIS_PROFILE=long $(VENV)/bin/pytest -p no:randomly -q \
	  stocktake/imports/tests/test_fuzz.py stocktake/imports/tests/test_properties.py \
	  stocktake/core/tests/test_form_fuzz.py

# No vulnerability database is reachable from every machine: list what has a newer release.
outdated: install
	$(UV) pip list --outdated --python $(PY)
	npm outdated || true

clean:
	rm -rf $(VENV) .tools node_modules staticfiles stocktake/core/static/core/stocktake.css
