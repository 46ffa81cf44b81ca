#!/usr/bin/env bash
# `newsfuse serve` end to end: the real binary on a free loopback port over a
# fresh store; the example story posted as JSON, listed, briefed, its
# articles read back; malformed and wrong requests answered with JSON 4xx;
# the server stopped by SIGTERM at the end.
set -euo pipefail
: "${NEWSFUSE:?NEWSFUSE must name the newsfuse binary}"
: "${NEWSFUSE_SOURCE_DIR:?}"
command -v python3 >/dev/null || { echo "python3 not found: skipped"; exit 77; }
work=$(mktemp -d)
pid=
cleanup() {
  if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Made here, not by the background job's redirections: under load the loop
# below can read them before the child has opened them (head fails, set -e).
: >"$work/out"
: >"$work/err"
"$NEWSFUSE" serve --db "$work/news.db" --port 0 >"$work/out" 2>"$work/err" &
pid=$!
# The first line says where it listens: "newsfuse: serving http://127.0.0.1:PORT (db FILE)".
line=
for _ in $(seq 1 600); do
  line=$(head -n 1 "$work/out")
  [[ -n "$line" ]] && break
  kill -0 "$pid" 2>/dev/null || { echo "FAIL: the server exited"; cat "$work/err"; exit 1; }
  sleep 0.1
done
[[ -n "$line" ]] || { echo "FAIL: the server printed no line in 60 s"; cat "$work/err"; exit 1; }
base=$(sed -n 's#^newsfuse: serving \(http://127\.0\.0\.1:[0-9]*\) .*#\1#p' <<<"$line")
[[ -n "$base" ]] || { echo "FAIL: unexpected first line: $line"; exit 1; }
echo "server: $line"

python3 - "$base" "$NEWSFUSE_SOURCE_DIR/examples/harbor-bridge" <<'PY'
import json, os, sys, urllib.error, urllib.request
base, folder = sys.argv[1], sys.argv[2]
# Loopback only: never through a proxy from the environment.
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

def call(method, path, body=None, content_type="application/json"):
    req = urllib.request.Request(base + path, data=body, method=method)
    if body is not None:
        req.add_header("Content-Type", content_type)
    try:
        with opener.open(req, timeout=120) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()

def check(cond, what):
    if not cond:
        sys.exit(f"FAIL: {what}")

def json_error(status, headers, body, expected):
    check(status == expected, f"status {status}, expected {expected}: {body[:200]!r}")
    check(headers.get("Content-Type", "").startswith("application/json"), f"{expected} is JSON")
    err = json.loads(body)["error"]
    check(err["status"] == expected and err["message"], f"error shape {err}")

# The example story, one JSON object per file (text = the file, id = its stem).
articles = []
for name in sorted(os.listdir(folder)):
    if name.endswith(".txt"):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            articles.append({"id": name[:-4], "text": f.read()})
check(len(articles) == 4, "four example articles")

status, _, body = call("POST", "/api/articles", json.dumps(articles).encode())
check(status == 200, f"POST: {status} {body[:300]!r}")
r = json.loads(body)
check(r["inserted"] == 4 and r["updated"] == 0 and r["unchanged"] == 0 and r["duplicates"] == 0, f"counts {r}")
check(r["rejected"] == [], "nothing rejected")
check([a["id"] for a in r["articles"]] == [a["id"] for a in articles], "outcomes in input order")
check(all(a["status"] == "inserted" and a["story"] for a in r["articles"]), "each article in a story")
story_ids = {a["story"] for a in r["articles"]}
check(len(story_ids) == 1, f"the four articles make one story, got {story_ids}")
story = story_ids.pop()

# The same batch again, as JSON Lines: nothing new.
jsonl = "".join(json.dumps(a) + "\n" for a in articles).encode()
status, _, body = call("POST", "/api/articles", jsonl, "application/x-ndjson")
check(status == 200 and json.loads(body)["unchanged"] == 4, f"re-post unchanged: {body[:200]!r}")

status, _, body = call("GET", "/api/health")
h = json.loads(body)
check(status == 200 and h == {"ok": True, "articles": 4, "stories": 1}, f"health {h}")

for query in ("", "?sort=largest", "?sort=recent&limit=5&offset=0", "?q=bridge", "?entity=Vasquez"):
    status, _, body = call("GET", "/api/stories" + query)
    check(status == 200, f"stories{query}: {status}")
    rows = json.loads(body)["stories"]
    check([s["id"] for s in rows] == [story], f"stories{query} lists the story: {rows}")
    s = rows[0]
    for key, kind in (("headline", str), ("articles", int), ("outlets", list), ("updated", int)):
        check(isinstance(s[key], kind), f"story field {key}")
    check(s["articles"] == 4, "four articles")
    check("first_published" in s and "last_published" in s, "published range")

status, _, body = call("GET", "/api/stories?q=zzzznotaword")
check(status == 200 and json.loads(body)["stories"] == [], "a search with no match is empty")

status, _, body = call("GET", f"/api/stories/{story}")
s = json.loads(body)
check(status == 200 and s["id"] == story and isinstance(s["changes"], list), "story row with changes")

status, _, body = call("GET", f"/api/stories/{story}/brief")
check(status == 200, f"brief: {status} {body[:200]!r}")
brief = json.loads(body)
(b,) = brief["stories"]
for key in ("summary", "facts", "entities", "quotes", "timeline", "discrepancies", "sources"):
    check(isinstance(b.get(key), list), f"brief field {key}")
check(len(b["summary"]) >= 3, "at least three summary sentences")
check({x["id"] for x in b["sources"]} == {a["id"] for a in articles}, "every article is a source")

status, _, body = call("GET", "/api/articles/02_wire")
a = json.loads(body)
check(status == 200 and a["id"] == "02_wire" and a["story"] == story, "article read back")
check(a["outlet"] == "Coastline Wire", f"outlet read off the text: {a['outlet']}")
check(a["paragraphs"] and all(set(p) >= {"text", "heading"} for p in a["paragraphs"]), "paragraphs")
check(isinstance(a["dropped"], list) and isinstance(a["changes"], list), "dropped and changes")

# A correction: the story records what changed.
fixed = dict(articles[1])
fixed["text"] = fixed["text"].replace("38,000 vehicles", "41,000 vehicles", 1)
check(fixed["text"] != articles[1]["text"], "the wire story names the repair cost")
status, _, body = call("POST", "/api/articles", json.dumps(fixed).encode())
check(status == 200 and json.loads(body)["updated"] == 1, f"correction: {body[:200]!r}")
status, _, body = call("GET", f"/api/stories/{story}")
check(json.loads(body)["changes"], "the correction is listed")

# Errors: JSON, the right 4xx, and the server keeps serving.
json_error(*call("POST", "/api/articles", b"{not json"), 400)
json_error(*call("POST", "/api/articles", b"[1, 2, 3]"), 400)
json_error(*call("POST", "/api/articles", b""), 400)
json_error(*call("POST", "/api/articles", b"<p>hi</p>", "text/html"), 415)
json_error(*call("GET", "/api/stories/no-such-story/brief"), 404)
json_error(*call("GET", "/api/articles/no-such-article"), 404)
json_error(*call("GET", "/api/stories?sort=sideways"), 400)
json_error(*call("GET", "/api/stories?limit=many"), 400)
json_error(*call("DELETE", f"/api/stories/{story}"), 405)
json_error(*call("GET", "/api/nothing-here"), 404)
partial = json.dumps(articles[0]).encode() + b"\n{oops\n"
status, _, body = call("POST", "/api/articles", partial, "application/x-ndjson")
r = json.loads(body)
check(status == 200 and r["unchanged"] == 1 and r["rejected"][0]["line"] == 2, f"partial batch: {r}")

# The web page and its assets come from the binary.
status, headers, body = call("GET", "/")
check(status == 200, "/ is served")
if headers.get("Content-Type", "").startswith("text/html"):
    status, headers, _ = call("GET", f"/story/{story}")
    check(status == 200 and headers["Content-Type"].startswith("text/html"), "/story/{id} is the page")
    for asset, kind in (("app.js", "text/javascript"), ("style.css", "text/css")):
        status, headers, _ = call("GET", "/assets/" + asset)
        check(status == 200 and headers["Content-Type"].startswith(kind), f"/assets/{asset}")
status, _, _ = call("GET", "/api/health")
check(status == 200, "still serving after the bad requests")
print("serve api ok: story", story, "with", len(b["summary"]), "summary sentences")
PY

kill -TERM "$pid"
for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then echo "FAIL: the server did not stop on SIGTERM"; exit 1; fi
wait "$pid" && rc=0 || rc=$?
pid=
[[ $rc -eq 0 ]] || { echo "FAIL: serve exited $rc after SIGTERM"; cat "$work/err"; exit 1; }
echo "stopped cleanly"
