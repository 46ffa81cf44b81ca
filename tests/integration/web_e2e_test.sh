#!/usr/bin/env bash
# The web page end to end: starts `newsfuse serve` on a free loopback port,
# posts the sample story's five articles and checks the story page in headless
# Chromium (tests/e2e/story_page.test.mjs). Needs Debian's chromium and the
# npm packages of tests/e2e, both installed by scripts/setup.
set -euo pipefail
sample="$NEWSFUSE_SHARED_DIR/seeds/rafah-2024-04-01"
if [ ! -d "$sample" ]; then
  echo "SKIP: $sample is absent (a clone without ../shared)"; exit 77
fi
if [ "${NEWSFUSE_E2E_MOCK:-0}" != 1 ] && ! "$NEWSFUSE" --help 2>/dev/null | grep -qE '^ +serve( |$)'; then
  echo "SKIP: $NEWSFUSE has no serve verb"; exit 77
fi
e2e="$NEWSFUSE_SOURCE_DIR/tests/e2e"
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "FAIL: $chromium is missing: run scripts/setup (it installs Debian's chromium)"; exit 1
fi
if ! command -v node >/dev/null; then
  echo "FAIL: node is missing: run scripts/setup"; exit 1
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 18 ]; then
  echo "FAIL: node $(node --version) is too old: the test needs Node.js 18 or later (Debian 12's nodejs is 18)"; exit 1
fi
if [ ! -d "$e2e/node_modules/playwright-core" ]; then
  echo "FAIL: $e2e/node_modules is missing: run scripts/setup (it runs npm ci there)"; exit 1
fi
# Screenshots go next to the binary (the build folder) unless told otherwise.
export NEWSFUSE_BUILD_DIR="${NEWSFUSE_BUILD_DIR:-$(dirname "$NEWSFUSE")}"
export CHROMIUM="$chromium"
cd "$e2e"
exec node --test --test-reporter=spec story_page.test.mjs
