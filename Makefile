# skillgap: `make test` is what CI runs.
GO      ?= go
BIN     ?= bin/skillgap
FUZZTIME ?= 30s

.PHONY: all build test lint bench fuzz man clean

all: build

build:
	$(GO) build -trimpath -o $(BIN) ./cmd/skillgap

test: lint
	$(GO) test -race -count=1 ./...

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Each fuzz target runs for FUZZTIME (go test allows one -fuzz target per run).
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzParseProfile$$' -fuzztime $(FUZZTIME) ./profiles
	$(GO) test -run '^$$' -fuzz '^FuzzReadLines$$' -fuzztime $(FUZZTIME) ./profiles
	$(GO) test -run '^$$' -fuzz '^FuzzParseRubric$$' -fuzztime $(FUZZTIME) ./rubric
	$(GO) test -run '^$$' -fuzz '^FuzzScore$$' -fuzztime $(FUZZTIME) ./assess
	$(GO) test -run '^$$' -fuzz '^FuzzScoreAnyRubric$$' -fuzztime $(FUZZTIME) ./report

# Man pages for every command, in man/ (man -l man/skillgap.1).
man:
	$(GO) run ./scripts/genman man

clean:
	rm -rf bin man
