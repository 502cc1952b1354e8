// Plan against outturn (issue 17): the outturn screen's variance table equals
// `mtfp variance` for the baseline and for a scenario with actuals entered by hand and
// imported from a CSV; bad CSVs are refused with their row and reason and change nothing;
// roll forward makes a new scenario (equal to `mtfp roll-forward`'s) that undo takes out
// again; the hindsight section agrees with `mtfp project --hindsight`; a share link whose
// actuals section is damaged opens, and the screen names the problem beside it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import {
  MINUS, ROOT, accessibilityViolations, assertClean, download as saveDownload, group, launch, mtfp, openApp, screenshot,
} from './lib.mjs';

let browser;
let work;
before(async () => {
  browser = await launch();
  work = await mkdtemp(join(tmpdir(), 'mtfp-e2e-outturn-'));
});
after(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const BAD = join(ROOT, 'tests', 'fixtures', 'bad-actuals');
const download = (page, selector) => saveDownload(page, selector, work);

// ---- Figures as the outturn screen writes them (src/view/outturn.rs) ----

/** A CLI decimal string's absolute value with thousands separators, its places kept. */
function digits(s) {
  const [whole, frac] = s.replace(/^-/, '').split('.');
  return frac === undefined ? group(whole) : `${group(whole)}.${frac}`;
}
const isZero = (s) => /^-?0+(\.0+)?$/.test(s);
const signOf = (s) => (isZero(s) ? '' : s.startsWith('-') ? MINUS : '+');
/** A figure: "£84,004,530.53", "5.00%", "330,401.30", "2,344". */
function figure(unit, s) {
  const body = digits(s);
  const minus = s.startsWith('-') && !isZero(s) ? MINUS : '';
  if (unit === 'gbp') return `${minus}£${body}`;
  if (unit === 'percent') return `${minus}${body}%`;
  return `${minus}${body}`;
}
/** A variance: "+£1,395,469.47", "−£216,675.46", "+2.25 pp", "£0.00". */
function variance(unit, s) {
  const abs = s.replace(/^-/, '');
  return signOf(s) + (unit === 'percent' ? `${digits(abs)} pp` : figure(unit, abs));
}
const pct = (s) => (s === null ? '—' : `${signOf(s)}${digits(s)}%`);
const STATUS = { favourable: 'Favourable', adverse: 'Adverse', 'on plan': 'On plan' };

/** Every row of the variance table, as the CLI's fields shown as text. */
async function tableRows(page) {
  return page.locator('#variance-table tr[data-item]').evaluateAll((trs) =>
    trs.map((tr) => {
      const col = (c) => tr.querySelector(`[data-col="${c}"]`).innerText.trim();
      return {
        year: tr.dataset.year,
        item: tr.dataset.item,
        plan: col('plan'),
        actual: col('actual'),
        variance: col('variance'),
        pct: col('variance-pct'),
        status: col('status'),
      };
    }),
  );
}

/** `mtfp variance [file]`'s rows as the table should show them. */
function expected(file = null) {
  return mtfp('variance', ...(file ? [file] : [])).filter((r) => r.item !== null).map((r) => ({
    year: r.year,
    item: r.item,
    plan: r.plan === null ? '—' : figure(r.unit, r.plan),
    actual: figure(r.unit, r.actual),
    variance: r.variance === null ? '—' : variance(r.unit, r.variance),
    pct: pct(r.variance_pct),
    status: STATUS[r.status] ?? r.status,
  }));
}

async function openOutturn(page) {
  await page.click('#view-outturn');
  await page.waitForSelector('#variance-table');
}

async function openMenu(page, id) {
  if ((await page.locator(`#${id}`).getAttribute('open')) === null) {
    await page.click(`#${id} > summary`);
  }
}

/** The scenario on screen, exported by the Import / export menu. */
async function exportScenario(page) {
  await openMenu(page, 'io-menu');
  const file = await download(page, '#export-json');
  await page.click('#io-menu > summary');
  return file;
}

const selected = (page) => page.locator('#scenario-select option:checked').innerText();
const scenarioNames = (page) => page.locator('#scenario-select option').allInnerTexts();

test('the baseline against its published outturn: the variance table is mtfp variance, row for row', async () => {
  const app = await openApp(browser);
  const { page } = app;
  await openOutturn(page);
  const want = expected();
  assert.ok(want.length >= 20, 'the baseline carries its outturn');
  assert.deepEqual(await tableRows(page), want);
  // The 2024/25 officer pay award: 4.75% against 2.5% planned, adverse.
  const award = page.locator('#variance-table tr[data-year="2024/25"][data-item="officer_pay_award"]');
  assert.equal(await award.locator('[data-col="plan"]').innerText(), '2.50%');
  assert.equal(await award.locator('[data-col="actual"]').innerText(), '4.75%');
  assert.equal(await award.locator('[data-col="variance"]').innerText(), '+2.25 pp');
  assert.equal(await award.locator('[data-col="status"]').innerText(), 'Adverse');
  // The chart has an accessible name and a data table with the plotted figures.
  const chart = page.locator('#chart-variance');
  const titleId = await chart.locator('.chart-canvas[role=img]').getAttribute('aria-labelledby');
  assert.match(await page.locator(`#${titleId}`).innerText(), /came in .* plan/);
  await chart.locator('.chart-data summary').click();
  const series = await chart.locator('.chart-data tbody th[scope=row]').allInnerTexts();
  assert.deepEqual(series, ['Plan', 'Actual']);
  await screenshot(page, 'outturn-variance');
  assert.deepEqual(await accessibilityViolations(page, { selector: '#outturn' }), []);
  // The downloaded variance CSV is mtfp variance's CSV.
  const csv = await download(page, '#outturn-variance-csv');
  const cli = execFileSync('cargo', ['run', '-q', '--locked', '--bin', 'mtfp', '--', 'variance'], { cwd: ROOT, encoding: 'utf8' });
  const body = (t) => t.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n').trim();
  assert.equal(body(csv.text), body(cli));
  assertClean(app);
  await app.close();
});

test('actuals entered and imported: bad text and bad files refused, the table equals mtfp variance of the exported file', async () => {
  const app = await openApp(browser);
  const { page } = app;
  await openOutturn(page);
  // A figure typed into the grid: editing the read-only baseline makes a scenario of it.
  await page.fill('#actual-expenditure-ict-2022', '9,412,345.67');
  await page.press('#actual-expenditure-ict-2022', 'Enter');
  const ict = page.locator('#variance-table tr[data-year="2022/23"][data-item="expenditure[ict]"]');
  await ict.waitFor();
  assert.notEqual(await selected(page), 'Nottinghamshire baseline · read-only');
  assert.equal(await ict.locator('[data-col="actual"]').innerText(), '£9,412,345.67');
  assert.equal(await ict.locator('[data-col="status"]').innerText(), 'Adverse', 'spending above plan');
  // Text that is not a figure stays in its cell with the reason; nothing changes.
  const before = await tableRows(page);
  await page.fill('#actual-expenditure-ict-2023', 'lots');
  await page.press('#actual-expenditure-ict-2023', 'Enter');
  await page.waitForSelector('#actual-expenditure-ict-2023-error');
  assert.equal(await page.getAttribute('#actual-expenditure-ict-2023', 'aria-invalid'), 'true');
  assert.match(await page.locator('#actual-expenditure-ict-2023-error').innerText(), /ICT 2023\/24: /);
  assert.deepEqual(await tableRows(page), before);
  await page.fill('#actual-expenditure-ict-2023', '');
  await page.press('#actual-expenditure-ict-2023', 'Enter');
  await page.waitForSelector('#actual-expenditure-ict-2023-error', { state: 'detached' });

  // The template lists the plan's lines and years.
  const template = await download(page, '#outturn-template');
  assert.match(template.name, /-actuals\.csv$/);
  assert.match(template.text, /^\uFEFF?year,item,name,unit,plan,actual/);
  assert.match(template.text, /2025\/26,expenditure\[ict\],ICT,gbp,/);
  // A click inside the screen is the module's alone: the workspace's own handler that has
  // the same listener number (here "Edit") does not run too.
  assert.equal(await page.getAttribute('#view-outturn', 'aria-pressed'), 'true');
  assert.equal(await page.locator('#variance-table').count(), 1);

  // Each bad file is refused with its row and reason, and nothing is half-imported.
  for (const [file, row, reason] of [
    ['formula.csv', 2, "looks like a spreadsheet formula (it starts with '=')"],
    ['wrong-year.csv', 3, '2030/31 is not a year of this plan'],
    ['unknown-line.csv', 3, "'expenditure[helicopters]' is not a line of this plan"],
    ['text-in-number.csv', 2, "'about 261.7m' is not a number"],
    ['duplicate-row.csv', 3, 'is given twice (first in row 2)'],
  ]) {
    await page.setInputFiles('#outturn-import', join(BAD, file));
    const refusal = page.locator('#outturn-import-error');
    await page.waitForFunction((f) => document.querySelector('#outturn-import-error')?.innerText.startsWith(f), file);
    const text = await refusal.innerText();
    assert.match(text, /nothing was changed/);
    assert.ok(text.includes(`row ${row}`) && text.includes(reason), `${file}: ${text}`);
    assert.deepEqual(await tableRows(page), before, `${file} changed nothing`);
  }
  await screenshot(page, 'outturn-import-refused');

  // A good file goes in whole, as one step.
  await page.setInputFiles('#outturn-import', join(BAD, 'good.csv'));
  await page.waitForSelector('#outturn-import-error', { state: 'detached' });
  const grant = page.locator('#variance-table tr[data-year="2022/23"][data-item="funding[core_police_grant]"]');
  await grant.waitFor();
  assert.equal(await grant.locator('[data-col="actual"]').innerText(), '£92,041,150.00');
  assert.equal(await page.inputValue('#actual-officer-pay-award-2024'), '4.75');

  // What the screen shows is what mtfp variance prints for the scenario exported.
  const exported = await exportScenario(page);
  assert.deepEqual(await tableRows(page), expected(exported.path));
  // Two funding figures in 2022/23 (the grant and the precept): their total is shown.
  const total = page.locator('#variance-table tr[data-year="2022/23"][data-item="total[funding]"]');
  assert.equal(await total.locator('th').innerText(), 'Funding lines with outturn');
  await page.locator('#outturn-entry').scrollIntoViewIfNeeded();
  await screenshot(page, 'outturn-entry');

  // Undo takes the import back as one step.
  await page.click('#undo');
  await grant.waitFor({ state: 'detached' });
  assert.equal(await ict.locator('[data-col="actual"]').innerText(), '£9,412,345.67');
  assertClean(app);
  await app.close();
});

test('two actuals entered before the first comes back from the workspace are both kept', async () => {
  // Each entry sends the whole actuals section, worked out on the workspace's as it is then
  // (not the screen's copy, which a slow machine can leave a render behind). Both entries are
  // fired in one task, before either module's Yew renders: the most a copy can lag.
  const app = await openApp(browser);
  const { page } = app;
  await openOutturn(page);
  await page.evaluate(() => {
    for (const [id, value] of [['actual-expenditure-ict-2022', '9,412,345.67'], ['actual-expenditure-ict-2023', '9,500,000']]) {
      const el = document.getElementById(id);
      el.value = value;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });
  const row = (year) => page.locator(`#variance-table tr[data-year="${year}"][data-item="expenditure[ict]"]`);
  await row('2023/24').waitFor();
  assert.equal(await row('2022/23').locator('[data-col="actual"]').innerText(), '£9,412,345.67', 'the first entry kept');
  assert.equal(await row('2023/24').locator('[data-col="actual"]').innerText(), '£9,500,000.00');
  assertClean(app);
  await app.close();
});

test('roll forward a year: a new scenario equal to mtfp roll-forward, what it assumed listed; undo takes it out', async () => {
  const app = await openApp(browser);
  const { page } = app;
  await openOutturn(page);
  const names = await scenarioNames(page);
  await page.click('#outturn-roll');
  await page.waitForSelector('#outturn-assumed');
  assert.equal((await scenarioNames(page)).length, names.length + 1);
  assert.match(await page.locator('#outturn-assumed summary').innerText(), /What rolling forward into '.+' assumed: \d+ figures, \d+ to review/);
  // The rolled plan starts in 2022/23 and keeps the horizon.
  const years = await page.locator('.actuals-grid thead th[scope="col"]').allInnerTexts();
  assert.deepEqual(years.slice(1), ['2022/23', '2023/24', '2024/25', '2025/26', '2026/27']);
  // The CLI rolls the baseline to the same scenario: the same projection and variance.
  const rolledFile = join(work, 'rolled.json');
  await writeFile(rolledFile, execFileSync('cargo', ['run', '-q', '--locked', '--bin', 'mtfp', '--', 'roll-forward'], { cwd: ROOT }));
  const exported = await exportScenario(page);
  const project = (f) => mtfp('project', f).years.map((y) => [y.year, y.funding, y.expenditure, y.gap]);
  assert.deepEqual(project(exported.path), project(rolledFile));
  assert.deepEqual(await tableRows(page), expected(rolledFile));
  const unknown = mtfp('variance', rolledFile).filter((r) => r.item === null).map((r) => r.year);
  assert.deepEqual(unknown, ['2026/27']);
  assert.deepEqual(await page.locator('#variance-table tr.not-known').evaluateAll((trs) => trs.map((tr) => tr.dataset.year)), unknown);
  assert.match(await page.locator('#variance-table tr.not-known').first().innerText(), /not yet known/);
  await page.locator('#outturn-assumed summary').click();
  await screenshot(page, 'outturn-rolled');
  // 2026/27 is under the new settlement: the Uplift grant has ended, and each grant's
  // status can be set (one step, which undo takes back).
  const core = '#grant-core_police_grant-2026';
  assert.equal(await page.inputValue(core), 'assumed');
  await page.selectOption(core, 'confirmed');
  await page.waitForFunction((sel) => document.querySelector(sel)?.value === 'confirmed', core);
  const rules = await page.locator('#settlement-rules tbody th').allInnerTexts();
  assert.ok(rules.length >= 3, 'the funding categories and their rules');
  await page.locator('#outturn-settlement').scrollIntoViewIfNeeded();
  await screenshot(page, 'outturn-settlement');
  await page.click('#undo');
  await page.waitForFunction((sel) => document.querySelector(sel)?.value === 'assumed', core);
  // Undo takes the rolled scenario out again.
  await page.click('#undo');
  await page.waitForFunction((n) => document.querySelectorAll('#scenario-select option').length === n, names.length);
  assert.deepEqual(await scenarioNames(page), names);
  assertClean(app);
  await app.close();
});

test('a share link with a damaged actuals section opens; the outturn screen names the problem, and taking the section out is undone', async () => {
  // The workspace keeps the section unread (docs/outturn.md §2): the link opens, the plan
  // as it is, and only the outturn screen, which reads the section, says what is wrong.
  const file = join(ROOT, 'tests', 'fixtures', 'bad-scenarios', 'actuals-unknown-item.json');
  const text = (await readFile(file, 'utf8')).replace('"name": "Nottinghamshire baseline"', '"name": "Damaged outturn"');
  assert.ok(text.includes('"Damaged outturn"'));
  const link = `#share=1.${deflateRawSync(Buffer.from(text)).toString('base64url')}`;
  const app = await openApp(browser, { path: link });
  const { page } = app;
  await page.waitForSelector('#notice-share');
  assert.match(await page.locator('#notice-share').innerText(), /Opened the shared scenario/);
  assert.equal(await selected(page), 'Damaged outturn (shared)');
  await page.click('#view-outturn');
  const damaged = page.locator('#outturn-damaged');
  await damaged.waitFor();
  assert.match(await damaged.innerText(), /actuals cannot be used: actuals\.figures\[1\]\.item: unknown item `cake`/);
  assert.equal(await damaged.getAttribute('role'), 'alert');
  assert.equal(await page.locator('#variance-table').count(), 0);
  await screenshot(page, 'outturn-damaged');
  assert.deepEqual(await accessibilityViolations(page, { selector: '#outturn' }), []);
  // Taking the section out is one step: the screen works again, with no actuals.
  await page.click('#outturn-clear');
  await page.waitForSelector('#variance-table');
  assert.equal(await damaged.count(), 0);
  assert.match(await page.locator('#outturn .hint').first().innerText(), /^0 actual figures entered/);
  await page.click('#undo');
  await damaged.waitFor();
  assertClean(app);
  await app.close();
});

test('hindsight: the published checks pass and the gaps are mtfp project --hindsight', async () => {
  const app = await openApp(browser);
  const { page } = app;
  await openOutturn(page);
  await page.locator('#outturn-hindsight').scrollIntoViewIfNeeded();
  const checks = await page.locator('#hindsight-checks tbody tr td:last-child').allInnerTexts();
  assert.ok(checks.length >= 10);
  assert.deepEqual([...new Set(checks)], ['Yes']);
  const plan = mtfp('project');
  const hindsight = mtfp('project', '--hindsight');
  // £ million to two places as the app writes them: no sign on a figure that rounds to 0.
  const m2 = (s) => {
    const hundredths = Math.round(Math.abs(Number(s)) / 1e4);
    const body = `£${(hundredths / 100).toFixed(2)}m`;
    return Number(s) < 0 && hundredths !== 0 ? `${MINUS}${body}` : body;
  };
  const lastOf = (p) => p.years[p.years.length - 1].cumulative_gap;
  const cumulative = await page.locator('#hindsight-gaps tr.total-row td').allInnerTexts();
  assert.deepEqual(cumulative, [m2(lastOf(plan)), m2(lastOf(hindsight))]);
  const gaps = await page.locator('#hindsight-gaps tbody tr:not(.total-row) td:last-child').allInnerTexts();
  assert.deepEqual(gaps, hindsight.years.map((y) => m2(y.gap)));
  // The bridge's title says which group moved it most.
  assert.match(await page.locator('#outturn-hindsight').innerText(), /raises the cumulative gap by £4\.6m \(£8\.1m to £12\.7m\); pay and inflation moves it most/);
  await screenshot(page, 'outturn-hindsight');
  // A copy can be added as a scenario to edit, and projects as the CLI's hindsight.
  await page.click('#hindsight-copy');
  await page.waitForFunction(() => document.querySelector('#scenario-select option:checked')?.textContent.includes('now known'));
  const copy = await exportScenario(page);
  const rows = (p) => p.years.map((y) => [y.year, y.funding, y.expenditure, y.gap]);
  assert.deepEqual(rows(mtfp('project', copy.path)), rows(hindsight));
  assertClean(app);
  await app.close();
});
