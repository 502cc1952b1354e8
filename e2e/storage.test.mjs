// Nothing a user saved is ever lost (issue 21): unreadable saved work survives loads and
// reloads with every character downloadable, older saved work moves into the browser's
// database whole, a thousand scenarios fit, an edit made just before the tab closes is
// kept, and a full disk says so without losing what was saved.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import {
  BASE_URL, CHROMIUM, CHROMIUM_ARGS, SHELL_READY,
  assertClean, download as saveDownload, launch, openApp, screenshot, storedRecords, waitForSaved, withoutApp,
} from './lib.mjs';

let browser;
let work;
/** The baseline scenario file, as the app exports it. */
let baseline;
before(async () => {
  browser = await launch();
  work = await mkdtemp(join(tmpdir(), 'mtfp-e2e-storage-'));
  const app = await openApp(browser);
  await app.page.click('#io-menu > summary');
  baseline = JSON.parse((await saveDownload(app.page, '#export-json', work)).text);
  await app.close();
});
after(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const download = (page, selector) => saveDownload(page, selector, work);
const scenarioNames = (page) => page.locator('#scenario-select option').allInnerTexts();
const named = (name, bandD = '244.26') => ({
  ...baseline,
  name,
  precept: { ...baseline.precept, band_d: { ...baseline.precept.band_d, value: bandD } },
});

/** An envelope as versions before the database wrote it (schema 2), of `n` scenarios. */
function envelope(n, { schema = 2, damage = -1 } = {}) {
  const scenarios = [];
  for (let i = 1; i <= n; i++) {
    const scenario = named(`Saved ${i}`, `${240 + (i % 50)}.${String(i % 100).padStart(2, '0')}`);
    if (i - 1 === damage) scenario.precept = 'broken';
    scenarios.push({
      id: i,
      scenario,
      log: [{ field: 'Band D 2021/22', from: '244.26', to: scenario.precept.band_d?.value ?? '?', at: '2026-01-02T03:04:05.000Z' }],
    });
  }
  return JSON.stringify({ schema, current: 's1', next_id: n + 1, scenarios });
}

/** Opens a fresh app, then puts `text` under the older local-storage key with the app closed. */
async function openWithOlderStore(text) {
  const app = await openApp(browser);
  await withoutApp(app.page, (t) => localStorage.setItem('mtfp.workspace', t), text);
  return app;
}

/** Reloads and waits for the app. */
async function reload(page) {
  await page.reload();
  await page.waitForSelector(SHELL_READY, { state: 'attached' });
}

test('a large store from a newer version survives loads and reloads untouched, and downloads whole', async () => {
  const text = envelope(72, { schema: 3 });
  assert.ok(text.length > 2_500_000, `${text.length} characters`);
  const app = await openWithOlderStore(text);
  const { page } = app;
  for (let visit = 0; visit < 3; visit++) {
    await page.waitForSelector('#storage-recovery');
    assert.match(await page.locator('#storage-recovery').innerText(), /newer version of the planner/);
    const kept = await download(page, '#download-unreadable-0');
    assert.equal(kept.text.length, text.length);
    assert.ok(kept.text === text, 'every character');
    assert.equal(await page.evaluate(() => localStorage.getItem('mtfp.workspace')?.length), text.length, 'left where it was');
    // The user's own new work is saved beside it.
    if (visit === 0) {
      await page.fill('#band-d', '250');
      await waitForSaved(page, 1);
    }
    if (visit < 2) await reload(page);
  }
  assert.deepEqual((await scenarioNames(page)).slice(1), ['Scenario 1']);
  await screenshot(page, 'storage-newer-version');
  assertClean(app);
  await app.close();
});

for (const [label, make] of [
  ['a large store with a damaged scenario', () => envelope(72, { damage: 40 })],
  ['three million characters of what is not JSON', () => '{"schema":2,"scenarios":[' + 'x'.repeat(3_000_000)],
]) {
  test(`${label}: what can be read opens, the rest is moved whole and survives reloads`, async () => {
    const text = make();
    const app = await openWithOlderStore(text);
    const { page } = app;
    const readable = label.includes('damaged') ? 71 : 0;
    await waitForSaved(page, readable);
    for (let visit = 0; visit < 3; visit++) {
      await page.waitForSelector('#storage-recovery');
      const banner = await page.locator('#storage-recovery').innerText();
      assert.match(banner, readable ? /Saved scenario 41 \('Saved 41'\) could not be read: precept/ : /not valid JSON/);
      const kept = await download(page, '#download-unreadable-0');
      assert.ok(kept.text === text, `every character (${kept.text.length} of ${text.length})`);
      assert.equal((await scenarioNames(page)).length, readable + 1);
      if (visit < 2) await reload(page);
    }
    // Moved into the database and read back, so the older copy is gone from local storage.
    await page.waitForFunction(() => localStorage.getItem('mtfp.workspace') === null);
    const records = await storedRecords(page);
    assert.ok(Object.values(records).some((v) => v.endsWith(text)), 'kept in the database');
    assertClean(app);
    await app.close();
  });
}

test('older saved work moves in with every scenario and change log', async () => {
  const text = envelope(3);
  const app = await openWithOlderStore(text);
  const { page } = app;
  await waitForSaved(page, 3);
  assert.equal(await page.locator('#storage-recovery').count(), 0);
  assert.deepEqual((await scenarioNames(page)).slice(1), ['Saved 1', 'Saved 2', 'Saved 3']);
  await page.waitForFunction(() => localStorage.getItem('mtfp.workspace') === null);
  await reload(page);
  assert.equal(await page.locator('#scenario-select').inputValue(), 's1', 'the scenario on screen');
  await page.selectOption('#scenario-select', { label: 'Saved 2' });
  assert.equal(await page.inputValue('#band-d'), '242.02');
  await page.click('#scenario-about summary');
  const log = await page.locator('.change-log tbody tr').allInnerTexts();
  assert.equal(log.length, 1);
  assert.match(log[0], /2026-01-02 03:04\s+Band D 2021\/22\s+244\.26\s+242\.02/);
  assertClean(app);
  await app.close();
});

test('an edit typed just before the tab is closed is there when it is opened again', async () => {
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
  await page.fill('#band-d', '250');
  await waitForSaved(page, 1);
  // Type, then close at once: no waiting for anything to be saved.
  await page.fill('#officer-award-2024', '3.75');
  await page.close();
  await context.close();
  ({ context, page } = await open());
  assert.equal(await page.inputValue('#band-d'), '250');
  assert.equal(await page.inputValue('#officer-award-2024'), '3.75');
  await context.close();
  await rm(profile, { recursive: true, force: true });
});

test('a change the database never confirms is kept by the journal as the page goes, and saved by the next visit', async () => {
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
  await page.fill('#band-d', '250');
  await waitForSaved(page, 1);
  // From now on no database write of this page finishes.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('stuck', 'UnknownError');
    };
  });
  await page.fill('#band-d', '271');
  await page.waitForSelector('#notice-storage');
  await page.close();
  await context.close();
  ({ context, page } = await open());
  assert.equal(await page.inputValue('#band-d'), '271');
  // Saved for good by this visit, and the journal is gone.
  await page.waitForFunction(() => localStorage.getItem('mtfp.v3.journal') === null);
  await page.reload();
  await page.waitForSelector(SHELL_READY, { state: 'attached' });
  assert.equal(await page.inputValue('#band-d'), '271');
  await context.close();
  await rm(profile, { recursive: true, force: true });
});

