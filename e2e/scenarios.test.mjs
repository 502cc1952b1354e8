// Scenarios you can trust (issue 7): create, rename and edit a scenario and find it after
// a reload and after closing the browser; undo and redo; compare against the CLI; export
// JSON and CSV that the CLI agrees with; import a catalogue of bad files; share by link
// into a fresh profile; recover from corrupt storage.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import {
  BASE_URL, CHROMIUM, CHROMIUM_ARGS, ROOT, SHELL_READY,
  accessibilityViolations, assertClean, download as saveDownload, launch, millions as asMillions, mtfp, openApp, screenshot,
  storedRecords, waitForSaved, withoutApp,
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
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'bad-scenarios');

/** The scenario names in the scenario picker, in order. */
const scenarioNames = (page) => page.locator('#scenario-select option').allInnerTexts();

async function openAbout(page) {
  if ((await page.locator('#scenario-about').getAttribute('open')) === null) {
    await page.click('#scenario-about summary');
  }
}

/** New scenario from the baseline, renamed to `name`. */
async function newScenario(page, name, description = '') {
  await page.click('#scenario-new');
  await openAbout(page);
  await page.fill('#scenario-name', name);
  await page.press('#scenario-name', 'Enter');
  if (description) {
    await page.fill('#scenario-description', description);
    await page.locator('#scenario-description').blur();
  }
  await page.waitForFunction((n) => document.querySelector('#scenario-select option:checked')?.textContent === n, name);
}

async function openMenu(page, id) {
  if ((await page.locator(`#${id}`).getAttribute('open')) === null) {
    await page.click(`#${id} > summary`);
  }
}

const download = (page, selector) => saveDownload(page, selector, work);
/** `mtfp project [file] --format json`: the same model, run natively. */
const cli = (file = null) => mtfp('project', ...(file ? [file] : []));

const last = (p) => p.years[p.years.length - 1];

test('create, rename and edit a scenario; a reload finds everything exactly as left', async () => {
  const app = await openApp(browser);
  const { page } = app;
  await newScenario(page, 'Higher precept', 'Band D +£10 more in 2023/24');
  await page.fill('#precept-rise-gbp-2023', '24.94');
  await page.fill('#officer-award-2024', '3.5');
  const gap = await figure(page, 'cumulative-gap');
  assert.notEqual(gap, '£8.1m');
  await screenshot(page, 'scenarios-edited');
  await page.reload();
  await page.waitForSelector(SHELL_READY, { state: 'attached' });
  assert.deepEqual(await scenarioNames(page), ['Nottinghamshire baseline · read-only', 'Higher precept']);
  assert.equal(await page.locator('#scenario-select').inputValue(), 's1');
  assert.equal(await page.inputValue('#precept-rise-gbp-2023'), '24.94');
  assert.equal(await page.inputValue('#officer-award-2024'), '3.5');
  assert.equal(await figure(page, 'cumulative-gap'), gap);
  await openAbout(page);
  assert.equal(await page.inputValue('#scenario-description'), 'Band D +£10 more in 2023/24');
  const log = await page.locator('.change-log tbody tr').allInnerTexts();
  assert.equal(log.length, 2, 'two changes logged');
  assert.match(log[0], /Officer pay award 2024\/25\s+2\.5\s+3\.5/);
  assert.match(log[1], /Band D rise 2023\/24\s+14\.94\s+24\.94/);
  // A name already taken is refused beside the name box.
  await page.fill('#scenario-name', 'Nottinghamshire baseline');
  await page.press('#scenario-name', 'Enter');
  assert.match(await page.locator('#notice-name').innerText(), /already a scenario called 'Nottinghamshire baseline'/);
  assert.equal(await page.getAttribute('#scenario-name', 'aria-invalid'), 'true');
  assert.equal((await scenarioNames(page))[1], 'Higher precept');
  // The baseline is still there, untouched.
  await page.selectOption('#scenario-select', 'baseline');
  assert.equal(await figure(page, 'cumulative-gap'), '£8.1m');
  assertClean(app);
  await app.close();
});

