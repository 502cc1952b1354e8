//! Every route a scenario is read by (the model's reader, file import, share links, the
//! browser store, the `mtfp` tool from a file and from standard input) reads files from
//! other tools the same way: a leading byte-order mark is fine; a file from a newer
//! planner says so before any field complaint; UTF-16 and stray bytes say what they are.

use std::ffi::OsString;
use std::path::PathBuf;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use planner::cli;
use planner::model::{baseline, engine, Scenario};
use planner::store::{import, legacy, pack, records, share};

const NEWER: &str = "this scenario was written by a newer version of the planner (scenario \
                     schema 99; this version reads schemas 1 to 2): open it in the newer version";

fn baseline_text() -> String {
    baseline::nottinghamshire().unwrap().to_json()
}

/// The baseline as schema 99 whose fields also differ (one renamed, one new): only the
/// schema should be mentioned.
fn newer_text() -> String {
    let mut v: serde_json::Value = serde_json::from_str(&baseline_text()).unwrap();
    let o = v.as_object_mut().unwrap();
    o.insert("schema".into(), 99.into());
    let horizon = o.remove("horizon").unwrap();
    o.insert("plan_years".into(), horizon);
    o.insert("risk".into(), serde_json::json!({"draws": 1000}));
    v.to_string()
}

fn with_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(text.as_bytes());
    bytes
}

fn utf16_notepad(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

/// A share fragment carrying `bytes` as the scenario text (as `share::encode` packs it).
fn link(bytes: &[u8]) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec(bytes, 9);
    format!("share=1.{}", URL_SAFE_NO_PAD.encode(packed))
}

/// The browser store holding one scenario, given as JSON text.
fn stored(scenario: &str) -> String {
    format!(
        r#"{{"schema":2,"current":"s1","next_id":2,"scenarios":[{{"id":1,"scenario":{scenario},"log":[]}}]}}"#
    )
}

fn file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("reading_routes");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// `mtfp ARGS…` run in-process, with `stdin`: the output, or the exit code and message.
fn mtfp(args: &[&str], stdin: &[u8]) -> Result<String, (u8, String)> {
    let args: Vec<OsString> = args.iter().map(OsString::from).collect();
    let mut out = Vec::new();
    cli::run_os(args, &mut &stdin[..], &mut out).map_err(|f| (f.code, f.message))?;
    Ok(String::from_utf8(out).unwrap())
}

#[test]
fn a_byte_order_mark_is_accepted_by_every_reader() {
    let base = baseline::nottinghamshire().unwrap();
    let text = baseline_text();
    let bom = with_bom(&text);
    let bom_text = String::from_utf8(bom.clone()).unwrap();
    assert_eq!(Scenario::from_json(&bom_text).unwrap(), base);
    assert_eq!(Scenario::from_bytes(&bom).unwrap(), base);
    assert_eq!(import::scenario("notepad.json", &bom).unwrap(), base);
    assert_eq!(share::decode(&link(&bom)).unwrap(), base);
    // The CLI, from a file and from standard input, gives the baseline's figures.
    let expected = mtfp(&["project"], b"").unwrap();
    let path = file("bom.json", &bom);
    assert_eq!(
        mtfp(&["project", path.to_str().unwrap()], b"").unwrap(),
        expected
    );
    assert_eq!(mtfp(&["project", "-"], &bom).unwrap(), expected);
    // And the imported scenario projects as the baseline does.
    let p = engine::project(&import::scenario("notepad.json", &bom).unwrap()).unwrap();
    assert_eq!(p, engine::project(&base).unwrap());
}

#[test]
fn a_newer_schema_is_named_first_on_every_route() {
    let text = newer_text();
    assert_eq!(Scenario::from_json(&text).unwrap_err().to_string(), NEWER);
    assert_eq!(
        import::scenario("next-year.json", text.as_bytes())
            .unwrap_err()
            .to_string(),
        format!("next-year.json was not imported: {NEWER}")
    );
    assert_eq!(
        share::decode(&link(text.as_bytes()))
            .unwrap_err()
            .to_string(),
        format!("This share link's scenario could not be read: {NEWER}.")
    );
    // The browser store: a scenario record whose contents a newer planner wrote.
    let contents = format!("{{\"scenario\":{text},\"log\":[]}}");
    let record = format!(
        "{{\"v\":3,\"id\":1,\"name\":\"Next year\"}}\n{}",
        pack::pack(&contents, pack::STORE_LEVEL)
    );
    let opened = records::open(&[("s1".into(), record)], &[], None);
    let entry = opened.collection.get(1).unwrap();
    assert_eq!(entry.scenario().unwrap_err().to_string(), NEWER);
    // Older saved work in local storage.
    let loaded = legacy::decode(&stored(&text));
    assert_eq!(loaded.collection.entries().len(), 0);
    assert_eq!(
        loaded.problems,
        vec![format!(
            "Saved scenario 1 ('Nottinghamshire baseline') could not be read: {NEWER}."
        )]
    );
    assert!(loaded.unreadable.unwrap().contains("\"schema\": 99"));
    let path = file("next-year.json", text.as_bytes());
    let shown = path.display().to_string();
    assert_eq!(
        mtfp(&["project", &shown], b""),
        Err((2, format!("{shown}: {NEWER}")))
    );
    assert_eq!(
        mtfp(&["workforce", "-"], text.as_bytes()),
        Err((2, format!("standard input: {NEWER}")))
    );
}

#[test]
fn utf16_and_stray_bytes_are_described_on_every_route() {
    let text = baseline_text();
    let utf16 = utf16_notepad(&text);
    let save = "the file is UTF-16 text (Windows Notepad calls it \"Unicode\"): save it as \
                UTF-8 and try again";
    assert_eq!(Scenario::from_bytes(&utf16).unwrap_err().to_string(), save);
    assert_eq!(
        import::scenario("unicode.json", &utf16)
            .unwrap_err()
            .to_string(),
        format!("unicode.json was not imported: {save}")
    );
    assert_eq!(
        mtfp(&["project", "-"], &utf16),
        Err((2, format!("standard input: {save}")))
    );
    let path = file("unicode.json", &utf16);
    let shown = path.display().to_string();
    assert_eq!(
        mtfp(&["uplift", &shown], b""),
        Err((2, format!("{shown}: {save}")))
    );
    assert_eq!(
        share::decode(&link(&utf16)).unwrap_err().to_string(),
        "This share link is damaged: its data is not text."
    );

    // "£" written by a Windows-1252 editor: one byte, 0xA3, where UTF-8 needs two.
    let at = text.find('£').unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let mut bytes = text.as_bytes().to_vec();
    bytes.splice(at..at + 2, [0xA3]);
    let stray = format!(
        "the file is not UTF-8 text: the byte at offset {at} (line {line}) is 0xA3, which \
         UTF-8 does not allow there; save it as UTF-8 (a scenario is a JSON text file)"
    );
    assert_eq!(
        import::scenario("1252.json", &bytes)
            .unwrap_err()
            .to_string(),
        format!("1252.json was not imported: {stray}")
    );
    assert_eq!(
        mtfp(&["project", "-"], &bytes),
        Err((2, format!("standard input: {stray}")))
    );
}