test('a full disk: a clear message, nothing already saved is lost, and the message goes once saving works', async () => {
  const app = await openApp(browser);
  const { page, context } = app;
  await page.fill('#band-d', '250');
  await waitForSaved(page, 1);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(BASE_URL).origin, quotaSize: 4 * 1024 * 1024 });
  // Fill what is left of the quota with another database, as other work on the site might:
  // random text (the browser compresses what it stores), in ever smaller pieces until not
  // even a small one fits.
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open('filler');
        open.onupgradeneeded = () => open.result.createObjectStore('junk');
        open.onsuccess = () => {
          const db = open.result;
          const random = (size) => {
            const chunk = new Uint8Array(768);
            let out = '';
            while (out.length < size) {
              crypto.getRandomValues(chunk);
              out += btoa(String.fromCharCode(...chunk));
            }
            return out;
          };
          let size = 256 * 1024;
          let i = 0;
          const more = () => {
            const tx = db.transaction('junk', 'readwrite');
            tx.objectStore('junk').put(random(size), i++);
            tx.oncomplete = more;
            tx.onabort = () => {
              size = Math.floor(size / 4);
              if (size < 1024) {
                db.close();
                resolve();
              } else {
                more();
              }
            };
          };
          more();
        };
      }),
  );
  await page.fill('#band-d', '260');
  await page.waitForSelector('#notice-storage');
  assert.match(await page.locator('#notice-storage').innerText(), /could not be saved: the browser's storage for this site is full/);
  await screenshot(page, 'storage-full');
  // Nothing is lost: the change that could not be written to the database was put in the
  // journal (local storage) as the page went, so the next visit has it, and says again
  // that it cannot be saved.
  await reload(page);
  assert.equal(await page.inputValue('#band-d'), '260');
  assert.ok(await page.evaluate(() => localStorage.getItem('mtfp.v3.journal') !== null));
  await page.waitForSelector('#notice-storage');
  // Room again: the next change saves, and the message goes.
  await page.evaluate(() => new Promise((resolve) => {
    const r = indexedDB.deleteDatabase('filler');
    r.onsuccess = resolve;
    r.onerror = resolve;
  }));
  await page.fill('#band-d', '261');
  await page.waitForSelector('#notice-storage', { state: 'detached' });
  // Once everything is written, the journal goes.
  await page.waitForFunction(() => localStorage.getItem('mtfp.v3.journal') === null);
  await reload(page);
  assert.equal(await page.inputValue('#band-d'), '261');
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(BASE_URL).origin });
  await app.close();
});