test('closing and reopening the browser restores every scenario', async () => {
  const profile = await mkdtemp(join(tmpdir(), 'mtfp-profile-'));
  const open = async () => {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1366, height: 768 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(BASE_URL);
    await page.waitForSelector(SHELL_READY, { state: 'attached' });
    return { context, page };
  };
  let { context, page } = await open();
  await newScenario(page, 'Pay 4%');
  await page.fill('#officer-award-2024', '4');
  await newScenario(page, 'Flat grant');
  await page.fill('#band-d', '250');
  const gap = await figure(page, 'cumulative-gap');
  await waitForSaved(page, 2);
  await context.close();
  ({ context, page } = await open());
  assert.deepEqual((await scenarioNames(page)).slice(1), ['Pay 4%', 'Flat grant']);
  assert.equal(await page.inputValue('#band-d'), '250');
  assert.equal(await figure(page, 'cumulative-gap'), gap);
  await page.selectOption('#scenario-select', { label: 'Pay 4%' });
  assert.equal(await page.inputValue('#officer-award-2024'), '4');
  await context.close();
  await rm(profile, { recursive: true, force: true });
});

test('undo and redo a change, with the buttons and the keyboard', async () => {
  const app = await openApp(browser);
  const { page } = app;
  const input = page.locator('#precept-rise-gbp-2023');
  await input.fill('24.94');
  const edited = await figure(page, 'cumulative-gap');
  assert.notEqual(edited, '£8.1m');
  // The first edit of the baseline made a scenario: undo takes it all back.
  await page.click('#undo');
  assert.equal(await figure(page, 'cumulative-gap'), '£8.1m');
  assert.equal(await input.inputValue(), '14.94');
  await page.click('#redo');
  assert.equal(await figure(page, 'cumulative-gap'), edited);
  assert.equal(await input.inputValue(), '24.94');
  // Typed key by key, a figure is one undo step: Ctrl+Z, even in the field, takes the
  // whole figure back (the half-typed '4.' in between was never a valid figure).
  const award = page.locator('#officer-award-2024');
  await award.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('4.5');
  await award.blur();
  await page.locator('#band-d').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('250');
  await page.keyboard.press('Control+Z');
  assert.equal(await page.inputValue('#band-d'), '244.26');
  assert.equal(await award.inputValue(), '4.5');
  await page.keyboard.press('Control+Z');
  assert.equal(await award.inputValue(), '2.5');
  assert.equal(await input.inputValue(), '24.94');
  await page.keyboard.press('Control+Shift+Z');
  assert.equal(await award.inputValue(), '4.5');
  await page.keyboard.press('Control+Y');
  assert.equal(await page.inputValue('#band-d'), '250');
  // Delete, then undo brings the scenario back.
  await page.click('#scenario-delete');
  assert.equal((await scenarioNames(page)).length, 1);
  assert.match(await page.locator('#notice-scenarios').innerText(), /Deleted 'Scenario 1'/);
  await page.locator('#notice-scenarios').getByRole('button', { name: 'Undo' }).click();
  assert.equal((await scenarioNames(page)).length, 2);
  assert.equal(await page.inputValue('#band-d'), '250');
  assertClean(app);
  await app.close();
});

