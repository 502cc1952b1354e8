// The Excel workbook export (issue 20): the writer is a wasm module of its own
// (planner-xlsx), fetched only when someone asks for a workbook. Clicking "Workbook
// (Excel)" fetches it once, says "Preparing the workbook…" while it loads, and downloads
// an .xlsx whose sheets and figures are `mtfp export-xlsx`'s for the same scenario file;
// a module that cannot be fetched gets a clear message beside the button, and a later
// click tries again. No Content-Security-Policy violation throughout.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  ROOT, accessibilityViolations, assertClean, assertCspClean, download as saveDownload, launch, openApp,
  screenshot,
} from './lib.mjs';

let browser;
let work;
before(async () => {
  browser = await launch();
  work = await mkdtemp(join(tmpdir(), 'mtfp-e2e-xlsx-'));
});
after(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const download = (page, selector) => saveDownload(page, selector, work);
const isXlsxModule = (url) => /\/planner-xlsx-[0-9a-f]+(\.js|_bg\.wasm)$/.test(new URL(url).pathname);

/** An .xlsx file as the native reader sees it (examples/workbook_dump.rs, calamine). */
function readWorkbook(path) {
  const out = execFileSync('cargo', ['run', '-q', '--locked', '--example', 'workbook_dump', '--', path], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

/** `mtfp export-xlsx SCENARIO -o OUT`: the same workbook, written natively. */
function cliWorkbook(scenario, out) {
  execFileSync('cargo', ['run', '-q', '--locked', '--bin', 'mtfp', '--', 'export-xlsx', scenario, '-o', out], {
    cwd: ROOT,
  });
  return out;
}

async function openIoMenu(page) {
  if ((await page.locator('#io-menu').getAttribute('open')) === null) {
    await page.click('#io-menu > summary');
  }
}

test('the workbook module is fetched on the first click only, and its workbook is mtfp export-xlsx\'s', async () => {
  const app = await openApp(browser);
  const { page } = app;
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  // The module is named in the page but not loaded with it.
  const glue = await page.locator('meta[name="mtfp-xlsx"]').getAttribute('content');
  assert.match(glue, /^planner-xlsx-[0-9a-f]{16}\.js$/);
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.deepEqual(loaded.filter(isXlsxModule), [], 'nothing of the module on page load');

  // An edited scenario, so the workbook is of what is on screen.
  await page.fill('#precept-rise-gbp-2023', '24.94');
  await page.waitForFunction(() => document.querySelector('#scenario-select option:checked')?.textContent === 'Scenario 1');
  await openIoMenu(page);
  assert.deepEqual(requests.filter(isXlsxModule), [], 'opening the menu fetches nothing');
  await screenshot(page, 'workbook-io-menu');

  // Hold the module's wasm until "Preparing the workbook…" has been seen.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/planner-xlsx-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  const downloaded = page.waitForEvent('download');
  await page.click('#export-xlsx');
  const status = page.locator('#export-xlsx-status');
  await status.waitFor();
  assert.equal(await status.innerText(), 'Preparing the workbook…');
  assert.equal(await page.locator('#export-xlsx').isDisabled(), true, 'one workbook at a time');
  await screenshot(page, 'workbook-preparing');
  release();
  const file = await downloaded;
  assert.equal(file.suggestedFilename(), 'scenario-1.xlsx');
  const path = join(work, 'app.xlsx');
  await file.saveAs(path);
  await status.waitFor({ state: 'detached' });
  await page.unroute(/planner-xlsx-[0-9a-f]+_bg\.wasm$/);
  const fetched = requests.filter(isXlsxModule).map((u) => new URL(u).pathname.slice(1)).sort();
  assert.deepEqual(fetched, [glue, glue.replace(/\.js$/, '_bg.wasm')], 'the module, once');

  // A second workbook reuses the module.
  const again = await download(page, '#export-xlsx');
  assert.equal(again.name, 'scenario-1.xlsx');
  assert.deepEqual([...again.bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04], 'a zip file');
  assert.equal(requests.filter(isXlsxModule).length, 2, 'not fetched again');

  // Read back natively: the sheets, and exactly the workbook mtfp writes from the scenario
  // file the app exports.
  const app_book = readWorkbook(path);
  assert.deepEqual(app_book.sheets, ['Summary', 'Results', 'Assumptions']);
  const scenario = await download(page, '#export-json');
  const cli_book = readWorkbook(cliWorkbook(scenario.path, join(work, 'cli.xlsx')));
  assert.deepEqual(app_book, cli_book);
  // The edit is in it, and the totals are formulas.
  const results = app_book.values.Results;
  const row = (label) => results.findIndex((r) => r[1] === label);
  const rise = row('Band D rise (£)');
  assert.equal(results[rise][4], 24.94, 'Band D rise 2023/24');
  assert.equal(app_book.formulas.Results[rise][4], 'E42-D42');
  assert.equal(app_book.formulas.Results[row('Annual gap')][2], 'C28-C11');
  assert.equal(app_book.formulas.Results[row('Cumulative gap')][6], 'SUM($C29:G29)');
  const summaryRow = app_book.values.Summary.findIndex((r) => r[0] === 'Annual gap');
  assert.equal(app_book.formulas.Summary[summaryRow][1], 'Results!C29');

  assert.deepEqual(await accessibilityViolations(page, { selector: '#io-menu', minImpact: 'minor' }), []);
  assertClean(app);
  await app.close();
});

test('a workbook module that cannot be fetched gets a message beside the button, and a later click tries again', async () => {
  const app = await openApp(browser);
  const { page } = app;
  await page.route(/planner-xlsx-[0-9a-f]+\.js$/, (route) => route.abort('connectionfailed'));
  await openIoMenu(page);
  await page.click('#export-xlsx');
  const error = page.locator('#export-xlsx-error');
  await error.waitFor();
  assert.equal(
    await error.innerText(),
    'The workbook could not be made: the part of the planner that writes workbooks did not arrive. Check the connection to the site and try again.',
  );
  assert.equal(await error.getAttribute('role'), 'alert');
  assert.equal(await page.locator('#export-xlsx').isDisabled(), false);
  await screenshot(page, 'workbook-not-loaded');
  // The connection is back: the next click loads it and downloads the workbook.
  await page.unroute(/planner-xlsx-[0-9a-f]+\.js$/);
  const file = await download(page, '#export-xlsx');
  assert.equal(file.name, 'nottinghamshire-baseline.xlsx');
  assert.deepEqual([...file.bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
  await error.waitFor({ state: 'detached' });
  // The failed fetch is logged by the browser ("Failed to load resource"); nothing else.
  assert.ok(app.consoleErrors.every((e) => /Failed to load|planner-xlsx/.test(e)), app.consoleErrors.join('\n'));
  assert.deepEqual(app.pageErrors, []);
  assertCspClean(app);
  await app.close();
});
