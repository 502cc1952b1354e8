// Shared helpers for the end-to-end tests: one headless Chromium (Debian's), pages that
// record console errors, uncaught exceptions, Content-Security-Policy violations and every
// request that leaves 127.0.0.1.
//
//   import { test, before, after } from 'node:test';
//   import { launch, openApp, assertClean, screenshot } from './lib.mjs';
//
//   let browser;
//   before(async () => { browser = await launch(); });
//   after(async () => { await browser?.close(); });
//
//   test('my journey', async () => {
//     const app = await openApp(browser);            // waits for the app shell
//     await app.page.fill('#assumptions input[name=pay-award]', '3.5');
//     ...
//     await screenshot(app.page, 'my-journey');
//     assertClean(app);                               // no console errors, no foreign requests
//     await app.close();
//   });
//
// Run with scripts/e2e.sh (serves dist/ and sets E2E_BASE_URL).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** The repository root (this file is e2e/lib.mjs). */
export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/** Where the app is served: set by scripts/e2e.sh; run.sh's address otherwise. */
export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080/';

/** Debian's Chromium; Playwright's own browser download cannot work on these machines. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Chromium flags for this machine: no sandbox (root), no GPU, and no background traffic
 * (the network is closed; without these, Chromium tries to reach Google's hosts).
 * Playwright gives every launch a fresh, empty user-data-dir.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The selector that means "the app has rendered its shell". */
export const SHELL_READY = 'main.workspace';

/** Starts headless Chromium. Close it in an `after` hook. */
export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
}

/** True for a URL the page may load: the app's own server, or data:/blob: URLs. */
export function isLocal(url) {
  const u = new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') {
    return true;
  }
  return u.hostname === '127.0.0.1';
}

/**
 * Opens a fresh page (its own context: empty storage) on the app and records what goes
 * wrong. Returns { page, context, consoleErrors, pageErrors, foreignRequests,
 * webSockets, cspViolations, close }.
 *
 * Options: path (relative to BASE_URL, default ''), viewport (default 1366×768),
 * storage ({ key: value } put in localStorage before the app starts), waitFor (selector
 * to wait for, default SHELL_READY; null to not wait).
 */
