# ComplaintDesk: `make run` opens the app on a demo database, `make test` runs everything.
# Both set up what they need first: Debian packages (when root), a .venv, pip packages.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB ?= var/demo.db
DEMO_CASES ?= 3000

.PHONY: run test lint format bench venv system-deps clean-demo screenshots package translations

# The windows load compiled catalogues (.qm); the .ts files are the sources (scripts/translations.py).
CATALOGUES := $(patsubst %.ts,%.qm,$(wildcard resources/translations/*.ts))

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

venv: $(STAMP)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(CATALOGUES)

system-deps:
	sh scripts/system-deps $(DEPS)

run: DEPS = run
run: system-deps $(STAMP) $(CATALOGUES)
	test -e $(DEMO_DB) || $(BIN)/complaintdesk demo --db $(DEMO_DB) --cases $(DEMO_CASES) --if-empty
	$(BIN)/python -m compileall -q app ui  # start from bytecode even where PYTHONDONTWRITEBYTECODE is set
	$(BIN)/complaintdesk --db $(DEMO_DB)

test: DEPS = test
test: system-deps $(STAMP) $(CATALOGUES) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

# the rule set and the format are in pyproject.toml; `make format` applies them
lint: $(STAMP)
	$(BIN)/ruff check app ui tests bench scripts
	$(BIN)/ruff format --check app ui tests bench scripts
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix app ui tests bench scripts
	$(BIN)/ruff format app ui tests bench scripts

bench: DEPS = test
bench: system-deps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py $(BENCH_ARGS)

screenshots: DEPS = test
screenshots: system-deps $(STAMP) $(CATALOGUES)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py docs

clean-demo:
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm

# A one-folder build in dist/complaintdesk, from a venv holding only what the program needs,
# then the smoke test of the built binary with no project venv in sight.
BUILD_VENV := build/venv
package:
	test -x $(BUILD_VENV)/bin/python || $(PYTHON) -m venv $(BUILD_VENV)
	$(BUILD_VENV)/bin/python -m pip install -q --upgrade pip
	$(BUILD_VENV)/bin/python -m pip install -q '.[postgres]' 'pyinstaller>=6.10'
	for ts in resources/translations/*.ts; do $(BUILD_VENV)/bin/pyside6-lrelease -silent $$ts -qm $${ts%.ts}.qm; done
	$(BUILD_VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/complaintdesk.spec
	@du -sh dist/complaintdesk | awk '{print "package size: " $$1 " (dist/complaintdesk)"}'
	sh packaging/smoke-test dist/complaintdesk/complaintdesk
