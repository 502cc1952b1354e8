// The uncertainty ranges editor (issue 16; docs/risk.md §1, docs/scenarios.md "The risk
// section"): every assumption a risk run varies is listed in the run's order with the
// registry's range and basis; a range changed is one undoable step of the scenario, saved
// (a reload keeps it), in the exported file (which `mtfp risk` reads), marked "changed" with
// a Reset; a bad figure is refused beside its field and nothing else changes; undo and redo
// take changes back and forth; a share link with a damaged section opens, and the editor
// names the problem; a run on the risk tab, above the editor, draws the scenario's ranges.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import {
  ROOT, accessibilityViolations, assertClean, download, launch, mtfp, openApp, screenshot, waitForSaved,
} from './lib.mjs';

let browser;
let work;
before(async () => {
  browser = await launch();
  work = await mkdtemp(join(tmpdir(), 'mtfp-e2e-risk-ranges-'));
});
after(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const PAY = '#rr-officer_pay_award';

async function openRanges(page) {
  await page.click('#view-analysis');
  await page.waitForSelector('#analysis-tab-risk', { timeout: 30_000 });
  await page.click('#analysis-tab-risk');
  await page.waitForSelector('#rr-table');
}

/** Types `text` into field `id` and commits it (Tab leaves the field). */
async function enter(page, id, text) {
  await page.fill(id, text);
  await page.press(id, 'Tab');
}

/** The officer pay award row's three figures, as shown. */
const payPoints = (page) =>
  Promise.all(['low', 'likely', 'high'].map((p) => page.locator(`${PAY}-${p}`).inputValue()));

const selected = (page) => page.locator('#scenario-select option:checked').innerText();

async function exportScenario(page) {
  if ((await page.locator('#io-menu').getAttribute('open')) === null) await page.click('#io-menu > summary');
  const file = await download(page, '#export-json', work);
  await page.click('#io-menu > summary');
  return file;
}

test('a range changed is saved with the scenario, exported for mtfp, refused beside its field when bad, and undone', async () => {
  const app = await openApp(browser, { viewport: { width: 1366, height: 768 } });
  const { page } = app;
  await openRanges(page);
  // Every varied assumption, in the run's order: the keys mtfp risk reports drivers for.
  const keys = await page.locator('#rr-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.key));
  const drivers = mtfp('risk', '--draws', '1000').drivers.map((d) => d.key);
  assert.deepEqual([...keys].sort(), [...drivers].sort());
  assert.equal(keys[0], 'officer_pay_award');
  assert.equal(keys.length, 29);
  assert.match(await page.locator('#rr-count').innerText(), /^29 assumptions are varied; every range is the registry's\.$/);
  // The registry's range and its three bases.
  assert.deepEqual(await payPoints(page), ['0', '2.5', '7']);
  const bases = await page.locator(`${PAY}-registry-basis li`).allInnerTexts();
  assert.equal(bases.length, 3);
  assert.match(bases[0], /^low: 2021\/22: a pay freeze/);
  assert.match(bases[2], /^high: 2023\/24: 7%, the highest award/);

  // A figure changed: the baseline's first edit makes Scenario 1, saved at once.
  await enter(page, `${PAY}-high`, '5');
  const row = page.locator('tr[data-key="officer_pay_award"]');
  await page.waitForSelector('tr.rr-row-changed[data-key="officer_pay_award"]');
  assert.equal(await selected(page), 'Scenario 1');
  assert.deepEqual(await payPoints(page), ['0', '2.5', '5']);
  assert.equal(await row.locator('.rr-changed').innerText(), 'CHANGED');
  assert.match(await page.locator('#rr-count').innerText(), /1 range is the scenario's own/);
  await waitForSaved(page, 1);
  // Its basis, in the user's words; and the distribution.
  await enter(page, `${PAY}-basis`, 'The last three awards');
  await page.selectOption(`${PAY}-distribution`, 'uniform');
  await page.waitForSelector(`${PAY}-distribution option[value="uniform"][selected]`, { state: 'attached' });

  // A bad figure: refused beside the field, every figure as it was.
  await enter(page, `${PAY}-low`, '6');
  const error = page.locator(`${PAY}-low-error`);
  await error.waitFor();
  assert.equal(
    await error.innerText(),
    'the low figure (6) is above the most likely (2.5): low, most likely and high go up in that order',
  );
  assert.equal(await page.locator(`${PAY}-low`).getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator(`${PAY}-low`).inputValue(), '6', 'what was typed stays in the field');
  assert.equal(await page.locator(`${PAY}-high`).inputValue(), '5');
  await enter(page, `${PAY}-likely`, 'lots');
  await page.locator(`${PAY}-likely-error`).waitFor();
  assert.equal(await page.locator(`${PAY}-likely-error`).innerText(), "'lots' is not a number");
  await page.locator('#risk-ranges').scrollIntoViewIfNeeded();
  await screenshot(page, 'risk-ranges-refused-1366x768');
  assert.deepEqual(await accessibilityViolations(page, { selector: '#risk-ranges' }), []);

  // The exported file holds the range; mtfp risk reads it, as the same settings given
  // directly (tests/risk_section.rs): here, that it runs and draws the scenario's range.
  const file = await exportScenario(page);
  const exported = JSON.parse(file.text);
  assert.equal(exported.schema, 2);
  assert.deepEqual(exported.risk.ranges, [
    { key: 'officer_pay_award', distribution: 'uniform', low: '0', likely: '2.5', high: '5', basis: 'The last three awards' },
  ]);
  const csv = execFileSync('cargo', ['run', '-q', '--locked', '--bin', 'mtfp', '--', 'risk', file.path, '--draws', '1000'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(csv.trim().split('\n').length, 6);
  assert.notEqual(csv, execFileSync('cargo', ['run', '-q', '--locked', '--bin', 'mtfp', '--', 'risk', '--draws', '1000'], {
    cwd: ROOT,
    encoding: 'utf8',
  }), 'the scenario\'s range moves the figures');
  // The risk tab's run draws the scenario's range too: its CSV is mtfp risk's for the file.
  await page.fill('#risk-draws', '1,000');
  await page.click('#risk-run');
  await page.waitForSelector('#risk-results[data-current="true"]', { timeout: 120_000 });
  const ran = await download(page, '#risk-csv', work);
  assert.equal(ran.text, csv, 'the run in the browser equals mtfp risk on the exported file');

  // Undo takes back the distribution, the basis, then the figure; redo puts them back.
  await page.click('#undo');
  await page.waitForSelector(`${PAY}-distribution option[value="triangular"][selected]`, { state: 'attached' });
  await page.click('#undo');
  await page.waitForFunction((id) => document.querySelector(id)?.value === '', `${PAY}-basis`);
  await page.click('#undo');
  await page.waitForSelector('tr[data-key="officer_pay_award"]:not(.rr-row-changed)');
  assert.deepEqual(await payPoints(page), ['0', '2.5', '7']);
  assert.equal(await page.locator(`${PAY}-low-error`).count(), 0, 'no message left over');
  for (let i = 0; i < 3; i++) await page.click('#redo');
  await page.waitForSelector(`${PAY}-distribution option[value="uniform"][selected]`, { state: 'attached' });
  assert.deepEqual(await payPoints(page), ['0', '2.5', '5']);

  // Reset: back to the registry's range, as one step.
  const grant = '#rr-funding_growth_core_police_grant_';
  await enter(page, `${grant}-low`, '-1');
  await page.waitForSelector('tr.rr-row-changed[data-key="funding_growth[core_police_grant]"]');
  await page.click(`${grant}-reset`);
  await page.waitForSelector('tr[data-key="funding_growth[core_police_grant]"]:not(.rr-row-changed)');
  assert.equal(await page.locator(`${grant}-low`).inputValue(), '-2');

  // Saved: a reload opens the scenario with its range (a change not yet written when the
  // page goes is written by the journal, docs/scenarios.md "When").
  await waitForSaved(page, 1);
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('main.workspace');
  assert.equal(await selected(page), 'Scenario 1');
  await openRanges(page);
  assert.deepEqual(await payPoints(page), ['0', '2.5', '5']);
  assert.equal(await page.locator(`${PAY}-basis`).inputValue(), 'The last three awards');
  assert.equal(await page.locator(`${PAY}-distribution`).inputValue(), 'uniform');
  assert.equal(await page.locator(`${grant}-low`).inputValue(), '-2');
  await page.locator('#risk-ranges').scrollIntoViewIfNeeded();
  await screenshot(page, 'risk-ranges-1366x768');
  assertClean(app);
  await app.close();
});

test('a share link with a damaged risk section opens; the editor names the problem, and taking the section out is undone', async () => {
  // The workspace keeps the section unread (docs/scenarios.md, "Sections kept as read"): the
  // link opens with the plan as it is, and the editor, which reads the section, says what is
  // wrong with it.
  const scenario = JSON.parse(await readFile(join(ROOT, 'tests', 'fixtures', 'schema1-baseline.json'), 'utf8'));
  scenario.schema = 2;
  scenario.name = 'Damaged ranges';
  scenario.risk = { ranges: [{ key: 'officer_pay_award', low: '0', likely: '2.5', high: '2' }] };
  const link = `#share=1.${deflateRawSync(Buffer.from(JSON.stringify(scenario))).toString('base64url')}`;
  const app = await openApp(browser, { path: link });
  const { page } = app;
  await page.waitForSelector('#notice-share');
  assert.equal(await selected(page), 'Damaged ranges (shared)');
  await openRanges(page);
  const problem = page.locator('#rr-problem');
  await problem.waitFor();
  assert.equal(await problem.getAttribute('role'), 'alert');
  assert.match(
    await problem.innerText(),
    /needs fixing before a run can use it: risk\.ranges\[officer_pay_award\]\.high: the high figure \(2\) is below the most likely \(2\.5\)/,
  );
  // The row shows what the section holds, and can be fixed there.
  assert.deepEqual(await payPoints(page), ['0', '2.5', '2']);
  await screenshot(page, 'risk-ranges-damaged');
  // Taking the section out is one step: the registry's ranges, no message; undo brings it back.
  await page.click('#rr-start-again');
  await page.waitForSelector('#rr-problem', { state: 'detached' });
  assert.deepEqual(await payPoints(page), ['0', '2.5', '7']);
  await page.click('#undo');
  await problem.waitFor();
  // Fixing the figure in place clears the problem.
  await enter(page, `${PAY}-high`, '3');
  await page.waitForSelector('#rr-problem', { state: 'detached' });
  assert.deepEqual(await payPoints(page), ['0', '2.5', '3']);
  assertClean(app);
  await app.close();
});
