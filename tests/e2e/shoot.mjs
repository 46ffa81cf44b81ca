#!/usr/bin/env node
// Screenshots of the page for looking at it while developing:
//   node tests/e2e/shoot.mjs http://127.0.0.1:PORT OUTDIR
//   node tests/e2e/shoot.mjs http://127.0.0.1:PORT OUTDIR '/?sort=largest'   (the first story of that list)
// writes list.png, story.png (full page), story-phone.png and tooltip.png.
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './browser.mjs';

const [base, out = '/tmp/newsfuse-shots', listPath = '/'] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
const { context, close } = await launch();
try {
  const page = await context.newPage();
  page.on('console', (m) => console.log(`console.${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => console.log(`pageerror: ${e.message}`));
  await page.goto(base + listPath);
  await page.waitForSelector('.story-card, .empty, .error');
  await page.screenshot({ path: path.join(out, 'list.png'), fullPage: true });
  const href = await page.getAttribute('.story-card h2 a', 'href');
  await page.goto(base + href);
  await page.waitForSelector('.story, .error');
  await page.screenshot({ path: path.join(out, 'story.png'), fullPage: true });
  for (const id of ['summary', 'discrepancies', 'facts', 'quotes', 'timeline', 'people', 'contributions', 'corrections', 'sources']) {
    const el = page.locator(`#${id}`);
    if (await el.count()) await el.screenshot({ path: path.join(out, `section-${id}.png`) });
  }
  await page.locator('.story-head').screenshot({ path: path.join(out, 'section-head.png') });
  await page.hover('.cite');
  await page.screenshot({ path: path.join(out, 'tooltip.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await page.waitForSelector('.story');
  await page.screenshot({ path: path.join(out, 'story-phone.png'), fullPage: true });
  console.log(`screenshots in ${out}`);
} finally {
  await close();
}
