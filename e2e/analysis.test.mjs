// The analysis screen (issue 15): the PCC's question ("what Band D rise from 2023/24 closes
// the cumulative gap?") asked from the keyboard, its answer equal to `mtfp solve`, applied
// as a new scenario and undone; the tornado's data table and the budget book's table equal
// to `mtfp sensitivity`; a swing changed; the two slides in presentation mode; axe-core on
// the screen; screenshots at 1366×768 and 1920×1080.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  MINUS, accessibilityViolations, assertClean, drawnShapes, group, launch, millions, mtfp as cli, openApp, pence,
  roundHalfAway, screenshot, waitForSaved,
} from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// Figures as the app writes them (src/format.rs): pounds and pence, per week in pence.
function poundsFromPence(p) {
  const sign = p < 0 ? MINUS : '';
  const abs = Math.abs(p);
  return `${sign}£${group(String(Math.floor(abs / 100)))}.${String(abs % 100).padStart(2, '0')}`;
}
const pounds = (s) => poundsFromPence(pence(s));
/** A weekly sum as the app says it: "35p" under a pound. */
const spoken = (p) => (Math.abs(p) < 100 ? `${p < 0 ? MINUS : ''}${Math.abs(p)}p` : poundsFromPence(p));
/** £m to three places, the budget book's nearest £1,000. */
function thousands(s) {
  const k = roundHalfAway(pence(s) / 100_000); // £1,000 = 100,000p
  const sign = k < 0 ? MINUS : '';
  const abs = Math.abs(k);
  return `${sign}£${group(String(Math.floor(abs / 1000)))}.${String(abs % 1000).padStart(3, '0')}m`;
}

const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const size = (v) => `${v.width}x${v.height}`;

async function openAnalysis(viewport) {
  const app = await openApp(browser, { viewport });
  await app.page.click('#view-analysis');
  await app.page.waitForSelector('#gs-form', { timeout: 30_000 });
  return app;
}

