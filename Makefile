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

.PHONY: all build test demo bench fuzz lint fixtures tools clean sarif-validate html-screenshot

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
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory sarif-validate; \
	else echo "npm not found: SARIF validation skipped (make sarif-validate needs Node.js)"; fi

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
			echo "== $$pkg $$f"; HEGUI_SHARED=$(SHARED) $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 5s $$pkg; \
		done; \
	done

# fixtures rebuilds testdata/apk/*.apk from their smali and manifest sources.
fixtures: tools
	./testdata/build-fixtures.sh

clean:
	rm -rf bin

# sarif-validate checks hegui's SARIF with Microsoft's SARIF multitool (SARIF schema and
# GitHub code-scanning rules), failing on any error. The tool is installed from npm into
# bin/tools once; its native binary is called directly because the npm wrapper's shell
# splits the ';' in --rule-kind.
SARIF_MT_VERSION := 5.7.0
SARIF_MT_DIR     := bin/tools/sarif-multitool
SARIF_MT         := $(SARIF_MT_DIR)/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
SARIF_OUT        := bin/sarif

sarif-validate: build
	@[ -x $(SARIF_MT) ] || { echo "installing @microsoft/sarif-multitool@$(SARIF_MT_VERSION)"; \
		npm install --no-save --no-audit --no-fund --silent --prefix $(SARIF_MT_DIR) @microsoft/sarif-multitool@$(SARIF_MT_VERSION) && chmod u+x $(SARIF_MT); }
	@rm -rf $(SARIF_OUT) && mkdir -p $(SARIF_OUT)
	@if [ -f $(DEMO_APK) ]; then \
		./$(BIN) scan $(DEMO_APK) --policy testdata/policy/demo-privacy.html --fail-on none -f sarif -o $(SARIF_OUT)/demo.sarif; \
		./$(BIN) scan $(DEMO_APK) --fail-on none --lang en -f sarif -o $(SARIF_OUT)/demo-nopolicy.en.sarif; \
	else echo "$(DEMO_APK) not built yet: validating the report fixtures only"; fi
	@cp report/testdata/golden/*.sarif $(SARIF_OUT)/
	@fail=0; for f in $(SARIF_OUT)/*.sarif; do \
		$(SARIF_MT) validate "$$f" -o "$$f.validation" --rule-kind "Sarif;Gh" > "$$f.log" 2>&1 || { cat "$$f.log"; fail=1; }; \
		errs=$$(grep -c ': error ' "$$f.log" || true); warns=$$(grep -c ': warning ' "$$f.log" || true); \
		echo "$$f: $$errs errors, $$warns warnings"; \
		if [ "$$errs" != 0 ]; then grep ': error ' "$$f.log"; fail=1; fi; \
	done; exit $$fail

# html-screenshot renders the HTML report of the demo app (or the report fixture while
# the demo APK does not exist) in zh and en to PNG with headless Chromium.
SHOT_DIR := bin/screenshots
html-screenshot: build
	@command -v chromium >/dev/null 2>&1 && fc-list | grep -qi 'Noto Sans CJK' || { \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }
	@rm -rf $(SHOT_DIR) && mkdir -p $(SHOT_DIR)
	@for lang in zh en; do \
		if [ -f $(DEMO_APK) ]; then \
			./$(BIN) scan $(DEMO_APK) --policy testdata/policy/demo-privacy.html --fail-on none --lang $$lang -f html -o $(SHOT_DIR)/demo.$$lang.html; \
		else cp report/testdata/golden/fixture.$$lang.html $(SHOT_DIR)/demo.$$lang.html; fi; \
		profile=$$(mktemp -d); \
		chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
			--disable-component-update --disable-sync --user-data-dir=$$profile --hide-scrollbars \
			--screenshot=$(CURDIR)/$(SHOT_DIR)/demo.$$lang.png --window-size=1280,3000 \
			file://$(CURDIR)/$(SHOT_DIR)/demo.$$lang.html >/dev/null 2>&1; \
		rm -rf $$profile; \
		[ -s $(SHOT_DIR)/demo.$$lang.png ] || { echo "no screenshot for $$lang"; exit 1; }; \
		echo "$(SHOT_DIR)/demo.$$lang.png"; \
	done
