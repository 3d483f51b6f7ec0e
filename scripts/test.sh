#!/usr/bin/env bash
# The README's test command: install what the tests need, then run the whole suite.
#
#   bash scripts/test.sh                      the whole suite: all but the load tests on two workers
#                                             (pytest-xdist), then the load tests alone (docs/testing.md)
#   bash scripts/test.sh [PYTEST ARGS...]     one pytest run, in one process: bash scripts/test.sh tests/test_cli.py -x
#   bash scripts/test.sh --setup-only         install, run nothing (.ci/run lints in between)
#
# On a bare Debian machine with Python 3.11, as root or as a user with sudo. Each part is installed only
# when it is missing, so a second run goes straight to pytest:
#   - Debian packages: chromium (the browser tests drive /usr/bin/chromium), nodejs and npm;
#   - the pinned pip packages of requirements-dev.txt (into .venv when Debian's Python refuses pip, PEP 668);
#   - tests/js's crypto-js (`npm ci`), for the forum snippet's Node cross-check;
#   - Zoom's Web SDK at lib.zoom.facts.WEB_SDK_VERSION (scripts/install-zoom-sdk.sh), for the join page's tests;
#   - crypto-js, jsrsasign and js-base64 for the Code doctor's sandboxed run, and jsonwebtoken to check it against
#     (scripts/install-signer-libs.sh);
#   - Debian's postgresql, started, with the classroom tests' role and database (scripts/start-postgres.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore

say() { echo "scripts/test.sh: $*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    say "installing Debian packages needs root or sudo: $*"
    exit 1
  fi
}

# Debian's own Python refuses pip outside a virtual environment; any other Python (pyenv, a venv) is used as it is.
python=python3
externally_managed() {
  python3 -c 'import os, sys, sysconfig
sys.exit(not (sys.prefix == sys.base_prefix and os.path.exists(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED"))))'
}
use_venv=false
if [ -x .venv/bin/python ]; then
  python=.venv/bin/python
elif externally_managed; then
  use_venv=true
fi

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
# PostgreSQL's server, in the same apt-get run (scripts/start-postgres.sh installs it too when run on its own).
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 && command -v pg_lsclusters >/dev/null || missing+=(postgresql)
if $use_venv && ! python3 -c 'import ensurepip' 2>/dev/null; then
  missing+=(python3-venv)
fi
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if $use_venv; then
  say "python3 -m venv .venv (Debian's Python is externally managed)"
  python3 -m venv .venv
  python=.venv/bin/python
fi

# Every pin of requirements-dev.txt (and the files it includes) installed at its version?
pins_installed() {
  "$python" - <<'EOF'
import importlib.metadata
import sys
from pathlib import Path


def pins(path):
    for line in Path(path).read_text().splitlines():
        line = line.split("#")[0].strip()
        if line.startswith("-r "):
            yield from pins(Path(path).parent / line[3:].strip())
        elif "==" in line:
            yield line.split("==")


def installed(name, version):
    try:
        return importlib.metadata.version(name) == version
    except importlib.metadata.PackageNotFoundError:
        return False


sys.exit(not all(installed(name.strip(), version.strip()) for name, version in pins("requirements-dev.txt")))
EOF
}
if ! pins_installed; then
  say "pip install -r requirements-dev.txt"
  "$python" -m pip install -q -r requirements-dev.txt
fi

if [ ! tests/js/node_modules/.package-lock.json -nt tests/js/package-lock.json ]; then
  say "npm ci --prefix tests/js"
  npm ci --prefix tests/js --no-audit --no-fund --silent
fi

# Installs only when that version is not there yet.
bash scripts/install-zoom-sdk.sh "$("$python" -c 'from lib.zoom.facts import WEB_SDK_VERSION; print(WEB_SDK_VERSION)')" >/dev/null
# The libraries signing code uses, for the Code doctor's sandboxed run (also only when missing).
bash scripts/install-signer-libs.sh >/dev/null

# The classroom tests run on SQLite and on this PostgreSQL server (started when it is down).
SIGNATURE_LAB_TEST_POSTGRES_URL=$(bash scripts/start-postgres.sh)
export SIGNATURE_LAB_TEST_POSTGRES_URL

if [ "${1:-}" = "--setup-only" ]; then
  exit 0
fi
if [ $# -gt 0 ]; then
  exec "$python" -m pytest -q "$@"
fi
# Two workers (the CI machine has two cores), a test file at a time: a file's tests run in order on one worker,
# so its module fixtures (often servers) start once; files in collection order, so the long browser files are
# not left for the end. The load tests measure the servers under their load alone, so they run afterwards, by
# themselves, with the tests marked `alone` (timing-sensitive browser steps); both parts run whatever the first one's result, and either failing fails the command.
two_workers=(-n 2 --dist loadfile --no-loadscope-reorder)
status=0
"$python" -m pytest -q "${two_workers[@]}" -m "not load and not alone" || status=$?
"$python" -m pytest -q -m "load or alone" || status=$?
exit "$status"
