#!/usr/bin/env bash
# Install claimpipe the way a user does, then run it on one article of each kind.
#
# A fresh virtual environment with the pip that ships with the Python (no upgrade: Python 3.11's pip 23.2
# does not resolve extras such as lxml[html_clean], so an undeclared dependency shows here and not under
# `make`, which upgrades pip), `pip install .` (not editable, from a copy of the working tree), and one
# text, one HTML and one JSONL article through `claimpipe run`. Exits non-zero on any failure.
#
# Usage: scripts/check_install.sh            (PYTHON=python3.11 to choose the interpreter)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/claimpipe-install.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
start=$SECONDS

say() { echo "check_install: $*" >&2; }

# A copy of the working tree (tracked and new files, not ignored ones): pip builds in the source folder,
# and the repository must not collect build/ and *.egg-info.
mkdir "$WORK/src"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$WORK/src"
else
    tar --exclude=.venv --exclude=outputs -cf - . | tar -xf - -C "$WORK/src"
fi

"$PYTHON" -m venv "$WORK/venv"
say "$("$WORK/venv/bin/python" --version), $("$WORK/venv/bin/pip" --version | cut -d' ' -f1-2) (as shipped)"
"$WORK/venv/bin/pip" install --quiet "$WORK/src"
say "installed in $((SECONDS - start)) s"

corpus="$WORK/corpus"
mkdir "$corpus"
printf 'Port traffic rises\n\nThe port of Antwerp said container traffic rose by 7%% in 2023, its busiest year.\n' \
    > "$corpus/a.txt"
printf '<html><head><title>Lyon jobs</title></head><body><article><h1>Lyon jobs</h1><p>Officials in Lyon said unemployment fell to 6%% last year, the lowest level in a decade, according to figures published on Monday by the regional statistics office.</p><p>The mayor said the city would keep investing in training for young people and in public transport.</p></article></body></html>\n' \
    > "$corpus/b.html"
printf '{"title": "Porto exports", "text": "Exporters in Porto said sales abroad grew by 4%% in the first quarter, the trade body said on Tuesday."}\n' \
    > "$corpus/c.jsonl"

cd "$WORK"  # not the source tree: the installed package must be the one that runs
"$WORK/venv/bin/claimpipe" --version >&2
"$WORK/venv/bin/claimpipe" run "$corpus" -o "$WORK/out" -q
"$WORK/venv/bin/python" - "$WORK/out" <<'PY'
import json, sys
from pathlib import Path

import claimpipe

out = Path(sys.argv[1])
assert "site-packages" in claimpipe.__file__, f"claimpipe imported from {claimpipe.__file__}, not the install"
manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
sources = sorted(i["source"] for i in manifest["inputs"])
assert manifest["counts"]["errors"] == 0, (out / "errors.jsonl").read_text(encoding="utf-8")
assert sources == ["a.txt", "b.html", "c.jsonl#L1"], sources
docs = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
assert all(d["claims"] for d in docs), [d["source"] for d in docs if not d["claims"]]
print(f"check_install: 3 articles (text, HTML, JSONL), {sum(len(d['claims']) for d in docs)} claims", file=sys.stderr)
PY
say "ok in $((SECONDS - start)) s"
