// The planning workspace (issue 6): headline figures, editing as you type, bad input kept
// beside its field, charts whose data tables match the CLI, accessibility, keyboard use.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  accessibilityViolations, assertClean, count, download, launch, millions as asMillions, mtfp, openApp, screenshot,
} from './lib.mjs';

let browser;
let work;
before(async () => {
  browser = await launch();
  work = await mkdtemp(join(tmpdir(), 'mtfp-e2e-'));
});
after(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const figure = (page, name) => page.locator(`[data-figure="${name}"]`).innerText();
const chartSvg = (page, id) => page.locator(`#chart-${id} .chart-canvas`).innerHTML();

/** "£8.09m" / "−£0.00m" → number of £m. */
function millions(text) {
  const t = text.trim().replace('\u2212', '-').replace('£', '').replace('m', '').replaceAll(',', '');
  return Number(t);
}

/** A chart's data table as { seriesName: [cell text…] }. */
async function chartTable(page, id) {
  await page.locator(`#chart-${id} details summary`).click();
  return page.locator(`#chart-${id} table tbody tr`).evaluateAll((rows) =>
    Object.fromEntries(
      rows.map((r) => [r.querySelector('th').innerText.trim(), [...r.querySelectorAll('td')].map((td) => td.innerText)]),
    ),
  );
}

test('the baseline headline reads £0.9m in 2023/24 and £8.1m to 2025/26', async () => {
  const app = await openApp(browser);
  const { page } = app;
  assert.equal(await page.locator('#headline-year').inputValue(), '2023/24');
  assert.equal(await figure(page, 'annual-gap'), '£0.9m');
  assert.equal(await figure(page, 'cumulative-gap'), '£8.1m');
  // Choosing another year shows that year's gap.
  await page.selectOption('#headline-year', '2025/26');
  assert.equal(await figure(page, 'annual-gap'), '£4.4m');
  await screenshot(page, 'workspace-1366x768');
  assertClean(app);
  await app.close();
});

test('the Uplift headline and the workforce chart follow the officer intake', async () => {
  const app = await openApp(browser);
  const { page } = app;
  // The baseline sits exactly on the 2023/24 target.
  assert.equal(await figure(page, 'uplift'), '2,380 / 2,380');
  const beforeSvg = await chartSvg(page, 'workforce');
  await page.locator('details.group > summary', { hasText: 'Workforce and Uplift' }).click();
  const recruits = page.locator('#intake-officers-2023');
  const baseline = Number(await recruits.inputValue());
  // Ten fewer recruits that year leaves the force short of its target, and grant at risk.
  await recruits.fill(String(baseline - 10));
  assert.notEqual(await chartSvg(page, 'workforce'), beforeSvg, 'the workforce chart is redrawn');
  // The headline shows what `mtfp uplift` gives for the same scenario, exported from the app.
  await page.click('#io-menu > summary');
  const exported = await download(page, '#export-json', work);
  const row = mtfp('uplift', exported.path).find((r) => r.year === '2023/24');
  assert.ok(Number(row.actual) < Number(row.target), `short of the target: ${JSON.stringify(row)}`);
  assert.ok(Number(row.grant_at_risk) > 0, `grant at risk: ${JSON.stringify(row)}`);
  assert.equal(await figure(page, 'uplift'), `${count(row.actual)} / ${count(row.target)}`);
  const atRisk = asMillions(row.grant_at_risk);
  assert.match(await page.locator('#headline-uplift .note').innerText(), new RegExp(`at risk ${atRisk.replace('.', '\\.')}\\.$`));
  assertClean(app);
  await app.close();
});

test('a larger precept rise shrinks the gap and redraws the charts', async () => {
  const app = await openApp(browser);
  const { page } = app;
  const beforeSvg = await chartSvg(page, 'gap');
  const beforeFigure = await figure(page, 'cumulative-gap');
  const input = page.locator('#precept-rise-gbp-2023');
  assert.equal(await input.inputValue(), '14.94');
  await input.fill('24.94');
  // £10 more on Band D from 2023/24, on a tax base of about 333,000, is about £3.3m a year.
  assert.notEqual(await figure(page, 'cumulative-gap'), beforeFigure);
  assert.equal(await figure(page, 'annual-gap'), '\u2212£2.4m');
  assert.notEqual(await chartSvg(page, 'gap'), beforeSvg, 'the gap chart is redrawn');
  assert.match(await page.locator('#chart-bridge h3').innerText(), /takes £\d+\.\dm off the cumulative gap; precept moves it most/);
  // A £10 rise is within the 2023/24 referendum limit of £15; a £20 rise is not.
  await input.fill('34.94');
  assert.match(await page.locator('#assumptions .warning').first().innerText(), /2023\/24.*referendum/i);
  // Back to the baseline.
  await page.getByRole('button', { name: 'Reset to baseline' }).click();
  assert.equal(await figure(page, 'cumulative-gap'), '£8.1m');
  assert.equal(await input.inputValue(), '14.94');
  assertClean(app);
  await app.close();
});

test('typing across the referendum limit keeps focus and every keystroke in the field', async () => {
  const app = await openApp(browser);
  const { page } = app;
  const input = page.locator('#precept-rise-gbp-2023');
  await input.focus();
  await page.keyboard.press('Control+A');
  // 14.94 → 15.9: the warning appears part-way through the typing.
  const handle = await input.elementHandle();
  await page.keyboard.type('15.9');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'precept-rise-gbp-2023');
  assert.equal(await input.inputValue(), '15.9');
  assert.ok(await handle.evaluate((el) => el.isConnected), 'the same input element, not a rebuilt one');
  assert.match(await page.locator('#assumptions .warning').first().innerText(), /referendum limit of £15/);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('12');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'precept-rise-gbp-2023');
  assert.equal(await page.locator('#assumptions .warning').count(), 0);
  assertClean(app);
  await app.close();
});

