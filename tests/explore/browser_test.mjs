// The explorer in a real browser: Debian's headless chromium, driven by
// playwright-core. Starts `aisim explore`, drags a slider and sees the charts
// change, checks every charted number against `aisim run --set ...` for the
// same change, measures input-to-redraw in the browser, reloads the what-if
// from its URL, downloads the YAML and runs it, and tries the fan mode and a
// bad link; then walks a first-time user's path at 1366x768 (pick a scenario,
// see its region and both sectors, switch sector, move the budget, read the
// headline, compare with the start, share the link, download and rerun, ask
// which assumption matters most).
// Screenshots go to SCREENSHOT_DIR.
//
// With --site SITE_DIR the same walk runs on the static site
// (scripts/build-site.sh): SITE_DIR served by a plain static file server on
// 127.0.0.1, the model running in the browser as WebAssembly. Its numbers
// are then compared with aisim run's to SITE_TOLERANCE relative (absolute
// below 1; the WebAssembly build takes exp/log from the C library, not
// SLEEF), not bit for bit.
//
// Usage: node browser_test.mjs AISIM_BINARY SCREENSHOT_DIR [--site SITE_DIR]
// All traffic goes to the server on 127.0.0.1; chromium runs with networking
// extras off and a fresh, empty profile.
import {chromium} from 'playwright-core';
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {serveFolder} from '../../scripts/serve-site.mjs';

const [aisim, screenshotDir, siteFlag, siteDir] = process.argv.slice(2);
if (!aisim || !screenshotDir || (siteFlag !== undefined && (siteFlag !== '--site' || !siteDir))) {
  throw new Error('usage: node browser_test.mjs AISIM_BINARY SCREENSHOT_DIR [--site SITE_DIR]');
}
const site = siteFlag === '--site';
const SITE_TOLERANCE = 1e-12;
const tolerance = site ? SITE_TOLERANCE : 0;
const exactly = site ? `to ${SITE_TOLERANCE} relative (absolute below 1)` : 'exactly';
const shot = (name) => path.join(screenshotDir, (site ? 'site-' : '') + name);
fs.mkdirSync(screenshotDir, {recursive: true});
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'aisim-browser-test-'));
const FAN_DRAWS = 300;

let passed = 0;
const failed = [];
function check(name, condition, detail = '') {
  if (condition) {
    passed += 1;
    console.log(`ok: ${name}`);
  } else {
    failed.push(name);
    console.log(`FAIL: ${name} ${detail}`);
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// `aisim run --set ...` into a fresh folder; its timeseries.csv (IAMC long
// form: model,scenario,region,variable,unit,year,[quantile,]value) as a map
// "REGION|VARIABLE|YEAR" -> {value} or {p5, p25, p50, p75, p95} number texts.
function aisimRun(args, label) {
  const out = path.join(work, label);
  const result = spawnSync(aisim, ['run', '--quiet', '--out', out, ...args], {encoding: 'utf8', timeout: 60000});
  if (result.status !== 0) throw new Error(`aisim run ${args.join(' ')} failed: ${result.stderr}`);
  const folder = fs.readdirSync(out)[0];
  const lines = fs.readFileSync(path.join(out, folder, 'timeseries.csv'), 'utf8').trim().split('\n');
  const byQuantile = lines[0].split(',').includes('quantile');
  const quantileColumn = {'0.05': 'p5', '0.25': 'p25', '0.5': 'p50', '0.75': 'p75', '0.95': 'p95'};
  const rows = new Map();
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const key = `${cells[2]}|${cells[3]}|${cells[5]}`;
    if (!rows.has(key)) rows.set(key, {});
    if (byQuantile) rows.get(key)[quantileColumn[cells[6]]] = cells[7];
    else rows.get(key).value = cells[6];
  }
  return rows;
}

function setArgs(set) { return set.flatMap((s) => ['--set', s]); }

// Equal, or within `tolerance` of `expected` relative (the site); below 1
// in absolute terms, since a value near 0 is often a difference of larger
// ones (years behind, a time shift; its relative error is not the model's).
function close(value, expected) {
  return value === expected || Math.abs(value - expected) <= tolerance * Math.max(Math.abs(expected), 1);
}

// Every charted number of a run the page holds equals the CSV's, exactly
// (the CSV's shortest round-trip text parses to the same double).
function compareRun(run, rows, columns) {
  let compared = 0;
  const mismatches = [];
  for (const variable of run.variables) {
    run.regions.forEach((region, r) => {
      run.years.forEach((year, k) => {
        const row = rows.get(`${region.code}|${variable.name}|${year}`);
        for (const column of columns) {
          const page = variable[column === 'value' ? 'value' : column][r][k];
          const expected = row ? Number(row[column]) : NaN;
          compared += 1;
          if (!close(page, expected) && mismatches.length < 5) {
            mismatches.push(`${region.code} ${variable.name} ${year} ${column}: page ${page}, csv ${row && row[column]}`);
          }
        }
      });
    });
  }
  return {compared, mismatches};
}

// The server, on a port of its own choosing: aisim explore, or the site's
// files served as a plain static host would (scripts/serve-site.mjs).
let server;
let url;
if (site) {
  server = await serveFolder(siteDir);
  url = `http://127.0.0.1:${server.address().port}/`;
} else {
  server = spawn(aisim, ['explore'], {stdio: ['ignore', 'pipe', 'pipe']});
  url = await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error('aisim explore printed no URL in 20 s: ' + text)), 20000);
    server.stdout.on('data', (chunk) => {
      text += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(text);
      if (match) { clearTimeout(timer); resolve(match[0]); }
    });
    server.on('exit', (code) => reject(new Error(`aisim explore exited with ${code}: ${text}`)));
  });
  check('aisim explore prints a loopback URL', url.startsWith('http://127.0.0.1:'));
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'aisim-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  acceptDownloads: true,
  viewport: {width: 1400, height: 900},
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
// Nothing may be loaded from anywhere but the server.
const foreign = [];
context.on('request', (request) => { if (!request.url().startsWith(url) && !request.url().startsWith('blob:') && !request.url().startsWith('data:')) foreign.push(request.url()); });

