// The static site against the local explorer, in the same browser run
// (Debian's headless chromium, playwright-core): what the site weighs over
// the wire, how long from opening the page to the first chart, and how long
// from a slider move to the redrawn charts with one draw and with 300 draws.
// Rounds alternate between the two so that a busy machine slows both alike.
//
// Usage: node bench/site_bench.mjs AISIM_BINARY SITE_DIR [ROUNDS]
// (SITE_DIR from scripts/build-site.sh; bench/README.md, "The static site")
import {chromium} from 'playwright-core';
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import {serveFolder} from '../scripts/serve-site.mjs';

const [aisim, siteArg, roundsArg] = process.argv.slice(2);
if (!aisim || !siteArg) throw new Error('usage: node bench/site_bench.mjs AISIM_BINARY SITE_DIR [ROUNDS]');
const siteDir = path.resolve(siteArg);
const rounds = Number(roundsArg || 3);
const MOVES = 15;

// 1. Transfer size: every file of the site, as sent plain, gzip -9 and brotli.
let raw = 0, gzip = 0, brotli = 0;
const files = [];
(function walk(folder) {
  for (const entry of fs.readdirSync(folder, {withFileTypes: true})) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (entry.name !== '.aisim-site') files.push(file);
  }
})(siteDir);
for (const file of files) {
  const bytes = fs.readFileSync(file);
  raw += bytes.length;
  gzip += zlib.gzipSync(bytes, {level: 9}).length;
  brotli += zlib.brotliCompressSync(bytes, {params: {[zlib.constants.BROTLI_PARAM_QUALITY]: 11}}).length;
}
const mb = (n) => (n / 1e6).toFixed(2) + ' MB';
console.log(`site: ${files.length} files, ${mb(raw)} plain, ${mb(gzip)} gzip -9, ${mb(brotli)} brotli 11`);

// 2. The two servers: aisim explore, and a plain file server for the site.
const filesServer = await serveFolder(siteDir);
const siteUrl = `http://127.0.0.1:${filesServer.address().port}/`;
const explore = spawn(aisim, ['explore'], {stdio: ['ignore', 'pipe', 'pipe']});
const nativeUrl = await new Promise((resolve, reject) => {
  let text = '';
  explore.stdout.on('data', (chunk) => {
    text += chunk;
    const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(text);
    if (match) resolve(match[0]);
  });
  explore.on('exit', (code) => reject(new Error(`aisim explore exited with ${code}: ${text}`)));
});

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// One round on one server: open, first chart, MOVES slider moves with one
// draw, then MOVES with the fan of 300 draws.
async function round(browser, url) {
  const page = await browser.newPage({viewport: {width: 1400, height: 900}});
  await page.goto(url + '?region=KR');
  await page.waitForFunction(() => window.aisimExplorer && window.aisimExplorer.drawCount > 0, null,
                             {polling: 'raf', timeout: 60000});
  const firstChart = await page.evaluate(() => performance.now());
  const idle = (after) => page.waitForFunction(
      (n) => { const e = window.aisimExplorer; return e.drawCount > n && !e.inFlight && !e.pending; }, after,
      {timeout: 60000});
  const moves = async (draws) => {
    const before = await page.evaluate(() => window.aisimExplorer.timings.length);
    for (let i = 0; i < MOVES; i++) {
      const count = await page.evaluate(() => window.aisimExplorer.drawCount);
      await page.locator('input[data-path="regions.KR.public_budget"]').fill(String(3 + i + (draws > 1 ? 0.5 : 0)));
      await idle(count);
    }
    return (await page.evaluate((n) => window.aisimExplorer.timings.slice(n), before))
        .filter((t) => t.draws === draws).map((t) => t.ms);
  };
  const one = await moves(1);
  const count = await page.evaluate(() => window.aisimExplorer.drawCount);
  await page.check('input[name=mode][value=fan]');
  await idle(count);
  const fan = await moves(300);
  await page.close();
  return {firstChart, one, fan};
}

const browser = await chromium.launch({executablePath: '/usr/bin/chromium', headless: true,
                                       args: ['--no-sandbox', '--disable-gpu']});
const results = {native: {firstChart: [], one: [], fan: []}, site: {firstChart: [], one: [], fan: []}};
try {
  for (let r = 0; r < rounds; r++) {
    for (const [name, url] of [['native', nativeUrl], ['site', siteUrl]]) {
      const got = await round(browser, url);
      results[name].firstChart.push(got.firstChart);
      results[name].one.push(...got.one);
      results[name].fan.push(...got.fan);
    }
  }
} finally {
  await browser.close();
  explore.kill('SIGTERM');
  filesServer.close();
}
console.log(`${rounds} rounds, ${MOVES} moves each, medians in ms (native: aisim explore; site: the WebAssembly site)`);
console.log('| | native explorer | static site | site / native |');
console.log('|---|---:|---:|---:|');
for (const [key, label] of [['firstChart', 'opening to first chart'], ['one', 'slider move to redraw, 1 draw'],
                            ['fan', 'slider move to redraw, 300 draws']]) {
  const n = median(results.native[key]), s = median(results.site[key]);
  console.log(`| ${label} | ${n.toFixed(1)} | ${s.toFixed(1)} | ${(s / n).toFixed(2)} |`);
}
