// Savings you can track, reserves with a strategy, and the section 25 statement (issue 18).
// The savings and reserves screens come from the module loaded on demand. A saving turned
// red (unlikely) moves the risk-adjusted gap and the resilience indicators, the statement
// names it, and every figure checked equals `mtfp savings` / `mtfp reserves` / `mtfp s25`
// for the scenario the app exports; the plan itself (Edit) still counts every saving in
// full. Screenshots at 1366×768.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import {
  BASE_URL, ROOT, accessibilityViolations, assertClean, download as saveDownload, launch, mtfp, openApp, screenshot,
} from './lib.mjs';

let browser;
let work;
before(async () => {
  browser = await launch();
  work = await mkdtemp(join(tmpdir(), 'mtfp-e2e-s25-'));
});
after(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const download = (page, selector) => saveDownload(page, selector, work);

/** `mtfp COMMAND FILE` as text (its CSV or plain-text output). */
const cliText = (...args) => execFileSync('cargo', ['run', '-q', '--locked', '--bin', 'mtfp', '--', ...args], { cwd: ROOT, encoding: 'utf8' });

async function openMenu(page, id) {
  if ((await page.locator(`#${id}`).getAttribute('open')) === null) {
    await page.click(`#${id} > summary`);
  }
}

/** A key figure's exact value (its data-value). */
const figure = (page, key) => page.locator(`[data-figure="${key}"]`).getAttribute('data-value');

/** Each indicator's readings by year on the reserves screen: [{ value, rag }]. */
const readings = (page, key) => page
  .locator(`#reserves-indicators tr[data-indicator="${key}"] td[data-rag]`)
  .evaluateAll((tds) => tds.map((td) => ({ value: td.dataset.value || null, rag: td.dataset.rag || null })));

/** The CLI's readings of indicator number `i`, by year (no reading: no colour on screen). */
const cliReadings = (reserves, i) => reserves.years.map((y) => ({
  value: y.indicators[i].value,
  rag: y.indicators[i].rag === 'none' ? null : y.indicators[i].rag,
}));

const INDICATORS = ['years_left', 'usable_pct', 'change_3y_pct', 'council_tax_pct', 'general_vs_minimum_pct'];

test('a saving turned red moves the risk-adjusted gap and the indicators, and the section 25 statement names it: figures equal mtfp', async () => {
  const baseline = { savings: mtfp('savings'), reserves: mtfp('reserves'), project: mtfp('project') };
  // The baseline's published figures: £0.9m in 2023/24, £8.1m cumulative by 2025/26.
  const y2023 = baseline.project.years.find((y) => y.year === '2023/24');
  assert.equal(Math.round(Number(y2023.gap) / 100_000) / 10, 0.9);
  assert.equal(Math.round(Number(baseline.project.years.at(-1).cumulative_gap) / 100_000) / 10, 8.1);

  const app = await openApp(browser, { viewport: { width: 1366, height: 768 } });
  const { page } = app;

  // The savings register of the baseline: the CLI's figures.
  await page.click('#view-savings');
  await page.waitForSelector('#savings-title');
  const last = baseline.savings.years.at(-1);
  assert.equal(await figure(page, 'gap'), last.cumulative_gap);
  assert.equal(await figure(page, 'gap-ra'), last.cumulative_gap_risk_adjusted);
  assert.equal(await figure(page, 'structural-ra'), last.structural_gap_risk_adjusted);
  assert.equal(await page.locator('#reg-sstatus-savings_2023_24').inputValue(), 'on_track');
  assert.deepEqual(await accessibilityViolations(page, { selector: '#savings' }), [], 'axe on the savings screen');
  await screenshot(page, 's25-01-savings-baseline-1366x768');

  // The 2023/24 savings plan turns red: unlikely, 25% by default.
  await page.selectOption('#reg-sstatus-savings_2023_24', 'unlikely');
  await page.waitForFunction(
    (v) => document.querySelector('[data-figure="gap-ra"]')?.dataset.value !== v,
    last.cumulative_gap_risk_adjusted,
  );
  assert.equal(await page.locator('#reg-sstatus-savings_2023_24').inputValue(), 'unlikely');
  await screenshot(page, 's25-02-savings-red-1366x768');

  // The scenario the app now holds, exported, and the CLI's figures for it.
  await openMenu(page, 'io-menu');
  const exported = await download(page, '#export-json');
  const changed = { savings: mtfp('savings', exported.path), reserves: mtfp('reserves', exported.path), s25: mtfp('s25', exported.path) };
  // The CSVs the menu offers are the CLI's tables (with a byte-order mark and CRLF).
  for (const kind of ['savings', 'reserves']) {
    const csv = await download(page, `#export-${kind}-csv`);
    assert.match(csv.name, new RegExp(`-${kind}\\.csv$`));
    assert.equal(csv.text.replace(/^\uFEFF/, '').replaceAll('\r\n', '\n'), cliText(kind, exported.path), `the ${kind} CSV is mtfp ${kind}'s`);
  }
  await page.click('#io-menu > summary');

  const end = changed.savings.years.at(-1);
  assert.equal(await figure(page, 'gap-ra'), end.cumulative_gap_risk_adjusted);
  assert.ok(Number(end.cumulative_gap_risk_adjusted) > Number(last.cumulative_gap_risk_adjusted), 'the risk-adjusted gap grows');
  // The plan counts every saving in full: the gap as planned is unchanged.
  assert.equal(await figure(page, 'gap'), last.cumulative_gap);
  assert.equal(end.cumulative_gap, last.cumulative_gap);
  for (const row of ['gap-ra', 'structural-ra', 'still-ra', 'at-risk']) {
    const cells = await page.locator(`#savings-gap tr[data-row="${row}"] td`).evaluateAll((tds) => tds.map((td) => td.dataset.value));
    const field = { 'gap-ra': 'gap_risk_adjusted', 'structural-ra': 'structural_gap_risk_adjusted', 'still-ra': 'still_to_find_risk_adjusted' }[row];
    const want = changed.savings.years.map((y) => (field ? y[field] : y.at_risk.total));
    assert.deepEqual(cells, want, `${row} by year`);
  }
  const saving = changed.savings.savings.find((s) => s.id === 'savings_2023_24');
  assert.equal(saving.status, 'unlikely');
  assert.equal(saving.confidence, '25');
  assert.equal(await page.locator('#savings-delivery tr[data-saving="savings_2023_24"] td.num').nth(1).getAttribute('data-value'), saving.at_risk_total);

  // The reserves screen: the general reserve bears the shortfall, the indicators move.
  await page.click('#view-reserves');
  await page.waitForSelector('#reserves-title');
  const rEnd = changed.reserves.years.at(-1);
  assert.equal(await figure(page, 'general-end'), rEnd.general);
  assert.equal(await figure(page, 'minimum-end'), rEnd.minimum);
  let moved = 0;
  for (const [i, key] of INDICATORS.entries()) {
    assert.deepEqual(await readings(page, key), cliReadings(changed.reserves, i), `${key} by year`);
    if (JSON.stringify(cliReadings(changed.reserves, i)) !== JSON.stringify(cliReadings(baseline.reserves, i))) moved += 1;
  }
  assert.ok(moved >= 3, `a red saving moves the indicators (${moved} moved)`);
  const firstBelow = changed.reserves.years.find((y) => y.below_minimum);
  assert.equal(await page.locator('[data-figure="s27"]').innerText(), firstBelow ? firstBelow.year : 'None');

  // The section 25 statement, as the CLI writes it, names the saving.
  await page.click('#s25-toggle');
  await page.waitForSelector('#s25 article.s25');
  for (const section of changed.s25.sections) {
    const lines = await page.locator(`#s25 [data-part="${section.id}"] li`).allInnerTexts();
    assert.deepEqual(lines, section.lines, `statement: ${section.id}`);
  }
  const savingsPart = await page.locator('#s25 [data-part="savings"]').innerText();
  assert.match(savingsPart, /2023\/24 savings plan: unlikely \(red\), 25% confidence/);
  assert.deepEqual(await accessibilityViolations(page, { selector: '#reserves' }), [], 'axe on the reserves screen');
  await page.locator('#s25').scrollIntoViewIfNeeded();
  await screenshot(page, 's25-03-reserves-statement-1366x768');
  await page.locator('#reserves-title').scrollIntoViewIfNeeded();
  await screenshot(page, 's25-04-reserves-1366x768');

  // Back to the plan: it still counts every saving in full (£8.1m by the plan's end).
  await page.click('#view-edit');
  await page.waitForSelector('main.workspace:not(.register)');
  assertClean(app);
  await app.close();
});

test('typing a confidence out of range leaves a message beside the field and the scenario untouched; undo takes a change back', async () => {
  const app = await openApp(browser, { viewport: { width: 1366, height: 768 } });
  const { page } = app;
  await page.click('#view-savings');
  await page.waitForSelector('#savings-title');
  const before = await figure(page, 'gap-ra');
  await page.fill('#reg-sconf-savings_2023_24', '140');
  await page.waitForSelector('#reg-sconf-savings_2023_24-error');
  assert.match(await page.locator('#reg-sconf-savings_2023_24-error').innerText(), /100/);
  assert.equal(await figure(page, 'gap-ra'), before, 'the figures stay as they were');
  await page.fill('#reg-sconf-savings_2023_24', '50');
  await page.waitForFunction((v) => document.querySelector('[data-figure="gap-ra"]')?.dataset.value !== v, before);
  assert.equal(await page.locator('#reg-sconf-savings_2023_24-error').count(), 0);
  await page.locator('#reg-sconf-savings_2023_24').blur();
  await screenshot(page, 's25-05-savings-confidence-1366x768');
  await page.keyboard.press('Control+z');
  await page.waitForFunction((v) => document.querySelector('[data-figure="gap-ra"]')?.dataset.value === v, before);
  assertClean(app);
  await app.close();
});

test('two savings changed before the first comes back from the workspace both stay changed', async () => {
  // Each change sends the whole scenario, worked out on the workspace's as it is then (not
  // the screen's copy, which a slow machine can leave a render behind). Both changes are
  // fired in one task, before either module's Yew renders: the most a copy can lag.
  const app = await openApp(browser, { viewport: { width: 1366, height: 768 } });
  const { page } = app;
  await page.click('#view-savings');
  await page.waitForSelector('#savings-title');
  const before = await figure(page, 'gap-ra');
  await page.evaluate(() => {
    for (const [id, value] of [['reg-sconf-savings_2022_23', '60'], ['reg-sconf-savings_2023_24', '70']]) {
      const el = document.getElementById(id);
      el.value = value;
      el.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }
  });
  // The workspace takes both messages before it renders once: the first new figure is the
  // last; drawing it puts each field's text back to what the workspace holds.
  await page.waitForFunction((v) => document.querySelector('[data-figure="gap-ra"]')?.dataset.value !== v, before);
  assert.equal(await page.locator('#reg-sconf-savings_2022_23').inputValue(), '60', 'the first change kept');
  assert.equal(await page.locator('#reg-sconf-savings_2023_24').inputValue(), '70');
  assertClean(app);
  await app.close();
});

test('an owner typed key by key on a CPU twenty times slower keeps every key', async () => {
  // Each keystroke is a change sent to the workspace and drawn again when it comes back;
  // on a slow machine that is after the next keys are typed, and a field drawn from the
  // workspace's text would lose them (app/typed.rs keeps the text being typed).
  const app = await openApp(browser, { viewport: { width: 1366, height: 768 } });
  const { page } = app;
  await page.click('#view-savings');
  await page.waitForSelector('#savings-title');
  const field = page.locator('#reg-sowner-savings_2023_24');
  await field.click();
  await field.press('Control+a');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  await page.keyboard.type('Head of estates and fleet');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  assert.equal(await field.inputValue(), 'Head of estates and fleet', 'every key shown as typed');
  await page.keyboard.press('Tab');
  // Once left, the field shows the workspace's text: every key reached it.
  await page.waitForFunction(() => document.activeElement?.id !== 'reg-sowner-savings_2023_24');
  await page.waitForFunction(
    () => document.getElementById('reg-sowner-savings_2023_24')?.value === 'Head of estates and fleet',
  );
  assertClean(app);
  await app.close();
});

test('a share link whose reserves strategy is damaged opens with its figures; the reserves screen says what is wrong', async () => {
  // The workspace keeps the section as read (docs/scenarios.md, "Sections kept as read"):
  // only the screens that use it read it, and say what is wrong with it.
  const data = async (name) => JSON.parse(await readFile(join(ROOT, 'data', `${name}.json`), 'utf8'));
  // The baseline as the planner puts it together (model::baseline::SECTIONS).
  const good = {
    ...(await data('nottinghamshire')),
    collaborations: await data('nottinghamshire-collaborations'),
    workforce: await data('nottinghamshire-workforce'),
    capital_programme: await data('nottinghamshire-capital'),
    actuals: await data('nottinghamshire-actuals'),
  };
  good.name = 'Shared plan';
  const bad = structuredClone(good);
  bad.reserves_strategy.risks[0].impact = 5;
  const link = (s) => new URL(`#share=1.${deflateRawSync(Buffer.from(JSON.stringify(s))).toString('base64url')}`, BASE_URL).href;
  const gaps = [];
  for (const s of [good, bad]) {
    const app = await openApp(browser, { path: link(s) });
    const { page } = app;
    await page.waitForSelector('#notice-share');
    assert.match(await page.locator('#notice-share').innerText(), /Opened the shared scenario/);
    gaps.push(await page.locator('[data-figure="cumulative-gap"]').innerText());
    await page.click('#view-reserves');
    if (s === good) {
      await page.waitForSelector('#reserves-title');
    } else {
      await page.waitForSelector('.load-error');
      assert.match(
        await page.locator('.load-error').innerText(),
        /reserves_strategy\.risks\[pay_award\]\.impact: invalid type: number `5`, expected a decimal number written as a string/,
      );
      await screenshot(page, 's25-05-damaged-strategy-1366x768');
    }
    assertClean(app);
    await app.close();
  }
  assert.equal(gaps[1], gaps[0], 'the same plan figures');
});
