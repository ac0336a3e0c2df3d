# hegui — every target a fresh machine with Go needs. `make demo` and `make test` do everything.
GO        ?= go
BIN       := bin/hegui
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -s -w -X github.com/hegui-dev/hegui/cmd/hegui/cli.Version=$(VERSION)
FUZZTIME  ?= 10s
SHARED    ?= $(abspath ../shared)
DEMO_APK  := testdata/apk/demo.apk

# Debian tools the oracle tests and fixture builds use (aapt, dexdump, smali, apksigner).
DEB_TOOLS := aapt dexdump zipalign apksigner
APT_PKGS  := aapt dexdump zipalign apksigner libsmali-java android-framework-res

.PHONY: all build test demo bench fuzz lint fixtures tools clean

all: build

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/hegui

demo: build
	./$(BIN) scan $(DEMO_APK) --policy testdata/policy/demo-privacy.html || true

# tools installs the Debian packages the oracle tests need, when they are missing.
tools:
	@missing=""; for t in $(DEB_TOOLS); do command -v $$t >/dev/null 2>&1 || missing="$$missing $$t"; done; \
	[ -f /usr/share/java/smali.jar ] || missing="$$missing smali"; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages for:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(APT_PKGS) >/dev/null; \
	fi

test: tools
	$(GO) vet ./...
	HEGUI_SHARED=$(SHARED) $(GO) test -count=1 -timeout 20m ./...

lint:
	$(GO) vet ./...
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

# bench prints BenchmarkAnalyzeAppium next to BenchmarkInflateFloor (target: at most 2x
# the floor), then the wall time and peak RSS of `hegui inspect` on the same APK (< 300 MB).
BENCH_APK := $(SHARED)/corpus/apk/appium-uiautomator2-server-v10.6.6.apk
bench: build
	HEGUI_SHARED=$(SHARED) $(GO) test -run '^$$' -bench . -benchmem -benchtime 5x ./...
	@if [ -f $(BENCH_APK) ] && [ -x /usr/bin/time ]; then \
		/usr/bin/time -f 'hegui inspect --format json appium (18 MB, 16 dex): %e s wall, peak RSS %M KB' \
			./$(BIN) inspect --format json $(BENCH_APK) >/dev/null; \
	fi

# fuzz runs every fuzz target briefly (FUZZTIME each).
fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
		for f in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz' || true); do \
			echo "== $$pkg $$f"; HEGUI_SHARED=$(SHARED) $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg; \
		done; \
	done

# fixtures rebuilds testdata/apk/*.apk from their smali and manifest sources.
fixtures: tools
	./testdata/build-fixtures.sh

clean:
	rm -rf bin
