// The static site's model against the native one: every shipped scenario,
// one nominal run and 300 draws, through the site's WebAssembly module
// (the explorer's POST /api/run, as the page sends it) and through
// `aisim run`; every charted number must agree to TOLERANCE relative
// (absolute below 1: years behind and shares near 0 are differences of
// larger numbers). Prints how many are bit-identical and the largest error.
//
// Usage: node --no-experimental-fetch site_numbers_test.mjs AISIM_BINARY SITE_DIR
// (Emscripten's loader takes Node's fetch for a browser's without the flag.)
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';

const TOLERANCE = 1e-12;
const DRAWS = 300;
const [aisim, siteDir] = process.argv.slice(2);
if (!aisim || !siteDir) throw new Error('usage: node site_numbers_test.mjs AISIM_BINARY SITE_DIR');
const createAisimModel = createRequire(import.meta.url)(path.resolve(siteDir, 'assets', 'aisim-model.js'));
const model = await createAisimModel();
const route = (method, routePath, body) =>
  JSON.parse(model.ccall('aisim_route', 'string', ['string', 'string', 'string'], [method, routePath, body]));

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'aisim-site-numbers-'));
const quantileColumn = {'0.05': 'p5', '0.25': 'p25', '0.5': 'p50', '0.75': 'p75', '0.95': 'p95'};

// aisim run's timeseries.csv as "REGION|VARIABLE|YEAR|COLUMN" -> number.
function nativeRun(name, draws) {
  const out = path.join(work, `${name}-${draws}`);
  const result = spawnSync(aisim, ['run', name, '--draws', String(draws), '--no-charts', '--quiet', '--out', out],
                           {encoding: 'utf8'});
  if (result.status !== 0) throw new Error(`aisim run ${name} failed: ${result.stderr}`);
  const lines = fs.readFileSync(path.join(out, name, 'timeseries.csv'), 'utf8').trim().split('\n');
  const byQuantile = lines[0].split(',').includes('quantile');
  const values = new Map();
  for (const line of lines.slice(1)) {
    const c = line.split(',');
    const column = byQuantile ? quantileColumn[c[6]] : 'value';
    values.set(`${c[2]}|${c[3]}|${c[5]}|${column}`, Number(byQuantile ? c[7] : c[6]));
  }
  return values;
}

let compared = 0;
let identical = 0;
let worst = {error: 0, where: 'nowhere'};
const failures = [];
const scenarios = JSON.parse(route('GET', '/api/scenarios', '').body).scenarios.map((s) => s.name);
try {
  for (const name of scenarios) {
    for (const draws of [1, DRAWS]) {
      const answer = route('POST', '/api/run', JSON.stringify({scenario: name, set: [], draws}));
      if (answer.status !== 200) throw new Error(`${name}: the site answered ${answer.status}: ${answer.body}`);
      const run = JSON.parse(answer.body);
      const native = nativeRun(name, draws);
      const columns = draws === 1 ? ['value'] : ['p5', 'p25', 'p50', 'p75', 'p95'];
      for (const variable of run.variables) {
        run.regions.forEach((region, r) => run.years.forEach((year, k) => {
          for (const column of columns) {
            const site = variable[column][r][k];
            const expected = native.get(`${region.code}|${variable.name}|${year}|${column}`);
            compared += 1;
            if (site === expected) { identical += 1; continue; }
            const error = Math.abs(site - expected) / Math.max(Math.abs(expected), 1);
            const where = `${name} (${draws} draw${draws > 1 ? 's' : ''}) ${region.code} ${variable.name} ${year} ${column}: ` +
                          `site ${site}, aisim run ${expected}`;
            if (!(error <= worst.error)) worst = {error, where};
            if (!(error <= TOLERANCE) && failures.length < 10) failures.push(where);
          }
        }));
      }
    }
  }
} finally {
  fs.rmSync(work, {recursive: true, force: true});
}
console.log(`${scenarios.length} scenarios, ${compared} numbers: ${identical} bit-identical, ` +
            `largest error ${worst.error.toExponential(2)} (${worst.where})`);
const ok = scenarios.length >= 15 && compared > 0 && failures.length === 0;
console.log(ok ? `ok: every number within ${TOLERANCE}` : `FAIL: beyond ${TOLERANCE}: ${failures.join('; ')}`);
process.exit(ok ? 0 : 1);
