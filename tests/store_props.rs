//! Fuzz-style property tests: no input to the scenario, storage, share-link or import
//! decoders panics, whatever it is (random text, random bytes, damaged real links and
//! files), and good data always round-trips.

use std::sync::OnceLock;

use planner::model::{baseline, Scenario};
use planner::store::records::{self, Memory, Saved};
use planner::store::{csv, import, legacy, share, Collection};
use proptest::prelude::*;

fn baseline_json() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| baseline::nottinghamshire().unwrap().to_json())
}

fn baseline_link() -> &'static str {
    static LINK: OnceLock<String> = OnceLock::new();
    LINK.get_or_init(|| share::encode(&baseline::nottinghamshire().unwrap()).unwrap())
}

fn stored() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let s: serde_json::Value =
            serde_json::from_str(&baseline::nottinghamshire().unwrap().to_json()).unwrap();
        serde_json::json!({
            "schema": 2, "current": "s1", "next_id": 2,
            "scenarios": [{ "id": 1, "scenario": s, "log": [] }]
        })
        .to_string()
    })
}

/// `text` with the bytes in `edits` overwritten (positions taken modulo its length), kept
/// as a string where possible.
/// The record the store keeps for a baseline-sized scenario.
fn record() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let mut c = Collection::new();
        c.add(baseline::nottinghamshire().unwrap(), Vec::new(), "");
        let mut m = Memory::default();
        m.apply(&Saved::default().plan(&c).ops);
        m.records().into_iter().find(|(k, _)| k == "s1").unwrap().1
    })
}

fn damage(text: &str, edits: &[(usize, u8)]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for (at, b) in edits {
        if !bytes.is_empty() {
            let i = at % bytes.len();
            bytes[i] = *b;
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_decodes_without_panicking(text in any::<String>()) {
        let _ = share::decode(&text);
        let _ = share::decode(&format!("share=1.{text}"));
        let _ = legacy::decode(&text);
        let _ = Scenario::from_json(&text);
        let _ = import::scenario("x.json", text.as_bytes());
        let _ = csv::cell(&text);
    }

    #[test]
    fn any_bytes_import_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = import::scenario("x.json", &bytes);
    }

    #[test]
    fn link_alphabet_noise_decodes_without_panicking(data in "[A-Za-z0-9_-]{0,4000}") {
        let _ = share::decode(&format!("share=1.{data}"));
    }

    #[test]
    fn damaged_links_decode_without_panicking(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8),
        cut in any::<usize>(),
    ) {
        let link = baseline_link();
        if let Ok(text) = String::from_utf8(damage(link, &edits)) {
            let _ = share::decode(&text);
        }
        let _ = share::decode(link.get(..cut % link.len()).unwrap_or(""));
    }

    #[test]
    fn damaged_scenario_files_decode_without_panicking(
        edits in proptest::collection::vec((any::<usize>(), 0x20u8..0x7f), 1..6),
        cut in any::<usize>(),
    ) {
        let text = baseline_json();
        let bytes = damage(text, &edits);
        let _ = import::scenario("x.json", &bytes);
        let _ = import::scenario("x.json", &bytes[..cut % bytes.len()]);
    }

    #[test]
    fn damaged_storage_never_panics_and_never_loses_its_text(
        edits in proptest::collection::vec((any::<usize>(), 0x20u8..0x7f), 1..6),
    ) {
        let bytes = damage(stored(), &edits);
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let loaded = legacy::decode(&text);
        // Whatever could not be read is either kept as a scenario or handed back.
        prop_assert!(loaded.collection.entries().len() == 1 || loaded.unreadable.is_some());
    }

    #[test]
    fn a_damaged_record_never_panics_and_is_never_written_over(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..6),
        cut in any::<usize>(),
    ) {
        let full = record();
        for bytes in [damage(full, &edits), full.as_bytes()[..cut % full.len()].to_vec()] {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let o = records::open(&[("s1".into(), text.clone())], &[], Some(&text));
            match o.collection.entries().first() {
                // Listed by its header: unpacking says yes or no, and never panics.
                Some(e) => { let _ = e.scenario(); }
                None => prop_assert!(o.kept.iter().any(|k| k.key == "s1" && k.text == text)),
            }
            // Unchanged, it is never part of a save.
            let plan = o.saved.plan(&o.collection);
            prop_assert!(plan.ops.iter().all(|op| op.key() != "s1" || o.collection.get(1).is_some()));
            let _ = records::read_journal(&text);
        }
    }

    #[test]
    fn names_and_descriptions_survive_a_share_link(name in "\\PC{0,30}\\pL\\PC{0,29}", description in "\\PC{0,200}") {
        let mut s = baseline::nottinghamshire().unwrap();
        s.name = name;
        s.description = description;
        let link = share::encode(&s).unwrap();
        prop_assert_eq!(share::decode(&link).unwrap(), s);
    }
}

#[test]
fn oversized_and_bomb_links_are_refused() {
    let long = format!("share=1.{}", "A".repeat(share::MAX_LINK_CHARS));
    assert!(share::decode(&long)
        .unwrap_err()
        .to_string()
        .contains("too long"));
    // 5 MB of spaces compresses to a few KB but must not be inflated past the limit.
    let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; 5_000_000], 9);
    use base64::Engine;
    let link = format!(
        "share=1.{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bomb)
    );
    assert!(link.len() < share::MAX_LINK_CHARS);
    assert!(share::decode(&link)
        .unwrap_err()
        .to_string()
        .contains("too large"));
    assert_eq!(
        share::decode("share=9.abc").unwrap_err(),
        share::ShareError::OtherVersion("9".into())
    );
    assert!(share::decode("share=9.abc")
        .unwrap_err()
        .to_string()
        .contains("another version"));
    assert!(share::decode("share=1.***")
        .unwrap_err()
        .to_string()
        .contains("damaged"));
    assert!(share::decode("elsewhere").is_err());
}

#[test]
fn the_baseline_link_is_a_sensible_size() {
    let n = baseline_link().len();
    println!("baseline share link: {n} characters");
    assert!(n < 20_000, "{n}");
}
