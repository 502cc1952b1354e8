// Minifies wasm-bindgen's JavaScript glue and the snippets it imports in release builds and
// updates their integrity hashes in index.html to match (called by e2e/post-build.mjs).
//
// Trunk 0.21 minifies HTML and CSS itself, but its JavaScript minifier cannot parse the
// glue (`export default`), so it ships the glue as written: 46 KB, 7.9 KB gzip. terser
// (pinned in e2e/package.json) takes about 2 KB gzip off it. Debug builds are left as they
// are, for readable stack traces.

import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';
import { MODULES } from './lazy-modules.mjs';

/**
 * Minify the page's glue (the one .js file in `staging` besides those of the modules loaded
 * on demand, e2e/lazy-modules.mjs, which minifies them itself) and return `html` with its
 * new integrity hash.
 */
export async function minifyGlue(staging, html) {
  const lazy = (f) => MODULES.some((bin) => f.startsWith(`${bin}-`) || f === `${bin}.js`);
  const glue = (await readdir(staging)).filter((f) => f.endsWith('.js') && !lazy(f));
  if (glue.length !== 1) {
    throw new Error(`expected one .js file in ${staging}, found ${glue.length}: ${glue.join(', ')}`);
  }
  let out = await minifyFile(staging, glue[0], html);
  // The snippets the glue imports (`#[wasm_bindgen(inline_js)]`, shipped as written), each
  // preloaded with its own integrity hash.
  const snippets = (await readdir(join(staging, 'snippets'), { recursive: true }).catch(() => []))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `snippets/${f.split('\\').join('/')}`);
  for (const snippet of snippets) {
    out = await minifyFile(staging, snippet, out);
  }
  return out;
}

/** Minify `staging/name` and update the integrity hash of its preload link in `html`. */
async function minifyFile(staging, name, html) {
  const file = join(staging, name);
  const source = await readFile(file, 'utf8');
  const { code } = await minify(source, {
    module: true,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  if (!code || !code.includes('export')) {
    throw new Error(`terser returned no module for ${name}`);
  }
  await writeFile(file, code);

  // The <link rel=modulepreload> for the file carries its SHA-384 (subresource integrity).
  const sri = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
  const tag = new RegExp(`<link[^>]*href=["']?/?${name.replace(/[.]/g, '\\.')}["']?[^>]*>`, 'g');
  let updated = 0;
  const out = html.replace(tag, (link) =>
    link.replace(/integrity=(["']?)sha384-[A-Za-z0-9+/=]+\1/, (_, q) => {
      updated += 1;
      return `integrity=${q}${sri(code)}${q}`;
    }),
  );
  if (updated !== 1) {
    throw new Error(`expected one integrity hash for ${name} in index.html, found ${updated}`);
  }
  console.log(`minify-glue: ${name} ${source.length} -> ${code.length} bytes`);
  return out;
}
