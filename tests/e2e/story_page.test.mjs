// End-to-end test of the web page: starts `newsfuse serve` on a free loopback
// port with an empty database, posts the sample story's five articles, opens
// the story page in headless Chromium (Debian's, driven by playwright-core)
// and checks what a reader must see. Saves a screenshot and prints its path.
//
//   NEWSFUSE=build/newsfuse NEWSFUSE_SHARED_DIR=../shared node --test tests/e2e/story_page.test.mjs
//
// Environment: NEWSFUSE (the binary), NEWSFUSE_SHARED_DIR (holds
// seeds/rafah-2024-04-01), NEWSFUSE_BUILD_DIR (where the screenshots go;
// default: the binary's folder), NEWSFUSE_E2E_MOCK=1 runs against
// tests/e2e/mock_server.mjs instead of the real server (for developing the
// page). tests/integration/web_e2e_test.sh wraps this for ctest.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const newsfuse = path.resolve(process.env.NEWSFUSE || path.join(repo, 'build', 'newsfuse'));
const shared = process.env.NEWSFUSE_SHARED_DIR || path.resolve(repo, '..', 'shared');
const sample = path.join(shared, 'seeds', 'rafah-2024-04-01');
const useMock = process.env.NEWSFUSE_E2E_MOCK === '1';
const shotDir = path.resolve(process.env.NEWSFUSE_BUILD_DIR || path.dirname(newsfuse), 'e2e');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsfuse-e2e-'));
let server = null;
let serverLog = '';
let base = '';
let browser = null;

// Starts the server and resolves with its base URL once it prints
// "newsfuse: serving http://127.0.0.1:PORT ...".
function startServer() {
  const argv = useMock
    ? [process.execPath, [path.join(here, 'mock_server.mjs'), '--port', '0', '--newsfuse', newsfuse]]
    : [newsfuse, ['serve', '--db', path.join(tmp, 'x.db'), '--port', '0']];
  server = spawn(argv[0], argv[1], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server printed no "serving" line in 30 s:\n${serverLog}`)), 30000);
    const onData = (chunk) => {
      serverLog += chunk;
      const m = /serving (http:\/\/[^\s]+)/.exec(serverLog);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/, ''));
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', (chunk) => { serverLog += chunk; });
    server.on('error', (e) => { clearTimeout(timer); reject(new Error(`cannot start ${argv[0]}: ${e.message}`)); });
    server.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${signal || code}) before listening:\n${serverLog}`));
    });
  });
}

function stopServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => server.kill('SIGKILL'), 3000);
    server.once('exit', () => { clearTimeout(kill); resolve(); });
    server.kill('SIGTERM');
  });
}
// Whatever happens (a failed assertion, an exception), the server goes.
process.on('exit', () => { if (server && server.exitCode === null) server.kill('SIGKILL'); });

async function api(method, url, body) {
  const response = await fetch(base + url, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${url}: HTTP ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

// A page that fails on any script error and on any request leaving the
// server (no CDN, no external fonts).
async function openPage() {
  const page = await browser.context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(base + '/') && !r.url().startsWith('data:')) problems.push(`request outside the server: ${r.url()}`);
  });
  return { page, problems };
}

let storyId = '';
let brief = null;

