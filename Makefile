# Jobcanvas — see README.md.
#   make run [FILE=path.jobcanvas]   start the app (bundled sample without FILE)
#   make test                        vet, gofmt check, race tests, short fuzz

GO       ?= go
FILE     ?=
FUZZTIME ?= 10m

.PHONY: all run test deps fuzz bench build clean

all: build

deps:
	bash scripts/deps.sh

run: deps
	$(GO) run ./cmd/jobcanvas $(FILE)

test: deps
	$(GO) vet ./...
	@unformatted=$$(gofmt -l .); \
	if [ -n "$$unformatted" ]; then \
		echo "gofmt: these files need formatting (run gofmt -w):"; \
		echo "$$unformatted"; \
		exit 1; \
	fi
	$(GO) test -race ./...
	$(GO) test ./storage -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime 20s

fuzz:
	$(GO) test ./storage -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime $(FUZZTIME)

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./storage ./app

build: deps
	$(GO) build -o bin/jobcanvas ./cmd/jobcanvas

clean:
	rm -rf bin
