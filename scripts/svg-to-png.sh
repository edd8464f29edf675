#!/usr/bin/env bash
# Renders SVG figures to PNG with headless Chromium, to look at them as a reader would.
#
#   scripts/svg-to-png.sh [--dark] [--scale N] [--out DIR] FIGURE.svg...
#
# Writes FIGURE.png (FIGURE.dark.png with --dark, which makes the page prefer a dark colour
# scheme) beside each SVG or into DIR, at the SVG's own width and height times the scale
# (default 1), and prints the path of each PNG.
# Needs Debian's chromium: apt-get install -y chromium
set -euo pipefail

dark=0
scale=1
outdir=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dark) dark=1; shift ;;
    --scale) scale="$2"; shift 2 ;;
    --out) outdir="$2"; mkdir -p "$outdir"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
[[ $# -gt 0 ]] || { echo "usage: $0 [--dark] [--scale N] [--out DIR] FIGURE.svg..." >&2; exit 2; }

browser=$(command -v chromium || command -v chromium-browser || true)
[[ -n "$browser" ]] || { echo "error: chromium not found (apt-get install -y chromium)" >&2; exit 1; }

for svg in "$@"; do
  [[ -f "$svg" ]] || { echo "error: no such file: $svg" >&2; exit 1; }
  # The root element's width="…" and height="…" give the window size.
  width=$(grep -o -m1 '<svg[^>]*' "$svg" | sed -n 's/.* width="\([0-9.]*\)".*/\1/p')
  height=$(grep -o -m1 '<svg[^>]*' "$svg" | sed -n 's/.* height="\([0-9.]*\)".*/\1/p')
  [[ -n "$width" && -n "$height" ]] || { echo "error: $svg has no width and height" >&2; exit 1; }
  stem="${svg%.svg}"
  [[ -z "$outdir" ]] || stem="$outdir/$(basename "$stem")"
  out="$stem.png"
  flags=()
  if [[ $dark == 1 ]]; then
    out="$stem.dark.png"
    flags+=(--force-dark-mode --blink-settings=preferredColorScheme=0)
  fi
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars "${flags[@]}" \
    --force-device-scale-factor="$scale" --window-size="${width%.*},${height%.*}" \
    --screenshot="$(realpath -m "$out")" "file://$(realpath "$svg")" >/dev/null 2>&1
  echo "$out"
done
