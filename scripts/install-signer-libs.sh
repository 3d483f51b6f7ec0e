#!/usr/bin/env bash
# Install the JavaScript libraries signing code uses, for the Code doctor's "Run it in your browser":
#
#   scripts/install-signer-libs.sh [DEST]      (DEST defaults to static/signer-libs)
#
# The app reads the files Node's require() loads for crypto-js, jsrsasign and js-base64 from DEST and writes
# them into the sandboxed frame it hands the browser, so the frame needs no network at all (its
# Content-Security-Policy allows none). jsonwebtoken needs Node; the sandbox has its own HS256 jwt.sign, and
# the tests check it against this real one (tests/js/run_sandboxed_signers.js); the browser never gets it.
# Contacts only the npm registry; no install scripts are run.
set -euo pipefail
dest="${1:-static/signer-libs}"
libraries=(crypto-js@4.2.0 jsrsasign@11.1.5 js-base64@3.7.7 jsonwebtoken@9.0.2)
installed() {  # every library already there at its version: nothing to do (the test command runs this each time)
  for library in "${libraries[@]}"; do
    grep -q "\"version\": \"${library##*@}\"" "$dest/node_modules/${library%@*}/package.json" 2>/dev/null || return 1
  done
}
if installed; then
  echo "$dest/node_modules"
  exit 0
fi
npm install --prefix "$dest" --no-save --no-package-lock --no-audit --no-fund --ignore-scripts --loglevel=error \
  "${libraries[@]}" >/dev/null
echo "$dest/node_modules"
