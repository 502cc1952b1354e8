// Browser benchmark (not a test: it prints figures, it never fails on them).
//
//   scripts/bench-browser.sh          # builds release, serves dist/, runs this
//
// Prints:
// - cold load: navigation start → first chart in the DOM, and → first chart painted
//   (the next animation frame), median of N fresh browser contexts (empty cache);
// - input → charts redrawn: a precept-rise input changed repeatedly; the time from the
//   input event to the chart SVG being replaced (DOM updated) and to the next animation
//   frame after that (painted), p50 and p95;
// - a thousand scenarios (restored from a backup): opening the app on them, and switching
//   between them (select → charts redrawn), p50 and p95;
// - the gzip -9 size of everything the page downloads;
// - the engine in wasm (E2E_ENGINE_BENCH_URL, built by scripts/bench-browser.sh): one
//   baseline projection (modules kept, totals only, and from nothing), one assumption
//   changed and re-projected, and 10,000 varied projections, as `cargo bench` natively;
// - the analyses (issue 15): goal seek (the PCC's question) and the full tornado in wasm
//   (targets: under 50 ms and under 30 ms), as `cargo bench --bench analysis` natively; and
//   in the app, the longest main-thread task (PerformanceObserver "longtask") while the
//   analysis screen answers the PCC's question and draws the tornado (target: none over
//   50 ms: both run in slices); and the risk tab's 10,000 draws (issue 16) from Run to the
//   results drawn, with the longest task meanwhile ("risk: 10,000 draws in the browser").
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, BASE_URL, waitForSaved } from './lib.mjs';

const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 7);
const ENGINE_URL = process.env.E2E_ENGINE_BENCH_URL;
const INPUTS = Number(process.env.BENCH_INPUTS ?? 200);
const SCENARIOS = Number(process.env.BENCH_SCENARIOS ?? 1000);
const SWITCHES = Number(process.env.BENCH_SWITCHES ?? 60);

function quantile(values, q) {
  const s = [...values].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[i];
}
const ms = (v) => `${v.toFixed(1)} ms`;

