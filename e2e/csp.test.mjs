// The page's Content-Security-Policy: the built page carries it with a hash for each of
// its own inline scripts and styles, the app runs under it without a single violation
// (every journey checks that through openApp and assertClean), and whatever is injected
// (an inline script, an event-handler attribute, a style attribute, a script from
// elsewhere) is blocked.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sha256, withInlineHashes, withLiveReloadResolved } from './csp.mjs';
import { ROOT, assertClean, launch, openApp } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

test('the built page carries the policy, with the hash of each of its inline scripts and styles', async () => {
  const html = await readFile(join(ROOT, 'dist', 'index.html'), 'utf8');
  const meta = html.match(/<meta\b[^>]*http-equiv=["']?Content-Security-Policy[^>]*>/i);
  assert.ok(meta, 'a CSP meta tag');
  assert.ok(html.indexOf(meta[0]) < html.search(/<script\b/i), 'before the first script');
  const policy = meta[0].match(/content="([^"]*)"/)[1];
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*/);
  const directives = policy.split('; ');
  const inline = (tag) =>
    [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'gi'))]
      .filter(([, attrs]) => !/\bsrc=/.test(attrs))
      .map(([, , body]) => sha256(body));
  const scripts = inline('script');
  const styles = inline('style');
  assert.equal(scripts.length, 2, "the banner and Trunk's loader");
  assert.equal(styles.length, 1, "the banner's styles");
  assert.deepEqual(
    directives.map((d) => d.split(' ').filter((s) => !s.startsWith("'sha256-")).join(' ')),
    POLICY,
  );
  assert.equal(directives[1], [POLICY[1], ...scripts].join(' '));
  assert.equal(directives[2], [POLICY[2], ...styles].join(' '));
});

test('the app runs under the policy, and anything injected is blocked', async () => {
  const app = await openApp(browser);
  const { page } = app;
  // The wasm started: the charts are drawn.
  await page.waitForSelector('#chart-gap svg', { state: 'attached' });
  assert.deepEqual(app.cspViolations, [], 'no violation while the app starts');

  const injected = await page.evaluate(async () => {
    const seen = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective));
    const script = document.createElement('script');
    script.textContent = 'window.__injected = "inline script ran";';
    document.body.append(script);
    const handler = document.createElement('img');
    handler.setAttribute('onerror', 'window.__injected = "event handler ran"');
    handler.src = 'data:,not-an-image';
    document.body.append(handler);
    const styled = document.createElement('p');
    styled.setAttribute('style', 'color: rgb(255, 0, 0)');
    styled.textContent = 'styled';
    document.body.append(styled);
    const style = document.createElement('style');
    style.textContent = 'p { outline: 5px solid rgb(255, 0, 0); }';
    document.head.append(style);
    // Violations are reported asynchronously.
    for (let i = 0; i < 100 && seen.length < 4; i++) await new Promise((r) => setTimeout(r, 20));
    const out = {
      ran: window.__injected ?? null,
      colour: getComputedStyle(styled).color,
      outline: getComputedStyle(styled).outlineStyle,
      seen: [...new Set(seen)].sort(),
    };
    [script, handler, styled, style].forEach((el) => el.remove());
    return out;
  });
  assert.equal(injected.ran, null, 'no injected code ran');
  assert.notEqual(injected.colour, 'rgb(255, 0, 0)', 'the style attribute was ignored');
  assert.equal(injected.outline, 'none', 'the injected <style> was ignored');
  assert.deepEqual(injected.seen, ['script-src-attr', 'script-src-elem', 'style-src-attr', 'style-src-elem']);
  // The page's own recorder saw them too: the check every journey makes does work.
  assert.equal(app.cspViolations.length >= 4, true, app.cspViolations.join('\n'));
  assert.ok(app.cspViolations.some((v) => v.startsWith('script-src-elem: inline')), app.cspViolations.join('\n'));
  app.cspViolations.length = 0;
  app.consoleErrors.length = 0; // Chromium logs each refusal as a console error.

  // The app still works afterwards, and made no violation of its own.
  await page.fill('#band-d', '260');
  await page.waitForFunction(() => !document.querySelector('[data-figure="cumulative-gap"]')?.innerText.includes('£8.1m'));
  assertClean(app);
  await app.close();
});

test('the build step adds hashes, and refuses a page it cannot make safe', () => {
  const page = (head) => `<!doctype html><html><head>${head}</head><body></body></html>`;
  const meta = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'">`;
  const out = withInlineHashes(page(`${meta}<script>go()</script><script src="/a.js"></script><style>p{}</style>`));
  assert.match(out, new RegExp(`script-src 'self' ${sha256('go()').replace(/[+/]/g, '\\$&')}; style-src 'self' ${sha256('p{}').replace(/[+/]/g, '\\$&')}"`));
  // Run twice (a rebuild of the same page): no hash twice.
  assert.equal(withInlineHashes(out), out);
  assert.throws(() => withInlineHashes(page('<script>go()</script>')), /one Content-Security-Policy meta tag, found 0/);
  assert.throws(() => withInlineHashes(page(`<script>go()</script>${meta}`)), /must come before/);
  assert.throws(
    () => withInlineHashes(page(meta.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"))),
    /must not allow 'unsafe-inline'/,
  );
  assert.throws(() => withInlineHashes(page(meta.replace("; style-src 'self'", ''))), /no style-src directive/);
});

test("trunk serve's live-reload script is completed before it is hashed", () => {
  const served = "<script>const a=`{{__TRUNK_ADDRESS__}}`,b='{{__TRUNK_ADDRESS__}}',c='{{__TRUNK_WS_BASE__}}';</script>";
  assert.equal(
    withLiveReloadResolved(served, '/mtfp'),
    "<script>const a=window.location.host,b=window.location.host,c='/mtfp/';</script>",
  );
  const built = '<script>go()</script>';
  assert.equal(withLiveReloadResolved(built, '/'), built);
});
