// Smoke test: the built app renders its shell and a non-blank chart, cleanly and without
// leaving 127.0.0.1, and dist/ carries no development-only script and a minified JS glue.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { BASE_URL, assertClean, drawnShapes, launch, openApp, screenshot } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the page renders the shell and a drawn chart, cleanly, on 127.0.0.1 only', async () => {
  const app = await openApp(browser);
  const { page } = app;

  for (const region of ['header.app-header h1', 'main.workspace', '#assumptions', '#headlines', '#charts']) {
    assert.equal(await page.locator(region).count(), 1, `one ${region}`);
  }
  assert.notEqual((await page.locator('header.app-header h1').innerText()).trim(), '', 'a title');

  await page.waitForSelector('figure.chart svg', { state: 'attached', timeout: 30_000 });
  const shapes = await drawnShapes(page, 'figure.chart svg');
  const marks = shapes.filter((tag) => ['path', 'polyline', 'polygon'].includes(tag));
  assert.ok(marks.length >= 1, `a drawn data series in the chart (shapes: ${shapes.join(', ')})`);

  console.log(`screenshot: ${await screenshot(page, 'smoke-1366x768')}`);
  console.log(`screenshot: ${await screenshot(page, 'smoke-full-page', { fullPage: true })}`);
  assert.equal(await page.locator('[role=alert]#mtfp-fatal').count(), 0, 'no fatal banner');
  assertClean(app);
  await app.close();
});

test('the served page has no live-reload or WebSocket script', async () => {
  const html = await (await fetch(BASE_URL)).text();
  assert.doesNotMatch(html, /__trunk|WebSocket|new\s+WebSocket/i);
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
  const modules = [...html.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+\.js)['"]/g)].map((m) => m[1]);
  for (const src of [...scripts, ...modules]) {
    const js = await (await fetch(new URL(src, BASE_URL))).text();
    assert.doesNotMatch(js, /__trunk|new\s+WebSocket/i, `${src} opens no socket`);
  }
});

test('the wasm is served as application/wasm', async () => {
  const html = await (await fetch(BASE_URL)).text();
  const wasm = html.match(/['"]([^'"]+\.wasm)['"]/);
  assert.ok(wasm, 'the page names its .wasm file');
  const res = await fetch(new URL(wasm[1], BASE_URL));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/wasm');
});

test('the JS glue is served minified, with an integrity hash that matches it', async () => {
  const html = await (await fetch(BASE_URL)).text();
  const link = html.match(/<link[^>]*rel=["']?modulepreload[^>]*>/);
  assert.ok(link, 'the page preloads its JS glue');
  const href = link[0].match(/href=["']?([^"' >]+\.js)/);
  const integrity = link[0].match(/integrity=["']?(sha384-[A-Za-z0-9+/=]+)/);
  assert.ok(href && integrity, `the preload names the glue and its hash: ${link[0]}`);
  const js = await (await fetch(new URL(href[1], BASE_URL))).text();
  const digest = `sha384-${createHash('sha384').update(js).digest('base64')}`;
  assert.equal(digest, integrity[1], 'the integrity hash is the served file\'s');
  // wasm-bindgen writes the glue one statement a line, over 1,000 lines; terser (the
  // release build's hook, e2e/minify-glue.mjs) writes it on one.
  assert.ok(js.split('\n').length < 20, `the glue is minified (${js.split('\n').length} lines)`);
});
