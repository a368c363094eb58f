# Aiguillage — two commands do all the set-up from a fresh clone:
#   make run    the desk window, on an embedded SQLite database with the demo directory
#   make test   lint, types and the whole test suite, headless
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DESK_STAMP := $(VENV)/.desk
# What Qt needs to show the desk, on a Debian-like system: all that `make run` installs.
DESK_PACKAGES := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 \
	libfontconfig1 libdbus-1-3 fonts-dejavu-core libxcb-icccm4 libxcb-keysyms1
# What the tests add: the PostgreSQL the hub tests start, Chromium for the console's, and
# the tools the bundle and its desktop entry are checked with, and ICU's tools that cut its
# data to French and English in the bundle.
SYSTEM_PACKAGES := $(DESK_PACKAGES) postgresql binutils desktop-file-utils chromium \
	icu-devtools gcc nginx

.PHONY: run test lint typecheck pytest package system-deps translations catalogues screenshots geography template clean

run: $(DESK_STAMP) template
	$(BIN)/aiguillage

test: $(STAMP) lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check core app ui db hub devtools tests resources packaging
	$(BIN)/ruff format --check core app ui db hub devtools tests resources packaging
	$(BIN)/lint-imports --no-cache

typecheck: $(STAMP)
	$(BIN)/mypy

# The suite runs on as many processes as PYTEST_WORKERS (two by default: each starts its own
# PostgreSQL and hub, so more needs the memory for them); PYTEST_WORKERS=0 runs it in one.
PYTEST_WORKERS ?= 2
pytest: $(STAMP) template
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n $(PYTEST_WORKERS)

# The desk alone: the core and the desk's extra (no hub, tests or bundler) and Qt's system
# libraries.
$(DESK_STAMP): pyproject.toml
	@$(MAKE) --no-print-directory system-deps SYSTEM_PACKAGES="$(DESK_PACKAGES)"
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[desk]'
	touch $(DESK_STAMP)

# Everything: the hub, the tests, the bundler.
$(STAMP): pyproject.toml | system-deps
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[desk,hub,test,package]'
	touch $(STAMP) $(DESK_STAMP)

system-deps:
	@if command -v dpkg >/dev/null 2>&1; then \
	  missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	  if [ -n "$$missing" ]; then \
	    if [ "$$(id -u)" = 0 ]; then \
	      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	    else \
	      echo "Paquets système manquants (à installer avec sudo apt-get install) : $$missing"; \
	    fi; \
	  fi; \
	fi

# The desk as a one-folder bundle that needs no Python: dist/aiguillage/ (see packaging/).
package: $(STAMP) template
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN packaging/aiguillage.spec
	@du -sh dist/aiguillage

# Regenerate the translation sources from the code, then compile them. French is the
# source language: its catalogue holds only the plural forms of the messages that count.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate $(wildcard ui/*.py) -ts resources/translations/aiguillage_en.ts -no-obsolete
	$(BIN)/pyside6-lrelease resources/translations/aiguillage_en.ts -qm resources/translations/aiguillage_en.qm
	$(BIN)/pyside6-lupdate -pluralonly $(wildcard ui/*.py) -ts resources/translations/aiguillage_fr.ts -no-obsolete
	$(BIN)/pyside6-lrelease resources/translations/aiguillage_fr.ts -qm resources/translations/aiguillage_fr.qm

# Text outside the window (core, the desk's services and command line, the hub and its
# console): extract the French messages, merge them into the English catalogue, compile it.
# The .mo is committed, so a fresh clone runs without this step; a test checks it is current.
LOCALE := resources/locale
catalogues: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k Nn_:1,2 --no-location --sort-output -o $(LOCALE)/aiguillage.pot .
	$(BIN)/pybabel update -i $(LOCALE)/aiguillage.pot -d $(LOCALE) -D aiguillage -l en -N --width 100 --ignore-obsolete
	$(BIN)/pybabel compile -d $(LOCALE) -D aiguillage -l en --statistics

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m devtools.screenshots docs
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m devtools.screenshots docs --scale 1.5
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m devtools.screenshots docs --lang en
	$(BIN)/python -m devtools.report_demo docs
	AIGUILLAGE_SCREENSHOTS=docs $(BIN)/python -m pytest -q tests/hub/test_console_browser.py tests/hub/test_partner_browser.py tests/hub/test_time_browser.py

# Rebuild the compact geography from Etalab's decoupage-administratif data folder.
geography: $(STAMP)
	@test -n "$(SRC)" || (echo "usage : make geography SRC=dossier/decoupage-administratif/data" && exit 2)
	$(BIN)/python resources/geography/build_geography.py $(SRC)

# The database a first start copies (schema, lists, geography, demo directory; see
# app/template.py), made again when what it is made from has changed; not in git (7 MB).
TEMPLATE := resources/template/aiguillage.sqlite3
template: $(TEMPLATE)
$(TEMPLATE): $(DESK_STAMP) db/migrate.py $(wildcard db/migrations/versions/*.py db/models/*.py resources/geography/*.gz resources/demo/*.json app/geography.py app/nomenclature.py app/directory/*.py core/lists.py core/places.py)
	$(BIN)/python packaging/make_template.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache resources/template