test('compare two scenarios: the difference matches the CLI, and the exported JSON projects the same in mtfp', async () => {
  const app = await openApp(browser);
  const { page } = app;
  await newScenario(page, 'Higher precept');
  await page.fill('#precept-rise-gbp-2023', '24.94');
  await openMenu(page, 'io-menu');
  const exported = await download(page, '#export-json');
  assert.equal(exported.name, 'higher-precept.json');
  const scenario = cli(exported.path);
  const baseline = cli();
  // The app's results CSV has the CLI's figures for the exported file.
  const results = await download(page, '#export-results-csv');
  const row = (label) => results.text.split('\r\n').find((l) => l.startsWith(label)).split(',').slice(2);
  assert.deepEqual(row('Gap,Annual gap,'), scenario.years.map((y) => Number(y.gap).toFixed(2)));
  assert.deepEqual(row('Gap,Cumulative gap,'), scenario.years.map((y) => Number(y.cumulative_gap).toFixed(2)));
  await page.click('#io-menu > summary');

  await page.click('#view-compare');
  await page.waitForSelector('#compare-headlines');
  const diff = page.locator('#compare-headlines tr[data-measure="cumulative-gap"] td.diff');
  const want = Number(last(scenario).cumulative_gap) - Number(last(baseline).cumulative_gap);
  assert.ok(Math.abs(Number(await diff.getAttribute('data-value')) - want) < 0.005, 'exact to the penny');
  const m = (want / 1e6).toFixed(2);
  assert.equal(await diff.innerText(), `${want < 0 ? '\u2212' : '+'}£${m.replace('-', '')}m`);
  // Year by year too: the annual gap differences.
  const cells = await page.locator('#compare-lines tbody[data-line="gap"] tr.diff-row td').evaluateAll((tds) => tds.map((td) => Number(td.dataset.value)));
  scenario.years.forEach((y, i) => assert.ok(Math.abs(cells[i] - (Number(y.gap) - Number(baseline.years[i].gap))) < 0.005));
  // Overlaid charts and a bridge between the two.
  for (const id of ['compare-gap', 'compare-cumulative', 'compare-reserve', 'compare-bridge']) {
    await page.waitForSelector(`#chart-${id} svg`, { state: 'attached' });
  }
  assert.match(await page.locator('#chart-compare-bridge h3').innerText(), /'Higher precept' \(against 'Nottinghamshire baseline'\) takes £\d+\.\dm off/);
  await page.selectOption('#bridge-from', 's1');
  await page.selectOption('#bridge-to', 'baseline');
  assert.match(await page.locator('#chart-compare-bridge h3').innerText(), /adds £\d+\.\dm to the cumulative gap; precept moves it most/);
  await screenshot(page, 'scenarios-compare');
  assert.deepEqual(await accessibilityViolations(page, { minImpact: 'minor' }), []);
  assertClean(app);
  await app.close();
});

test('the compare screen and an open menu are shown at once, each kept up to date', async () => {
  const app = await openApp(browser);
  const { page } = app;
  await newScenario(page, 'Higher precept');
  await page.fill('#precept-rise-gbp-2023', '24.94');
  await page.click('#view-compare');
  await page.waitForSelector('#compare-pick-s1');
  // The menu's contents are a second screen of the module the compare screen came from.
  await openMenu(page, 'io-menu');
  const exported = await download(page, '#export-json');
  await page.setInputFiles('#import-file', exported.path);
  // Importing shows the new scenario for editing: the compare screen is taken down, the
  // menu's screen stays and shows the workspace's message.
  await page.waitForFunction(() => document.querySelector('#notice-import')?.innerText.includes("Imported 'Higher precept (2)'"));
  assert.equal(await page.locator('#compare-pick-s1').count(), 0);
  assert.deepEqual(await scenarioNames(page), ['Nottinghamshire baseline · read-only', 'Higher precept', 'Higher precept (2)']);
  // The menu exports the scenario now on screen.
  assert.equal((await download(page, '#export-json')).name, 'higher-precept-2.json');
  await page.click('#io-menu > summary');
  // A compare screen opened again lists the imported scenario.
  await page.click('#view-compare');
  await page.waitForSelector('#compare-pick-s2');
  // Undo from the menu's message takes the import out again, on both screens.
  await openMenu(page, 'io-menu');
  await page.click('#notice-import button:text("×")');
  await page.waitForFunction(() => !document.querySelector('#notice-import'));
  await page.click('#undo');
  await page.waitForFunction(() => !document.querySelector('#compare-pick-s2'));
  assert.deepEqual(await scenarioNames(page), ['Nottinghamshire baseline · read-only', 'Higher precept']);
  assertClean(app);
  await app.close();
});

