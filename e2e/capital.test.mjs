// The capital programme (issue 19): the capital view's prudential indicators equal
// `mtfp capital`, cell by cell; a new £10m scheme funded by borrowing raises the
// capital-financing line and the gap by the MRP and interest docs/capital.md gives; quick
// edits are all kept, however far the view lags the workspace; a refused entry keeps the
// plan and marks the field; undo; the capital CSV export; the capital slide and its print
// page. Screenshots at 1366×768, of the slide and the page.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  ROOT, accessibilityViolations, assertClean, download as saveDownload, launch, millions, mtfp, openApp, pence, roundHalfAway,
  screenshot,
} from './lib.mjs';

let browser;
let work;
before(async () => {
  browser = await launch();
  work = await mkdtemp(join(tmpdir(), 'mtfp-e2e-capital-'));
});
after(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** The columns of `mtfp capital` the indicators table shows, by its rows' keys. */
const ROWS = [
  'capital_spend', 'borrowing', 'mrp', 'interest', 'financing_costs', 'cfr', 'net_revenue_stream',
  'financing_cost_pct', 'external_debt', 'operational_boundary', 'authorised_limit', 'receipts_held',
];

async function openCapital(page) {
  await page.click('#view-capital');
  await page.waitForSelector('#capital-indicators', { timeout: 30_000 });
}

/** Every cell of the indicators table as { row: [exact value per year] }. */
async function indicators(page) {
  return page.$$eval('#capital-indicators tbody tr', (rows) =>
    Object.fromEntries(rows.map((r) => [r.dataset.indicator, [...r.querySelectorAll('td')].map((td) => td.dataset.value)])),
  );
}

/** The table equals `report` (mtfp capital's JSON) in every row and year. */
async function assertIndicatorsEqual(page, report) {
  const shown = await indicators(page);
  assert.deepEqual(Object.keys(shown), ROWS, 'the rows shown');
  for (const key of ROWS) {
    const want = report.years.map((y) => y[key] ?? '');
    assert.deepEqual(shown[key], want, `${key} by year`);
  }
}

/** Wait until the indicators table shows `value` for `key` in year index `k`. */
async function waitForCell(page, key, k, value) {
  await page.waitForFunction(
    ([key, k, value]) => document.querySelectorAll(`#capital-indicators tr[data-indicator="${key}"] td`)[k]?.dataset.value === value,
    [key, k, value],
  );
}

/** Type `text` into the input `id` and leave it, as a person does. */
async function enter(page, id, text) {
  await page.fill(`#${id}`, text);
  await page.press(`#${id}`, 'Tab');
}

test('the baseline\'s capital view equals mtfp capital, cell by cell, and reads cleanly', async () => {
  const app = await openApp(browser, { viewport: { width: 1366, height: 768 } });
  const { page } = app;
  await openCapital(page);
  const report = mtfp('capital');
  await assertIndicatorsEqual(page, report);
  // The linked joint headquarters and the debt from before the plan are read-only rows.
  assert.equal(await page.locator('#capital-programme tbody.cap-linked[data-line="joint_hq"]').count(), 1);
  assert.equal(await page.locator('#capital-programme tbody.cap-linked[data-line="existing_debt"]').count(), 1);
  assert.equal(await page.locator('#capital-programme tbody.cap-scheme').count(), report.lines.filter((l) => l.kind === 'scheme').length);
  // No breach in the baseline, said in words.
  assert.match(await page.locator('#capital-warnings').innerText(), /No indicator is breached/);
  // Both charts drawn, each with its data table and accessible name.
  for (const id of ['capital-spend', 'capital-financing']) {
    await page.waitForSelector(`#chart-${id} svg`, { state: 'attached' });
    const name = await page.locator(`#chart-${id} .chart-canvas`).getAttribute('aria-labelledby');
    assert.ok((await page.locator(`#${name}`).innerText()).length > 20, `${id} has a title`);
  }
  // Each chart's data table, opened as a person does, is the report's figures in £m: spend
  // by funding source, and MRP and interest.
  // £m to two places, rounded half away from zero as the app does (£0.01m = 1,000,000p).
  const m2 = (s) => {
    const h = roundHalfAway(pence(s) / 1_000_000);
    return `£${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}m`;
  };
  const table = async (id) => {
    await page.click(`#chart-${id} .chart-data summary`);
    return page.$$eval(`#chart-${id} .chart-data tbody tr`, (rows) =>
      rows.map((r) => [r.querySelector('th').innerText, [...r.querySelectorAll('td')].map((td) => td.innerText)]));
  };
  const sources = [
    ['Capital grant', 'capital_grant'], ['Capital receipts', 'capital_receipts'],
    ['Revenue contributions', 'revenue_contribution'], ['Earmarked reserves', 'earmarked_reserve'], ['Borrowing', 'borrowing'],
  ];
  assert.deepEqual(await table('capital-spend'), sources.map(([name, key]) => [name, report.years.map((y) => m2(y[key]))]));
  assert.deepEqual(await table('capital-financing'), [
    ['Minimum revenue provision', report.years.map((y) => m2(y.mrp))],
    ['Interest', report.years.map((y) => m2(y.interest))],
  ]);
  assert.deepEqual(await accessibilityViolations(page, { selector: '#capital' }), []);
  await screenshot(page, 'capital-1366x768');
  await screenshot(page, 'capital-full-page', { fullPage: true });
  // The custody suite's funding and costs open beneath it.
  await page.click('tbody[data-scheme="custody_suite"] button[aria-expanded]');
  await page.waitForSelector('tbody[data-scheme="custody_suite"] tr[data-figure="mrp"]');
  const mrp = await page.$$eval('tbody[data-scheme="custody_suite"] tr[data-figure="mrp"] td[data-value]', (tds) => tds.map((td) => td.dataset.value));
  const custody = report.lines.find((l) => l.id === 'custody_suite');
  assert.deepEqual(mrp, custody.years.map((y) => y.mrp));
  await page.locator('tbody[data-scheme="custody_suite"]').scrollIntoViewIfNeeded();
  await screenshot(page, 'capital-funding-open-1366x768');
  assertClean(app);
  await app.close();
});

test('a new £10m scheme funded by borrowing raises the capital-financing line and the gap by its MRP and interest', async () => {
  const app = await openApp(browser, { viewport: { width: 1366, height: 768 } });
  const { page } = app;
  const before = mtfp('project');
  await openCapital(page);
  await page.click('#capital-add');
  // Editing the baseline made a scenario of its own, with the new scheme in it.
  await page.waitForSelector('tbody[data-scheme="scheme_6"]');
  await enter(page, 'cap-scheme_6-name', 'New station');
  await page.selectOption('#cap-scheme_6-category', 'estates');
  await enter(page, 'cap-scheme_6-life_years', '50');
  assert.equal(await page.locator('#cap-scheme_6-in_use').inputValue(), '2022/23');
  await enter(page, 'cap-scheme_6-spend-2022', '10,000,000');
  // The baseline's one rate, set for 2019/20, shows in every plan year it applies to.
  assert.equal(await page.locator('#cap-programme-borrowing_rate_pct-2022').inputValue(), '2.5');
  // 2.5% borrowing (the baseline's rate): 2022/23 half a year's interest, £125,000; then
  // MRP of £10m ÷ 50 = £200,000 a year from 2023/24 and interest on the balance.
  const extra = [0, 125_000, 450_000, 445_000, 440_000];
  await waitForCell(page, 'financing_costs', 1, '5125000.00');
  assert.equal(await page.locator('#cap-scheme_6-name').inputValue(), 'New station');

  // The scenario as the app holds it, through the CLI: the line and the gap move by exactly
  // the extra MRP and interest, and the capital view equals mtfp capital on it.
  await page.click('#io-menu > summary');
  const file = await saveDownload(page, '#export-json', work);
  const after = mtfp('project', file.path);
  for (const [k, y] of after.years.entries()) {
    const line = (p) => pence(p.years[k].expenditure.find((l) => l.id === 'capital_financing').amount);
    assert.equal(line(after) - line(before), extra[k] * 100, `${y.year}: the capital-financing line`);
    assert.equal(pence(y.gap) - pence(before.years[k].gap), extra[k] * 100, `${y.year}: the gap`);
  }
  await page.click('#io-menu > summary');
  await assertIndicatorsEqual(page, mtfp('capital', file.path));
  // The capital CSV export: the same figures as mtfp capital's CSV.
  await page.click('#io-menu > summary');
  const csv = await saveDownload(page, '#export-capital-csv', work);
  const rows = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.match(rows[0], /^Scenario,Scenario 1$/);
  assert.equal(rows[1].split(',').slice(0, 7).join(','), 'year,capital_spend,capital_grant,capital_receipts,revenue_contribution,earmarked_reserve,borrowing');
  const report = mtfp('capital', file.path);
  assert.equal(rows[3].split(',')[1], report.years[1].capital_spend, '2022/23 capital spend');
  assert.equal(rows[3].split(',')[12], report.years[1].financing_cost_pct, '2022/23 financing cost %');
  await page.click('#io-menu > summary');

  // The headline gap for 2023/24 follows: £0.9m + £0.45m.
  await page.click('#view-edit');
  await page.waitForSelector('[data-figure="annual-gap"]');
  assert.equal(await page.locator('[data-figure="annual-gap"]').innerText(), millions(after.years[2].gap));
  assert.equal(millions(after.years[2].gap), '£1.3m');
  assertClean(app);
  await app.close();
});

test('edits made before the last one\'s round trip is done are all kept: none is worked out on a stale copy', async () => {
  // Each edit goes to the workspace and comes back to the capital view a render or two
  // later (the workspace's and the module's schedulers both yield to the browser every
  // 16 ms), so on a slow machine a person can leave the next field before the view has the
  // last change. Here every click and change is fired in one task, before either scheduler
  // runs at all: the most a slow machine can lag. Each must still build on the one before.
  const app = await openApp(browser, { viewport: { width: 1366, height: 768 } });
  const { page } = app;
  await openCapital(page);
  const before = await indicators(page);
  const schemes = await page.locator('#capital-programme tbody.cap-scheme').count();
  await page.evaluate(() => {
    const add = document.querySelector('#capital-add');
    add.click();
    add.click();
  });
  await page.waitForSelector('tbody[data-scheme="scheme_7"]');
  assert.equal(await page.locator('#capital-programme tbody.cap-scheme').count(), schemes + 2, 'both schemes added');
  await page.evaluate(() => {
    for (const [id, value] of [
      ['cap-scheme_6-name', 'New station'],
      ['cap-scheme_6-category', 'estates'],
      ['cap-scheme_6-life_years', '50'],
      ['cap-scheme_6-spend-2022', '10,000,000'],
    ]) {
      const el = document.getElementById(id);
      el.value = value;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });
  // The spend, the last edit, is shown: 2022/23's half-year interest at 2.5% on £10m.
  await waitForCell(page, 'financing_costs', 1, '5125000.00');
  assert.equal(await page.locator('#cap-scheme_6-name').inputValue(), 'New station');
  assert.equal(await page.locator('#cap-scheme_6-category').inputValue(), 'estates');
  assert.equal(await page.locator('#cap-scheme_6-life_years').inputValue(), '50');
  assert.equal(await page.locator('#cap-scheme_7-name').inputValue(), 'New scheme 7', 'the second new scheme kept');
  // 2023/24: MRP £10m ÷ 50 = £200,000 (not ÷ 5, a new scheme's life), interest £250,000.
  const after = await indicators(page);
  assert.equal(pence(after.mrp[2]) - pence(before.mrp[2]), 200_000 * 100, '2023/24 MRP');
  assert.equal(pence(after.financing_costs[2]) - pence(before.financing_costs[2]), 450_000 * 100, '2023/24 financing costs');
  assertClean(app);
  await app.close();
});

test('text typed and not yet committed survives the screen being drawn again for the change before it', async () => {
  // On a slow machine the category just picked comes back from the workspace while the
  // user is already typing the asset life: drawing it again must not put the old life
  // back in the field, or leaving the field sends nothing and the life typed is lost.
  const app = await openApp(browser, { viewport: { width: 1366, height: 768 } });
  const { page } = app;
  await openCapital(page);
  const before = await indicators(page);
  await page.click('#capital-add');
  await page.waitForSelector('tbody[data-scheme="scheme_6"]');
  await page.fill('#cap-scheme_6-life_years', '50');
  // The category committed while the life is still being typed (focus stays in it).
  await page.evaluate(() => {
    const category = document.getElementById('cap-scheme_6-category');
    category.value = 'estates';
    category.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.waitForSelector('#cap-scheme_6-category option[value="estates"][selected]', { state: 'attached' });
  assert.equal(await page.locator('#cap-scheme_6-life_years').inputValue(), '50', 'the life typed, still in its field');
  await page.press('#cap-scheme_6-life_years', 'Tab');
  await enter(page, 'cap-scheme_6-spend-2022', '10,000,000');
  await waitForCell(page, 'financing_costs', 1, '5125000.00');
  assert.equal(await page.locator('#cap-scheme_6-life_years').inputValue(), '50');
  const after = await indicators(page);
  assert.equal(pence(after.mrp[2]) - pence(before.mrp[2]), 200_000 * 100, '2023/24 MRP: £10m over 50 years');
  assertClean(app);
  await app.close();
});

test('a person typing quickly on a CPU twenty times slower keeps every field they typed', async () => {
  // The two tests above force each way a quick edit was lost; this is the journey itself,
  // each field typed and left with Tab, on a machine slow enough for Yew to yield between
  // an edit and its coming back.
  const app = await openApp(browser, { viewport: { width: 1366, height: 768 } });
  const { page } = app;
  await openCapital(page);
  const before = await indicators(page);
  await page.click('#capital-add');
  await page.waitForSelector('tbody[data-scheme="scheme_6"]');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  await enter(page, 'cap-scheme_6-name', 'New station');
  await page.selectOption('#cap-scheme_6-category', 'estates');
  await enter(page, 'cap-scheme_6-life_years', '50');
  await enter(page, 'cap-scheme_6-spend-2022', '10,000,000');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await waitForCell(page, 'financing_costs', 1, '5125000.00');
  assert.equal(await page.locator('#cap-scheme_6-name').inputValue(), 'New station');
  assert.equal(await page.locator('#cap-scheme_6-category').inputValue(), 'estates');
  assert.equal(await page.locator('#cap-scheme_6-life_years').inputValue(), '50');
  const after = await indicators(page);
  assert.equal(pence(after.mrp[2]) - pence(before.mrp[2]), 200_000 * 100, '2023/24 MRP: £10m over 50 years');
  assertClean(app);
  await app.close();
});

test('funding beyond the spend is refused beside the table, the field marked, the plan kept; undo takes an edit back', async () => {
  const app = await openApp(browser, { viewport: { width: 1366, height: 768 } });
  const { page } = app;
  await openCapital(page);
  await enter(page, 'cap-fleet-spend-2023', '2,000,000');
  await waitForCell(page, 'capital_spend', 2, '4200000.00');
  await page.click('tbody[data-scheme="fleet"] button[aria-expanded]');
  await enter(page, 'cap-fleet-capital_grant-2023', '3,000,000');
  const notice = page.locator('#notice-capital');
  await notice.waitFor();
  assert.match(await notice.innerText(), /Vehicle replacement capital grant 2023\/24: the funding listed \(£3000000\) is more than the spend \(£2000000\)/);
  assert.equal(await page.locator('#cap-fleet-capital_grant-2023').getAttribute('aria-invalid'), 'true');
  const report = await indicators(page);
  assert.equal(report.borrowing[2], '3200000.00', 'the plan is as it was: nothing paid by grant');
  await screenshot(page, 'capital-refused-1366x768');
  // Text that is not a number is refused before it leaves the screen.
  await enter(page, 'cap-fleet-life_years', 'five');
  await page.waitForFunction(() => /'five' is not a number/.test(document.querySelector('#notice-capital')?.textContent ?? ''));
  // Undo takes back the spend (the refusals changed nothing).
  await page.click('#undo');
  await waitForCell(page, 'capital_spend', 2, '3400000.00');
  assert.equal(await page.locator('#cap-fleet-spend-2023').inputValue(), '1,200,000');
  // An authorised limit below the debt is warned of, and the year's debt marked.
  await enter(page, 'cap-programme-authorised_limit-2021', '60,000,000');
  const warnings = page.locator('#capital-warnings[role="alert"]');
  await warnings.waitFor();
  assert.match(await warnings.innerText(), /2021\/22: external debt \(£68012656\.25\) breaches the authorised limit \(£60000000(\.00)?\)/);
  assert.equal(await page.locator('#capital-indicators tr[data-indicator="external_debt"] td.breach').count(), 1);
  await page.locator('#capital-indicators').scrollIntoViewIfNeeded();
  await screenshot(page, 'capital-breach-1366x768');
  assertClean(app);
  await app.close();
});

test('the capital slide and its print page show the model\'s figures', async () => {
  const app = await openApp(browser, { viewport: { width: 1366, height: 768 } });
  const { page } = app;
  const last = mtfp('capital').years.at(-1);
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await page.waitForSelector('#present-setup-title');
  await page.locator('#present-start').click();
  await page.waitForSelector('#present-slide');
  // Back from the last slide to the capital slide, whatever comes after it.
  await page.keyboard.press('End');
  const key = () => page.evaluate(() => document.querySelector('#present-slide')?.dataset.slide);
  for (let i = 0; i < 12 && (await key()) !== 'capital'; i++) {
    const before = await key();
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((was) => document.querySelector('#present-slide')?.dataset.slide !== was, before);
  }
  assert.equal(await key(), 'capital');
  assert.equal(await page.locator('#present-slide [data-figure="capital-financing"]').innerText(), millions(last.financing_costs));
  assert.equal(await page.locator('#present-slide [data-figure="financing-cost-pct"]').innerText(), `${last.financing_cost_pct}%`);
  assert.equal(await page.locator('#present-slide .slide-canvas svg').count(), 1);
  await screenshot(page, 'capital-slide-1366x768');
  await page.keyboard.press('Escape');
  await page.waitForSelector('main.workspace');
  // The print pack's capital page.
  await page.evaluate(() => {
    window.print = () => {};
  });
  await page.getByRole('button', { name: 'Print pack', exact: true }).click();
  await page.waitForSelector('.print-page[data-print-slide="capital"]', { state: 'attached' });
  await page.emulateMedia({ media: 'print' });
  const printed = page.locator('.print-page[data-print-slide="capital"]');
  assert.match(await printed.innerText(), /Minimum revenue provision/);
  await printed.screenshot({ path: join(ROOT, 'target', 'screenshots', 'capital-print-page.png') });
  await page.emulateMedia({ media: null });
  assertClean(app);
  await app.close();
});