test('a quick what-if slider moves the gap as it is dragged, and sets its whole row', async () => {
  const app = await openApp(browser);
  const { page } = app;
  const slider = page.locator('#quick-pay-from-2024-slider');
  const box = page.locator('#quick-pay-from-2024');
  assert.equal(await box.inputValue(), '2.5');
  const before = await figure(page, 'cumulative-gap');
  // Keyboard drag: each arrow press is one input event and one recalculation.
  await slider.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await box.inputValue(), '3');
  // The headline is what `mtfp project` gives for the scenario exported from the app.
  const cliGap = async () => {
    await page.click('#io-menu > summary');
    const exported = await download(page, '#export-json', work);
    await page.click('#io-menu > summary');
    return asMillions(mtfp('project', exported.path).years.at(-1).cumulative_gap);
  };
  const atThree = await figure(page, 'cumulative-gap');
  assert.notEqual(atThree, before);
  assert.equal(atThree, await cliGap());
  // The row below follows, for every year from 2024/25.
  await page.locator('details.group:has(summary:text("Pay and inflation"))').evaluate((d) => (d.open = true));
  assert.equal(await page.locator('#officer-award-2024').inputValue(), '3');
  assert.equal(await page.locator('#staff-award-2025').inputValue(), '3');
  assert.equal(await page.locator('#officer-award-2023').inputValue(), '7');
  // A mouse drag across the slider, too.
  const b = await slider.boundingBox();
  await page.mouse.move(b.x + 2, b.y + b.height / 2);
  await page.mouse.down();
  for (let x = 0; x <= 1; x += 0.1) await page.mouse.move(b.x + b.width * x, b.y + b.height / 2);
  await page.mouse.up();
  assert.equal(await box.inputValue(), '10');
  const atTen = await figure(page, 'cumulative-gap');
  assert.notEqual(atTen, atThree);
  assert.equal(atTen, await cliGap());
  assertClean(app);
  await app.close();
});

test('an invalid entry shows its message beside the field and keeps the last valid figures', async () => {
  const app = await openApp(browser);
  const { page } = app;
  const input = page.locator('#officer-award-2024');
  await input.fill('3');
  const valid = await figure(page, 'cumulative-gap');
  const validSvg = await chartSvg(page, 'gap');
  await input.fill('3x');
  const message = page.locator('#officer-award-2024-error');
  assert.match(await message.innerText(), /'3x' is not a number/);
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  assert.match(await input.getAttribute('aria-describedby'), /officer-award-2024-error/);
  assert.equal(await figure(page, 'cumulative-gap'), valid, 'last valid headline kept');
  assert.equal(await chartSvg(page, 'gap'), validSvg, 'last valid chart kept');
  assert.match(await page.locator('.status-bad').innerText(), /1 entry to fix/);
  await input.fill('45');
  assert.match(await message.innerText(), /Must be from −20% to 30%/);
  await screenshot(page, 'workspace-invalid-entry');
  // Correcting it clears the message and the figures move on.
  await input.fill('4');
  assert.equal(await message.count(), 0);
  assert.equal(await input.getAttribute('aria-invalid'), 'false');
  assertClean(app);
  await app.close();
});

