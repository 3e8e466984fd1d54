# kubezone: build, install and uninstall.
#
#   make install PREFIX=/usr/local     release build, then binary, man page, completions
#   make uninstall PREFIX=/usr/local
#   make test                          the whole test suite (as .ci/run)
#
# DESTDIR is prepended to every installed path, for packaging. KUBEZONE_BIN
# installs an already built binary instead of building one.

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
SWIFT_BUILD_FLAGS ?= -c release --static-swift-stdlib
KUBEZONE_BIN ?=

bindir = $(DESTDIR)$(PREFIX)/bin
man1dir = $(DESTDIR)$(PREFIX)/share/man/man1
bashdir = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
zshdir = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
fishdir = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

.PHONY: all build install uninstall test

all: build

build:
ifeq ($(KUBEZONE_BIN),)
	$(SWIFT) build $(SWIFT_BUILD_FLAGS) --product kubezone
endif

# The man page and completions come from the installed binary itself, so
# they describe exactly the options it has.
install: build
	@bin="$(KUBEZONE_BIN)"; \
	if [ -z "$$bin" ]; then bin="$$($(SWIFT) build $(SWIFT_BUILD_FLAGS) --show-bin-path)/kubezone"; fi; \
	set -e; \
	install -d "$(bindir)" "$(man1dir)" "$(bashdir)" "$(zshdir)" "$(fishdir)"; \
	install -m 755 "$$bin" "$(bindir)/kubezone"; \
	strip "$(bindir)/kubezone"; \
	"$(bindir)/kubezone" help --man > "$(man1dir)/kubezone.1"; \
	"$(bindir)/kubezone" completions bash > "$(bashdir)/kubezone"; \
	"$(bindir)/kubezone" completions zsh > "$(zshdir)/_kubezone"; \
	"$(bindir)/kubezone" completions fish > "$(fishdir)/kubezone.fish"; \
	chmod 644 "$(man1dir)/kubezone.1" "$(bashdir)/kubezone" "$(zshdir)/_kubezone" "$(fishdir)/kubezone.fish"; \
	echo "installed kubezone $$("$(bindir)/kubezone" --version | cut -d' ' -f2) in $(DESTDIR)$(PREFIX)"

uninstall:
	rm -f "$(bindir)/kubezone" "$(man1dir)/kubezone.1" "$(bashdir)/kubezone" \
	  "$(zshdir)/_kubezone" "$(fishdir)/kubezone.fish"

test:
	$(SWIFT) test