try {
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  const idle = (after) => page.waitForFunction(
      (n) => { const e = window.aisimExplorer; return e && e.drawCount > n && !e.inFlight && !e.pending; },
      after, {timeout: 20000});
  const drawCount = () => page.evaluate(() => window.aisimExplorer.drawCount);
  const chartPixels = () => page.evaluate(() => Array.from(document.querySelectorAll('.chart canvas'), (c) => c.toDataURL()));

  await page.goto(url + '?region=KR');
  await idle(0);
  check('the page draws ten charts', (await page.locator('.chart canvas').count()) === 10);
  const axisLabels = await page.evaluate(() => window.aisimExplorer.charts.map((u) => u.axes.map((a) => a.label)));
  check('every chart axis is labelled with a unit',
        axisLabels.every(([x, y]) => x === 'year' && typeof y === 'string' && y.length > 0), JSON.stringify(axisLabels));
  const before = await chartPixels();
  const baseRun = await page.evaluate(() => window.aisimExplorer.lastRun);

  // 1. Drag the public budget slider with the mouse, as a person would.
  const budget = page.locator('input[data-path="regions.KR.public_budget"]');
  const box = await budget.boundingBox();
  let count = await drawCount();
  await page.mouse.move(box.x + 4, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 4 + (box.width * 0.7 * i) / 12, box.y + box.height / 2);
  await page.mouse.up();
  await idle(count);
  const dragged = await page.evaluate(() => window.aisimExplorer.lastSet);
  const after = await chartPixels();
  check('dragging a slider changes the URL', page.url().includes('set=regions.KR.public_budget'), page.url());
  check('dragging a slider redraws the charts', after.some((pixels, i) => pixels !== before[i]));
  check('dragging a slider sends the lever as an override', dragged.length === 1 && dragged[0].startsWith('regions.KR.public_budget='), JSON.stringify(dragged));

  // 2. Set exact values, as many times as a quick drag would, and time each
  //    input-to-redraw in the browser.
  const values = [];
  for (let i = 0; i < 25; i++) values.push(String(5 + i * 1.5));
  const timingsBefore = await page.evaluate(() => window.aisimExplorer.timings.length);
  for (const value of values) {
    count = await drawCount();
    await budget.fill(value);
    await idle(count);
  }
  for (const [path, value] of [['regions.KR.physical_focus', '0.75'], ['regions.KR.public_allocation.compute', '0.6'],
                                ['assumptions.algorithmic_progress', '3.5']]) {
    count = await drawCount();
    await page.locator(`input[data-path="${path}"]`).fill(value);
    await idle(count);
  }
  const deterministicMs = (await page.evaluate((n) => window.aisimExplorer.timings.slice(n), timingsBefore))
      .filter((t) => t.draws === 1).map((t) => t.ms);

  const state = await page.evaluate(() => ({set: window.aisimExplorer.lastSet, run: window.aisimExplorer.lastRun,
                                            chart: window.aisimExplorer.charts[0].data}));
  check('the page sends four overrides, allocation as one', state.set.length === 4 &&
        state.set.some((s) => /^regions\.KR\.public_allocation=\{compute: 0\.6, /.test(s)), JSON.stringify(state.set));
  const rows = aisimRun(setArgs(state.set), 'deterministic');
  const {compared, mismatches} = compareRun(state.run, rows, ['value']);
  check(`the page's ${compared} numbers equal aisim run --set ${exactly}`, compared === state.run.variables.length * 9 * 11 && mismatches.length === 0,
        mismatches.join('; '));
  const kr = state.run.regions.findIndex((r) => r.code === 'KR');
  // The first chart: years behind in generative AI.
  const series = (run, name) => run.variables.find((v) => v.name === name);
  check('the chart draws those numbers',
        JSON.stringify(state.chart[1 + kr]) === JSON.stringify(series(state.run, 'Years Behind|Generative').value[kr]));
  check('the starting scenario is drawn behind',
        JSON.stringify(state.chart[1 + 9 + kr]) === JSON.stringify(series(baseRun, 'Years Behind|Generative').value[kr]));
  const krCompute = (run) => run.variables.find((v) => v.name === 'Compute|Stock').value[kr][10];
  check('the what-if differs from the starting scenario', krCompute(state.run) !== krCompute(baseRun));
  await page.screenshot({path: shot('explorer-kr-what-if.png')});

  // 3. The URL reopens the same what-if in a new tab.
  const link = page.url();
  const reopened = await context.newPage();
  await reopened.goto(link);
  await reopened.waitForFunction(() => window.aisimExplorer && window.aisimExplorer.drawCount > 0 && !window.aisimExplorer.inFlight, null, {timeout: 20000});
  const again = await reopened.evaluate(() => ({set: window.aisimExplorer.lastSet, run: window.aisimExplorer.lastRun,
    slider: document.querySelector('input[data-path="regions.KR.physical_focus"]').value,
    region: document.getElementById('region').value}));
  check('the link reopens the same overrides', JSON.stringify(again.set) === JSON.stringify(state.set), JSON.stringify(again.set));
  check('the link reopens the same numbers', JSON.stringify(again.run) === JSON.stringify(state.run));
  check('the link reopens the sliders and region', again.slider === '0.75' && again.region === 'KR', JSON.stringify(again));
  await reopened.close();

  // 4. The YAML download reproduces the page's numbers with aisim run.
  const [download] = await Promise.all([page.waitForEvent('download', {timeout: 20000}), page.click('#download')]);
  const yamlPath = path.join(work, download.suggestedFilename());
  await download.saveAs(yamlPath);
  check('the download is named for the what-if', download.suggestedFilename() === 'world-2025-what-if.yaml', download.suggestedFilename());
  const fromYaml = compareRun(state.run, aisimRun([yamlPath], 'from-yaml'), ['value']);
  check(`aisim run on the downloaded YAML reproduces the page ${exactly}`, fromYaml.compared === state.run.variables.length * 9 * 11 && fromYaml.mismatches.length === 0,
        fromYaml.mismatches.join('; '));

  // 5. Fan mode: a few hundred draws, still interactive; quantiles equal
  //    aisim run --draws 300.
  count = await drawCount();
  await page.check('input[name=mode][value=fan]');
  await idle(count);
  const fanBefore = await page.evaluate(() => window.aisimExplorer.timings.length);
  for (const value of ['0.2', '0.3', '0.4', '0.5', '0.6', '0.7', '0.8', '0.9']) {
    count = await drawCount();
    await page.locator('input[data-path="regions.KR.chip_access"]').fill(value);
    await idle(count);
  }
  const fanMs = (await page.evaluate((n) => window.aisimExplorer.timings.slice(n), fanBefore)).map((t) => t.ms);
  const fan = await page.evaluate(() => ({set: window.aisimExplorer.lastSet, run: window.aisimExplorer.lastRun,
                                          band: window.aisimExplorer.charts[0].data.slice(-4)}));
  check(`fan mode runs ${FAN_DRAWS} draws`, fan.run.draws === FAN_DRAWS);
  check('fan mode draws the bands', fan.band.every((row) => row.every((v) => typeof v === 'number')));
  const fanRows = aisimRun([...setArgs(fan.set), '--draws', String(FAN_DRAWS)], 'fan');
  const fanCompare = compareRun(fan.run, fanRows, ['p5', 'p25', 'p50', 'p75', 'p95']);
  check(`the fan's ${fanCompare.compared} quantiles equal aisim run --draws ${FAN_DRAWS} ${exactly}`,
        fanCompare.compared === state.run.variables.length * 9 * 11 * 5 && fanCompare.mismatches.length === 0, fanCompare.mismatches.join('; '));
  await page.screenshot({path: shot('explorer-fan.png')});

  // 5b. The scenario picker opens a shipped scenario: its own levers, its own
  // numbers (exactly aisim run NAME), and the link says which.
  const picked = await context.newPage();
  await picked.goto(url + '?region=KR');
  await picked.waitForFunction(() => window.aisimExplorer && window.aisimExplorer.drawCount > 0, null, {timeout: 20000});
  const options = await picked.$$eval('#scenario-picker option', (list) => list.map((o) => o.value));
  check('the picker lists every shipped scenario', options.includes('korea-2026-ai-budget') && options.length >= 10, options.join(' '));
  await Promise.all([picked.waitForNavigation(), picked.selectOption('#scenario-picker', 'korea-2026-ai-budget')]);
  await picked.waitForFunction(() => { const e = window.aisimExplorer; return e && e.drawCount > 0 && !e.inFlight && !e.pending; },
                               null, {timeout: 20000});
  check('the picked scenario is in the link', new URL(picked.url()).searchParams.get('scenario') === 'korea-2026-ai-budget', picked.url());
  check('the page says which scenario it shows', (await picked.textContent('#scenario-line')).startsWith('korea-2026-ai-budget'));
  const pickedRun = await picked.evaluate(() => window.aisimExplorer.lastRun);
  const pickedCompare = compareRun(pickedRun, aisimRun(['korea-2026-ai-budget'], 'picked'), ['value']);
  check(`the picked scenario's ${pickedCompare.compared} charted numbers equal aisim run korea-2026-ai-budget ${exactly}`,
        pickedCompare.compared > 0 && pickedCompare.mismatches.length === 0, pickedCompare.mismatches.join('; '));
  await picked.screenshot({path: shot('explorer-picked-scenario.png')});
  await picked.close();

  // 6. A bad link shows the loader's message and keeps the page usable.
  const bad = await context.newPage();
  await bad.goto(url + '?region=KR&set=regions.KR.chip_access%3D1.5');
  await bad.waitForSelector('#error:not([hidden])', {timeout: 20000});
  const message = await bad.textContent('#error');
  check('a bad value in the link shows the located error', message.includes('chip_access = 1.5. Violated constraint: chip_access <= 1'), message);
  await bad.waitForSelector('.chart canvas', {timeout: 20000});
  check('a bad link still draws the starting scenario', (await bad.locator('.chart canvas').count()) === 10);
  await bad.screenshot({path: shot('explorer-bad-link.png')});
  await bad.close();

  // 7. A first-time user's path on a laptop screen.
  const user = await context.newPage();
  user.on('pageerror', (error) => pageErrors.push(error.message));
  await user.setViewportSize({width: 1366, height: 768});
  const userIdle = (after) => user.waitForFunction(
      (n) => { const e = window.aisimExplorer; return e && e.drawCount > n && !e.inFlight && !e.pending; },
      after, {timeout: 20000});
  await user.goto(url);
  await userIdle(0);
  await Promise.all([user.waitForNavigation(), user.selectOption('#scenario-picker', 'korea-2026-ai-budget')]);
  await userIdle(0);
  check('a scenario opens on the region it is about', (await user.inputValue('#region')) === 'KR');
  const onScreen = async (selector) => {
    const b = await user.locator(selector).boundingBox();
    return b !== null && b.y >= 0 && b.y + b.height <= 768 && b.x + b.width <= 1366;
  };
  check('at 1366x768 the headline and both sectors\' charts are on screen without scrolling',
        (await onScreen('#headline')) && (await onScreen('.chart[data-chart="behind-generative"]')) &&
        (await onScreen('.chart[data-chart="behind-physical"]')));
  check('at 1366x768 the sector switch, fan, link and YAML buttons are on screen',
        (await onScreen('input[name=sector][value=physical]')) && (await onScreen('input[name=mode][value=fan]')) &&
        (await onScreen('#copy-link')) && (await onScreen('#download')));
  check('the budget is shown in the currency the scenario was written in',
        (await user.textContent('.lever:has(input[data-path="regions.KR.public_budget"]) .money')).startsWith('= KRW 1.8 tn a year'),
        await user.textContent('.lever:has(input[data-path="regions.KR.public_budget"]) .money'));
  check('each lever says what it means on the page',
        (await user.textContent('.lever:has(input[data-path="regions.KR.physical_focus"]) .desc')).includes('physical AI'));
  const headlineBefore = await user.textContent('#headline');
  let userCount = await user.evaluate(() => window.aisimExplorer.drawCount);
  await user.check('input[name=sector][value=physical]');
  await userIdle(userCount);
  check('switching sector retitles the charts below the first row',
        (await user.textContent('.chart[data-chart="capability"] h3')).includes('physical AI'));
  userCount = await user.evaluate(() => window.aisimExplorer.drawCount);
  await user.locator('input[data-path="regions.KR.public_budget"]').fill('20');
  await userIdle(userCount);
  const headline = await user.textContent('#headline');
  const userRun = await user.evaluate(() => window.aisimExplorer.lastRun);
  const end = userRun.years.length - 1;
  const krBehind = (sector) => series(userRun, 'Years Behind|' + sector).value[kr][end];
  // The headline states the run's own numbers (to 2 decimals) and how far they moved.
  check('the headline states where the region stands in both sectors, from the run',
        headline.startsWith(`South Korea (KR) in ${userRun.years[end]}: generative AI ${krBehind('Generative').toFixed(2)} years behind`) &&
        headline.includes(`physical AI ${krBehind('Physical').toFixed(2)} years behind`) && headline.includes('closer than the starting scenario'),
        headline);
  check('moving the budget changes the headline', headline !== headlineBefore, headlineBefore);
  check('the budget in won follows the slider',
        (await user.textContent('.lever:has(input[data-path="regions.KR.public_budget"]) .money')).startsWith('= KRW 28 tn a year'));
  await user.check('input[name=view][value=change]');
  await user.waitForFunction(() => window.aisimExplorer.charts[0].data[1 + 9][0] === null, null, {timeout: 20000});
  const changeChart = await user.evaluate(() => window.aisimExplorer.charts[0].data);
  const userBase = await user.evaluate(() => window.aisimExplorer.base[1]);
  const expectedChange = series(userRun, 'Years Behind|Generative').value[kr]
      .map((v, k) => v - series(userBase, 'Years Behind|Generative').value[kr][k]);
  check('the change view draws the what-if minus the starting scenario',
        JSON.stringify(changeChart[1 + kr]) === JSON.stringify(expectedChange), JSON.stringify(changeChart[1 + kr]));
  await user.screenshot({path: shot('explorer-first-user-1366x768.png')});
  await user.click('#copy-link');
  await user.waitForFunction(() => document.getElementById('status').textContent.includes('ink'), null, {timeout: 5000});
  const shared = user.url();
  check('the link holds the scenario, sector, view and the budget',
        ['scenario=korea-2026-ai-budget', 'sector=physical', 'view=change', 'set=regions.KR.public_budget%3D20'].every((p) => shared.includes(p)),
        shared);
  const friend = await context.newPage();
  await friend.setViewportSize({width: 1366, height: 768});
  await friend.goto(shared);
  await friend.waitForFunction(() => { const e = window.aisimExplorer; return e && e.drawCount > 0 && !e.inFlight && !e.pending; },
                               null, {timeout: 20000});
  check('the shared link opens the same headline', (await friend.textContent('#headline')) === headline);
  await friend.close();
  const [userDownload] = await Promise.all([user.waitForEvent('download', {timeout: 20000}), user.click('#download')]);
  const userYaml = path.join(work, 'first-user-' + userDownload.suggestedFilename());
  await userDownload.saveAs(userYaml);
  const rerun = compareRun(userRun, aisimRun([userYaml], 'first-user'), ['value']);
  check(`the downloaded YAML reruns to the page's ${rerun.compared} numbers ${exactly}`,
        rerun.compared > 0 && rerun.mismatches.length === 0, rerun.mismatches.join('; '));
  // 8. Which assumption matters most: each at its slider's ends, by the model.
  await user.click('#rank-assumptions');
  await user.waitForFunction(() => window.aisimExplorer.ranking && !document.getElementById('rank-assumptions').disabled,
                             null, {timeout: 60000});
  const ranking = await user.evaluate(() => window.aisimExplorer.ranking);
  const assumptionCount = await user.evaluate(() => window.aisimExplorer.catalogue.assumptions.length);
  check('the ranking lists every global assumption, largest swing first',
        ranking.rows.length === assumptionCount && (await user.locator('#ranking-list li').count()) === assumptionCount &&
        ranking.rows.every((row, i) => i === 0 || ranking.rows[i - 1].swing >= row.swing) && ranking.rows[0].swing > 0,
        JSON.stringify(ranking.rows.map((row) => [row.lever.key, row.swing])));
  const top = ranking.rows[0];
  const topSet = (await user.evaluate(() => window.aisimExplorer.lastSet))
      .filter((text) => !text.startsWith(top.lever.path + '='));
  const topRows = aisimRun(['korea-2026-ai-budget', ...setArgs([...topSet, `${top.lever.path}=${top.lever.min}`])], 'ranking-top');
  check(`the top assumption's low end (${top.lever.key} = ${top.lever.min}) is aisim run --set's number ${exactly}`,
        close(top.low, Number(topRows.get(`KR|Years Behind|Physical|${userRun.years[end]}`).value)),
        `${topRows.get(`KR|Years Behind|Physical|${userRun.years[end]}`).value} vs ${top.low}`);
  await user.screenshot({path: shot('explorer-which-assumption.png')});
  await user.close();

  // 9. The site opened from disk (file://), in a browser of its own so that
  //    its file requests are not counted as leaving the site: Chromium
  //    refuses it a worker, so the model runs in the page.
  if (site) {
    const fromDisk = await chromium.launch({executablePath: '/usr/bin/chromium', headless: true,
                                            args: ['--no-sandbox', '--disable-gpu']});
    try {
      const diskPage = await fromDisk.newPage();
      diskPage.on('pageerror', (error) => pageErrors.push('file://: ' + error.message));
      await diskPage.goto('file://' + path.resolve(siteDir, 'index.html') + '?region=KR');
      await diskPage.waitForFunction(() => window.aisimExplorer && window.aisimExplorer.drawCount > 0, null, {timeout: 30000});
      const diskRun = await diskPage.evaluate(() => window.aisimExplorer.lastRun);
      const diskCompare = compareRun(diskRun, aisimRun([], 'from-disk'), ['value']);
      check(`opened from disk (file://), the site draws aisim run's ${diskCompare.compared} numbers ${exactly}`,
            (await diskPage.locator('.chart canvas').count()) === 10 && diskCompare.compared > 0 &&
            diskCompare.mismatches.length === 0, diskCompare.mismatches.join('; '));
    } finally {
      await fromDisk.close();
    }
  }

  check('no script errors on the page', pageErrors.length === 0, pageErrors.join('; '));
  check(site ? 'no request left the site' : 'nothing was loaded from the network', foreign.length === 0, foreign.join(' '));

  const phases = await page.evaluate(() => window.aisimExplorer.timings);
  const phase = (key, draws) => median(phases.filter((t) => t.draws === draws && t[key] !== null).map((t) => t[key]));
  for (const draws of [1, FAN_DRAWS]) {
    console.log(`phases (median ms after the input, ${draws} draw${draws > 1 ? 's' : ''}): server run ${phase('server', draws).toFixed(2)}, ` +
                `response parsed ${phase('received', draws).toFixed(1)}, charts drawn ${phase('drawn', draws).toFixed(1)}, ` +
                `next frame ${phase('ms', draws).toFixed(1)}`);
  }
  const detMedian = median(deterministicMs);
  const fanMedian = median(fanMs);
  console.log(`input-to-redraw, one nominal run: median ${detMedian.toFixed(1)} ms over ${deterministicMs.length} moves ` +
              `(min ${Math.min(...deterministicMs).toFixed(1)}, max ${Math.max(...deterministicMs).toFixed(1)})`);
  console.log(`input-to-redraw, fan of ${FAN_DRAWS} draws: median ${fanMedian.toFixed(1)} ms over ${fanMs.length} moves ` +
              `(min ${Math.min(...fanMs).toFixed(1)}, max ${Math.max(...fanMs).toFixed(1)})`);
  // The target is 50 ms; this suite also runs under sanitizers on a shared
  // 2-core machine, so the test fails only when it is far off.
  check('input-to-redraw is interactive (median under 250 ms)', deterministicMs.length >= 25 && detMedian < 250, detMedian);
  check('the fan stays interactive (median under 1000 ms)', fanMs.length >= 8 && fanMedian < 1000, fanMedian);
} finally {
  await context.close();
  if (site) server.close(); else server.kill('SIGTERM');
  fs.rmSync(profile, {recursive: true, force: true});
  fs.rmSync(work, {recursive: true, force: true});
}

console.log(`${passed} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
