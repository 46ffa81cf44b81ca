#!/usr/bin/env bash
# A story's entities, and the order the briefing lists them in, do not depend
# on the order its articles are given in (entity resolution numbers its
# candidates by name, not by the article that named them first). Before that,
# 55 of the 65 multi-article stories of the generated day listed tied
# entities in another order when their articles were reversed.
set -uo pipefail
command -v python3 > /dev/null || { echo "SKIP: python3 not found"; exit 77; }
exec python3 "$NEWSFUSE_SOURCE_DIR/tests/integration/entity_order_check.py" "$NEWSFUSE" "$NEWSFUSE_BENCH"
