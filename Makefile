# Postdesk: `make run` opens the app, `make test` runs every check.
# Both install what they need on a fresh Debian or Ubuntu machine first.

GO          ?= go
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
# The C compiler and the GL/X11/Wayland headers that Fyne's cgo driver
# builds against; jekyll for the tests that build real posts.
RUN_DEBS    := gcc pkg-config libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev
TEST_DEBS   := $(RUN_DEBS) jekyll
# The real window under Xvfb (scripts/xsession.sh): the virtual display,
# xdotool to drive it, a session bus, and pkill for the cleanup (procps,
# which a minimal Debian lacks).
XVFB_DEBS   := xvfb xdotool dbus-x11 procps
# The input-method check adds IBus and ibus-hangul, and gsettings
# (libglib2.0-bin) with the dconf backend to set the hangul engine and its
# Hangul mode before IBus starts; without them IBus types Latin letters.
IME_DEBS    := $(XVFB_DEBS) ibus ibus-hangul libglib2.0-bin dconf-gsettings-backend
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Go is often installed outside the default PATH.
export PATH := $(PATH):/usr/local/go/bin:$(HOME)/go/bin

# A minimal Debian sets no locale, and the POSIX one has no Hangul: Jekyll
# (Ruby) then fails on a Korean file name, and XIM drops every syllable
# IBus commits. C.UTF-8 is in every Debian.
ifneq ($(shell locale charmap 2>/dev/null),UTF-8)
export LC_ALL := C.UTF-8
endif

.PHONY: run test deps-run deps-test lint bench build ime-e2e memory

run: deps-run
	$(GO) run .

build: deps-run
	$(GO) build -o postdesk .

test: deps-test lint
	$(GO) test -race -count=1 ./...
	@$(MAKE) --no-print-directory ime-e2e

# Korean typed through IBus into the real window (scripts/ime-e2e.sh).
ime-e2e: deps-run
	@$(MAKE) --no-print-directory debs DEBS="$(IME_DEBS)"
	$(GO) build -o postdesk .
	scripts/ime-e2e.sh ./postdesk

lint:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...
	@# The headless packages link no Fyne: the command line and the editing
	@# session run, and are tested, without a display.
	@fyne=$$($(GO) list -deps ./app/cli ./editor ./editor/markdown ./editor/publish ./storage | grep '^fyne\.io/'); \
	if [ -n "$$fyne" ]; then echo "headless packages link Fyne:"; echo "$$fyne"; exit 1; fi

# The README's performance figures. Fyne's Entry takes seconds a keystroke
# on long text, so its benchmarks run a few times only, and not at 1 MB.
bench: deps-test
	$(GO) test -run '^$$' -bench . -benchmem -count 6 ./storage/ ./editor/ ./editor/preview/ | tee bench.txt
	$(GO) test -run '^$$' -bench 'KeystrokeEditor' -count 6 ./app/ | tee -a bench.txt
	$(GO) test -run '^$$' -bench 'Keystroke/(TextArea|Entry/(1KB|10KB|50KB|100KB))$$|SetText' -benchtime 3x ./editor/textarea/ | tee -a bench.txt
	$(GO) run golang.org/x/perf/cmd/benchstat@latest bench.txt

# The README's memory figures: the real window under Xvfb (scripts/memory.sh).
memory: deps-run
	@$(MAKE) --no-print-directory debs DEBS="$(XVFB_DEBS)"
	for kind in fyne small code mixed; do scripts/memory.sh $$kind || exit 1; done

deps-run:
	@$(MAKE) --no-print-directory debs DEBS="$(RUN_DEBS)"
	@$(MAKE) --no-print-directory go-toolchain

deps-test:
	@$(MAKE) --no-print-directory debs DEBS="$(TEST_DEBS)"
	@$(MAKE) --no-print-directory go-toolchain

.PHONY: debs go-toolchain
debs:
	@missing=$$(for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:" $$missing; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

# A Go of 1.21 or later fetches the version go.mod asks for by itself.
go-toolchain:
	@command -v $(GO) >/dev/null 2>&1 || { \
		echo "installing Go from Debian's packages"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq golang-go; }
	@$(GO) version