const browser = await launch();
try {
  // Cold load.
  const domTimes = [];
  const paintTimes = [];
  let bytes = { raw: 0, gz: 0, files: [] };
  for (let run = 0; run < COLD_RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    if (run === 0) {
      page.on('response', async (res) => {
        try {
          const body = await res.body();
          const gz = gzipSync(body, { level: 9 }).length;
          bytes.raw += body.length;
          bytes.gz += gz;
          bytes.files.push(`${new URL(res.url()).pathname} ${(gz / 1024).toFixed(1)} KB gz`);
        } catch {
          // redirects and the like carry no body
        }
      });
    }
    await page.addInitScript(() => {
      const seen = () => {
        if (window.__firstChart === undefined && document.querySelector('figure.chart svg')) {
          window.__firstChart = performance.now();
          requestAnimationFrame(() => {
            window.__firstPaint = performance.now();
          });
        }
      };
      new MutationObserver(seen).observe(document, { childList: true, subtree: true });
    });
    await page.goto(BASE_URL, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__firstPaint !== undefined, null, { timeout: 30_000 });
    domTimes.push(await page.evaluate(() => window.__firstChart));
    paintTimes.push(await page.evaluate(() => window.__firstPaint));
    await context.close();
  }

  // Input → redraw.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(BASE_URL, { waitUntil: 'load' });
  await page.waitForSelector('#precept-rise-gbp-2023', { state: 'attached', timeout: 30_000 });
  const samples = await page.evaluate(async (n) => {
    const input = document.querySelector('#precept-rise-gbp-2023');
    const charts = document.querySelector('#charts');
    const out = [];
    for (let i = 0; i < n; i++) {
      const value = (10 + (i % 40) * 0.25).toFixed(2);
      const updated = new Promise((resolve) => {
        const obs = new MutationObserver(() => {
          obs.disconnect();
          resolve(performance.now());
        });
        obs.observe(charts, { childList: true, subtree: true, characterData: true });
        // Never wait forever: an input that changes no chart counts as a miss.
        setTimeout(() => {
          obs.disconnect();
          resolve(NaN);
        }, 2000);
      });
      const t0 = performance.now();
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      const tDom = await updated;
      const tPaint = await new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
      out.push([tDom - t0, tPaint - t0]);
      await new Promise((r) => setTimeout(r, 5));
    }
    return out;
  }, INPUTS);
  await context.close();

  // A thousand scenarios: restore them from a backup, reopen the app, switch between them.
  const dir = await mkdtemp(join(tmpdir(), 'mtfp-bench-'));
  const many = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const mp = await many.newPage();
  await mp.goto(BASE_URL, { waitUntil: 'load' });
  await mp.waitForSelector('main.workspace', { state: 'attached', timeout: 30_000 });
  await mp.click('#io-menu > summary');
  const [exported] = await Promise.all([mp.waitForEvent('download'), mp.click('#export-json')]);
  const base = JSON.parse(await readFile(await exported.path(), 'utf8'));
  const lines = [];
  for (let i = 1; i <= SCENARIOS; i++) {
    const band = `${240 + (i % 50)}.${String(i % 100).padStart(2, '0')}`;
    lines.push(JSON.stringify({ scenario: { ...base, name: `Bench ${i}`, precept: { ...base.precept, band_d: { ...base.precept.band_d, value: band } } }, log: [] }));
  }
  const file = join(dir, 'many.json');
  await writeFile(file, `{"mtfp_backup":1,"created":"bench","count":${SCENARIOS},"scenarios":[\n${lines.join(',\n')}\n]}\n`);
  const restoreStart = Date.now();
  await mp.setInputFiles('#restore-file', file);
  await mp.waitForSelector('#notice-backup', { timeout: 300_000 });
  await waitForSaved(mp, SCENARIOS, 300_000);
  const restoreMs = Date.now() - restoreStart;
  const openStart = Date.now();
  await mp.reload({ waitUntil: 'load' });
  await mp.waitForSelector('figure.chart svg', { state: 'attached', timeout: 60_000 });
  const openMs = Date.now() - openStart;
  const switches = await mp.evaluate(async ({ n, count }) => {
    const select = document.querySelector('#scenario-select');
    const charts = document.querySelector('#charts');
    const out = [];
    for (let i = 0; i < n; i++) {
      const id = 1 + ((i * 379) % count);
      const changed = new Promise((resolve) => {
        const obs = new MutationObserver(() => {
          obs.disconnect();
          resolve(performance.now());
        });
        obs.observe(charts, { childList: true, subtree: true, characterData: true });
        setTimeout(() => {
          obs.disconnect();
          resolve(NaN);
        }, 5000);
      });
      const t0 = performance.now();
      select.value = `s${id}`;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      out.push((await changed) - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    return out;
  }, { n: SWITCHES, count: SCENARIOS });
  await many.close();
  await rm(dir, { recursive: true, force: true });
  const sw = switches.filter((v) => !Number.isNaN(v));

  const ok = samples.filter((s) => !Number.isNaN(s[0]));
  if (ok.length < samples.length) console.log(`${samples.length - ok.length} inputs redrew no chart within 2 s`);
  const dom = ok.map((s) => s[0]);
  const paint = ok.map((s) => s[1]);
  console.log(`cold load, first chart in DOM:   median ${ms(quantile(domTimes, 0.5))}  (min ${ms(Math.min(...domTimes))}, max ${ms(Math.max(...domTimes))}, ${COLD_RUNS} runs)`);
  console.log(`cold load, first chart painted:  median ${ms(quantile(paintTimes, 0.5))}`);
  console.log(`input → charts redrawn (DOM):    p50 ${ms(quantile(dom, 0.5))}  p95 ${ms(quantile(dom, 0.95))}  (${INPUTS} inputs)`);
  console.log(`input → next frame painted:      p50 ${ms(quantile(paint, 0.5))}  p95 ${ms(quantile(paint, 0.95))}`);
  console.log(`${SCENARIOS} scenarios: restored from a backup and saved in ${(restoreMs / 1000).toFixed(1)} s; app reopened on them, first chart in ${openMs} ms`);
  console.log(`switching scenario → charts redrawn: p50 ${ms(quantile(sw, 0.5))}  p95 ${ms(quantile(sw, 0.95))}  (${sw.length} of ${SWITCHES} switches among ${SCENARIOS})`);
  console.log(`download: ${(bytes.gz / 1024).toFixed(1)} KB gzip -9 (${(bytes.raw / 1024).toFixed(1)} KB raw)`);
  for (const f of bytes.files) console.log(`  ${f}`);

  // The analysis screen: its longest tasks while goal seek and the tornado run.
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const ap = await ctx.newPage();
  await ap.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
  await ap.goto(BASE_URL, { waitUntil: 'load' });
  await ap.waitForSelector('main.workspace', { state: 'attached', timeout: 30_000 });
  await ap.click('#view-analysis');
  await ap.waitForSelector('#gs-form', { timeout: 30_000 });
  const longest = async (run) => {
    const from = await ap.evaluate(() => performance.now());
    await run();
    return ap.evaluate((t0) => {
      const tasks = window.__longTasks.filter(([start]) => start >= t0);
      return { count: tasks.length, max: tasks.reduce((m, [, d]) => Math.max(m, d), 0) };
    }, from);
  };
  // Asked ten times, the "from" year alternating so each answer differs from the last.
  const seekTimes = [];
  const seekTasks = await longest(async () => {
    for (let i = 0; i < 10; i++) {
      const from = i % 2 === 0 ? '2023/24' : '2024/25';
      await ap.selectOption('#gs-from', from);
      seekTimes.push(await ap.evaluate(() => new Promise((resolve) => {
        const before = document.querySelector('#gs-value')?.dataset.value;
        const t0 = performance.now();
        document.querySelector('#gs-form').requestSubmit();
        const check = () => {
          const v = document.querySelector('#gs-value')?.dataset.value;
          if (v !== undefined && v !== before) resolve(performance.now() - t0);
          else setTimeout(check, 1);
        };
        check();
      })));
    }
  });
  const tornadoTasks = await longest(async () => {
    await ap.click('#analysis-tab-matters-most');
    await ap.waitForSelector('#sens-table', { state: 'attached', timeout: 30_000 });
  });
  // The risk tab (issue 16): 10,000 draws of the baseline, seed 1, in slices; from the
  // click on Run to the results drawn, and the longest main-thread task meanwhile.
  await ap.click('#analysis-tab-risk');
  await ap.waitForSelector('#risk-form');
  await ap.fill('#risk-draws', '10,000');
  await ap.fill('#risk-seed', '1');
  let riskMs = 0;
  const riskFrom = await ap.evaluate(() => performance.now());
  const riskTasks = await longest(async () => {
    const t0 = Date.now();
    await ap.click('#risk-run');
    await ap.waitForSelector('#risk-results[data-current="true"]', { timeout: 120_000 });
    riskMs = Date.now() - t0;
  });
  const finishMs = Number(await ap.locator('#risk-results').getAttribute('data-finish-us')) / 1000;
  const riskLong = await ap.evaluate((t0) => window.__longTasks.filter(([start]) => start >= t0).map(([, d]) => d.toFixed(0)), riskFrom);
  await ctx.close();
  console.log(`risk: 10,000 draws in the browser: ${riskMs} ms, longest task ${ms(riskTasks.max)} (${riskTasks.count} over 50 ms: ${riskLong.join(', ') || 'none'} ms); finishing the run (sorting, ranks) ${ms(finishMs)} in one task`);
  console.log(`analysis screen, goal seek (the PCC's question) → answer shown: median ${ms(quantile(seekTimes, 0.5))} (10 runs); longest task ${ms(seekTasks.max)} (${seekTasks.count} over 50 ms)`);
  console.log(`analysis screen, full tornado and budget book → table shown: longest task ${ms(tornadoTasks.max)} (${tornadoTasks.count} over 50 ms)`);

  if (ENGINE_URL) {
    const engine = await browser.newContext();
    const page = await engine.newPage();
    await page.goto(ENGINE_URL, { waitUntil: 'load' });
    await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30_000 });
    const e = await page.evaluate(() => window.engineBench());
    const us = (v) => `${v.toFixed(1)} µs`;
    console.log(`engine (wasm), one baseline projection, full, modules kept:  ${us(e.full_us)}  (median of 21 batches of 200)`);
    console.log(`engine (wasm), one baseline projection, totals only, kept:   ${us(e.totals_us)}`);
    console.log(`engine (wasm), one baseline projection from nothing:         ${us(e.cold_us)}`);
    console.log(`engine (wasm), change one assumption and re-project, full:   pay award ${us(e.pay_change_us)}, non-pay inflation ${us(e.inflation_change_us)}`);
    console.log(`engine (wasm), 10,000 varied projections (totals):           ${e.varied_10000_ms.toFixed(0)} ms (sum of cumulative gaps £${e.varied_sum})`);
    const a = await page.evaluate(() => window.analysisBench());
    console.log(`goal seek (wasm), the PCC's question (£${a.goal_seek_value}, ${a.goal_seek_projections} projections): ${ms(a.goal_seek_ms)}  (median of 21; target under 50 ms)`);
    console.log(`goal seek (wasm), officer intake keeping the reserve above its floor:   ${ms(a.intake_goal_seek_ms)}  (median of 11)`);
    console.log(`full tornado (wasm), every assumption moved down and up, ranked:        ${ms(a.tornado_ms)}  (median of 21; target under 30 ms)`);
    console.log(`budget book's table (wasm):                                             ${ms(a.budget_book_ms)}  (median of 21)`);
    console.log(`risk (wasm), 10,000 draws of the baseline, seed 1, in one go:  ${e.risk_10000_ms.toFixed(0)} ms (2025/26 median cumulative gap £${e.risk_p50})`);
    await engine.close();
  }
} finally {
  await browser.close();
}
