// "How likely is a breach" (issue 16): the risk tab of the analysis screen reached from the
// keyboard; bad input refused beside its field; 1,000 draws with seed 42 run in slices
// (with the CPU slowed 20 times, so the progress bar is seen) and stopped by a change of
// setting mid-run, nothing stale shown as current; run again to the end, the fan charts'
// data tables and the chances equal to `mtfp risk --draws 1000 --seed 42 --format csv` cell
// by cell, the CSV download equal to it byte for byte; results marked out of date once the
// scenario changes; the risk slide at 1280×720 and its print page; screenshots.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  MINUS, ROOT, accessibilityViolations, assertClean, download, drawnShapes, group, launch, mtfp, openApp, pence, screenshot,
} from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** `mtfp risk ARGS… --format csv`, as the CLI prints it. */
const riskCsv = (...args) =>
  execFileSync('cargo', ['run', '-q', '--locked', '--bin', 'mtfp', '--', 'risk', ...args, '--format', 'csv'], { cwd: ROOT, encoding: 'utf8' });

function pounds(s) {
  const p = pence(s);
  const abs = Math.abs(p);
  return `${p < 0 ? MINUS : ''}£${group(String(Math.floor(abs / 100)))}.${String(abs % 100).padStart(2, '0')}`;
}

/** The CSV as objects keyed by its header. */
function rows(csv) {
  const [head, ...lines] = csv.trim().split('\n');
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

async function openRiskTab(viewport = { width: 1366, height: 768 }) {
  const app = await openApp(browser, { viewport });
  const { page } = app;
  await page.click('#view-analysis');
  await page.waitForSelector('#gs-form', { timeout: 30_000 });
  // The tabs from the keyboard: two steps right is the risk tab, labelled and selected.
  await page.locator('#analysis-tab-closes-gap').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'analysis-tab-risk');
  assert.equal(await page.locator('#analysis-tab-risk').innerText(), 'How likely is a breach');
  assert.equal(await page.locator('#analysis-tab-risk').getAttribute('aria-selected'), 'true');
  await page.waitForSelector('#risk-form');
  assert.equal(await page.locator('#analysis-panel-risk').isVisible(), true);
  return app;
}

