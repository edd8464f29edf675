#!/usr/bin/env bash
# Installs the Debian packages Descent needs, if any is missing. Safe to run again.
set -euo pipefail

packages=(
  pkg-config
  libcmark-dev      # Markdown parsing (cmark, through the CCmark system-library target)
  libopenblas-dev   # the matrix product (cblas_dgemm)
  katex             # math rendered at build time (node, with Debian's KaTeX module)
  python3-pygments  # Swift highlighted at build time
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
