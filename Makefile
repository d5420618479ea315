# ComplaintDesk: `make run` opens the app on a demo database, `make test` runs everything.
# Both set up what they need first: Debian packages (when root), a .venv, pip packages.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB ?= var/demo.db
DEMO_CASES ?= 3000

.PHONY: run test bench venv system-deps clean-demo screenshots

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

venv: $(STAMP)

system-deps:
	sh scripts/system-deps $(DEPS)

run: DEPS = run
run: system-deps $(STAMP)
	$(BIN)/complaintdesk demo --db $(DEMO_DB) --cases $(DEMO_CASES) --if-empty
	$(BIN)/complaintdesk --db $(DEMO_DB)

test: DEPS = test
test: system-deps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: DEPS = test
bench: system-deps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py $(BENCH_ARGS)

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py docs

clean-demo:
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