test('a thousand scenarios: restored from a backup, all there after a reload, backed up again whole', async () => {
  const n = 1000;
  const lines = [];
  for (let i = 1; i <= n; i++) {
    const s = named(`Restored ${i}`, `${240 + (i % 50)}.${String(i % 100).padStart(2, '0')}`);
    lines.push(JSON.stringify({ scenario: s, log: [] }));
  }
  const file = join(work, 'thousand.json');
  await writeFile(
    file,
    `{"mtfp_backup":1,"created":"2026-12-05T00:00:00.000Z","count":${n},"scenarios":[\n${lines.join(',\n')}\n]}\n`,
  );
  const app = await openApp(browser);
  const { page } = app;
  await page.fill('#band-d', '250');
  await page.click('#io-menu > summary');
  await page.setInputFiles('#restore-file', file);
  await page.waitForSelector('#notice-backup', { timeout: 120_000 });
  assert.match(await page.locator('#notice-backup').innerText(), /Restored 1,000 scenarios from the backup, beside your own/);
  await waitForSaved(page, n + 1, 120_000);
  await reload(page);
  const names = await scenarioNames(page);
  assert.equal(names.length, n + 2);
  assert.equal(names[n + 1], `Restored ${n}`);
  await page.selectOption('#scenario-select', { label: 'Restored 777' });
  assert.equal(await page.inputValue('#band-d'), '267.77');
  // A backup of them all, back again.
  await page.click('#io-menu > summary');
  // The room in use is looked up as the menu opens: wait for it.
  await page.waitForFunction(() => /1,001 saved scenarios, [\d.]+ MB of [\d,.]+ MB in use/.test(document.querySelector('#storage-status')?.textContent ?? ''));
  const backup = await download(page, '#backup-all');
  const parsed = JSON.parse(backup.text);
  assert.equal(parsed.count, n + 1);
  assert.equal(parsed.scenarios[777].scenario.name, 'Restored 777');
  await screenshot(page, 'storage-thousand');
  assertClean(app);
  await app.close();
});

test('a bad backup is refused whole, naming its problem', async () => {
  const app = await openApp(browser);
  const { page } = app;
  const file = join(work, 'cut.json');
  await writeFile(file, `{"mtfp_backup":1,"created":"x","count":3,"scenarios":[\n${JSON.stringify({ scenario: named('One'), log: [] })}\n]}\n`);
  await page.click('#io-menu > summary');
  await page.setInputFiles('#restore-file', file);
  await page.waitForSelector('#notice-backup');
  assert.match(await page.locator('#notice-backup').innerText(), /cut\.json was not restored: it is incomplete: it says it holds 3 scenarios but 1 are there/);
  assert.equal((await scenarioNames(page)).length, 1);
  await screenshot(page, 'storage-bad-backup');
  assertClean(app);
  await app.close();
});

test('without the browser database (some private windows) the scenarios are kept in local storage, and the app says so', async () => {
  const app = await openApp(browser, { waitFor: null });
  const { page, context } = app;
  await context.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get: () => undefined });
  });
  await page.reload();
  await page.waitForSelector(SHELL_READY, { state: 'attached' });
  assert.match(await page.locator('#notice-storage').innerText(), /does not offer its database \(IndexedDB\), so your scenarios are kept in its local storage/);
  await page.fill('#band-d', '250');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => /^mtfp\.v3\.s\d+$/.test(k)));
  await reload(page);
  assert.equal(await page.inputValue('#band-d'), '250');
  await page.click('#io-menu > summary');
  await page.waitForFunction(() => /in this browser's local storage/.test(document.querySelector('#storage-status')?.textContent ?? ''));
  assertClean(app);
  await app.close();
});
