# Livret — the two commands a newcomer needs are `make run` and `make test`.
export GOTOOLCHAIN := local
GO ?= go
ADDR ?= 127.0.0.1:8090
DATA ?= demo_data

.PHONY: run test bench build chromium testtools

## build: the single binary ./livret (templates and static files embedded)
build:
	$(GO) build -o livret .

## chromium: install Debian's chromium-headless-shell (PDF printing, browser tests) when missing
chromium:
	@scripts/install-chromium.sh

## testtools: install poppler-utils and LibreOffice Writer (the tests read PDFs and exports)
testtools:
	@scripts/install-test-tools.sh

## run: seed the demo school (idempotent) and serve it on $(ADDR)
run: build
	@scripts/install-chromium.sh || true
	./livret demo --dir $(DATA) --http $(ADDR)

## test: every test — rules, handlers, access matrix, real Chromium browser tests
test: chromium testtools
	$(GO) vet ./...
	$(GO) test -count=1 -timeout 30m ./...

## bench: Go benchmarks and a loopback load run; writes BENCHMARKS.md
bench: chromium
	mkdir -p bin
	$(GO) build -o bin/livret .
	$(GO) run ./bench -bin bin/livret -out BENCHMARKS.md
