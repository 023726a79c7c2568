# Steerco's two entry points are `make run` and `make test`; the other targets are their steps.
# Everything a fresh Debian 12 machine lacks (Debian packages, npm modules, tauri-driver) is
# installed by these targets, never assumed.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
DESKTOP_BIN := $(TARGET_DIR)/debug/steerco-desktop
CLI_BIN := $(TARGET_DIR)/debug/steerco
# Tests run with their own per-user folders; `hermetic-check` fails if anything used them.
TEST_HOME := $(CURDIR)/.test-home
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

APT_PACKAGES := build-essential pkg-config libssl-dev libwebkit2gtk-4.1-dev libgtk-3-dev \
	librsvg2-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev xvfb xauth webkit2gtk-driver \
	poppler-utils imagemagick mold

.PHONY: run test system-deps ui-deps ui build fmt-check clippy cargo-test ui-lint ui-test e2e-bins e2e \
	tauri-driver hermetic-check bench bindings fuzz crash-full page-timings clean

## Build everything and open the desktop app (the demo portfolio on a first run).
run: build
	$(DESKTOP_BIN)

## Everything CI runs: formatting, lints, Rust tests (with the crash harness's 10 kills and the
## fuzzing corpus replayed), UI lint, format, type and unit checks, and the desktop e2e suite.
test: system-deps fmt-check ui clippy cargo-test ui-lint ui-test e2e hermetic-check
	@echo "make test: all checks passed"

system-deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	fi

ui/node_modules/.package-lock.json: ui/package.json ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund
	@touch $@

ui-deps: ui/node_modules/.package-lock.json

## The desktop binary embeds ui/dist, so the UI is built before any cargo step that compiles it.
ui: ui-deps
	cd ui && npm run build

build: system-deps ui
	cargo build -p steerco-desktop -p steerco-cli

fmt-check:
	cargo fmt --all -- --check

## The same package selections as `cargo-test` and `e2e`, so the build scripts and proc macros
## clippy compiles are the ones the test builds reuse (a `--workspace` run resolves other features
## and compiled them all a second time).
clippy: ui
	cargo clippy --all-targets --locked -- -D warnings
	cargo clippy -p steerco-e2e --all-targets --locked -- -D warnings

cargo-test: ui
	@rm -rf $(TEST_HOME) && mkdir -p $(TEST_HOME)
	XDG_DATA_HOME=$(TEST_HOME)/data XDG_CONFIG_HOME=$(TEST_HOME)/config cargo test --locked

ui-lint: ui-deps
	cd ui && npm run lint && npm run format:check

ui-test: ui-deps
	cd ui && npm run typecheck && npm test

tauri-driver:
	@command -v tauri-driver >/dev/null || [ -x "$${CARGO_HOME:-$$HOME/.cargo}/bin/tauri-driver" ] || \
	  cargo install tauri-driver --locked --version ^2 --debug

## The app and CLI the e2e suite drives, from the very build `cargo test` makes (it builds both
## binaries for its integration tests). `cargo build -p …` resolves the dependencies' features
## without the test-only ones, so it would compile the whole dependency graph a second time.
e2e-bins: ui
	cargo test --locked --no-run

## The real desktop app under Xvfb, driven by WebDriver (tauri-driver + WebKitWebDriver).
e2e: e2e-bins tauri-driver
	XDG_DATA_HOME=$(TEST_HOME)/data XDG_CONFIG_HOME=$(TEST_HOME)/config \
	STEERCO_DESKTOP_BIN=$(DESKTOP_BIN) STEERCO_CLI_BIN=$(CLI_BIN) \
	  xvfb-run -a -s "-screen 0 1920x1080x24" cargo test --locked -p steerco-e2e -- --test-threads=1

hermetic-check:
	@if [ -e $(TEST_HOME)/data/io.steerco.desktop ] || [ -e $(TEST_HOME)/config/io.steerco.desktop ]; then \
	  echo "a test wrote to the per-user Steerco folders instead of its own temp dir:"; \
	  find $(TEST_HOME) -maxdepth 3; exit 1; \
	fi

bench:
	cargo bench -p steerco-core

## The fuzz targets for FUZZ_SECONDS each (needs nightly and cargo-fuzz; see fuzz/run.sh).
FUZZ_SECONDS ?= 60
fuzz:
	fuzz/run.sh $(FUZZ_SECONDS)

## The crash harness at full size: 100 SIGKILLs (make test runs 10).
crash-full:
	STEERCO_CRASH_RUNS=100 cargo test -p steerco-cli --test cli crash -- --nocapture

## Page timings at 1,000 and 10,000 use cases, on the release app (a benchmark; see README).
page-timings: ui tauri-driver
	cargo build --release -p steerco-desktop -p steerco-cli
	STEERCO_DESKTOP_BIN=$(CURDIR)/target/release/steerco-desktop STEERCO_CLI_BIN=$(CURDIR)/target/release/steerco \
	  xvfb-run -a -s "-screen 0 1440x900x24" cargo test --locked -p steerco-e2e --test page_timings -- --ignored --nocapture --test-threads=1

## Regenerate ui/src/bindings from the Rust types (the drift test fails until they are committed).
bindings:
	UPDATE_BINDINGS=1 cargo test -p steerco-api --test api bindings

clean:
	rm -rf ui/dist ui/node_modules $(TEST_HOME)
	cargo clean