test('1,000 draws with seed 42: progress, a change of setting stops it, then the figures are mtfp risk\'s', async () => {
  const want = riskCsv('--draws', '1000', '--seed', '42');
  const wantJson = mtfp('risk', '--draws', '1000', '--seed', '42', '--above', '20000000');
  const app = await openRiskTab();
  const { page } = app;
  // Every control labelled, with the defaults.
  assert.equal(await page.getByLabel('Draws', { exact: true }).inputValue(), '10,000');
  assert.equal(await page.getByLabel('Seed', { exact: true }).inputValue(), '1');
  assert.equal(await page.getByLabel('Pay and inflation drawn together').isChecked(), false);
  assert.equal(await page.getByLabel('Chance the cumulative gap exceeds (£, optional)').inputValue(), '');
  await screenshot(page, 'risk-before-run-1366x768', { fullPage: true });
  // Bad input: a clear message beside the field, and nothing run.
  await page.getByLabel('Draws', { exact: true }).fill('500');
  await page.getByLabel('Seed', { exact: true }).fill('forty-two');
  await page.click('#risk-run');
  await page.waitForSelector('#risk-draws-error');
  assert.equal(await page.locator('#risk-draws-error').innerText(), 'Use 1,000 to 100,000 draws');
  assert.match(await page.locator('#risk-seed-error').innerText(), /^Enter a whole number from 0/);
  assert.equal(await page.getByLabel('Draws', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#risk-progress').count(), 0, 'nothing runs');
  assert.equal(await page.locator('#risk-results').count(), 0);

  // The keyboard: the fields and the button in order, Enter runs.
  await page.getByLabel('Draws', { exact: true }).fill('1,000');
  await page.getByLabel('Seed', { exact: true }).fill('42');
  await page.getByLabel('Chance the cumulative gap exceeds (£, optional)').fill('£20,000,000');
  const cdp = await app.context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  await page.locator('#risk-above').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'risk-run');
  await page.keyboard.press('Enter');
  // The progress bar, named and counting draws.
  await page.waitForFunction(() => Number(document.querySelector('#risk-progress')?.getAttribute('aria-valuenow')) > 0, null, { timeout: 60_000 });
  const bar = page.locator('#risk-progress');
  assert.equal(await bar.getAttribute('role'), 'progressbar');
  assert.equal(await bar.getAttribute('aria-valuemax'), '1000');
  assert.match(await page.locator('.risk-progress label').innerText(), /^Drawing: [\d,]+ of 1,000 draws$/);
  assert.equal(await page.locator('#risk-cancel').innerText(), 'Cancel');
  await screenshot(page, 'risk-running-1366x768');
  // A setting changed mid-run stops it: nothing shown as a result.
  await page.getByLabel('Seed', { exact: true }).fill('43');
  await page.waitForSelector('#risk-status');
  assert.equal(await page.locator('#risk-status').innerText(), 'The settings changed while the run went, so it stopped: run again.');
  assert.equal(await page.locator('#risk-progress').count(), 0);
  assert.equal(await page.locator('#risk-results').count(), 0, 'no results from a stopped run');
  assert.equal(await page.locator('#risk-summary').count(), 0);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

  // Run again to the end.
  await page.getByLabel('Seed', { exact: true }).fill('42');
  await page.click('#risk-run');
  await page.waitForSelector('#risk-results[data-current="true"]', { timeout: 60_000 });
  assert.equal(await page.locator('#risk-summary').innerText(), wantJson.summary);
  assert.equal(await page.locator('#risk-stale').count(), 0);
  const byYear = rows(want);
  for (const key of ['gap', 'cumulative_gap', 'general_reserve']) {
    const table = `#risk-table-${key.replaceAll('_', '-')}`;
    for (const r of byYear) {
      const cols = ['p5', 'p25', 'p50', 'p75', 'p95', 'plan'].map((c) => `${key}_${c}`);
      const cells = await page.locator(`${table} tr[data-year="${r.year}"] td`).evaluateAll((tds) => tds.map((td) => [td.dataset.col, td.dataset.value, td.textContent]));
      assert.deepEqual(cells, cols.map((c) => [c, r[c], pounds(r[c])]), `${key} ${r.year}`);
    }
    // A fan: two bands, a median and the plan, with a name and a description.
    const shapes = await drawnShapes(page, `#risk-fan-${key.replaceAll('_', '-')} svg`);
    assert.ok(shapes.filter((s) => s === 'polygon').length >= 2, `${key}: ${shapes}`);
    assert.equal(await page.locator(`#risk-fan-${key.replaceAll('_', '-')} .chart-canvas`).getAttribute('role'), 'img');
  }
  assert.match(
    await page.locator('#risk-fan-cumulative-gap h3').innerText(),
    new RegExp(`^The cumulative gap by 2025/26: ${MINUS}£10\\.2m to £76\\.0m in 9 of 10 draws \\(median £32\\.3m\\), against the plan's £8\\.1m$`),
  );
  // The chances below the floor and below zero, as % and "n of N draws".
  for (const [i, y] of wantJson.years.entries()) {
    const r = byYear[i];
    const floor = page.locator(`#risk-floor-table tr[data-year="${y.year}"] td[data-col="probability_below_floor"]`);
    assert.equal(await floor.getAttribute('data-value'), r.probability_below_floor);
    assert.equal(await floor.innerText(), `${(Number(y.probability_below_floor) * 100).toFixed(1)}% (${group(String(y.below_floor))} of 1,000 draws)`);
    const zero = page.locator(`#risk-floor-table tr[data-year="${y.year}"] td[data-col="probability_below_zero"]`);
    assert.equal(await zero.getAttribute('data-value'), r.probability_below_zero);
  }
  assert.equal(await page.locator('#risk-floor-table tr[data-year="2025/26"] td[data-col="probability_below_floor"]').innerText(), '89.6% (896 of 1,000 draws)');
  // The histogram: 20 bars, the chances above the plan's figure and the amount.
  assert.equal(await page.locator('#risk-hist-table tbody tr').count(), wantJson.final_cumulative_gap_histogram.length);
  assert.equal(wantJson.final_cumulative_gap_histogram.length, 20);
  assert.match(await page.locator('#risk-above-plan').innerText(), new RegExp(`in ${(Number(wantJson.above_plan.probability) * 100).toFixed(1)}% \\(${group(String(wantJson.above_plan.draws))} of 1,000 draws\\)\\.$`));
  assert.match(await page.locator('#risk-above-amount').innerText(), new RegExp(`^It exceeds £20,000,000\\.00 in ${(Number(wantJson.above.probability) * 100).toFixed(1)}% \\(${group(String(wantJson.above.draws))} of 1,000 draws\\)\\.$`));
  // The drivers, largest first, the sign explained.
  const drivers = await page.locator('.risk-driver-table tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.dataset.key, tr.querySelector('td').dataset.value]));
  const moving = wantJson.drivers.filter((d) => Number(d.correlation) !== 0);
  assert.deepEqual(drivers, moving.map((d) => [d.key, d.correlation]));
  assert.match(await page.locator('#risk-driver-table tbody tr td').first().innerText(), /^[+\u2212]\d\.\d\d: a higher figure (widens|narrows) the gap$/);
  // The ranges used, below the results: the registry's (the scenario has none of its own).
  assert.deepEqual(
    await Promise.all(['low', 'likely', 'high'].map((p) => page.locator(`#rr-officer_pay_award-${p}`).inputValue())),
    ['0', '2.5', '7'],
  );
  // The CSV: mtfp risk --format csv, byte for byte.
  const dir = await mkdtemp(join(tmpdir(), 'mtfp-risk-'));
  const file = await download(page, '#risk-csv', dir);
  assert.equal(file.name, 'risk.csv');
  assert.ok(file.bytes.equals(Buffer.from(want, 'utf8')), `the CSV differs:\n${file.text}\n---\n${want}`);
  await page.locator('#risk-fan-cumulative-gap details summary').click();
  // A tall viewport draws every chart (the page skips drawing those off screen).
  await page.setViewportSize({ width: 1366, height: await page.evaluate(() => document.documentElement.scrollHeight) });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await screenshot(page, 'risk-results-1366x768', { fullPage: true });
  await page.setViewportSize({ width: 1366, height: 768 });
  assert.deepEqual(await accessibilityViolations(page, { selector: '#analysis' }), []);

  // A change of setting after the run: its results are marked out of date.
  await page.getByLabel('Seed', { exact: true }).fill('7');
  await page.waitForSelector('#risk-results[data-current="false"]');
  assert.equal(await page.locator('#risk-stale').innerText(), 'The settings have changed since this run: run again.');
  await page.getByLabel('Seed', { exact: true }).fill('42');
  await page.waitForSelector('#risk-results[data-current="true"]');
  // A new scenario on screen (a duplicate, named apart): out of date, never current.
  await page.click('#scenario-duplicate');
  await page.waitForSelector('#risk-results[data-current="false"]', { timeout: 30_000 });
  assert.equal(await page.locator('#risk-stale').innerText(), 'The scenario has changed since this run: run again.');
  assert.equal(await page.locator('#risk-summary').getAttribute('data-current'), 'false');
  assertClean(app);
  await app.close();
});

test('the risk slide at 1280×720 and its print page: the last run\'s summary, fan and chance below the floor', async () => {
  const wantJson = mtfp('risk', '--draws', '1000', '--seed', '42');
  const app = await openRiskTab({ width: 1280, height: 720 });
  const { page } = app;
  await page.getByLabel('Draws', { exact: true }).fill('1000');
  await page.getByLabel('Seed', { exact: true }).fill('42');
  await page.click('#risk-run');
  await page.waitForSelector('#risk-results[data-current="true"]', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await page.waitForSelector('#present-setup-title');
  // The run kept for this scenario: the risk slide is ticked; only it is shown.
  assert.equal(await page.locator('#present-slide-risk').isChecked(), true);
  for (const box of await page.locator('.setup-slides input[type="checkbox"]').all()) {
    if ((await box.getAttribute('value')) !== 'risk') await box.uncheck();
  }
  await page.locator('#present-start').click();
  await page.waitForSelector('#present-slide[data-slide="risk"]');
  assert.equal(await page.locator('#slide-finding').innerText(), wantJson.summary);
  assert.equal(await page.locator('#present-slide .slide-canvas svg').count(), 1);
  const last = wantJson.years.at(-1);
  assert.equal(
    await page.locator(`#present-slide tr[data-year="${last.year}"] td[data-col="chance"]`).innerText(),
    `${(Number(last.probability_below_floor) * 100).toFixed(1)}%`,
  );
  const inside = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('#present-slide *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && !el.closest('.visually-hidden') && (r.right > innerWidth + 1 || r.bottom > innerHeight + 1)) out.push(el.className || el.tagName);
    }
    return out;
  });
  assert.deepEqual(inside, [], 'nothing runs off the slide');
  await screenshot(page, 'risk-slide-1280x720');
  assert.deepEqual(await accessibilityViolations(page), [], 'axe on the risk slide');
  // The print page: one chart, the table by year, nothing overflowing.
  await page.emulateMedia({ media: 'print' });
  const pages = await page.evaluate(() => [...document.querySelectorAll('.print-page')].map((p) => ({
    slide: p.dataset.printSlide ?? 'cover',
    charts: p.querySelectorAll('svg').length,
    overflow: p.scrollHeight - p.clientHeight,
    text: p.innerText,
  })));
  const risk = pages.find((p) => p.slide === 'risk');
  assert.ok(risk, 'a risk page in the pack');
  assert.equal(risk.charts, 1);
  assert.ok(risk.overflow <= 0, `the risk page overflows by ${risk.overflow}px`);
  assert.ok(risk.text.includes(wantJson.summary));
  assert.ok(risk.text.includes('Chance the general reserve ends the year below its floor'));
  await page.setViewportSize({ width: 1123, height: 794 });
  await page.locator('.print-page[data-print-slide="risk"]').screenshot({ path: join(ROOT, 'target', 'screenshots', 'risk-print-page.png') });
  await page.emulateMedia({ media: null });
  await page.keyboard.press('Escape');
  assertClean(app);
  await app.close();
});

test('with no run kept, ticking the risk slide makes one in slices, with progress', async () => {
  const app = await openApp(browser, { viewport: { width: 1280, height: 720 } });
  const { page } = app;
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await page.waitForSelector('#present-setup-title');
  assert.equal(await page.locator('#present-slide-risk').isChecked(), false, 'not ticked without a run');
  await page.locator('#present-slide-risk').check();
  await page.waitForSelector('#present-risk-progress', { state: 'attached' });
  await page.waitForSelector('#present-risk-progress', { state: 'detached', timeout: 60_000 });
  for (const box of await page.locator('.setup-slides input[type="checkbox"]').all()) {
    if ((await box.getAttribute('value')) !== 'risk') await box.uncheck();
  }
  await page.locator('#present-start').click();
  await page.waitForSelector('#present-slide[data-slide="risk"]');
  assert.match(await page.locator('#slide-finding').innerText(), /^In [\d,]+ of 10,000 draws|^In none of 10,000 draws/);
  await page.keyboard.press('Escape');
  assertClean(app);
  await app.close();
});
