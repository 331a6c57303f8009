# make run   - set up .venv when needed, then open the reader on the bundled sample
# make test  - set up .venv when needed (with the dask extra, so its tests run), then run the whole test suite
# make fuzz  - the property tests of tests/test_fuzz.py with 10,000 examples each (long: an hour or more)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE := samples/000_92e0686fa38e74b4.txt

.PHONY: run test fuzz lint bench analyze setup clean

run: $(STAMP)
	$(BIN)/reader $(SAMPLE)

test: $(STAMP)
	$(BIN)/pytest -q

fuzz: $(STAMP)
	READER_FUZZ_EXAMPLES=10000 $(BIN)/pytest -q tests/test_fuzz.py

lint: $(STAMP)
	$(BIN)/ruff check reader tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_analysis.py
	$(BIN)/python benchmarks/bench_process.py
	$(BIN)/python benchmarks/bench_links.py
	$(BIN)/python benchmarks/bench_knowledge.py
	$(BIN)/python benchmarks/bench_tui.py
	$(BIN)/python benchmarks/bench_scaling.py
	$(BIN)/python benchmarks/bench_library.py

analyze: $(STAMP)
	$(BIN)/reader analyze --format markdown $(SAMPLE)

setup: $(STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# reinstall only when pyproject.toml or constraints.txt changed since the last install;
# constraints.txt holds the exact versions the tests and snapshots need (pyproject.toml: ranges);
# the dask extra is installed too, so the tests of 'reader add --dask' run;
# the sources are compiled once (an editable install does not, and with PYTHONDONTWRITEBYTECODE
# every run would compile them again: about 0.1 s of each `reader analyze`)
$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install -c constraints.txt -e '.[dev,dask]'
	$(BIN)/python -m compileall -q reader > /dev/null
	touch $(STAMP)

clean:
	rm -rf .pytest_cache .ruff_cache .hypothesis build dist *.egg-info