test("the PCC's question: the UI's answer is mtfp solve's, applied as a new scenario, then undone", async () => {
  const want = cli('solve', '--target', 'cumulative-gap', '--lever', 'precept-gbp', '--from', '2023/24');
  const app = await openAnalysis(VIEWPORTS[0]);
  const { page } = app;
  assert.equal(await page.locator('#analysis-tab-closes-gap').getAttribute('aria-selected'), 'true');
  // Asked from the keyboard: each control is labelled, and Enter finds the answer.
  await page.getByLabel('Target').selectOption('cumulative-gap');
  await page.getByLabel('Lever').selectOption('precept-gbp');
  await page.getByLabel('From').selectOption('2023/24');
  assert.match(await page.locator('#gs-form .hint').innerText(), /^What Band D rise in £ each year from 2023\/24 gives no cumulative gap by 2025\/26\?$/);
  await page.locator('#gs-run').focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('#gs-value');
  assert.equal(await page.locator('#gs-question').innerText(), want.question);
  assert.equal(await page.locator('#gs-value').getAttribute('data-value'), want.value);
  assert.equal(await page.locator('#gs-value').innerText(), pounds(want.value));
  assert.equal(want.value, '18.11');
  const text = await page.locator('#gs-answer-text').innerText();
  assert.match(text, /^A Band D rise of £18\.11 a year from 2023\/24 gives no cumulative gap by 2025\/26: the smallest that does \(£18\.10 misses it by £17,817\.08\)\./);
  const left = roundHalfAway(pence(want.referendum.within_limits.shortfall) / 1_000_000); // £0.01m = 1,000,000p
  assert.ok(text.includes(`Held to the limits, a cumulative gap of £${(left / 100).toFixed(2)}m would be left.`), text);
  // Each year against its referendum limit, as mtfp solve reports it.
  for (const y of want.referendum.years) {
    const cells = await page.locator(`#gs-referendum tr[data-year="${y.year}"] td`).allInnerTexts();
    assert.deepEqual(cells, [
      pounds(y.band_d),
      pounds(y.rise_gbp),
      y.referendum_limit_gbp === null ? 'none given' : pounds(y.referendum_limit_gbp),
      y.exceeds_referendum_limit ? 'Above the limit' : 'Within',
      pounds(y.within_limits_rise_gbp),
    ]);
  }
  // Bands A to H: £ a year and pence a week.
  for (const b of want.referendum.bands) {
    const cells = await page.locator(`#gs-bands tr[data-band="${b.band}"] td`).allInnerTexts();
    assert.deepEqual(cells, [pounds(b.annual), pounds(b.rise), pounds(b.weekly), spoken(pence(b.rise_weekly))]);
  }
  await screenshot(page, 'analysis-closes-gap-1366x768', { fullPage: true });
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.click('#gs-copy');
  await page.waitForSelector('#gs-copied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
  // Apply: a new scenario named after the question, on screen, one undoable step.
  await page.click('#gs-apply');
  const name = 'Band D +£18.11 a year from 2023/24: no cumulative gap by 2025/26';
  await page.waitForSelector('#notice-scenarios');
  assert.equal(
    await page.locator('#notice-scenarios > span').innerText(),
    `Added '${name}' as a new scenario. Undo takes it out again.`,
  );
  assert.equal(await page.locator('#view-edit').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('#scenario-select option:checked').innerText(), name);
  assert.equal(await page.inputValue('#precept-rise-gbp-2023'), '18.11');
  assert.equal(await page.inputValue('#precept-rise-gbp-2025'), '18.11');
  await waitForSaved(page, 1);
  await page.click('#undo');
  await page.waitForFunction(() => document.querySelectorAll('#scenario-select option').length === 1);
  assert.equal(await page.inputValue('#scenario-select'), 'baseline');
  assert.equal(await page.inputValue('#precept-rise-gbp-2023'), '14.94');
  await waitForSaved(page, 0);
  assertClean(app);
  await app.close();
});

test('a question that cannot be answered says why, and the form is usable at 1920×1080', async () => {
  const app = await openAnalysis(VIEWPORTS[1]);
  const { page } = app;
  // Officer intake cannot close the 2023/24 gap: unreachable, with its shortfall.
  const want = cli('solve', '--target', 'annual-gap', '--year', '2023/24', '--lever', 'officer-intake', '--from', '2023/24');
  await page.getByLabel('Target').selectOption('annual-gap');
  await page.getByLabel('In the year').selectOption('2023/24');
  await page.getByLabel('Lever').selectOption('officer-intake');
  await page.getByLabel('From').selectOption('2023/24');
  await page.click('#gs-run');
  await page.waitForSelector('#gs-value[data-reachable="false"]');
  assert.equal(want.reachable, false);
  assert.equal(await page.locator('#gs-value').innerText(), 'Not reachable');
  assert.match(await page.locator('#gs-answer-text').innerText(), new RegExp(`falls short by ${pounds(want.shortfall).replace(/[.$]/g, '\\$&')}\\.$`));
  assert.equal(await page.locator('#gs-referendum').count(), 0, 'no referendum table for a lever other than the precept');
  // Savings still to find: an amount that cannot be read is refused beside the form.
  await page.getByLabel('Target').selectOption('still-to-find');
  await page.getByLabel('At most (£)').fill('lots');
  await page.click('#gs-run');
  await page.waitForSelector('#gs-error');
  assert.match(await page.locator('#gs-error').innerText(), /^Amount: /);
  await page.getByLabel('At most (£)').fill('£1,000,000');
  await page.getByLabel('In the year').selectOption('2024/25');
  await page.getByLabel('Lever').selectOption('savings');
  await page.click('#gs-run');
  await page.waitForSelector('#gs-value');
  const savings = cli('solve', '--target', 'still-to-find', '--year', '2024/25', '--amount', '1000000', '--lever', 'savings', '--from', '2023/24');
  assert.equal(await page.locator('#gs-value').getAttribute('data-value'), savings.value);
  await page.getByLabel('Target').selectOption('cumulative-gap');
  await page.getByLabel('Lever').selectOption('precept-gbp');
  await page.click('#gs-run');
  await page.waitForSelector('#gs-bands');
  await screenshot(page, 'analysis-closes-gap-1920x1080', { fullPage: true });
  assert.deepEqual(await accessibilityViolations(page, { selector: '#analysis' }), []);
  assertClean(app);
  await app.close();
});

/** The tornado's data table as the app shows it, row by row. */
async function tornadoTable(page) {
  return page.$$eval('#sens-table tbody tr', (rows) =>
    rows.map((tr) => ({
      key: tr.dataset.key,
      direction: tr.dataset.direction,
      cells: [...tr.querySelectorAll('td, th')].map((c) => c.textContent),
    })),
  );
}

function expectedRow(r) {
  const figures = r.note
    ? [`Not moved: ${r.note.replace(/^not moved: /, '')}`]
    : [pounds(r.cumulative_gap), pounds(r.delta_cumulative_gap), pounds(r.final_general_reserve), pounds(r.delta_final_general_reserve)];
  return { key: r.key, direction: r.direction, cells: [String(r.rank), r.label, r.change_text, ...figures] };
}

for (const viewport of VIEWPORTS) {
  test(`what matters most at ${size(viewport)}: the tornado's table is mtfp sensitivity's, ranked either way`, async () => {
    const want = cli('sensitivity');
    const byReserve = cli('sensitivity', '--rank', 'final-general-reserve');
    const app = await openAnalysis(viewport);
    const { page } = app;
    // The tabs from the keyboard: arrow right moves to the next and shows its panel.
    await page.locator('#analysis-tab-closes-gap').focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'analysis-tab-matters-most');
    assert.equal(await page.locator('#analysis-panel-matters-most').isVisible(), true);
    assert.equal(await page.locator('#analysis-panel-closes-gap').isVisible(), false);
    await page.waitForSelector('#sens-table', { state: 'attached', timeout: 30_000 });
    assert.deepEqual(await tornadoTable(page), want.rows.map(expectedRow));
    const moving = want.rows.filter((r) => r.direction === 'low').filter((r, i) => {
      const high = want.rows[2 * i + 1];
      return Number(r.delta_cumulative_gap ?? 0) !== 0 || Number(high.delta_cumulative_gap ?? 0) !== 0;
    });
    const bars = (await drawnShapes(page, '#sens-tornado svg')).filter((t) => t === 'rect');
    assert.ok(bars.length >= 2 * moving.length, `${bars.length} rects for ${moving.length} assumptions`);
    assert.equal(
      await page.locator('#sens-title').innerText(),
      `${want.rows[0].label} matters most: ±1 percentage point moves the cumulative gap by up to ${millions(want.rows[0].delta_cumulative_gap)}`,
    );
    // The budget book's table: to the nearest £1,000, and exact beneath.
    for (const line of ['officer_pay_1pp', 'band_d_1gbp', 'tax_base_1pct', 'non_pay_inflation_1pp', 'officers_10']) {
      const cells = want.budget_book.filter((c) => c.line === line);
      assert.deepEqual(await page.locator(`#book-table tr[data-line="${line}"] td`).allInnerTexts(), cells.map((c) => thousands(c.effect)));
      assert.deepEqual(await page.locator(`#book-exact tr[data-line="${line}"] td`).allTextContents(), cells.map((c) => pounds(c.effect)));
    }
    await screenshot(page, `analysis-matters-most-${size(viewport)}`, { fullPage: true });
    // Ranked by the general reserve at the end of the plan instead.
    await page.getByLabel('the general reserve at the end of the plan').check();
    await page.waitForFunction((key) => document.querySelector('#sens-table tbody tr')?.dataset.key === key, byReserve.rows[0].key);
    assert.deepEqual(await tornadoTable(page), byReserve.rows.map(expectedRow));
    if (viewport.width === 1920) {
      await page.locator('#sens-data summary').click();
      await page.locator('#sens-swings summary').click();
      await screenshot(page, 'analysis-matters-most-open-1920x1080', { fullPage: true });
      assert.deepEqual(await accessibilityViolations(page, { selector: '#analysis' }), []);
    }
    assertClean(app);
    await app.close();
  });
}

