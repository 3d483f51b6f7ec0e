#!/usr/bin/env bash
# Install Zoom's Web SDK from npm for self-hosting (offline or locked-down networks, and the tests):
#
#   scripts/install-zoom-sdk.sh VERSION [DEST]      (e.g. 6.2.0; DEST defaults to static/zoom-sdk)
#
# The package's dist/ folder (DEST/VERSION/node_modules/@zoom/meetingsdk/dist) is laid out like
# Zoom's CDN folder for that version: lib/vendor/react.min.js and react-dom.min.js, lib/av (init()'s
# assetPath), lib/lang, and the Component View bundle, named zoom-meeting-embedded-ES5.min.js here.
# In the default DEST, Streamlit serves it from the app's own origin (server.enableStaticServing):
# the self-hosted base URL is then /app/static/zoom-sdk/VERSION/node_modules/@zoom/meetingsdk/dist.
# Any other web server will do too; it must send Access-Control-Allow-Origin, because the SDK fetches
# its media workers and WebAssembly files with fetch().
# Does nothing when that version is already there. Contacts only the npm registry; the package's
# install script (a notice) is not run.
set -euo pipefail
version="${1:?give the SDK version, e.g. 6.2.0}"
dest="${2:-static/zoom-sdk}"
dist="$dest/$version/node_modules/@zoom/meetingsdk/dist"
if [ -f "$dist/zoom-meeting-embedded-ES5.min.js" ]; then
  echo "$dist"  # already installed
  exit 0
fi
npm install --prefix "$dest/$version" --no-save --no-package-lock --no-audit --no-fund --ignore-scripts \
  --legacy-peer-deps --loglevel=error "@zoom/meetingsdk@$version" >/dev/null
if [ ! -f "$dist/zoom-meeting-embedded-ES5.min.js" ]; then
  echo "@zoom/meetingsdk@$version has no dist/zoom-meeting-embedded-ES5.min.js: the join page cannot load it" >&2
  exit 1
fi
echo "$dist"
