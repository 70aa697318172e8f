# Agora: the two commands of the README, and the developer's others.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: demo test install system-deps lint format bench serve messages clean-demo

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null || { echo "Agora needs Python 3.11 ($(PYTHON) not found)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Debian packages the test suite drives: Chromium for the browser tests, gettext, fonts and
# Pango for WeasyPrint. Installed only when missing and when we may (root).
system-deps:
	@missing=""; \
	for p in chromium gettext fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 poppler-utils; do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Missing Debian packages:$$missing (browser and PDF tests will be skipped)"; fi; \
	fi

demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py demo_logins
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install system-deps
	$(BIN)/pytest -n 2 $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy agora matchmaker config
	$(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install
	cd agora && ../$(BIN)/python ../manage.py makemessages -l fr --no-obsolete --no-location
	cd agora && ../$(BIN)/python ../manage.py compilemessages

# The optimisation benchmarks need no database; the events and annual-report benchmarks run on
# PostgreSQL in a database of their own (BENCH_DATABASE_URL), created and migrated here.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/agora_bench
bench: install
	$(BIN)/python -m matchmaker.bench all
	@if pg_isready -h 127.0.0.1 -p 5432 -q; then \
	  dropdb --if-exists -h 127.0.0.1 -U postgres agora_bench && createdb -h 127.0.0.1 -U postgres agora_bench && \
	  DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py migrate -v0 && \
	  DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py bench_b2b_event --participants 5000 --meetings 25000 && \
	  DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py bench_annual_report; \
	else echo "PostgreSQL not running on 127.0.0.1:5432: events benchmark skipped"; fi

clean-demo:
	rm -f var/agora.sqlite3*
