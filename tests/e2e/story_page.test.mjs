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
let row = null;  // the story as the list shows it (GET /api/stories/ID)
// The development stories (../shared/data/briefs: 12-21 articles each, which
// the server groups into stories of up to 11): the largest stories they make.
const devDir = path.join(shared, 'data', 'briefs');
let devStories = [];

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
  row = await api('GET', `/api/stories/${encodeURIComponent(storyId)}`);
  if (fs.existsSync(devDir)) {
    for (const set of fs.readdirSync(devDir).sort()) {
      const feed = path.join(devDir, set, 'articles.jsonl');
      if (!fs.existsSync(feed)) continue;
      const response = await fetch(`${base}/api/articles`, {
        method: 'POST', headers: { 'Content-Type': 'application/x-ndjson' }, body: fs.readFileSync(feed),
      });
      assert.ok(response.ok, `${feed}: HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
    }
    devStories = (await api('GET', '/api/stories?sort=largest&limit=3')).stories.filter((r) => r.articles >= 5);
  }
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
  assert.equal((await headline.textContent()).trim(), row.headline, 'the story list\'s headline');

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

  // The sources list keeps what was stripped as boilerplate (all sources
  // once the folded rest is shown).
  const showAllSources = page.locator('#sources .show-all button');
  if (await showAllSources.count()) await showAllSources.click();
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

// Every element with text of its own, visible, against the colour actually
// behind it (its own and its ancestors' backgrounds, composited): pairs
// under 4.5:1 (WCAG AA for normal text), with what they are.
async function lowContrast(page) {
  return page.evaluate(() => {
    const parse = (c) => {
      let m = /^rgba?\(([^)]*)\)$/.exec(c);
      if (m) {
        const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
        return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
      }
      m = /^color\(srgb ([^)]*)\)$/.exec(c);
      if (m) {
        const p = m[1].split(/[\s/]+/).filter(Boolean).map(Number);
        return [p[0] * 255, p[1] * 255, p[2] * 255, p.length > 3 ? p[3] : 1];
      }
      throw new Error(`colour not understood: ${c}`);
    };
    const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
    const lum = (c) => {
      const [r, g, b] = c.slice(0, 3).map((v) => {
        const x = v / 255;
        return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const background = (el) => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
      }
      let colour = [255, 255, 255, 1];
      for (const layer of layers.reverse()) colour = over(layer, colour);
      return colour;
    };
    const faded = (el) => {
      for (let e = el; e; e = e.parentElement) {
        if (e.disabled || Number(getComputedStyle(e).opacity) < 1) return true;  // disabled controls are exempt
      }
      return false;
    };
    const bad = [];
    let checked = 0;
    for (const el of document.body.querySelectorAll('*')) {
      if (['SCRIPT', 'STYLE', 'OPTION', 'SELECT', 'NOSCRIPT'].includes(el.tagName)) continue;
      const own = [...el.childNodes].filter((n) => n.nodeType === 3 && n.textContent.trim()).map((n) => n.textContent.trim()).join(' ');
      if (!own || !el.getClientRects().length || getComputedStyle(el).visibility !== 'visible' || faded(el)) continue;
      const bg = background(el);
      const fg = over(parse(getComputedStyle(el).color), bg);
      const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      const ratio = (a + 0.05) / (b + 0.05);
      checked++;
      if (ratio < 4.5) {
        bad.push(`${el.tagName.toLowerCase()}.${el.className} "${own.slice(0, 30)}": ${ratio.toFixed(2)}:1 (${fg.slice(0, 3).map(Math.round)} on ${bg.slice(0, 3).map(Math.round)})`);
      }
    }
    return { checked, bad };
  });
}

test('one headline and one outlet count per story, in the list and on its page', async () => {
  const { page, problems } = await openPage();
  await page.goto(`${base}/`);
  const card = page.locator('.story-card').filter({ has: page.locator(`h2 a[href="/story/${encodeURIComponent(storyId)}"]`) });
  await card.waitFor({ timeout: 30000 });
  const listHeadline = (await card.locator('h2').textContent()).trim();
  const listOutlets = (await card.locator('.outlet-count').textContent()).trim();
  await card.locator('h2 a').click();
  await page.locator('article.story h1.headline').waitFor({ timeout: 30000 });
  assert.equal((await page.locator('h1.headline').textContent()).trim(), listHeadline);
  const pageOutlets = (await page.locator('.story-head .outlet-count').textContent()).trim();
  assert.equal(pageOutlets, listOutlets);
  // Distinct named outlets, as the briefing's sources give them.
  const named = new Set(brief.sources.filter((s) => s.outlet).map((s) => s.outlet)).size;
  assert.equal(pageOutlets, named === 0 ? 'outlets not named' : `${named} outlet${named === 1 ? '' : 's'}`);
  // The same for the development stories (a dozen outlets, some unnamed).
  for (const row of devStories) {
    await page.goto(`${base}/?sort=largest`);
    const devCard = page.locator('.story-card').filter({ has: page.locator(`h2 a[href="/story/${encodeURIComponent(row.id)}"]`) });
    await devCard.waitFor({ timeout: 30000 });
    const [h, o] = [(await devCard.locator('h2').textContent()).trim(), (await devCard.locator('.outlet-count').textContent()).trim()];
    await devCard.locator('h2 a').click();
    await page.locator('article.story h1.headline').waitFor({ timeout: 60000 });
    assert.equal((await page.locator('h1.headline').textContent()).trim(), h, `story ${row.id}`);
    assert.equal((await page.locator('.story-head .outlet-count').textContent()).trim(), o, `story ${row.id}`);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('the search box keeps its mode and words after a name search', async () => {
  const { page, problems } = await openPage();
  const name = (brief.entities || [])[0]?.name || 'Rafah';
  await page.goto(`${base}/`);
  await page.locator('form.search').waitFor({ timeout: 30000 });
  await page.locator('form.search select').selectOption('entity');
  await page.locator('form.search input').fill(name);
  await page.locator('form.search button[type=submit]').click();
  await page.locator('.chip').waitFor({ timeout: 30000 });
  assert.equal(new URL(page.url()).searchParams.get('entity'), name);
  assert.equal(await page.locator('form.search select').inputValue(), 'entity');
  assert.equal(await page.locator('form.search input').inputValue(), name);
  // And on a fresh load of that address.
  await page.reload();
  await page.locator('.chip').waitFor({ timeout: 30000 });
  assert.equal(await page.locator('form.search select').inputValue(), 'entity');
  assert.equal(await page.locator('form.search input').inputValue(), name);
  assert.deepEqual(problems, []);
  await page.close();
});

test('every text on the list, the story page and the not-found page has a contrast of 4.5:1 or more, light and dark', async () => {
  const { page, problems } = await openPage();
  // The development stories have a dozen outlets and more: colours past the
  // first few of the palette.
  const pages = ['/', `/story/${encodeURIComponent(storyId)}`, '/no-such-page',
    ...devStories.slice(0, 2).map((r) => `/story/${encodeURIComponent(r.id)}`)];
  for (const [scheme, url] of ['light', 'dark'].flatMap((c) => pages.map((u) => [c, u]))) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${base}${url}`);
    await page.locator('.story-card, article.story, .not-found').first().waitFor({ timeout: 30000 });
    // Opened: the folded lists and the details, so that their text counts too.
    await page.evaluate(() => document.querySelectorAll('.show-all button').forEach((b) => b.click()));
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    const { checked, bad } = await lowContrast(page);
    assert.ok(checked >= 8, `${url} (${scheme}): only ${checked} texts checked`);
    assert.deepEqual(bad, [], `${url} (${scheme}): text under 4.5:1`);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('a mistyped address shows a not-found page with a way back', async () => {
  const { page, problems } = await openPage();
  // "/story/a/b" looks like a story address but is none: 404 too, not 200.
  for (const mistyped of ['/story/a/b', '/stroies']) {
    const response = await page.goto(`${base}${mistyped}`);
    assert.equal(response.status(), 404, mistyped);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor({ timeout: 30000 });
    assert.ok(!(await page.locator('body').textContent()).includes('"error"'), `${mistyped}: no raw JSON`);
  }
  await page.locator('.not-found a[href="/"]').click();
  await page.locator('.story-card').first().waitFor({ timeout: 30000 });
  assert.deepEqual(problems, []);
  await page.close();
});

test('the largest development stories are under 6,000 px tall on a phone until expanded', async (t) => {
  if (!devStories.length) {
    t.skip(`${devDir} is absent`);
    return;
  }
  const { page, problems } = await openPage();
  await page.setViewportSize({ width: 390, height: 844 });
  for (const row of devStories) {
    await page.goto(`${base}/story/${encodeURIComponent(row.id)}`);
    await page.locator('article.story').waitFor({ timeout: 60000 });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`# story ${row.id} (${row.articles} articles) is ${height} px tall at 390 px wide`);
    assert.ok(height < 6000, `story ${row.id} (${row.articles} articles): ${height} px`);
  }
  // Folded, not lost: "Show all (N)" adds the rest.
  const fold = page.locator('.show-all button').first();
  assert.match(await fold.textContent(), /^Show all \(\d+\)$/);
  const before = await page.evaluate(() => document.documentElement.scrollHeight);
  await fold.click();
  assert.ok(await page.evaluate(() => document.documentElement.scrollHeight) > before, 'showing all adds the rest');
  assert.deepEqual(problems, []);
  await page.close();
});
