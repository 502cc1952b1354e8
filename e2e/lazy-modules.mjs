// The files of the modules loaded on demand (bin planner-more: compare, presentation mode,
// the print pack; bin planner-xlsx: the Excel workbook writer), which Trunk builds as
// "workers" so the page does not load them, get content-hashed names like every other file
// of the app, so a server can let browsers cache them for good. The page learns each glue's
// name from <meta name="mtfp-NAME" content="…"> (mtfp-more, mtfp-xlsx), which
// src/app/lazy.rs reads when the module is first asked for; scripts/size-report.sh reads
// the same tags to count these files as fetched on demand. Called by e2e/post-build.mjs;
// release builds also minify the glue with terser, as the main glue is.

import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';

/** The modules, by the binary's name. */
export const MODULES = ['planner-more', 'planner-xlsx'];

/** Rename each module's files in `staging` to hashed names and return `html` naming them. */
export async function withLazyModules(staging, html, { release }) {
  let out = html;
  for (const bin of MODULES) {
    const glueFile = join(staging, `${bin}.js`);
    const wasmFile = join(staging, `${bin}_bg.wasm`);
    let glue = await readFile(glueFile, 'utf8');
    const wasm = await readFile(wasmFile);
    if (release) {
      const { code } = await minify(glue, {
        module: true,
        compress: { passes: 2 },
        mangle: true,
        format: { comments: false },
      });
      if (!code || !code.includes('export')) throw new Error(`terser returned no module for ${bin}.js`);
      glue = code;
    }
    const hash = createHash('sha256').update(glue).update(wasm).digest('hex').slice(0, 16);
    const wasmName = `${bin}-${hash}_bg.wasm`;
    const glueName = `${bin}-${hash}.js`;
    const mentions = glue.split(`${bin}_bg.wasm`).length - 1;
    if (mentions !== 1) {
      throw new Error(`expected ${bin}.js to name ${bin}_bg.wasm once, found ${mentions}`);
    }
    glue = glue.replace(`${bin}_bg.wasm`, wasmName);
    await writeFile(join(staging, glueName), glue);
    await writeFile(join(staging, wasmName), wasm);
    await rm(glueFile);
    await rm(wasmFile);
    const meta = `<meta name="mtfp-${bin.replace(/^planner-/, '')}" content="${glueName}" />`;
    if (!out.includes('</head>')) throw new Error('index.html has no </head>');
    out = out.replace('</head>', `${meta}</head>`);
    console.log(`lazy-modules: ${bin} -> ${glueName}, ${wasmName}`);
  }
  return out;
}

/**
 * The stylesheets only the screens of module `planner-more` use: its screens in the
 * workspace (more), presentation mode (present), the print pack (print).
 */
export const MORE_STYLES = ['more', 'present', 'print'];

/**
 * `html` with the <link rel=stylesheet> Trunk wrote for each of MORE_STYLES replaced by
 * <meta name="mtfp-more-style" content="HREF">: the page does not fetch
 * them when it opens; src/app/lazy.rs adds the links when module more is first loaded and
 * waits for them with the module, so a screen of the module is never drawn unstyled.
 * scripts/size-report.sh counts them with the module. Throws if a stylesheet is missing.
 */
export function withLazyStyles(html) {
  let out = html;
  for (const name of MORE_STYLES) {
    const link = new RegExp(`<link\\b[^>]*\\bhref=["']?([^"'\\s>]*\\b${name}-[0-9a-f]+\\.css)["']?[^>]*>`);
    const m = out.match(link);
    if (!m) throw new Error(`index.html has no stylesheet link for ${name}.css`);
    // Like the module's own files, fetched without a subresource-integrity hash (the
    // Content-Security-Policy allows only the site's own styles).
    out = out.replace(m[0], `<meta name="mtfp-more-style" content="${m[1]}" />`);
    console.log(`lazy-modules: ${m[1]} loaded with module more`);
  }
  return out;
}
