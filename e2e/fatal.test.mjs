// The fatal-error banner: a panic or wasm trap leaves a visible "Something went wrong"
// with a way to save the user's work, never a silently dead page.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { accessibilityViolations, assertCspClean, launch, openApp, screenshot, waitForSaved } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const work = {
  'mtfp.scenario': { name: 'Baseline 2026/27', payAward: '3.5' },
  'mtfp.notes': 'not JSON, kept as text',
  'other-app': 'not ours',
};

test('the panic hook target shows the banner, and the user can download their work', async () => {
  const app = await openApp(browser, { storage: work });
  const { page } = app;
  await page.fill('#band-d', '250');
  await waitForSaved(page, 1);

  // What src/app/panic.rs calls from its panic hook.
  await page.evaluate(() => window.__mtfpFatal('panicked at src/model/projection.rs:1:1:\ntest'));

  const banner = page.getByRole('alert').filter({ hasText: 'Something went wrong' });
  await banner.waitFor({ state: 'visible', timeout: 5_000 });
  assert.match(await banner.innerText(), /download/i);
  const save = page.getByRole('button', { name: 'Download my work' });
  assert.ok(await save.isVisible());
  assert.ok(await page.getByRole('button', { name: 'Reload' }).isVisible());
  await screenshot(page, 'fatal-banner-1366x768');
  assert.deepEqual(await accessibilityViolations(page, { selector: '#mtfp-fatal', minImpact: 'moderate' }), []);

  const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
  assert.match(download.suggestedFilename(), /^mtfp-work-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();
  const saved = JSON.parse(await readFile(file, 'utf8'));
  // A backup the planner restores: every scenario whole, and the app's other keys as found.
  assert.equal(saved.mtfp_backup, 1);
  assert.equal(saved.count, 1);
  assert.equal(saved.scenarios[0].scenario.name, 'Scenario 1');
  assert.equal(saved.scenarios[0].scenario.precept.band_d.value, '250');
  assert.deepEqual(saved.local_storage, {
    'mtfp.scenario': JSON.stringify(work['mtfp.scenario']),
    'mtfp.notes': work['mtfp.notes'],
  });
  const fresh = await openApp(browser);
  await fresh.page.click('#io-menu > summary');
  await fresh.page.setInputFiles('#restore-file', file);
  await fresh.page.waitForSelector('#notice-backup');
  assert.match(await fresh.page.locator('#notice-backup').innerText(), /Restored 1 scenario from the backup/);
  await fresh.close();

  // A second fatal report adds detail; it does not stack banners.
  await page.evaluate(() => window.__mtfpFatal('second'));
  assert.equal(await page.locator('#mtfp-fatal').count(), 1);
  assertCspClean(app);
  await app.close();
});

test('a wasm trap that reaches the page shows the banner', async () => {
  const app = await openApp(browser);
  const { page } = app;
  // Release builds abort on panic, which surfaces as RuntimeError: unreachable.
  await page.evaluate(() => {
    setTimeout(() => {
      throw new WebAssembly.RuntimeError('unreachable');
    }, 0);
  });
  const banner = page.getByRole('alert').filter({ hasText: 'Something went wrong' });
  await banner.waitFor({ state: 'visible', timeout: 5_000 });
  assert.match(await page.locator('#mtfp-fatal pre').textContent(), /unreachable/);
  assertCspClean(app);
  await app.close();
});

test('the reload button reloads the page', async () => {
  const app = await openApp(browser);
  const { page } = app;
  await page.evaluate(() => window.__mtfpFatal('test'));
  await Promise.all([
    page.waitForEvent('load'),
    page.getByRole('button', { name: 'Reload' }).click(),
  ]);
  await page.waitForSelector('main.workspace', { state: 'attached', timeout: 30_000 });
  assert.equal(await page.locator('#mtfp-fatal').count(), 0, 'a fresh page has no banner');
  assertCspClean(app);
  await app.close();
});
