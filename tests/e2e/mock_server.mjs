#!/usr/bin/env node
// A stand-in for `newsfuse serve`, for developing and testing the web page
// (web/) without the real server. It serves web/ at the real server's paths
// and answers the JSON API of the real one, computing stories and briefings
// at runtime with the newsfuse binary itself (`cluster` then `brief -`), so
// no article text is ever stored in the repository.
//
//   node tests/e2e/mock_server.mjs [--port 0] [--seed DIR]... [--newsfuse PATH] [--delay MS]
//
// --seed DIR loads every .txt file of DIR as an article (id = file stem), as
// if it had been POSTed. --delay MS slows every API answer (to look at the
// page's loading states). It prints
//   newsfuse: serving http://127.0.0.1:PORT (mock)
// once listening, like the real server. State lives in memory only.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const webDir = path.join(repo, 'web');

const args = process.argv.slice(2);
let port = 0;
let delayMs = 0;
let newsfuse = process.env.NEWSFUSE || path.join(repo, 'build', 'newsfuse');
const seeds = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const next = () => {
    if (i + 1 >= args.length) fail(`${a} needs a value`);
    return args[++i];
  };
  if (a === '--port') port = Number(next());
  else if (a === '--seed') seeds.push(next());
  else if (a === '--newsfuse') newsfuse = next();
  else if (a === '--delay') delayMs = Number(next());
  else fail(`unknown argument ${a}`);
}

function fail(message) {
  console.error(`mock_server: ${message}`);
  process.exit(2);
}

if (!fs.existsSync(newsfuse)) fail(`${newsfuse} is absent: build newsfuse or pass --newsfuse`);

// ---- state ---------------------------------------------------------------

const articles = new Map();  // id -> {id, outlet, url, published, title, text, ingested}
const changes = [];          // {article, at, field, before, after}
let stories = [];            // [{id, headline, articleIds, outlets, first, last, updated}]
const storyOf = new Map();   // article id -> story id
const briefCache = new Map();  // story id -> parsed brief
let generation = 0;

const now = () => Math.floor(Date.now() / 1000);

function run(argv, input) {
  return new Promise((resolve, reject) => {
    const child = execFile(newsfuse, argv, { maxBuffer: 256 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`newsfuse ${argv.join(' ')}: ${stderr.trim() || err.message}`));
      else resolve(stdout);
    });
    child.stdin.end(input);
  });
}

function jsonl(ids) {
  return ids.map((id) => {
    const a = articles.get(id);
    const o = { id: a.id, text: a.text };
    for (const k of ['outlet', 'url', 'published', 'title']) if (a[k]) o[k] = a[k];
    return JSON.stringify(o);
  }).join('\n') + '\n';
}

// Re-clusters everything (the store assigns stories incrementally; for a
// mock a full pass is simpler and fast at this size).
async function recluster() {
  generation++;
  briefCache.clear();
  storyOf.clear();
  if (articles.size === 0) { stories = []; return; }
  const out = await run(['cluster', '-'], jsonl([...articles.keys()]));
  const previous = new Map(stories.map((s) => [s.articleIds.slice().sort().join('\n'), s]));
  const next = [];
  for (const line of out.split('\n')) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line);
    if (rec.type !== 'story') continue;
    const key = rec.articles.slice().sort().join('\n');
    const old = previous.get(key);
    const updated = old ? old.updated : Math.max(...rec.articles.map((id) => articles.get(id).ingested));
    const s = {
      id: old ? old.id : `story-${next.length + 1}-${generation}`,
      headline: rec.headline,
      articleIds: rec.articles,
      outlets: rec.outlets,
      first: rec.first_published,
      last: rec.last_published,
      updated,
    };
    next.push(s);
    for (const id of rec.articles) storyOf.set(id, s.id);
  }
  stories = next;
}

async function brief(story) {
  if (!briefCache.has(story.id)) {
    const out = await run(['brief', '-', '--format', 'json'], jsonl(story.articleIds));
    const parsed = JSON.parse(out);
    parsed.stories[0].id = story.id;
    briefCache.set(story.id, parsed);
  }
  return briefCache.get(story.id);
}

function storyRow(s) {
  return {
    id: s.id, headline: s.headline, articles: s.articleIds.length, outlets: s.outlets,
    first_published: s.first ?? null, last_published: s.last ?? null, updated: s.updated,
  };
}

function ingest(batch) {
  const result = { inserted: 0, unchanged: 0, updated: 0, duplicates: 0, articles: [] };
  for (const item of batch) {
    const a = {
      id: String(item.id), outlet: item.outlet ?? null, url: item.url ?? null,
      published: item.published ?? null, title: item.title ?? null, text: String(item.text),
      ingested: now(),
    };
    const old = articles.get(a.id);
    let status = 'inserted';
    if (old) {
      const diff = ['title', 'text', 'published', 'outlet'].filter((k) => old[k] !== a[k]);
      if (diff.length === 0) status = 'unchanged';
      else {
        status = 'updated';
        for (const k of diff) changes.push({ article: a.id, at: a.ingested, field: k, before: old[k], after: a[k] });
      }
    } else {
      const dup = [...articles.values()].find((b) => b.text === a.text);
      if (dup) status = 'duplicate_content';
    }
    if (status === 'inserted' || status === 'updated') articles.set(a.id, a);
    result[{ inserted: 'inserted', unchanged: 'unchanged', updated: 'updated', duplicate_content: 'duplicates' }[status]]++;
    result.articles.push({ id: a.id, status });
  }
  return result;
}

