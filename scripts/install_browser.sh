#!/usr/bin/env bash
# Install headless Chromium (Debian's `chromium` package) for the report's browser tests.
# Does nothing when a Chromium is already there; needs root (CI runs as root) and a Debian mirror.
# Never fails the build: without a browser the browser tests skip and say why.
set -u
for b in /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -x "$b" ]; then exit 0; fi
done
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "install_browser.sh: no chromium and cannot apt-get install it (need root on Debian); browser tests will skip" >&2
    exit 0
fi
echo "install_browser.sh: installing Debian's chromium for the browser tests" >&2
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core; } >/dev/null; then
    echo "install_browser.sh: apt-get install chromium failed; browser tests will skip" >&2
fi
exit 0
