# skillgap: `make test` is what CI runs.
GO      ?= go
BIN     ?= bin/skillgap
FUZZTIME ?= 30s

# The release comes from the VERSION file (make build VERSION=0.4.0-rc.1
# overrides it), the commit from git when there is one; both are set at link
# time. A plain go build, go install or go run still knows the release (it
# embeds VERSION) and, where Go records it, the commit.
VERSION := $(shell cat VERSION)
COMMIT   = $(shell git rev-parse --short=12 HEAD 2>/dev/null)$(if $(shell git status --porcelain 2>/dev/null),-modified)
LDFLAGS  = -X github.com/skillgap/skillgap.version=$(VERSION) $(if $(COMMIT),-X github.com/skillgap/skillgap.commit=$(COMMIT))

.PHONY: all build install test lint bench fuzz man clean

all: build

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/skillgap

# Installs skillgap into $(go env GOBIN), else $(go env GOPATH)/bin.
install:
	$(GO) install -trimpath -ldflags '$(LDFLAGS)' ./cmd/skillgap

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
	$(GO) test -run '^$$' -fuzz '^FuzzFastAndSlowPathsAgree$$' -fuzztime $(FUZZTIME) ./profiles
	$(GO) test -run '^$$' -fuzz '^FuzzHandDecoderAgrees$$' -fuzztime $(FUZZTIME) ./profiles
	$(GO) test -run '^$$' -fuzz '^FuzzParseRubric$$' -fuzztime $(FUZZTIME) ./rubric
	$(GO) test -run '^$$' -fuzz '^FuzzScore$$' -fuzztime $(FUZZTIME) ./assess
	$(GO) test -run '^$$' -fuzz '^FuzzRungPlanAgrees$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./assess
	$(GO) test -run '^$$' -fuzz '^FuzzScoreAnyRubric$$' -fuzztime $(FUZZTIME) ./report
	$(GO) test -run '^$$' -fuzz '^FuzzJSONCache$$' -fuzztime $(FUZZTIME) ./report

# Man pages for every command, in man/ (man -l man/skillgap.1).
man:
	$(GO) run ./scripts/genman man

clean:
	rm -rf bin man