// ---- HTTP ----------------------------------------------------------------

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.json': 'application/json',
};

function send(res, status, body, type = 'application/json; charset=utf-8') {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}
const sendJson = (res, status, obj) => send(res, status, JSON.stringify(obj));
const sendError = (res, status, message) => sendJson(res, status, { error: { status, message } });

function sendFile(res, name, status = 200) {
  const file = path.join(webDir, name);
  if (!file.startsWith(webDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    return sendError(res, 404, `no asset ${name}`);
  }
  send(res, status, fs.readFileSync(file), types[path.extname(file)] || 'application/octet-stream');
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function paragraphsOf(a, dropped) {
  const skip = new Set(dropped.map((d) => d.text.trim()));
  const out = [];
  for (const block of a.text.split(/\n\s*\n/)) {
    const lines = block.split('\n').map((l) => l.trim()).filter((l) => l && !skip.has(l));
    if (!lines.length) continue;
    const text = lines.join(' ');
    out.push({ text, heading: out.length === 0 || (text.length < 90 && !/[.!?"”]$/.test(text)) });
  }
  return out;
}

async function api(req, res, url) {
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);  // api, ...
  if (parts[1] === 'stories' && parts.length === 2 && req.method === 'GET') {
    const sort = url.searchParams.get('sort') || 'recent';
    if (sort !== 'recent' && sort !== 'largest') return sendError(res, 400, `sort: "${sort}" is not recent or largest`);
    const q = (url.searchParams.get('q') || '').toLowerCase().split(/\s+/).filter(Boolean);
    const entity = (url.searchParams.get('entity') || '').toLowerCase();
    const limit = Math.min(Number(url.searchParams.get('limit') || 50), 500);
    const offset = Number(url.searchParams.get('offset') || 0);
    let list = stories.filter((s) => {
      const docs = s.articleIds.map((id) => articles.get(id)).map((a) => `${a.title || ''}\n${a.text}`.toLowerCase());
      if (q.length && !docs.some((d) => q.every((w) => d.includes(w)))) return false;
      if (entity && !docs.some((d) => d.includes(entity))) return false;
      return true;
    });
    list = list.slice().sort(sort === 'largest'
      ? (a, b) => b.articleIds.length - a.articleIds.length || String(b.last).localeCompare(String(a.last))
      : (a, b) => String(b.last).localeCompare(String(a.last)) || b.updated - a.updated);
    return sendJson(res, 200, { stories: list.slice(offset, offset + limit).map(storyRow) });
  }
  if (parts[1] === 'stories' && parts.length >= 3 && req.method === 'GET') {
    const s = stories.find((x) => x.id === parts[2]);
    if (!s) return sendError(res, 404, `no story ${parts[2]}`);
    if (parts.length === 3) {
      const ids = new Set(s.articleIds);
      return sendJson(res, 200, { ...storyRow(s), changes: changes.filter((c) => ids.has(c.article)) });
    }
    if (parts.length === 4 && parts[3] === 'brief') return sendJson(res, 200, await brief(s));
  }
  if (parts[1] === 'articles' && parts.length === 3 && req.method === 'GET') {
    const a = articles.get(parts[2]);
    if (!a) return sendError(res, 404, `no article ${parts[2]}`);
    const s = stories.find((x) => x.id === storyOf.get(a.id));
    const source = s ? (await brief(s)).stories[0].sources.find((x) => x.id === a.id) : null;
    const dropped = source?.dropped || [];
    return sendJson(res, 200, {
      id: a.id, outlet: source?.outlet ?? a.outlet, url: source?.url ?? a.url,
      title: source?.title ?? a.title, published: source?.published ?? a.published, language: 'en',
      story: storyOf.get(a.id) || null, paragraphs: paragraphsOf(a, dropped), dropped,
      changes: changes.filter((c) => c.article === a.id),
    });
  }
  if (parts[1] === 'articles' && parts.length === 2 && req.method === 'POST') {
    let batch;
    try {
      batch = JSON.parse(await readBody(req));
    } catch (e) {
      return sendError(res, 400, `request body: not valid JSON (${e.message})`);
    }
    if (!Array.isArray(batch)) return sendError(res, 400, 'request body: expected a JSON array of articles');
    for (const [i, a] of batch.entries()) {
      if (!a || typeof a.id !== 'string' || !a.id || typeof a.text !== 'string') {
        return sendError(res, 400, `article ${i}: needs string fields "id" and "text"`);
      }
    }
    const result = ingest(batch);
    await recluster();
    for (const a of result.articles) a.story = storyOf.get(a.id) || '';
    return sendJson(res, 200, result);
  }
  return sendError(res, 404, `no API route ${req.method} ${url.pathname}`);
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  try {
    if (url.pathname.startsWith('/api/')) {
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      return await api(req, res, url);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'method not allowed');
    if (url.pathname === '/' || /^\/story\/[^/]+\/?$/.test(url.pathname)) return sendFile(res, 'index.html');
    if (url.pathname.startsWith('/assets/')) return sendFile(res, url.pathname.slice('/assets/'.length));
    return sendFile(res, 'index.html', 404);  // the page says "Page not found", as the real server's does
  } catch (e) {
    return sendError(res, 500, e.message);
  }
});

for (const dir of seeds) {
  const batch = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => ({ id: f.slice(0, -4), text: fs.readFileSync(path.join(dir, f), 'utf8') }));
  ingest(batch);
}
await recluster();

server.listen(port, '127.0.0.1', () => {
  console.log(`newsfuse: serving http://127.0.0.1:${server.address().port} (mock)`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
