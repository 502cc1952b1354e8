// The page's Content-Security-Policy, completed at build time (e2e/post-build.mjs).
//
// index.html carries the policy in a <meta http-equiv="Content-Security-Policy"> tag. Two
// inline scripts must run under it: the fatal-error banner in index.html, and the module
// script Trunk adds to start the wasm, whose text names the hashed file names and so
// changes with every build (`trunk serve` adds a third, its live-reload script). A policy
// without 'unsafe-inline' runs an inline script or style only if its SHA-256 is listed, so
// withInlineHashes() adds the hash of every inline <script> to script-src and of every
// <style> element to style-src. An injected script has no listed hash and is blocked.
//
// `trunk serve` fills two placeholders in its live-reload script as it serves each request
// (the server's address and the socket's path), which would change the script after its
// hash was taken. withLiveReloadResolved() fills them first, as Trunk 0.21 would with no
// Host header and no ws_base setting (window.location.host, and the public URL), so the
// served script is the one hashed and live reload works under the policy too.

import { createHash } from 'node:crypto';

const META = /<meta\b[^>]*\bhttp-equiv=(["']?)content-security-policy\1[^>]*>/gi;
const CONTENT = /\bcontent=(["'])([\s\S]*?)\1/i;
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;

/** The CSP source expression for an inline element's text. */
export const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * `html` with the placeholders of `trunk serve`'s live-reload script filled in (none in a
 * `trunk build`), `publicUrl` being the build's public URL (TRUNK_PUBLIC_URL).
 */
export function withLiveReloadResolved(html, publicUrl) {
  const base = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
  return html
    .replace(/(['`])\{\{__TRUNK_ADDRESS__\}\}\1/g, 'window.location.host')
    .replaceAll('{{__TRUNK_WS_BASE__}}', base);
}

/**
 * `html` with the SHA-256 of each inline script and style added to its CSP meta tag's
 * script-src and style-src. Throws if the page has no such tag (or more than one), if the
 * tag comes after a script or style it should govern, if a directive is missing, or if the
 * policy allows 'unsafe-inline'.
 */
export function withInlineHashes(html) {
  const metas = [...html.matchAll(META)];
  if (metas.length !== 1) {
    throw new Error(`expected one Content-Security-Policy meta tag, found ${metas.length}`);
  }
  const [meta] = metas;
  const first = html.search(/<(script|style|link)\b/i);
  if (first !== -1 && first < meta.index) {
    throw new Error('the Content-Security-Policy meta tag must come before every script, style and link');
  }
  const content = meta[0].match(CONTENT);
  if (!content) throw new Error('the Content-Security-Policy meta tag has no content');
  const [, quote, policy] = content;
  if (/'unsafe-inline'/.test(policy)) throw new Error("the policy must not allow 'unsafe-inline'");

  const scripts = [...html.matchAll(SCRIPT)]
    .filter(([, attrs]) => !/\bsrc\s*=/i.test(attrs))
    .map(([, , body]) => sha256(body));
  const styles = [...html.matchAll(STYLE)].map(([, body]) => sha256(body));
  const add = { 'script-src': scripts, 'style-src': styles };
  const directives = policy.split(';').map((d) => d.trim()).filter(Boolean);
  for (const name of Object.keys(add)) {
    if (!directives.some((d) => d.split(/\s+/)[0] === name)) {
      throw new Error(`the policy has no ${name} directive`);
    }
  }
  const completed = directives
    .map((d) => {
      const hashes = add[d.split(/\s+/)[0]] ?? [];
      const have = new Set(d.split(/\s+/));
      return [d, ...[...new Set(hashes)].filter((h) => !have.has(h))].join(' ');
    })
    .join('; ');
  const tag = meta[0].replace(CONTENT, () => `content=${quote}${completed}${quote}`);
  return html.slice(0, meta.index) + tag + html.slice(meta.index + meta[0].length);
}
