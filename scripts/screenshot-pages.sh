#!/usr/bin/env bash
# Renders pages of the built site to PNG with headless Chromium, to look at them as a reader would.
#
#   scripts/screenshot-pages.sh [--dark] [--width W] [--height H] [--out DIR] [SITE | PAGE.html]...
#
# With a site folder (default: site), every page in it; with a page, that page, from its
# top (use a large --height to see all of a long page). Writes PAGE.png (PAGE.dark.png with --dark, which makes the
# page prefer a dark colour scheme) into DIR (default: .build/screenshots), W×H pixels (default
# 1100×2400; use --width 390 for a phone), and prints the path of each PNG.
# Needs Debian's chromium (apt-get install -y chromium) and, for Chinese text, a CJK font
# such as fonts-noto-cjk.
set -euo pipefail

dark=0
width=1100
height=2400
outdir=.build/screenshots
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dark) dark=1; shift ;;
    --width) width="$2"; shift 2 ;;
    --height) height="$2"; shift 2 ;;
    --out) outdir="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
[[ $# -gt 0 ]] || set -- site

browser=$(command -v chromium || command -v chromium-browser || true)
[[ -n "$browser" ]] || { echo "error: chromium not found (apt-get install -y chromium)" >&2; exit 1; }
mkdir -p "$outdir"

pages=()
for target in "$@"; do
  if [[ -d "$target" ]]; then
    pages+=("$target"/*.html)
  else
    pages+=("$target")
  fi
done

flags=()
suffix=""
if [[ $dark == 1 ]]; then
  flags+=(--force-dark-mode --blink-settings=preferredColorScheme=0)
  suffix=".dark"
fi

for page in "${pages[@]}"; do
  [[ -f "$page" ]] || { echo "error: no such page: $page" >&2; exit 1; }
  out="$outdir/$(basename "$page" .html)$suffix.png"
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars "${flags[@]}" \
    --window-size="$width,$height" --screenshot="$(realpath -m "$out")" \
    "file://$(realpath "$page")" >/dev/null 2>&1
  echo "$out"
done