test('charts download as SVG and PNG; CSVs are safe to open in Excel', async () => {
  const app = await openApp(browser);
  const { page } = app;
  await newScenario(page, '=HYPERLINK("http://x")');
  await openMenu(page, 'io-menu');
  const svg = await download(page, '[data-export-chart="gap"] button:text("SVG")');
  assert.match(svg.name, /-gap\.svg$/);
  assert.match(svg.text, /^<svg[^>]*xmlns/);
  const png = await download(page, '[data-export-chart="gap"] button:text("PNG")');
  assert.match(png.name, /-gap\.png$/);
  assert.deepEqual([...png.bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  // Every chart of the workspace is offered.
  const offered = await page.locator('[data-export-chart]').evaluateAll((els) => els.map((e) => e.dataset.exportChart));
  const shown = await page.locator('#charts figure[data-chart]').evaluateAll((els) => els.map((e) => e.dataset.chart));
  assert.deepEqual([...shown].sort(), ['bridge', 'collaborations', 'funding-expenditure', 'gap', 'reserves', 'workforce']);
  assert.deepEqual([...offered].sort(), [...shown].sort());
  const assumptions = await download(page, '#export-assumptions-csv');
  // The UTF-8 byte-order mark first, so Excel on Windows shows "£", not "Â£".
  assert.deepEqual([...assumptions.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.ok(assumptions.text.startsWith('\ufeffScenario,"\'=HYPERLINK(""http://x"")"\r\n'), assumptions.text.slice(0, 60));
  assert.match(assumptions.text, /\r\nPrecept,Band D,£,2021\/22,244\.26,/);
  const results = await download(page, '#export-results-csv');
  assert.deepEqual([...results.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.ok(results.text.startsWith('\ufeffScenario,'), results.text.slice(0, 20));
  await screenshot(page, 'scenarios-io-menu');
  assert.deepEqual(await accessibilityViolations(page, { minImpact: 'minor' }), []);
  assertClean(app);
  await app.close();
});

test('every bad file in the catalogue is refused with its message, and work is untouched', async () => {
  const catalogue = JSON.parse(await readFile(join(FIXTURES, 'catalogue.json'), 'utf8'));
  assert.ok(catalogue.length >= 10);
  const app = await openApp(browser);
  const { page } = app;
  await newScenario(page, 'My work');
  await page.fill('#band-d', '260');
  const before = { names: await scenarioNames(page), gap: await figure(page, 'cumulative-gap') };
  await openMenu(page, 'io-menu');
  for (const { file, expect } of catalogue) {
    let files = join(FIXTURES, file);
    if (file === 'huge.json') {
      files = { name: file, mimeType: 'application/json', buffer: Buffer.alloc(2_000_001, 0x20) };
    }
    await page.setInputFiles('#import-file', files);
    const notice = page.locator('#notice-import');
    await notice.waitFor();
    await page.waitForFunction((f) => document.querySelector('#notice-import')?.innerText.includes(f), file);
    const text = await notice.innerText();
    assert.ok(text.startsWith(`${file} was not imported`), text);
    assert.ok(text.toLowerCase().includes(expect.toLowerCase()), `${file}: '${text}' should mention '${expect}'`);
    assert.equal(await notice.getAttribute('role'), 'alert');
    assert.deepEqual(await scenarioNames(page), before.names, `${file}: scenarios untouched`);
    assert.equal(await page.inputValue('#band-d'), '260');
    assert.equal(await figure(page, 'cumulative-gap'), before.gap);
  }
  await screenshot(page, 'scenarios-import-refused');
  // A good file is added beside the user's work, even saved by Windows Notepad (which
  // starts it with a byte-order mark); it projects as the mtfp tool projects it.
  const good = join(work, 'good.json');
  const text = await readFile(join(FIXTURES, 'negative-tax-base.json'), 'utf8');
  await writeFile(good, `\ufeff${text.replace('"-1000"', '"327130"').replace(/"name": "[^"]*"/, '"name": "From a colleague"')}`);
  await page.setInputFiles('#import-file', good);
  await page.waitForFunction(() => document.querySelector('#notice-import')?.innerText.includes('Imported'));
  assert.deepEqual((await scenarioNames(page)).slice(1), ['My work', 'From a colleague']);
  assert.equal(await figure(page, 'cumulative-gap'), asMillions(last(cli(good)).cumulative_gap));
  assertClean(app);
  await app.close();
});

test('a share link opens in a fresh browser profile, beside the recipient own work', async () => {
  const sender = await openApp(browser);
  await newScenario(sender.page, 'Sent by email', 'Precept +£10');
  await sender.page.fill('#precept-rise-gbp-2023', '24.94');
  const gap = await figure(sender.page, 'cumulative-gap');
  await openMenu(sender.page, 'share-menu');
  await sender.page.click('#share-make');
  const url = await sender.page.inputValue('#share-url');
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/#share=1\.[A-Za-z0-9_-]+$/);
  assert.ok(url.length < 20_000, `${url.length} characters`);
  assertClean(sender);
  await sender.close();

  // A brand-new profile: nothing stored, the link alone carries the scenario.
  const recipient = await openApp(browser, { path: url });
  const { page } = recipient;
  assert.deepEqual((await scenarioNames(page)).slice(1), ['Sent by email (shared)']);
  assert.equal(await page.inputValue('#precept-rise-gbp-2023'), '24.94');
  assert.equal(await figure(page, 'cumulative-gap'), gap);
  assert.match(await page.locator('#notice-share').innerText(), /Opened the shared scenario/);
  assert.equal(new URL(page.url()).hash, '', 'the link is taken out of the address, so a reload does not add it twice');
  await page.reload();
  await page.waitForSelector(SHELL_READY, { state: 'attached' });
  assert.equal((await scenarioNames(page)).length, 2);
  assertClean(recipient);
  await recipient.close();

  // Someone with work of their own: the link adds, never overwrites.
  // Pasted into a tab already showing the app (only the fragment changes, no reload).
  const mine = await openApp(browser);
  await newScenario(mine.page, 'Sent by email');
  await mine.page.goto(url);
  await mine.page.waitForFunction(() => document.querySelectorAll('#scenario-select option').length === 3);
  assert.deepEqual((await scenarioNames(mine.page)).slice(1), ['Sent by email', 'Sent by email (shared)']);
  assert.equal(await mine.page.inputValue('#precept-rise-gbp-2023'), '24.94');
  // A damaged or oversized link: a message, not a crash, and the work is still there.
  for (const [fragment, message] of [
    ['#share=1.AAAA-not-deflate', /damaged/],
    [`#share=1.${'A'.repeat(70_000)}`, /too long/],
    ['#share=7.abc', /another version/],
  ]) {
    await mine.page.goto('about:blank');
    await mine.page.goto(new URL(fragment, BASE_URL).href);
    await mine.page.waitForSelector('#notice-share');
    assert.match(await mine.page.locator('#notice-share').innerText(), message);
    assert.equal((await scenarioNames(mine.page)).length, 3);
  }
  await screenshot(mine.page, 'scenarios-bad-link');
  assertClean(mine);
  await mine.close();
});

test('storage saved by an older version (schema 1) still loads', async () => {
  const scenario = JSON.parse(await readFile(join(FIXTURES, 'negative-tax-base.json'), 'utf8'));
  scenario.precept.tax_base.value = '327130';
  scenario.name = 'Saved by version 1';
  const app = await openApp(browser, { storage: { 'mtfp.workspace': { schema: 1, scenarios: [scenario] } } });
  const { page } = app;
  assert.deepEqual((await scenarioNames(page)).slice(1), ['Saved by version 1']);
  await page.selectOption('#scenario-select', { label: 'Saved by version 1' });
  assert.equal(await figure(page, 'cumulative-gap'), '£8.1m');
  assert.equal(await page.locator('#storage-recovery').count(), 0);
  assertClean(app);
  await app.close();
});

test('a damaged record: the app opens what it can and offers the rest as a download', async () => {
  const app = await openApp(browser);
  const { page } = app;
  await newScenario(page, 'Keep me');
  await page.fill('#band-d', '255');
  await newScenario(page, 'Damaged');
  await waitForSaved(page, 2);
  // Damage the second scenario's record by hand, as a disk error or an old bug might. Leave
  // the app first, so nothing it saves can overwrite the damage.
  const broken = '{"v":3,"id":2,"name":"Damaged"}\nnot packed contents';
  await withoutApp(page, (broken) => new Promise((resolve) => {
    const open = indexedDB.open('mtfp');
    open.onsuccess = () => {
      const tx = open.result.transaction('records', 'readwrite');
      tx.objectStore('records').put(broken, 's2');
      tx.oncomplete = () => { open.result.close(); resolve(); };
    };
  }), broken);
  // Listed by its name; opening it says it cannot be read and keeps it as it is.
  assert.deepEqual((await scenarioNames(page)).slice(1), ['Keep me', 'Damaged']);
  await page.selectOption('#scenario-select', { label: 'Damaged' });
  await page.waitForSelector('#storage-recovery');
  assert.match(await page.locator('#notice-scenarios').innerText(), /'Damaged' could not be read: its stored data is damaged/);
  assert.match(await page.locator('#storage-recovery').innerText(), /Saved scenario 2 \('Damaged'\) could not be read/);
  const kept = await download(page, '#download-unreadable-0');
  assert.equal(kept.text, broken, 'the record exactly as stored');
  await page.selectOption('#scenario-select', { label: 'Keep me' });
  assert.equal(await page.inputValue('#band-d'), '255');
  await screenshot(page, 'scenarios-recovery');
  assert.deepEqual(await accessibilityViolations(page, { minImpact: 'minor' }), []);
  // Saving other work never touches it.
  await page.fill('#band-d', '256');
  await page.reload();
  await page.waitForSelector(SHELL_READY, { state: 'attached' });
  assert.equal(await page.inputValue('#band-d'), '256');
  assert.equal((await storedRecords(page)).s2, broken);
  assertClean(app);
  await app.close();
});

test('the scenario bar works from the keyboard alone', async () => {
  const app = await openApp(browser);
  const { page } = app;
  const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
  let reached = false;
  for (let i = 0; i < 15 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = (await focused()) === 'scenario-new';
  }
  assert.ok(reached, 'New from baseline is reachable by Tab');
  await page.keyboard.press('Enter');
  assert.equal((await scenarioNames(page)).length, 2);
  await page.keyboard.press('Tab'); // Duplicate
  await page.keyboard.press('Enter');
  assert.equal((await scenarioNames(page)).length, 3);
  await page.keyboard.press('Control+Z');
  assert.equal((await scenarioNames(page)).length, 2);
  assertClean(app);
  await app.close();
});

test('a save from another tab is announced, so neither tab silently overwrites the other', async () => {
  const app = await openApp(browser);
  const other = await app.context.newPage();
  await other.goto(BASE_URL);
  await other.waitForSelector(SHELL_READY, { state: 'attached' });
  await newScenario(app.page, 'From tab one');
  // Wait for the save that has the new name, not just the scenario: the scenario may be
  // saved once as "Scenario 1" before the rename reaches storage.
  for (let tries = 0; !(await storedRecords(app.page)).s1?.startsWith('{"v":3,"id":1,"name":"From tab one"}'); tries++) {
    assert.ok(tries < 300, 'the renamed scenario is saved');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await other.waitForSelector('#notice-scenarios');
  assert.match(await other.locator('#notice-scenarios').innerText(), /saved from another tab.*Reload/);
  await other.reload();
  await other.waitForSelector(SHELL_READY, { state: 'attached' });
  assert.deepEqual((await scenarioNames(other)).slice(1), ['From tab one']);
  assertClean(app);
  await app.close();
});
