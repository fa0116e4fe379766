# Two commands on a fresh machine:  make run  (launch the app)  and  make test.
PYTHON := $(shell sh scripts/find-python)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench screenshots seed translations clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	sh scripts/qt-debian-deps run
	@if [ "$$(uname)" = Linux ] && [ -z "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then \
	  echo "no display found: running under xvfb-run (a virtual screen)"; \
	  xvfb-run -a -s "-screen 0 1600x1000x24" $(BIN)/dongchuan-gui $(FILE); \
	else $(BIN)/dongchuan-gui $(FILE); fi

test: $(STAMP)
	sh scripts/qt-debian-deps test
	$(BIN)/ruff check src tests tools benchmarks
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check src tests tools benchmarks

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/load_save.py

screenshots: $(STAMP)
	sh scripts/qt-debian-deps test
	QT_QPA_PLATFORM=offscreen $(BIN)/dongchuan-gui --screenshot docs/screenshots

# after changing user-visible strings: update the .ts (translate the new entries in
# Qt Linguist, pyside6-linguist), then compile the .qm the app loads
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -locations none -no-obsolete $$(find src -name '*.py' | sort) \
	  -ts resources/i18n/dongchuan_zh_CN.ts
	$(BIN)/pyside6-lrelease resources/i18n/dongchuan_zh_CN.ts -qm resources/i18n/dongchuan_zh_CN.qm

seed: $(STAMP)
	$(BIN)/python tools/build_seed.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis
