#!/usr/bin/env bash
# Make sure a headless Chromium is there for the report's browser tests (tests/test_report.py).
# `make test` runs this first and then requires the browser (CLAIMPIPE_REQUIRE_BROWSER=1), so a
# missing browser fails the build instead of skipping the XSS and rendering tests.
#
# Found, in order: $CLAIMPIPE_CHROMIUM, then chromium / chromium-browser / google-chrome on PATH
# (the tests look in the same places). Otherwise installs Debian's `chromium` package, which needs
# root and apt-get (CI runs as root on Debian). Exits non-zero, saying why, when no browser can be had.
# No PyPI package ships a Chromium binary (playwright and pyppeteer download one from a CDN at run
# time), so the Debian package is the one way in.
set -u

fail() {
    echo "install_browser.sh: $*" >&2
    echo "install_browser.sh: the report's browser tests need headless Chromium: install Debian's chromium" \
         "(apt-get install chromium) or set CLAIMPIPE_CHROMIUM to a Chromium binary" >&2
    exit 1
}

found_browser() {  # prints the path; runs in $(...), so it only returns, never exits the script
    local b
    for b in chromium chromium-browser google-chrome; do
        if command -v "$b" >/dev/null 2>&1; then
            command -v "$b"
            return 0
        fi
    done
    return 1
}

check_runs() {  # a browser that is there but cannot start is as good as none
    "$1" --headless --no-sandbox --version >/dev/null 2>&1 || "$1" --version >/dev/null 2>&1 \
        || fail "$1 is there but does not start ($1 --version failed)"
    echo "install_browser.sh: using $1 ($("$1" --version 2>/dev/null | head -n 1))" >&2
}

if [ -n "${CLAIMPIPE_CHROMIUM:-}" ]; then  # the user's choice: use it or fail, never install another
    browser=$(command -v "$CLAIMPIPE_CHROMIUM") || fail "CLAIMPIPE_CHROMIUM=$CLAIMPIPE_CHROMIUM is not an executable"
    check_runs "$browser"
    exit 0
fi
if browser=$(found_browser); then
    check_runs "$browser"
    exit 0
fi
if [ "$(id -u)" != "0" ]; then
    fail "no Chromium found and not root, so apt-get cannot install one"
fi
if ! command -v apt-get >/dev/null 2>&1; then
    fail "no Chromium found and no apt-get (not Debian) to install one"
fi
echo "install_browser.sh: installing Debian's chromium for the browser tests (a few minutes)" >&2
export DEBIAN_FRONTEND=noninteractive
# another apt run on the same machine holds the lock for a while: wait for it instead of failing
lock=(-o DPkg::Lock::Timeout=600)
if ! apt-get "${lock[@]}" update -qq >/dev/null; then
    fail "apt-get update failed (no Debian mirror reachable?)"
fi
if ! apt-get "${lock[@]}" install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; then
    fail "apt-get install chromium failed"
fi
browser=$(found_browser) || fail "apt-get installed chromium but no chromium is on PATH"
check_runs "$browser"
