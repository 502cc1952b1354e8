//! The browser's side of files, links and the clipboard: the location, Blob URLs and
//! canvases, and opening the stored workspace (storage itself is [`super::storage`]).
//! Everything it reads or writes is encoded and decoded by the pure [`crate::store`].

use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement};

use super::autosave::Start;
use super::storage;
use crate::model::scenario::Scenario;
use crate::model::ModelError;
use crate::store::records;
use crate::store::session::{Notice, Place, Recovery, Workspace};

/// The workspace as the user left it: the baseline, the stored scenarios (older saved work
/// moved in, the journal of changes the last visit could not confirm laid over), and the
/// scenario of a share link in the address (which is then taken out of the address, so a
/// reload does not add it twice). Also what autosave needs to carry on from there.
pub async fn open(baseline: Scenario) -> Result<(Workspace, Start), ModelError> {
    let found = storage::open().await;
    let legacy = storage::legacy_keys();
    let journal = storage::journal();
    let opened = if found.newer_database {
        records::open_newer(&found.records, &legacy)
    } else if found.backend.is_database() {
        records::open(&found.records, &legacy, journal.as_deref())
    } else {
        records::open(&found.records, &legacy, None)
    };
    let hash = web_sys::window().and_then(|w| w.location().hash().ok());
    let fragment = hash.as_deref().map(|h| h.trim_start_matches('#'));
    let recovery = Recovery {
        problems: opened.problems,
        kept: opened.kept,
        newer: opened.newer,
    };
    let mut ws = Workspace::open(baseline, opened.collection, recovery, fragment)?;
    if fragment.is_some_and(crate::store::share::is_share_fragment) {
        clear_fragment();
    }
    if let Some(note) = found.note {
        if ws.notice.is_none() {
            ws.notice = Some(Notice {
                place: Place::Storage,
                error: !found.backend.keeps(),
                text: note,
            });
        }
    }
    let start = Start {
        journal: journal.is_some() && found.backend.is_database() && !opened.newer,
        backend: found.backend,
        saved: opened.saved,
        newer: opened.newer,
        moves: opened.moves,
        retire: opened.retire,
    };
    Ok((ws, start))
}

/// Take the fragment out of the address bar without reloading or adding history.
pub fn clear_fragment() {
    let Some(w) = web_sys::window() else { return };
    let path = w.location().pathname().unwrap_or_default().to_string()
        + &w.location().search().unwrap_or_default();
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&path));
    }
}

/// The address's fragment, if it carries a share link.
pub fn share_fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let fragment = hash.trim_start_matches('#');
    crate::store::share::is_share_fragment(fragment).then(|| fragment.to_string())
}

/// The address that opens the app with `fragment`.
pub fn link_with(fragment: &str) -> String {
    let Some(w) = web_sys::window() else {
        return format!("#{fragment}");
    };
    let l = w.location();
    format!(
        "{}{}{}#{fragment}",
        l.origin().unwrap_or_default(),
        l.pathname().unwrap_or_default(),
        l.search().unwrap_or_default()
    )
}

/// Put `text` on the clipboard (silently nothing where the browser refuses).
pub fn copy(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// Why a file could not be offered for download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DownloadError {
    /// The page is not there to offer it (it is closing).
    NoPage,
    /// The browser would not make the file.
    NotMade,
    /// The browser cannot draw the chart as a PNG.
    NoPng,
    /// The chart could not be drawn (why).
    Chart(String),
}

impl std::fmt::Display for DownloadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DownloadError::NoPage => {
                f.write_str("The file could not be offered: the page is closing.")
            }
            DownloadError::NotMade => f.write_str("The file could not be made."),
            DownloadError::NoPng => {
                f.write_str("The PNG could not be made in this browser; try the SVG.")
            }
            DownloadError::Chart(why) => write!(f, "The chart could not be drawn: {why}"),
        }
    }
}

fn click_download(href: &str, filename: &str) -> Result<(), DownloadError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(DownloadError::NoPage)?;
    let a: HtmlAnchorElement = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into().ok())
        .ok_or(DownloadError::NotMade)?;
    a.set_href(href);
    a.set_download(filename);
    let body = document.body().ok_or(DownloadError::NoPage)?;
    let _ = body.append_child(&a);
    a.click();
    a.remove();
    Ok(())
}

/// Offer `content` as a file download called `filename`.
pub fn download(filename: &str, mime: &str, content: &str) -> Result<(), DownloadError> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| DownloadError::NotMade)?;
    offer(&blob, filename)
}

/// Offer `bytes` (a binary file, such as a workbook a module loaded on demand made) as a
/// file download called `filename`.
pub fn download_bytes(
    filename: &str,
    mime: &str,
    bytes: &js_sys::Uint8Array,
) -> Result<(), DownloadError> {
    let parts = js_sys::Array::of1(bytes);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| DownloadError::NotMade)?;
    offer(&blob, filename)
}

/// Offer `blob` as a download called `filename`.
fn offer(blob: &web_sys::Blob, filename: &str) -> Result<(), DownloadError> {
    let url =
        web_sys::Url::create_object_url_with_blob(blob).map_err(|_| DownloadError::NotMade)?;
    let result = click_download(&url, filename);
    // The browser has taken the file by the time click() returns; revoke a little later
    // all the same, as some browsers read it asynchronously.
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    result
}

/// Draw an SVG document onto a canvas at twice its size and offer it as a PNG download.
/// `on_error` is called if the browser cannot draw it.
pub fn download_png(
    svg: &str,
    width: u32,
    height: u32,
    filename: String,
    on_error: impl Fn(DownloadError) + 'static,
) {
    let fail = |on_error: &dyn Fn(DownloadError)| on_error(DownloadError::NoPng);
    let Ok(img) = HtmlImageElement::new() else {
        return fail(&on_error);
    };
    let scale = 2;
    let src = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(svg))
    );
    let loaded = img.clone();
    let onload = Closure::once_into_js(move || {
        let drawn = (|| -> Option<()> {
            let document = web_sys::window()?.document()?;
            let canvas: HtmlCanvasElement =
                document.create_element("canvas").ok()?.dyn_into().ok()?;
            canvas.set_width(width * scale);
            canvas.set_height(height * scale);
            let ctx: web_sys::CanvasRenderingContext2d =
                canvas.get_context("2d").ok()??.dyn_into().ok()?;
            ctx.set_fill_style_str("#ffffff");
            ctx.fill_rect(
                0.0,
                0.0,
                f64::from(width * scale),
                f64::from(height * scale),
            );
            ctx.draw_image_with_html_image_element_and_dw_and_dh(
                &loaded,
                0.0,
                0.0,
                f64::from(width * scale),
                f64::from(height * scale),
            )
            .ok()?;
            let url = canvas.to_data_url_with_type("image/png").ok()?;
            click_download(&url, &filename).ok()
        })();
        if drawn.is_none() {
            on_error(DownloadError::NoPng);
        }
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&src);
}

/// A file name from a scenario name: "Pay 4% from 2024" → "pay-4-from-2024".
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out
        .trim_end_matches('-')
        .chars()
        .take(60)
        .collect::<String>();
    if out.is_empty() {
        "scenario".into()
    } else {
        out
    }
}