test("every chart's data table matches the CLI's figures for the same scenario", async () => {
  const cli = mtfp('project');
  const cliWorkforce = mtfp('workforce');
  const cliUplift = mtfp('uplift');
  const cliCollab = mtfp('collaborations');
  const app = await openApp(browser);
  const { page } = app;
  const m2 = (pounds) => Math.round(Number(pounds) / 10_000) / 100 + 0; // + 0 turns −0 into 0

  const gap = await chartTable(page, 'gap');
  assert.deepEqual(gap['Annual gap'].map(millions), cli.years.map((y) => m2(y.gap)));
  assert.deepEqual(gap['Cumulative gap'].map(millions), cli.years.map((y) => m2(y.cumulative_gap)));

  const fe = await chartTable(page, 'funding-expenditure');
  assert.deepEqual(fe['Funding'].map(millions), cli.years.map((y) => m2(y.total_funding)));
  assert.deepEqual(fe['Net spending'].map(millions), cli.years.map((y) => m2(y.total_expenditure)));

  const reserves = await chartTable(page, 'reserves');
  assert.deepEqual(reserves['General reserve'].map(millions), cli.years.map((y) => m2(y.reserves.general)));
  assert.deepEqual(reserves['Floor'].map(millions), cli.years.map((y) => m2(y.reserves.floor)));

  // Workforce against the Uplift target: `mtfp workforce` and `mtfp uplift`.
  const years = cli.years.map((y) => y.year);
  const people = (t) => Number(t.replaceAll(',', ''));
  const workforce = await chartTable(page, 'workforce');
  const officers = cliWorkforce.filter((r) => r.group === 'officers');
  assert.deepEqual(workforce['Officers at 31 March'].map(people), years.map((y) => Number(officers.find((r) => r.year === y).headcount)));
  assert.deepEqual(workforce['Uplift target'].map(people), years.map((y) => Number(cliUplift.find((r) => r.year === y).target)));

  // Collaborations: the force's contribution to each, and its share of the HQ financing.
  const collab = await chartTable(page, 'collaborations');
  for (const c of cliCollab.projection.collaborations) {
    const row = collab[c.name];
    const cliRow = years.map((y) => m2(c.years.find((v) => v.year === y)?.force_contribution ?? 0));
    if (!row) {
      assert.ok(cliRow.every((v) => v === 0), `${c.name} costs nothing in the plan, so it is left out`);
      continue;
    }
    assert.deepEqual(row.map(millions), cliRow, c.name);
  }
  for (const c of cliCollab.projection.capital) {
    const row = collab[`${c.name} (financing)`];
    assert.deepEqual(row.map(millions), years.map((y) => m2(c.years.find((v) => v.year === y)?.force.financing ?? 0)), c.name);
  }
  assertClean(app);
  await app.close();
});

test('axe-core finds no accessibility violations in the workspace', async () => {
  const app = await openApp(browser);
  const { page } = app;
  // Open every group and data table so axe sees every control.
  await page.$$eval('details', (all) => all.forEach((d) => (d.open = true)));
  assert.deepEqual(await accessibilityViolations(page, { minImpact: 'minor' }), []);
  // And with an error showing.
  await page.locator('#band-d').fill('abc');
  assert.deepEqual(await accessibilityViolations(page, { minImpact: 'minor' }), []);
  assertClean(app);
  await app.close();
});

test('the whole panel can be used with the keyboard alone', async () => {
  const app = await openApp(browser);
  const { page } = app;
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
  // Tab from the top of the page to the 2023/24 precept rise.
  let reached = false;
  for (let i = 0; i < 120 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = (await focusedId()) === 'precept-rise-gbp-2023';
  }
  assert.ok(reached, 'the precept rise is reachable by Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('20');
  assert.notEqual(await figure(page, 'cumulative-gap'), '£8.1m');
  // A closed group opens from the keyboard: Shift+Tab back is not needed, Tab on to it.
  let summary = false;
  for (let i = 0; i < 200 && !summary; i++) {
    await page.keyboard.press('Tab');
    summary = await page.evaluate(() => document.activeElement?.tagName === 'SUMMARY' && document.activeElement.innerText.startsWith('Savings and reserves'));
  }
  assert.ok(summary, 'the Savings and reserves group is reachable by Tab');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('details.group:has(summary:text("Savings and reserves"))').getAttribute('open'), '');
  await page.keyboard.press('Tab');
  assert.match(await focusedId(), /^saving-|^general-opening/);
  assertClean(app);
  await app.close();
});

test('screenshots at 1920×1080', async () => {
  const app = await openApp(browser, { viewport: { width: 1920, height: 1080 } });
  await screenshot(app.page, 'workspace-1920x1080');
  assertClean(app);
  await app.close();
});
