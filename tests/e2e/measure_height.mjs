// Prints how tall the pages of the three largest stories are at phone width
// (390 px) and at desktop width (1280 px), for before/after figures (not a
// test): posts every JSONL file given to a fresh server first.
//   node tests/e2e/measure_height.mjs BUILD/newsfuse ../shared/data/briefs/*/articles.jsonl
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch } from './browser.mjs';

const [binary, ...feeds] = process.argv.slice(2);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsfuse-height-'));
const server = spawn(binary, ['serve', '--db', path.join(tmp, 'x.db'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise((resolve) => {
  let out = '';
  server.stdout.on('data', (c) => {
    out += c;
    const m = /serving (http:\/\/\S+)/.exec(out);
    if (m) resolve(m[1]);
  });
});
try {
  const sizes = new Map();
  for (const jsonl of feeds) {
    const posted = await (await fetch(`${base}/api/articles`, {
      method: 'POST', headers: { 'Content-Type': 'application/x-ndjson' }, body: fs.readFileSync(jsonl),
    })).json();
    for (const a of posted.articles) if (a.story) sizes.set(a.story, (sizes.get(a.story) || 0) + 1);
  }
  const { stories } = await (await fetch(`${base}/api/stories?sort=largest&limit=3`)).json();
  const browser = await launch();
  const page = await browser.context.newPage();
  for (const row of stories) {
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 844 });
      await page.goto(`${base}/story/${encodeURIComponent(row.id)}`);
      await page.locator('article.story').waitFor({ timeout: 120000 });
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const parts = await page.evaluate(() => [...document.querySelectorAll('header.story-head, nav.toc, section.block')]
        .map((e) => `${e.id || e.tagName.toLowerCase()} ${Math.round(e.getBoundingClientRect().height)}`).join(', '));
      console.log(`story ${row.id} (${row.articles} articles) at ${width} px wide: ${height} px tall (${parts})`);
      if (process.env.SHOTS && width === 390) {
        for (let y = 0; y < height; y += 1500) {
          await page.screenshot({ path: path.join(process.env.SHOTS, `story-${row.id}-${y}.png`), fullPage: true,
            clip: { x: 0, y, width, height: Math.min(1500, height - y) } });
        }
      }
    }
  }
  await browser.close();
} finally {
  server.kill('SIGTERM');
  fs.rmSync(tmp, { recursive: true, force: true });
}
