//! Importing scenario files: the catalogue of bad files in `tests/fixtures/bad-scenarios/`
//! (also used by the browser journeys) is each refused with a message naming the problem,
//! and a good file round-trips through the CLI's format.

use planner::model::baseline;
use planner::store::import::{self, MAX_IMPORT_BYTES};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bad-scenarios/");

/// The file's bytes; `huge.json` is made here rather than committed.
pub fn bad_file(name: &str) -> Vec<u8> {
    if name == "huge.json" {
        let mut text = baseline::nottinghamshire_json().unwrap().into_bytes();
        text.resize(MAX_IMPORT_BYTES + 1, b' ');
        return text;
    }
    std::fs::read(format!("{DIR}{name}")).unwrap()
}

#[test]
fn every_bad_file_is_refused_with_a_message_naming_the_problem() {
    let catalogue: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{DIR}catalogue.json")).unwrap())
            .unwrap();
    let entries = catalogue.as_array().unwrap();
    assert!(entries.len() >= 10, "at least ten bad files");
    for entry in entries {
        let file = entry["file"].as_str().unwrap();
        let expect = entry["expect"].as_str().unwrap();
        let err = import::scenario(file, &bad_file(file)).unwrap_err();
        assert_eq!(err.file, file);
        let err = err.to_string();
        println!("{err}");
        assert!(
            err.starts_with(&format!("{file} was not imported: ")),
            "{err}"
        );
        assert!(
            err.to_lowercase().contains(&expect.to_lowercase()),
            "{file}: '{err}' should mention '{expect}'"
        );
    }
}

#[test]
fn a_good_file_imports_exactly() {
    let base = baseline::nottinghamshire().unwrap();
    let text = base.to_json();
    let back = import::scenario("good.json", text.as_bytes()).unwrap();
    assert_eq!(back, base);
    // With a byte-order mark, as Windows editors write.
    let bom = format!("\u{feff}{text}");
    assert_eq!(import::scenario("bom.json", bom.as_bytes()).unwrap(), base);
}

#[test]
fn a_file_over_the_limit_is_refused_with_its_size_in_megabytes() {
    assert_eq!(import::check_size("plan.json", MAX_IMPORT_BYTES), Ok(()));
    let refused = import::check_size("plan.json", 2_460_000).unwrap_err();
    assert_eq!(
        refused.problem,
        import::ImportProblem::TooLarge(Some(2_460_000))
    );
    assert_eq!(
        refused.to_string(),
        "plan.json was not imported: the file is too large (2.5 MB; a scenario file is at most 2 MB)"
    );
    assert_eq!(
        import::check_size("plan.json", 12_349_999).unwrap_err().to_string(),
        "plan.json was not imported: the file is too large (12.3 MB; a scenario file is at most 2 MB)"
    );
}