export async function openApp(browser, options = {}) {
  const {
    path = '',
    viewport = { width: 1366, height: 768 },
    storage = null,
    waitFor = SHELL_READY,
  } = options;
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const app = {
    page,
    context,
    consoleErrors: [],
    pageErrors: [],
    foreignRequests: [],
    webSockets: [],
    cspViolations: [],
    close: () => context.close(),
  };
  // Every Content-Security-Policy violation the page reports, as "directive: blocked URI"
  // (recorded through a binding and an init script, which the policy does not govern).
  await context.exposeBinding('__e2eCspViolation', (_source, text) => app.cspViolations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__e2eCspViolation(`${e.effectiveDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') app.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => app.pageErrors.push(String(err)));
  page.on('request', (req) => {
    if (!isLocal(req.url())) app.foreignRequests.push(req.url());
  });
  page.on('websocket', (ws) => app.webSockets.push(ws.url()));
  if (storage) {
    await context.addInitScript((entries) => {
      for (const [key, value] of Object.entries(entries)) {
        window.localStorage.setItem(key, typeof value === 'string' ? value : JSON.stringify(value));
      }
    }, storage);
  }
  await page.goto(new URL(path, BASE_URL).href, { waitUntil: 'load' });
  if (waitFor) {
    await page.waitForSelector(waitFor, { state: 'attached', timeout: 30_000 });
  }
  return app;
}

/** Fails the test if the page broke its Content-Security-Policy. */
export function assertCspClean(app) {
  assert.deepEqual(app.cspViolations, [], 'Content-Security-Policy violations');
}

/**
 * Fails the test if the page logged an error, threw, reached past 127.0.0.1, or broke its
 * Content-Security-Policy.
 */
export function assertClean(app) {
  assertCspClean(app);
  assert.deepEqual(app.consoleErrors, [], 'console errors');
  assert.deepEqual(app.pageErrors, [], 'uncaught exceptions');
  assert.deepEqual(app.foreignRequests, [], 'requests to hosts other than 127.0.0.1');
  assert.deepEqual(app.webSockets, [], 'WebSocket connections (dev-only live reload?)');
}

/**
 * Saves a screenshot to target/screenshots/NAME.png and returns the path: what the
 * viewport shows, or the whole page with `{ fullPage: true }`.
 */
export async function screenshot(page, name, { fullPage = false } = {}) {
  const dir = join(ROOT, 'target', 'screenshots');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/**
 * The drawn shapes of the first SVG matching `svgSelector`: the tag names of its
 * path/polyline/polygon/rect/line/circle elements that have a non-zero bounding box.
 * (Don't `waitForSelector` such elements with the default `visible` state: a zero-width
 * axis line never counts as visible. Use `state: 'attached'`.)
 */
export async function drawnShapes(page, svgSelector) {
  return page.$eval(svgSelector, (svg) =>
    [...svg.querySelectorAll('path, polyline, polygon, rect, line, circle')]
      .filter((el) => {
        const box = el.getBBox();
        return box.width > 0 || box.height > 0;
      })
      .map((el) => el.tagName.toLowerCase()),
  );
}

/**
 * Runs axe-core (pinned in e2e/package.json) on the page, or on `selector` within it, and
 * returns its violations at or above `minImpact` ('minor' | 'moderate' | 'serious' |
 * 'critical'), each as "rule: help (n nodes)".
 */
export async function accessibilityViolations(page, { selector = null, minImpact = 'serious' } = {}) {
  const source = await readFile(join(ROOT, 'e2e', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  // Evaluated by the browser's debugging protocol: an injected <script> would be (rightly)
  // blocked by the page's Content-Security-Policy.
  await page.evaluate(source);
  const violations = await page.evaluate(
    async (context) => (await window.axe.run(context ?? document)).violations,
    selector,
  );
  const order = ['minor', 'moderate', 'serious', 'critical'];
  return violations
    .filter((v) => order.indexOf(v.impact) >= order.indexOf(minImpact))
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`);
}

/** `mtfp ARGS… --format json`: the same model as the app, run natively; its parsed output. */
export function mtfp(...args) {
  const out = execFileSync('cargo', ['run', '-q', '--locked', '--bin', 'mtfp', '--', ...args, '--format', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

/** Clicks `selector`, saves the file it downloads into `dir` and returns { name, path, bytes, text }. */
export async function download(page, selector, dir) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = join(dir, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  const bytes = await readFile(path);
  return { name: file.suggestedFilename(), path, bytes, text: bytes.toString('utf8') };
}

// Figures as the app writes them (src/format.rs): true minus sign, £, thousands separators,
// halves away from zero. Money is turned into whole pence first so the rounding is exact.
export const MINUS = '\u2212';
/** A decimal string of pounds as whole pence. */
export const pence = (s) => Math.round(Number(s) * 100);
/** Digits with thousands separators. */
export const group = (digits) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
export function roundHalfAway(n) {
  return Math.sign(n) * Math.round(Math.abs(n));
}
/** Pounds (a decimal string) as the app writes millions: "£8.1m", "−£0.9m". */
export function millions(s) {
  const tenths = roundHalfAway(pence(s) / 10_000_000); // £0.1m = 10,000,000p
  const sign = tenths < 0 ? MINUS : '';
  const abs = Math.abs(tenths);
  return `${sign}£${group(String(Math.floor(abs / 10)))}.${abs % 10}m`;
}
/** A whole number of people as the app writes it: "2,380". */
export const count = (s) => group(String(Math.round(Number(s))));

// ---- The browser store (src/store/records.rs, docs/scenarios.md) ----

/** Every record in the app's IndexedDB store, as { key: text }. */
export async function storedRecords(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('mtfp');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('records')) {
            db.close();
            resolve({});
            return;
          }
          const store = db.transaction('records').objectStore('records');
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () => {
            const out = {};
            keys.result.forEach((k, i) => {
              out[k] = values.result[i];
            });
            db.close();
            resolve(out);
          };
        };
      }),
  );
}

/** How many scenario records the app's IndexedDB store holds. */
export async function savedCount(page) {
  const records = await storedRecords(page);
  return Object.keys(records).filter((k) => /^s\d+$/.test(k)).length;
}

/**
 * Waits until the store holds `n` scenario records (autosave writes right after a change).
 * Polls from here: a page-side predicate that returns a promise would count as true at once.
 */
export async function waitForSaved(page, n, timeout = 30_000) {
  const until = Date.now() + timeout;
  let found = -1;
  while (Date.now() < until) {
    found = await savedCount(page);
    if (found === n) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`waited ${timeout} ms for ${n} saved scenarios; the store holds ${found}`);
}

/**
 * Runs `change(arg)` on the app's origin with the app not running (on its stylesheet, a
 * plain file of the same server), then opens the app again: the app's own saves have
 * already happened, so nothing it does can write over what `change` puts in storage.
 */
export async function withoutApp(page, change, arg = null) {
  const stylesheet = await page.evaluate(() => document.querySelector('link[rel=stylesheet]').href);
  // Shown bare, a stylesheet makes the browser ask for /favicon.ico (the app's page never does).
  await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204, body: '' }));
  await page.goto(stylesheet);
  await page.evaluate(change, arg);
  await page.goto(BASE_URL);
  await page.waitForSelector(SHELL_READY, { state: 'attached' });
}