test('a swing changed reruns the analysis with it, shows it changed, and goes back', async () => {
  const app = await openAnalysis(VIEWPORTS[0]);
  const { page } = app;
  await page.click('#analysis-tab-matters-most');
  await page.waitForSelector('#sens-table', { state: 'attached', timeout: 30_000 });
  await page.locator('#sens-swings summary').click();
  const before = await page.locator('#sens-table tr[data-key="officer_pay_award"][data-direction="high"] td[data-col="delta_cumulative_gap"]').textContent();
  await page.getByLabel('Officer pay award', { exact: true }).fill('2');
  await page.getByLabel('Officer pay award', { exact: true }).press('Enter');
  await page.waitForFunction(() =>
    document.querySelector('#sens-table tr[data-key="officer_pay_award"][data-direction="high"] td:nth-child(3)')?.textContent === 'up 2 percentage points');
  const after = await page.locator('#sens-table tr[data-key="officer_pay_award"][data-direction="high"] td[data-col="delta_cumulative_gap"]').textContent();
  assert.notEqual(after, before);
  assert.match(await page.locator('#sens-swings').innerText(), /Changed: the registry's swing is ±1 percentage point\./);
  // A swing that is not a size is refused beside its box.
  await page.getByLabel('Non-pay inflation', { exact: true }).fill('-3');
  await page.getByLabel('Non-pay inflation', { exact: true }).press('Enter');
  await page.waitForSelector('#sens-swings .field-error');
  assert.equal(await page.locator('#sens-swings .field-error').innerText(), 'Enter a size above 0 and at most 1,000');
  await page.click('#sens-swings-reset');
  await page.waitForFunction(() =>
    document.querySelector('#sens-table tr[data-key="officer_pay_award"][data-direction="high"] td:nth-child(3)')?.textContent === 'up 1 percentage point');
  // Back to the first tab with the mouse: the screen's own controls, never the
  // workspace's (each module's Yew numbers its listeners alike; src/app/isolate.rs).
  await page.click('#analysis-tab-closes-gap');
  await page.waitForSelector('#gs-form');
  assert.equal(await page.locator('#view-analysis').getAttribute('aria-pressed'), 'true');
  assertClean(app);
  await app.close();
});

for (const viewport of VIEWPORTS) {
  test(`the two slides in presentation mode at ${size(viewport)}: figures from mtfp`, async () => {
    const solve = cli('solve', '--target', 'cumulative-gap', '--lever', 'precept-gbp', '--from', '2023/24');
    const savings = cli('solve', '--target', 'cumulative-gap', '--lever', 'savings', '--from', '2023/24');
    const sens = cli('sensitivity');
    const app = await openApp(browser, { viewport });
    const { page } = app;
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await page.waitForSelector('#present-setup-title');
    // Only the two analysis slides.
    for (const box of await page.locator('.setup-slides input[type="checkbox"]').all()) {
      const key = await box.getAttribute('value');
      if (key !== 'closes-gap' && key !== 'matters-most') await box.uncheck();
    }
    await page.locator('#present-start').click();
    await page.waitForSelector('#present-slide[data-slide="closes-gap"]');
    const fig = (key) => page.locator(`#present-slide [data-figure="${key}"]`).innerText();
    assert.equal(await fig('closing-rise'), pounds(solve.value));
    assert.equal(await fig('closing-rise-week'), spoken(roundHalfAway(pence(solve.value) / 52)));
    assert.equal(await fig('within-limits-gap'), millions(solve.referendum.within_limits.shortfall));
    assert.equal(await fig('closing-savings'), millions(savings.value));
    assert.match(await page.locator('#slide-finding').innerText(), /^A Band D rise of £18\.11 a year from 2023\/24 would close the £8\.1m gap by 2025\/26, above the referendum limits$/);
    const inside = async () => page.evaluate(() => {
      const out = [];
      for (const el of document.querySelectorAll('#present-slide *')) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && (r.right > innerWidth + 1 || r.bottom > innerHeight + 1)) out.push(el.className || el.tagName);
      }
      return out;
    });
    assert.deepEqual(await inside(), [], 'nothing runs off the slide');
    await screenshot(page, `present-closes-gap-${size(viewport)}`);
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#present-slide[data-slide="matters-most"]');
    assert.equal(await page.locator('#present-slide .slide-canvas svg').count(), 1);
    assert.equal(await fig('matters-1'), millions(sens.rows[0].delta_cumulative_gap));
    assert.deepEqual(await inside(), [], 'nothing runs off the slide');
    await screenshot(page, `present-matters-most-${size(viewport)}`);
    await page.keyboard.press('Escape');
    assertClean(app);
    await app.close();
  });
}
