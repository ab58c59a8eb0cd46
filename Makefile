# Portcullis — the two commands a newcomer needs:
#   make demo   installs what is missing, builds, and scans the built-in demo providers
#   make test   installs what is missing, checks formatting, and runs every test
# CI runs `make test` through .ci/run.

SWIFT        ?= swift
DEBIAN_DEPS  := libcurl4-openssl-dev libxml2-dev libssl-dev pkg-config curl wget openssl python3 python3-pip \
                chromium fonts-dejavu-core
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
FORMAT_PATHS := Package.swift Sources Tests Benchmarks

.PHONY: all deps build demo test format format-check bench clean

all: build

## Install the Debian packages and Python modules the build and tests need, only when something is missing.
deps:
	@missing=""; for p in $(DEBIAN_DEPS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@python3 -c "import jsonschema" 2>/dev/null || python3 -m pip install -q jsonschema \
		|| python3 -m pip install -q --break-system-packages jsonschema
	@python3 -c "import junitparser" 2>/dev/null || python3 -m pip install -q junitparser \
		|| python3 -m pip install -q --break-system-packages junitparser
	@command -v sarif >/dev/null 2>&1 || python3 -m pip install -q sarif-tools \
		|| python3 -m pip install -q --break-system-packages sarif-tools

build: deps
	$(SWIFT) build

## Scan the demo providers; reports land in ./portcullis-demo/.
demo: build
	$(SWIFT) run --skip-build portcullis demo

format:
	$(SWIFT) format format --in-place --recursive --parallel $(FORMAT_PATHS)

format-check:
	$(SWIFT) format lint --strict --recursive --parallel $(FORMAT_PATHS)

## Every test: format check, then the whole suite (unit, loopback integration, conformance).
test: deps format-check
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## Benchmarks print figures; they are never part of `make test`.
bench: deps
	bash Benchmarks/tls/install-sslyze.sh || echo "sslyze not installed: the TLS benchmark runs without its peer"
	$(SWIFT) build -c release --product portcullis-bench
	$(SWIFT) run -c release --skip-build portcullis-bench all

clean:
	rm -rf .build portcullis-demo
