//! Wasm modules loaded on demand: each is a binary of this crate (`planner-more`: compare,
//! presentation mode, the print pack; `planner-xlsx`: the workbook writer) that Trunk
//! builds beside the workspace but the page does not load. The build gives its files hashed
//! names and writes the glue's name into the page as `<meta name="mtfp-NAME">`
//! (`e2e/lazy-modules.mjs`); [`load`] imports it the first time it is asked for and reuses
//! it after, with the stylesheets only its screens use (`<meta name="mtfp-NAME-style">`).
//! See docs/scenarios.md, "Modules loaded on demand".

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// `load_module(name)`: the module NAME, loaded once. Its address is in the page (a hashed
// file name, written in by the build), relative to the page, so a site served from a
// sub-path works too. A load that failed is forgotten, so the next request tries again.
// `styles(name)`: the stylesheets only module NAME's screens use (`<meta
// name="mtfp-NAME-style">`, written by the build), added to the page with the module and
// waited for, so none of its screens is drawn unstyled; a stylesheet that fails to arrive
// leaves its screen plain, not broken. (Comments stay out of the script: it is shipped as
// written.)
#[wasm_bindgen(inline_js = r#"
const loading = new Map();
function styles(name) {
  const metas = document.querySelectorAll(`meta[name="mtfp-${name}-style"]`);
  return Promise.all(Array.from(metas, (meta) => new Promise((done) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.onload = link.onerror = () => done();
    link.href = new URL(meta.content, document.baseURI).href;
    document.head.appendChild(link);
  })));
}
export function load_module(name) {
  let module = loading.get(name);
  if (module === undefined) {
    const meta = document.querySelector(`meta[name="mtfp-${name}"]`);
    const url = new URL(meta ? meta.content : `planner-${name}.js`, document.baseURI);
    module = Promise.all([
      import(url.href).then(async (m) => {
        await m.default();
        return m;
      }),
      styles(name),
    ]).then(([m]) => m);
    module.catch(() => loading.delete(name));
    loading.set(name, module);
  }
  return module;
}
"#)]
extern "C" {
    fn load_module(name: &str) -> js_sys::Promise;
}

/// The module `name` (`more` for bin `planner-more`), started; `Err` if its files did not
/// arrive.
pub async fn load(name: &str) -> Result<JsValue, ()> {
    wasm_bindgen_futures::JsFuture::from(load_module(name))
        .await
        .map_err(|_| ())
}

/// Call the module's exported function `name` with `args`; its error message on failure.
pub fn call(module: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let f: js_sys::Function = js_sys::Reflect::get(module, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| format!("the module loaded on demand has no {name}"))?;
    let args: js_sys::Array = args.iter().collect();
    f.apply(&JsValue::NULL, &args).map_err(|e| {
        e.as_string()
            .unwrap_or_else(|| "the module loaded on demand failed".into())
    })
}
