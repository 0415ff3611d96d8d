// The aisim explorer page. Every slider move sends the page's overrides, as
// `aisim run --set` texts, to POST /api/run; the server runs the real model
// and answers with the charted series, which are drawn with uPlot. The page's
// state (scenario, region, sector, mode, view, overrides) lives in the URL.
// In the static site the same routes are answered in the browser by the
// model compiled to WebAssembly (sim/site/site_transport.js sets
// window.aisimRequest); everything else is the same page.
'use strict';

(function () {
  const FAN_DRAWS = 300;
  // Region colours as in the PNG charts (sim/output/charts.py): the
  // Okabe-Ito palette, readable with the common colour-vision deficiencies,
  // fixed by region code. Its yellow is darkened here: the PNGs outline it,
  // a thin uPlot line on white cannot be.
  const REGION_COLOURS = {US: '#0072B2', CN: '#D55E00', EU: '#009E73', UK: '#CC79A7', JP: '#E69F00',
                          KR: '#000000', AE: '#B8A800', IN: '#56B4E9', ROW: '#999999'};
  const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#000000', '#B8A800',
                   '#56B4E9', '#999999'];
  const colourOf = (code, i) => REGION_COLOURS[code] || COLOURS[i % COLOURS.length];
  // The charts; `generative`/`physical` pick the variable by the sector
  // shown (the largest run is a generative-AI run in both), `sector` fixes
  // it. The first row answers for both sectors, so both are on screen.
  const CHARTS = [
    {id: 'behind-generative', title: 'Years behind the leader', sector: 'generative',
     generative: 'Years Behind|Generative', physical: 'Years Behind|Physical'},
    {id: 'behind-physical', title: 'Years behind the leader', sector: 'physical',
     generative: 'Years Behind|Generative', physical: 'Years Behind|Physical'},
    {id: 'capability', title: 'Capability', generative: 'Capability|Generative', physical: 'Capability|Physical'},
    {id: 'compute', title: 'Compute stock', generative: 'Compute|Stock', physical: 'Compute|Stock', log: true},
    {id: 'run', title: 'Largest training run', generative: 'Compute|Largest Training Run',
     physical: 'Compute|Largest Training Run', log: true},
    {id: 'share', title: 'Market share', generative: 'Market Share|Generative', physical: 'Market Share|Physical'},
    // Generative: domestic use served by domestic models; physical: what the
    // region's factories buy from its own suppliers.
    {id: 'home', title: 'Bought at home', generative: 'Sovereignty|Generative', physical: 'Sovereignty|Physical'},
    // Physical AI's fleet; the same in both sectors, as the compute stock is.
    {id: 'robots', title: 'Robots in service', generative: 'Robots|Stock', physical: 'Robots|Stock', log: true},
    {id: 'installations', title: 'Robots installed a year', generative: 'Robots|Installations',
     physical: 'Robots|Installations', log: true},
    {id: 'density', title: 'Robots per 10,000 manufacturing employees', generative: 'Robots|Density',
     physical: 'Robots|Density'},
  ];

  // Everything the page knows; `explorer` is exposed for tests and curious users.
  const explorer = {
    scenario: '',           // the scenario started from ('' = the one aisim explore opened)
    catalogue: null,        // GET /api/levers
    overrides: new Map(),   // path -> value text, in the order first set
    region: null,
    sector: 'generative',
    mode: 'deterministic',
    view: 'values',         // 'values' or 'change' (what-if minus the starting scenario)
    base: {},               // draws -> series JSON of the starting scenario
    lastRun: null,          // series JSON drawn now
    lastSet: [],            // the overrides lastRun was computed with
    charts: [],             // uPlot instances
    timings: [],            // {ms, draws}: slider input to charts drawn
    pending: null,          // {t0} of an input waiting for the request in flight
    inFlight: false,
    drawCount: 0,
  };
  window.aisimExplorer = explorer;

  const $ = (id) => document.getElementById(id);
  // fetch() to the explorer's server, or the static site's stand-in for it.
  const request = window.aisimRequest || ((path, options) => fetch(path, options));
  const chartSector = (chart) => chart.sector || explorer.sector;

  function format(value) {
    if (value === null || value === undefined || Number.isNaN(value)) return '–';
    const abs = Math.abs(value);
    if (abs !== 0 && (abs >= 1e6 || abs < 1e-3)) return value.toExponential(2).replace('e+', 'e');
    return Number(value.toPrecision(4)).toLocaleString('en-US', {maximumFractionDigits: 4});
  }

  // Axis ticks: 250k, 1.5M, 2bn; FLOP-sized values as powers of ten (1e20).
  function compact(value) {
    if (value === null || value === undefined) return '';  // a tick uPlot leaves unlabelled
    const abs = Math.abs(value);
    if (abs >= 1e12) return value.toExponential().replace('e+', 'e');
    if (abs >= 1e9) return format(value / 1e9) + 'bn';
    if (abs >= 1e6) return format(value / 1e6) + 'M';
    if (abs >= 1e4) return format(value / 1e3) + 'k';
    return format(value);
  }

  // Ticks of a log axis: the powers of ten in [min, max], with 2x and 5x when
  // the range spans less than two. uPlot's own log ticks add up a step and
  // drift at FLOP-sized values (1.0999e25 where 1e25 is meant).
  function logSplits(min, max) {
    const ticks = [];
    for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
      for (const m of [1, 2, 5]) {
        const tick = Number(`${m}e${e}`);
        if (tick >= min && tick <= max) ticks.push({tick, m});
      }
    }
    const powers = ticks.filter((t) => t.m === 1).map((t) => t.tick);
    return powers.length >= 2 ? powers : ticks.map((t) => t.tick);
  }

  function setList() {
    return Array.from(explorer.overrides, ([path, value]) => path + '=' + value);
  }

  function leverByPath(path) {
    for (const region of explorer.catalogue.regions) {
      for (const lever of region.levers) if (lever.path === path) return lever;
    }
    for (const lever of explorer.catalogue.assumptions) if (lever.path === path) return lever;
    return null;
  }

  // --- The URL ---------------------------------------------------------------

  function writeUrl() {
    const params = new URLSearchParams();
    if (explorer.scenario) params.set('scenario', explorer.scenario);
    params.set('region', explorer.region);
    params.set('sector', explorer.sector);
    params.set('mode', explorer.mode);
    if (explorer.view !== 'values') params.set('view', explorer.view);
    for (const text of setList()) params.append('set', text);
    history.replaceState(null, '', '?' + params.toString());
  }

  // Allocation text "{compute: 0.5, talent: 0.2, ...}" -> {compute: 0.5, ...}.
  function parseAllocation(text) {
    const shares = {};
    const body = text.trim().replace(/^\{/, '').replace(/\}$/, '');
    for (const part of body.split(',')) {
      const [key, value] = part.split(':').map((s) => s.trim());
      if (key) shares[key] = Number(value);
    }
    return shares;
  }

  function readUrl() {
    const params = new URLSearchParams(location.search);
    const problems = [];
    const region = params.get('region');
    const known = (code) => explorer.catalogue.regions.some((r) => r.code === code);
    // The link's region, else the first region the scenario is about, else the first.
    const focus = explorer.catalogue.focus.find(known);
    explorer.region = known(region) ? region : focus || explorer.catalogue.regions[0].code;
    if (region && region !== explorer.region) problems.push(`unknown region '${region}' in the link`);
    explorer.sector = params.get('sector') === 'physical' ? 'physical' : 'generative';
    explorer.mode = params.get('mode') === 'fan' ? 'fan' : 'deterministic';
    explorer.view = params.get('view') === 'change' ? 'change' : 'values';
    for (const text of params.getAll('set')) {
      const equals = text.indexOf('=');
      const path = equals < 0 ? text : text.slice(0, equals);
      if (equals < 0 || !leverByPath(path)) {
        problems.push(`ignored '${text}' from the link: not a lever of this page`);
        continue;
      }
      explorer.overrides.set(path, text.slice(equals + 1));
    }
    if (problems.length) showError(problems.join('\n'));
  }

  // --- Sliders ---------------------------------------------------------------

  function currentNumber(lever) {
    const text = explorer.overrides.get(lever.path);
    return text === undefined ? lever.value : Number(text);
  }

  function currentShares(lever) {
    const text = explorer.overrides.get(lever.path);
    const shares = {};
    for (const s of lever.shares) shares[s.key] = s.value;
    return text === undefined ? shares : Object.assign(shares, parseAllocation(text));
  }

  function valueText(lever, value) {
    return format(value) + (lever.unit ? ' ' + lever.unit : '');
  }

  // A money lever (USD bn a year at base-year prices) in its region's own
  // currency, as the scenario was written: "= KRW 10.1 tn a year"; '' in USD.
  function localMoneyText(lever, usdBn) {
    const region = explorer.catalogue.regions.find((r) => r.levers.includes(lever));
    if (!lever.money || !region || region.currency.code === 'USD') return '';
    const amount = usdBn * 1e9 * region.currency.per_usd;
    const [scale, word] = amount >= 1e12 ? [1e12, 'tn'] : amount >= 1e9 ? [1e9, 'bn'] : [1e6, 'million'];
    return `= ${region.currency.code} ${format(amount / scale)} ${word} a year ` +
        `(${explorer.catalogue.money_base_year} prices, ${format(region.currency.per_usd)} ${region.currency.code} per USD)`;
  }

  function numberSlider(lever, container) {
    const div = document.createElement('div');
    div.className = 'lever';
    div.title = lever.description;
    const value = currentNumber(lever);
    const changed = explorer.overrides.has(lever.path);
    let base = 'start: ' + valueText(lever, lever.value);
    // A schedule's values as the page writes numbers ("{2025: 1.286, 2026: 7.038}"),
    // not the shortest round-trip text of each double.
    const readable = (text) => text.replace(/-?\d+\.\d+(e[-+]?\d+)?/g, (n) => format(Number(n)));
    if (lever.varies) base = 'start: ' + readable(lever.varies) + ' ' + lever.unit + '; the slider sets one value for every year';
    if (lever.uncertain) base += '; uncertain in the fan, fixed once moved';
    div.innerHTML = `<div class="head"><span class="name"></span><span class="value"></span></div>
      <div class="desc"></div><div class="money"></div><input type="range"><div class="base"></div>`;
    div.querySelector('.name').textContent = lever.label;
    const shown = div.querySelector('.value');
    shown.textContent = valueText(lever, value);
    shown.classList.toggle('changed', changed);
    const local = div.querySelector('.money');
    local.textContent = localMoneyText(lever, value);
    local.hidden = !local.textContent;
    div.querySelector('.base').textContent = base;
    div.querySelector('.desc').textContent = lever.description;
    const input = div.querySelector('input');
    input.min = lever.min;
    input.max = lever.max;
    input.step = lever.step;
    input.value = value;
    input.dataset.path = lever.path;
    input.setAttribute('aria-label', lever.label + ' (' + lever.unit + ')');
    input.addEventListener('input', () => {
      const t0 = performance.now();
      explorer.overrides.set(lever.path, String(Number(input.value)));
      shown.textContent = valueText(lever, Number(input.value));
      shown.classList.add('changed');
      local.textContent = localMoneyText(lever, Number(input.value));
      changedLevers(t0);
    });
    container.appendChild(div);
  }

  // Moving one share rescales the others so that the five still sum to 1.
  function rebalance(shares, key, value) {
    const keys = Object.keys(shares);
    const others = keys.filter((k) => k !== key);
    const rest = 1 - value;
    const sumOthers = others.reduce((sum, k) => sum + shares[k], 0);
    const round = (x) => Math.round(x * 1e4) / 1e4;
    const result = {[key]: value};
    for (const k of others) result[k] = round(sumOthers > 0 ? shares[k] * rest / sumOthers : rest / others.length);
    // Whatever rounding left over goes to the largest other share.
    const largest = others.reduce((a, b) => (result[b] > result[a] ? b : a));
    const residual = round(rest - others.filter((k) => k !== largest).reduce((sum, k) => sum + result[k], 0));
    result[largest] = Math.max(0, residual);
    const ordered = {};
    for (const k of keys) ordered[k] = result[k];
    return ordered;
  }

  function allocationText(shares) {
    return '{' + Object.entries(shares).map(([k, v]) => `${k}: ${v}`).join(', ') + '}';
  }

  function allocationSliders(lever, container) {
    const div = document.createElement('div');
    div.className = 'lever';
    div.title = lever.description;
    div.innerHTML = '<div class="head"><span class="name"></span><span class="value"></span></div><div class="desc"></div>';
    div.querySelector('.name').textContent = lever.label;
    div.querySelector('.value').textContent = 'shares, sum 1';
    div.querySelector('.desc').textContent = lever.description;
    const shares = currentShares(lever);
    const inputs = {};
    for (const share of lever.shares) {
      const row = document.createElement('div');
      row.className = 'lever share';
      row.innerHTML = `<div class="head"><span></span><span class="value"></span></div><input type="range" min="0" max="1" step="0.01">`;
      row.querySelector('span').textContent = share.key;
      const shown = row.querySelector('.value');
      const input = row.querySelector('input');
      input.dataset.path = lever.path + '.' + share.key;
      input.setAttribute('aria-label', lever.label + ': ' + share.key + ' (share)');
      input.value = shares[share.key];
      shown.textContent = format(shares[share.key]) + ' (start ' + format(share.value) + ')';
      inputs[share.key] = {input, shown, start: share.value};
      input.addEventListener('input', () => {
        const t0 = performance.now();
        const next = rebalance(currentShares(lever), share.key, Number(input.value));
        explorer.overrides.set(lever.path, allocationText(next));
        for (const [k, {input: other, shown: text, start}] of Object.entries(inputs)) {
          if (k !== share.key) other.value = next[k];
          text.textContent = format(next[k]) + ' (start ' + format(start) + ')';
          text.classList.add('changed');
        }
        changedLevers(t0);
      });
      div.appendChild(row);
    }
    container.appendChild(div);
  }

  function buildSliders() {
    const regionBox = $('region-levers');
    regionBox.innerHTML = '';
    const region = explorer.catalogue.regions.find((r) => r.code === explorer.region);
    for (const lever of region.levers) {
      (lever.kind === 'allocation' ? allocationSliders : numberSlider)(lever, regionBox);
    }
    const assumptionBox = $('assumption-levers');
    assumptionBox.innerHTML = '';
    for (const lever of explorer.catalogue.assumptions) numberSlider(lever, assumptionBox);
  }

  // --- Running the model -------------------------------------------------------

  function showError(message) {
    const box = $('error');
    box.textContent = message;
    box.hidden = !message;
  }

  async function post(path, set, draws) {
    const response = await request(path, {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(explorer.scenario ? {scenario: explorer.scenario, set, draws} : {set, draws}),
    });
    if (!response.ok) {
      let message = `HTTP ${response.status}`;
      try { message = (await response.json()).error; } catch (e) { /* keep the status */ }
      throw new Error(message);
    }
    return response;
  }

  function draws() { return explorer.mode === 'fan' ? FAN_DRAWS : 1; }

  async function baseRun() {
    const n = draws();
    if (!explorer.base[n]) explorer.base[n] = await (await post('/api/run', [], n)).json();
    return explorer.base[n];
  }

  // A lever moved at time t0: run now, or after the request in flight (only
  // the newest state is sent, so a fast drag never queues stale requests).
  function changedLevers(t0) {
    writeUrl();
    explorer.pending = {t0};
    if (!explorer.inFlight) runPending();
  }

  async function runPending() {
    const {t0} = explorer.pending;
    explorer.pending = null;
    explorer.inFlight = true;
    const set = setList();
    const n = draws();
    try {
      await baseRun();
      const response = await post('/api/run', set, n);
      const modelTiming = response.headers.get('Server-Timing') || '';
      const run = await response.json();
      const received = performance.now();
      explorer.lastRun = run;
      explorer.lastSet = set;
      showError('');
      draw();
      const drawn = performance.now();
      // The charts are on screen at the next frame.
      await new Promise((resolve) => requestAnimationFrame(() => resolve()));
      const ms = performance.now() - t0;
      const model = /dur=([\d.]+)/.exec(modelTiming);
      explorer.timings.push({ms, draws: n, server: model ? Number(model[1]) : null,
                             received: received - t0, drawn: drawn - t0});
      explorer.drawCount += 1;
      $('status').textContent = `${n === 1 ? 'One nominal run' : n + ' draws'}: redrawn ${ms.toFixed(0)} ms after the move` +
          (model ? ` (server ${Number(model[1]).toFixed(1)} ms)` : '') + '.';
    } catch (error) {
      showError(error.message);
      if (!explorer.lastRun && explorer.base[n]) {
        // A bad link: show the starting scenario rather than nothing.
        explorer.lastRun = explorer.base[n];
        explorer.lastSet = [];
        draw();
        $('status').textContent = 'The charts show the starting scenario: fix or reset the setting named above.';
      } else {
        $('status').textContent = 'The charts show the last valid what-if.';
      }
    } finally {
      explorer.inFlight = false;
      if (explorer.pending) runPending();
    }
  }

  // --- Charts ----------------------------------------------------------------

  function variable(run, name) {
    return run.variables.find((v) => v.name === name);
  }

  function chartWidth() {
    const main = document.querySelector('main');
    return Math.max(280, Math.floor((main.clientWidth - 32 - 12) / 2) - 14);
  }

  const isShare = (chart) => chart.id === 'share' || chart.id === 'home';

  function axisLabel(chart, unit) {
    if (explorer.view === 'change') {
      if (chart.log) return '% change';
      return isShare(chart) ? 'change, % points' : 'change, ' + unit;
    }
    if (chart.id === 'share') return '% of world revenue';
    if (chart.id === 'home') return '% bought at home';
    if (chart.id === 'compute') return 'H100e (log scale)';
    if (chart.id === 'robots') return 'robots (log scale)';
    return unit;
  }

  // Series of one chart: x, then each region's what-if line, then each
  // region's starting-scenario line, then the selected region's p5, p25, p75,
  // p95 (empty unless in fan mode). In the change view the lines are the
  // what-if minus the starting scenario (in % for log-scale quantities), and
  // the starting lines and bands are empty.
  function chartData(chart) {
    const run = explorer.lastRun;
    const base = explorer.base[draws()];
    const name = chart[chartSector(chart)];
    const key = run.draws === 1 ? 'value' : 'p50';
    const current = variable(run, name);
    const start = variable(base, name)[base.draws === 1 ? 'value' : 'p50'];
    const selected = run.regions.findIndex((r) => r.code === explorer.region);
    // Shares are drawn in %, as in the PNG charts.
    const scale = isShare(chart) ? 100 : 1;
    const clean = (row) => row.map((v) => (chart.log && !(v > 0) ? null : v * scale));
    const none = run.years.map(() => null);
    const data = [run.years.slice()];
    if (explorer.view === 'change') {
      const change = (v, s) => (chart.log ? (s > 0 ? 100 * (v / s - 1) : null) : (v - s) * scale);
      current[key].forEach((row, r) => data.push(row.map((v, k) => change(v, start[r][k]))));
      for (let i = 0; i < start.length + 4; i++) data.push(none);
      return data;
    }
    for (const row of current[key]) data.push(clean(row));
    for (const row of start) data.push(clean(row));
    for (const q of ['p5', 'p25', 'p75', 'p95']) {
      data.push(run.draws === 1 ? none : clean(current[q][selected]));
    }
    return data;
  }

  function makeChart(chart, container) {
    const run = explorer.lastRun;
    const name = chart[chartSector(chart)];
    const unit = variable(run, name).unit;
    const selected = run.regions.findIndex((r) => r.code === explorer.region);
    const colour = colourOf(explorer.region, selected);
    const series = [{label: 'year'}];
    run.regions.forEach((region, i) => {
      series.push({label: region.code, stroke: colourOf(region.code, i), width: i === selected ? 3.5 : 1.5,
                   points: {show: false}});
    });
    run.regions.forEach((region, i) => {
      series.push({label: region.code + ' (start)', stroke: colourOf(region.code, i) + '88',
                   width: i === selected ? 2.5 : 1, dash: [5, 4], points: {show: false}});
    });
    for (const q of ['p5', 'p25', 'p75', 'p95']) series.push({label: q, stroke: 'transparent', width: 0, points: {show: false}});
    const n = run.regions.length;
    const band = 1 + 2 * n;
    const options = {
      width: chartWidth(),
      height: 250,
      legend: {show: false},
      cursor: {drag: {x: false, y: false}},
      scales: {x: {time: false}, y: chart.log && explorer.view === 'values' ? {distr: 3} : {}},
      axes: [
        {label: 'year', values: (u, ticks) => ticks.map((t) => (Number.isInteger(t) ? String(t) : ''))},
        Object.assign({label: axisLabel(chart, unit), size: 64, values: (u, ticks) => ticks.map(compact)},
                      chart.log && explorer.view === 'values' ? {splits: (u, axis, min, max) => logSplits(min, max)} : {}),
      ],
      series,
      bands: [
        {series: [band + 3, band], fill: colour + '22'},
        {series: [band + 2, band + 1], fill: colour + '44'},
      ],
    };
    const box = document.createElement('div');
    box.className = 'chart';
    box.dataset.chart = chart.id;
    box.innerHTML = '<h3></h3><p class="sub"></p>';
    box.querySelector('h3').textContent = chart.title +
        (chart.generative !== chart.physical ? ` (${chartSector(chart)} AI)` : ' (all sectors)') +
        (explorer.view === 'change' ? ': change' : '');
    box.querySelector('.sub').textContent =
        variable(run, name).description + '; ' + (isShare(chart) ? '%' : unit);
    container.appendChild(box);
    return new uPlot(options, chartData(chart), box);
  }

  function buildCharts() {
    for (const u of explorer.charts) u.destroy();
    const container = $('charts');
    container.innerHTML = '';
    explorer.charts = CHARTS.map((chart) => makeChart(chart, container));
  }

  function draw() {
    if (explorer.charts.length === 0 || explorer.chartsFor !== chartKey()) {
      buildCharts();
      explorer.chartsFor = chartKey();
    } else {
      CHARTS.forEach((chart, i) => explorer.charts[i].setData(chartData(chart)));
    }
    $('fan-note').hidden = explorer.mode !== 'fan' || explorer.view === 'change';
    $('values-note').hidden = explorer.view === 'change';
    $('change-note').hidden = explorer.view !== 'change';
    writeHeadline();
  }

  function chartKey() { return [explorer.region, explorer.sector, explorer.mode, explorer.view].join('/'); }

  // --- The headline ------------------------------------------------------------

  // A span of time a reader can picture: 1.97 years, 4.2 months, 18 days.
  function duration(years) {
    const y = Math.abs(years);
    if (y >= 1) return `${y.toFixed(2)} years`;
    if (y >= 1 / 12) return `${(12 * y).toFixed(1)} months`;
    const days = Math.round(365 * y);
    return `${days} day${days === 1 ? '' : 's'}`;
  }

  function ordinal(n) {
    const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({1: 'st', 2: 'nd', 3: 'rd'})[n % 10] || 'th';
    return n + suffix;
  }

  // Where the selected region stands in the end year, in both sectors, and
  // how far the what-if moved it from the starting scenario. With draws:
  // medians, and the 5-95% range of years behind.
  function writeHeadline() {
    const run = explorer.lastRun;
    const base = explorer.base[draws()];
    const r = run.regions.findIndex((x) => x.code === explorer.region);
    const k = run.years.length - 1;
    const key = run.draws === 1 ? 'value' : 'p50';
    const at = (source, name, q) => variable(source, name)[q || (source.draws === 1 ? 'value' : 'p50')][r][k];
    const box = $('headline');
    box.textContent = '';
    const strong = document.createElement('strong');
    strong.textContent = `${run.regions[r].name} (${run.regions[r].code}) in ${run.years[k]}`;
    box.append(strong, ': ');
    ['generative', 'physical'].forEach((sector, i) => {
      const Sector = sector === 'generative' ? 'Generative' : 'Physical';
      const behind = at(run, 'Years Behind|' + Sector, key);
      const start = at(base, 'Years Behind|' + Sector);
      const rank = Math.round(at(run, 'Rank|' + Sector, key));
      let text = (i ? '; ' : '') + `${sector} AI ` +
          (behind < 0.5 / 365 ? 'leads' : `${duration(behind)} behind the leader`);
      if (run.draws > 1) {
        text += ` (5–95%: ${duration(at(run, 'Years Behind|' + Sector, 'p5'))} to ` +
                `${duration(at(run, 'Years Behind|' + Sector, 'p95'))})`;
      }
      text += `, ${ordinal(rank)} of ${run.regions.length}`;
      box.append(text);
      const moved = document.createElement('span');
      const change = behind - start;
      if (Math.abs(change) < 0.5 / 365) {
        moved.textContent = ' (as in the starting scenario)';
      } else {
        moved.textContent = ` (${duration(change)} ${change < 0 ? 'closer than' : 'further behind than'} the starting scenario)`;
        moved.className = change < 0 ? 'better' : 'worse';
      }
      box.append(moved);
    });
    box.append('.');
  }

  function buildLegend() {
    const legend = $('legend');
    legend.innerHTML = '';
    explorer.catalogue.regions.forEach((region, i) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = region.code === explorer.region ? 'selected' : '';
      button.innerHTML = '<span class="swatch"></span><span></span>';
      button.firstChild.style.background = colourOf(region.code, i);
      button.lastChild.textContent = `${region.code} ${region.name}`;
      button.addEventListener('click', () => selectRegion(region.code));
      legend.appendChild(button);
    });
  }

  function selectRegion(code) {
    $('ranking').hidden = true;  // it was for another region
    explorer.region = code;
    $('region').value = code;
    buildSliders();
    buildLegend();
    writeUrl();
    changedLevers(performance.now());
  }

  // --- Buttons ---------------------------------------------------------------

  async function download() {
    try {
      const response = await post('/api/yaml', setList(), draws());
      const disposition = response.headers.get('Content-Disposition') || '';
      const match = /filename="([^"]+)"/.exec(disposition);
      const blob = await response.blob();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = match ? match[1] : 'what-if.yaml';
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
      $('status').textContent = `Saved ${link.download}: run it with  aisim run ${link.download}`;
    } catch (error) {
      showError(error.message);
    }
  }

  // Which assumption matters most, one at a time: each global assumption at
  // the low and at the high end of its slider, every other lever as on the
  // page, and the selected region's years behind in the shown sector in the
  // end year; largest swing first. (A sweep, `aisim sweep`, varies them
  // together and gives Sobol indices; this is the quick look.)
  async function rankAssumptions() {
    const button = $('rank-assumptions');
    button.disabled = true;
    const levers = explorer.catalogue.assumptions;
    const Sector = explorer.sector === 'generative' ? 'Generative' : 'Physical';
    const name = 'Years Behind|' + Sector;
    const region = explorer.region;
    $('ranking').hidden = false;
    $('ranking-title').textContent = `Which assumption matters most for ${region}'s years behind in ${explorer.sector} AI?`;
    $('ranking-note').textContent = `Running ${2 * levers.length} what-ifs...`;
    $('ranking-list').textContent = '';
    try {
      const rows = [];
      let year = null;
      for (const lever of levers) {
        const others = setList().filter((text) => !text.startsWith(lever.path + '='));
        const ends = [];
        for (const end of [lever.min, lever.max]) {
          const run = await (await post('/api/run', [...others, `${lever.path}=${end}`], 1)).json();
          const r = run.regions.findIndex((x) => x.code === region);
          ends.push(variable(run, name).value[r][run.years.length - 1]);
          year = run.years[run.years.length - 1];
        }
        rows.push({lever, low: ends[0], high: ends[1], swing: Math.abs(ends[1] - ends[0])});
      }
      rows.sort((a, b) => b.swing - a.swing);
      explorer.ranking = {region, sector: explorer.sector, rows};
      const widest = rows[0].swing || 1;
      $('ranking-note').textContent = `Years behind the leader in ${year} with each assumption at the ends of ` +
          'its slider, the others as on this page; largest swing first. aisim sweep varies them together.';
      for (const row of rows) {
        const item = document.createElement('li');
        const bar = document.createElement('span');
        bar.className = 'swing';
        bar.style.width = `${Math.round(120 * row.swing / widest)}px`;
        const text = document.createElement('span');
        text.textContent = `${row.lever.label}: ${duration(row.low)} at ${format(row.lever.min)}, ` +
            `${duration(row.high)} at ${format(row.lever.max)} ${row.lever.unit} (swing ${duration(row.swing)})`;
        item.append(bar, text);
        $('ranking-list').appendChild(item);
      }
    } catch (error) {
      $('ranking-note').textContent = 'Could not rank the assumptions: ' + error.message;
    } finally {
      button.disabled = false;
    }
  }

  function resetWhere(predicate) {
    for (const path of Array.from(explorer.overrides.keys())) if (predicate(path)) explorer.overrides.delete(path);
    buildSliders();
    changedLevers(performance.now());
  }

  // Every shipped scenario, in a picker: choosing one opens it afresh (its
  // levers are its own, so the overrides of the last one do not carry over).
  async function buildScenarioPicker() {
    const picker = $('scenario-picker');
    const list = (await (await request('/api/scenarios')).json()).scenarios;
    for (const scenario of list) {
      const option = document.createElement('option');
      option.value = scenario.name;
      option.textContent = scenario.name;
      option.title = scenario.description;
      picker.appendChild(option);
    }
    picker.value = explorer.catalogue.scenario;
    picker.addEventListener('change', () => {
      const params = new URLSearchParams();
      // The region is left out: the new scenario opens on the regions it is about.
      if (picker.value !== list[0].name) params.set('scenario', picker.value);
      params.set('sector', explorer.sector);
      if (explorer.view !== 'values') params.set('view', explorer.view);
      location.search = params.toString();
    });
  }

  async function start() {
    explorer.scenario = new URLSearchParams(location.search).get('scenario') || '';
    try {
      const path = explorer.scenario ? '/api/levers/' + encodeURIComponent(explorer.scenario) : '/api/levers';
      const response = await request(path);
      if (!response.ok) throw new Error((await response.json()).error);
      explorer.catalogue = await response.json();
      await buildScenarioPicker();
    } catch (error) {
      showError('Cannot load the scenario: ' + error.message);
      return;
    }
    const c = explorer.catalogue;
    $('scenario-line').textContent = `${c.scenario}, ${c.start_year}–${c.end_year}: ${c.description}`;
    $('fan-draws').textContent = FAN_DRAWS;
    document.title = 'aisim explorer: ' + c.scenario;
    readUrl();
    const select = $('region');
    for (const region of c.regions) {
      const option = document.createElement('option');
      option.value = region.code;
      option.textContent = `${region.code}: ${region.name}`;
      select.appendChild(option);
    }
    select.value = explorer.region;
    select.addEventListener('change', () => selectRegion(select.value));
    for (const input of document.querySelectorAll('input[name=sector]')) {
      input.checked = input.value === explorer.sector;
      input.addEventListener('change', () => {
        explorer.sector = input.value;
        $('ranking').hidden = true;  // it was for the other sector
        writeUrl();
        changedLevers(performance.now());
      });
    }
    for (const input of document.querySelectorAll('input[name=mode]')) {
      input.checked = input.value === explorer.mode;
      input.addEventListener('change', () => { explorer.mode = input.value; writeUrl(); changedLevers(performance.now()); });
    }
    for (const input of document.querySelectorAll('input[name=view]')) {
      input.checked = input.value === explorer.view;
      input.addEventListener('change', () => { explorer.view = input.value; writeUrl(); draw(); });
    }
    $('download').addEventListener('click', download);
    $('copy-link').addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(location.href);
        $('status').textContent = 'Link copied: it opens this same what-if.';
      } catch (e) {
        $('status').textContent = 'Copy this link: ' + location.href;
      }
    });
    $('reset-region').addEventListener('click', () => resetWhere((p) => p.startsWith('regions.' + explorer.region + '.')));
    $('reset-all').addEventListener('click', () => resetWhere(() => true));
    $('rank-assumptions').addEventListener('click', rankAssumptions);
    let resizeTimer = null;
    window.addEventListener('resize', () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => { for (const u of explorer.charts) u.setSize({width: chartWidth(), height: 250}); }, 100);
    });
    buildSliders();
    buildLegend();
    writeUrl();
    changedLevers(performance.now());
  }

  start();
})();
