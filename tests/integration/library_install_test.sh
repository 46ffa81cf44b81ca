#!/usr/bin/env bash
# The library as a user gets it: installs the build to a temporary prefix,
# builds examples/library against the installed headers and package alone,
# and checks that its briefing of examples/harbor-bridge is the CLI's.
set -euo pipefail
: "${NEWSFUSE:?}" "${NEWSFUSE_SOURCE_DIR:?}"
build=$(dirname "$NEWSFUSE")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cmake --install "$build" --prefix "$tmp/prefix" > "$tmp/install.log"
test -f "$tmp/prefix/include/newsfuse/engine.h"
# Only the public headers: the modules' own headers stay in the source tree.
if find "$tmp/prefix/include" -name '*.h' | grep -v '/include/newsfuse/' | grep -q .; then
  echo "installed headers outside include/newsfuse/:" >&2
  find "$tmp/prefix/include" -name '*.h' >&2
  exit 1
fi

launcher=()
if command -v ccache > /dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
if ! cmake -S "$NEWSFUSE_SOURCE_DIR/examples/library" -B "$tmp/example" -G Ninja -DCMAKE_BUILD_TYPE=Release \
       -DCMAKE_PREFIX_PATH="$tmp/prefix" "${launcher[@]}" > "$tmp/configure.log" 2>&1 ||
   ! cmake --build "$tmp/example" > "$tmp/build.log" 2>&1; then
  cat "$tmp/configure.log" "$tmp/build.log" >&2 2>/dev/null || true
  exit 1
fi

export NEWSFUSE_MODEL_DIR="$NEWSFUSE_SOURCE_DIR/models"
"$tmp/example/brief_example" "$NEWSFUSE_SOURCE_DIR/examples/harbor-bridge" > "$tmp/library.md"
"$NEWSFUSE" brief "$NEWSFUSE_SOURCE_DIR/examples/harbor-bridge" > "$tmp/cli.md"
grep -q '^# ' "$tmp/library.md"
diff "$tmp/cli.md" "$tmp/library.md"
echo "library example: $(wc -l < "$tmp/library.md") lines, the same as newsfuse brief"
