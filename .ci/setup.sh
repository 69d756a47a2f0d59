#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test Clausebook on a fresh
# Debian machine with rustup, Node.js and npm; skips what is already present.
# Sourced by .ci/serve and .ci/test so that PATH and the environment carry over.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Build outputs are cached per machine between runs (never required: a cold
# cache only means a slower build).
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/clausebook/target}"
mkdir -p "$CARGO_TARGET_DIR"
export PATH="$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.21.14
BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# cargo fmt and cargo clippy (.ci/test): a minimal rustup profile has neither.
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component-"; then
    say "Adding the $component component"
    rustup component add "$component"
  fi
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "Installing trunk $TRUNK_VERSION (about 11 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $BINDGEN_VERSION" ]; then
  say "Installing wasm-bindgen-cli $BINDGEN_VERSION (the version in Cargo.lock)"
  # No --locked: one of its locked dependencies is no longer published.
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION" --force
fi

# geckodriver: WebDriver classic for Firefox ESR (the e2e journeys in
# Firefox; bookworm's ESR 140 runs them with it). Installed with its own
# Cargo.lock (--locked), as published.
GECKODRIVER_VERSION=0.37.1
if [ "$(geckodriver --version 2>/dev/null | head -n1)" != "geckodriver $GECKODRIVER_VERSION" ]; then
  say "Installing geckodriver $GECKODRIVER_VERSION (WebDriver classic for Firefox; about 10 minutes on 2 cores)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --force
fi

SPLIT_VERSION=0.2.4
# (It has no --version; cargo's list of installed crates tells.)
INSTALLED="$(cargo install --list)"
if ! command -v wasm-split-cli >/dev/null ||
  ! grep -qx "wasm_split_cli_support v$SPLIT_VERSION:" <<<"$INSTALLED"; then
  say "Installing wasm-split-cli $SPLIT_VERSION (splits the release wasm into lazily loaded chunks; about 2 minutes)"
  cargo install --locked wasm_split_cli_support --version "$SPLIT_VERSION" --features build-binary --force
fi

# Debian packages, for the commands the tests call: each command, and the
# package that has it.
#   chromium, chromedriver        browser tests (wasm-bindgen-test-runner) and e2e (playwright-core)
#   pdfinfo, pdftotext, pdftoppm  tests/e2e/reports.test.mjs: pages, text and images of the A4 reports
#   firefox-esr                   e2e in Firefox (the journeys over geckodriver; playwright-core over BiDi where it can)
#   WebKitWebDriver, Xvfb         e2e in WebKit (WebKitGTK's WebDriver and MiniBrowser, in a virtual display)
DEBIAN=()
need() { command -v "$1" >/dev/null || [[ " ${DEBIAN[*]} " == *" $2 "* ]] || DEBIAN+=("$2"); }
need chromium chromium
need chromedriver chromium-driver
need pdfinfo poppler-utils
need pdftotext poppler-utils
need pdftoppm poppler-utils
need firefox-esr firefox-esr
need WebKitWebDriver webkit2gtk-driver
need Xvfb xvfb
if ((${#DEBIAN[@]})); then
  say "Installing from Debian: ${DEBIAN[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine may have no package lists yet: one update, only then.
  $SUDO apt-get install -y "${DEBIAN[@]}" ||
    { $SUDO apt-get update && $SUDO apt-get install -y "${DEBIAN[@]}"; }
fi

# npm packages: wasm-opt from binaryen (Debian's binaryen 108 breaks the
# output) and playwright-core for the end-to-end tests. Reinstalled only when
# a lock file changes.
npm_install() {
  local dir="$1"
  local stamp="$dir/node_modules/.clausebook-lock"
  if ! cmp -s "$dir/package-lock.json" "$stamp" 2>/dev/null; then
    say "Installing npm packages in ${dir#"$ROOT"/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$stamp"
  fi
}
npm_install "$ROOT/.ci/tools"
npm_install "$ROOT/tests/e2e"
export PATH="$ROOT/.ci/tools/node_modules/.bin:$PATH"

export CHROMEDRIVER=/usr/bin/chromedriver
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