before(async () => {
  assert.ok(fs.existsSync(sample), `${sample} is absent (tests/integration/web_e2e_test.sh skips then)`);
  base = await startServer();
  console.log(`# server: ${base} (${useMock ? 'mock' : newsfuse})`);
  const batch = fs.readdirSync(sample).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => ({ id: f.slice(0, -4), text: fs.readFileSync(path.join(sample, f), 'utf8') }));
  assert.equal(batch.length, 5, `${sample} should hold five articles`);
  const result = await api('POST', '/api/articles', batch);
  assert.equal(result.articles.length, 5, JSON.stringify(result));
  // The story most of the five went to.
  const votes = new Map();
  for (const a of result.articles) if (a.story) votes.set(a.story, (votes.get(a.story) || 0) + 1);
  storyId = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  assert.ok(storyId, `no article was assigned a story: ${JSON.stringify(result)}`);
  brief = (await api('GET', `/api/stories/${encodeURIComponent(storyId)}/brief`)).stories[0];
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  await stopServer();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('the story page shows the summary, a discrepancy and a quote', async () => {
  const { page, problems } = await openPage();
  await page.goto(`${base}/story/${encodeURIComponent(storyId)}`);
  await page.locator('article.story').waitFor({ timeout: 30000 });

  const headline = page.locator('h1.headline');
  assert.ok(await headline.isVisible(), 'headline visible');
  assert.equal((await headline.textContent()).trim(), brief.headline);

  const sentences = page.locator('#summary .sentence');
  assert.ok(await sentences.count() >= 1, 'at least one summary sentence');
  assert.ok(await sentences.first().isVisible(), 'summary visible');
  assert.equal((await sentences.first().textContent()).trim(), brief.summary[0].text);

  const discrepancy = page.locator('#discrepancies .discrepancy').first();
  assert.ok(await discrepancy.isVisible(), 'a discrepancy is visible');
  assert.ok(await discrepancy.locator('.version').count() >= 2, 'the discrepancy shows two versions side by side');
  const versions = discrepancy.locator('.version');
  const [a, b] = [await versions.nth(0).boundingBox(), await versions.nth(1).boundingBox()];
  assert.ok(Math.abs(a.y - b.y) < 2 && b.x > a.x, `versions side by side on a wide screen (${JSON.stringify([a, b])})`);

  const quote = page.locator('#quotes .quote blockquote').first();
  assert.ok(await quote.isVisible(), 'a quote is visible');
  assert.ok(await page.locator('#quotes .speaker').first().isVisible(), 'its speaker is visible');

  // Hovering a citation shows that outlet's own sentence.
  const item = brief.summary[0];
  const cite = page.locator('#summary .cite').first();
  await cite.hover();
  const tip = page.locator('#tip');
  await tip.waitFor({ state: 'visible', timeout: 3000 });
  const tipText = await tip.textContent();
  const outlet = brief.sources.find((s) => s.id === item.sources[0]);
  assert.ok(tipText.includes(item.source_sentences[0]), `the tooltip shows the outlet's sentence: ${tipText}`);
  if (outlet.outlet) assert.ok(tipText.includes(outlet.outlet), `the tooltip names the outlet: ${tipText}`);
  // Keyboard users get it on focus too; Escape hides it.
  await page.keyboard.press('Escape');
  await tip.waitFor({ state: 'hidden', timeout: 3000 });
  await page.locator('#summary .cite').nth(1).focus();
  await tip.waitFor({ state: 'visible', timeout: 3000 });

  // The sources list keeps what was stripped as boilerplate.
  assert.equal(await page.locator('#sources .sources > li').count(), brief.sources.length);
  const withDropped = brief.sources.findIndex((s) => (s.dropped || []).length);
  if (withDropped >= 0) {
    const dropped = brief.sources[withDropped].dropped[0];
    const box = page.locator(`#source-${withDropped + 1} details.dropped`);
    await box.locator('summary').click();
    const line = box.locator('li').first();
    assert.ok(await line.isVisible(), 'a stripped line shows when its list is opened');
    assert.equal((await line.textContent()).replace(/\s+/g, ' ').trim(), `${dropped.kind} ${dropped.text}`.replace(/\s+/g, ' ').trim());
    await box.locator('summary').click();
  }

  fs.mkdirSync(shotDir, { recursive: true });
  await page.keyboard.press('Escape');
  await page.mouse.move(0, 0);
  const shot = path.join(shotDir, 'story_page.png');
  await page.screenshot({ path: shot, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  const phone = path.join(shotDir, 'story_page_phone.png');
  await page.screenshot({ path: phone });
  console.log(`# screenshots: ${shot} ${phone}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the story list links to the story', async () => {
  const { page, problems } = await openPage();
  await page.goto(`${base}/`);
  const link = page.locator(`.story-card h2 a[href="/story/${encodeURIComponent(storyId)}"]`);
  await link.waitFor({ timeout: 30000 });
  await link.click();
  await page.locator('article.story h1.headline').waitFor({ timeout: 30000 });
  assert.equal(new URL(page.url()).pathname, `/story/${encodeURIComponent(storyId)}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('markup in an article is shown as text, never run', async () => {
  const evil = '<img src=x onerror="window.__pwned=1">';
  const text = [
    `Lantern festival ${evil} draws record crowd to Quillon harbour`,
    '',
    'The Quillon lantern festival drew a record crowd of 52,000 visitors on Saturday, organisers said.',
    '',
    `Festival director Mara Lindqvist said the <script>window.__pwned=2</script> night was "the brightest one yet".`,
    '',
    'Ferries ran every ten minutes until midnight to carry visitors across the harbour.',
  ].join('\n');
  const result = await api('POST', '/api/articles', [{
    id: 'e2e-markup', outlet: `Quillon <b>Post</b>`, published: '2026-05-02',
    title: `Lantern festival ${evil} draws record crowd`, text,
  }]);
  const story = result.articles[0].story;
  assert.ok(story, JSON.stringify(result));
  const { page, problems } = await openPage();
  await page.goto(`${base}/story/${encodeURIComponent(story)}`);
  await page.locator('article.story').waitFor({ timeout: 30000 });
  const shown = await page.locator('main').textContent();
  assert.ok(shown.includes('<img src=x onerror='), `the markup is visible as text: ${shown.slice(0, 300)}`);
  assert.equal(await page.locator('main img, main script, main b').count(), 0, 'no element was made from article text');
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no article script ran');
  // And in the story list.
  await page.goto(`${base}/?q=lantern`);
  await page.locator('.story-card, .empty').first().waitFor({ timeout: 30000 });
  assert.equal(await page.locator('main img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(problems, []);
  await page.close();
});

test('an unknown story says so', async () => {
  const { page, problems } = await openPage();
  await page.goto(`${base}/story/no-such-story`);
  await page.getByRole('heading', { name: 'Story not found' }).waitFor({ timeout: 30000 });
  assert.deepEqual(problems, []);
  await page.close();
});
