// Trunk post_build hook (Trunk.toml): runs in Trunk's staging folder (TRUNK_STAGING_DIR),
// after index.html is written and before the folder becomes dist/. One hook, so the two
// steps that rewrite index.html run in order (Trunk starts a stage's hooks all at once):
//
// 1. every build: give the files of the modules loaded on demand hashed names and write
//    each glue's name into the page (lazy-modules.mjs; release builds also minify that glue);
//    the stylesheets only that module's screens use become tags naming them, not links;
// 2. release builds: minify wasm-bindgen's glue and update its integrity hash
//    (minify-glue.mjs);
// 3. every build: add the hashes of the page's inline scripts and styles to its
//    Content-Security-Policy (csp.mjs), so they run and nothing else inline does (under
//    `trunk serve`, after filling in its live-reload script's placeholders).
//
// Any failure fails the build: a page whose hashes do not match its scripts would not start.

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withInlineHashes, withLiveReloadResolved } from './csp.mjs';
import { withLazyModules, withLazyStyles } from './lazy-modules.mjs';
import { minifyGlue } from './minify-glue.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  throw new Error('post-build.mjs is a Trunk hook: TRUNK_STAGING_DIR is not set');
}
const htmlFile = join(staging, 'index.html');
let html = await readFile(htmlFile, 'utf8');
html = withLazyStyles(
  await withLazyModules(staging, html, { release: process.env.TRUNK_PROFILE === 'release' }),
);
if (process.env.TRUNK_PROFILE === 'release') {
  html = await minifyGlue(staging, html);
}
html = withInlineHashes(withLiveReloadResolved(html, process.env.TRUNK_PUBLIC_URL ?? '/'));
await writeFile(htmlFile, html);
