//! Reading a hostile file is bounded in work and memory, checked by counting (values,
//! entries, bytes read, bytes allocated), never by timing:
//!
//! - the example, 50,000 collaboration entries (a 117 MB file that took 830 MB and
//!   3 s to refuse), now stops after [`MAX_VALUES`] values, allocating a few megabytes;
//! - a list longer than [`MAX_ENTRIES`] is refused before any entry is read;
//! - the `mtfp` tool refuses a file over 2 MB by its size, and reads at most one byte past
//!   the limit from standard input.
//!
//! A counting allocator (stats_alloc) measures the memory, so this file holds one test:
//! tests in one binary run in parallel and would count each other's allocations.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

use std::alloc::System;
use std::ffi::OsString;
use std::io::Read;

use planner::cli;
use planner::model::json::{self, ErrorKind, MAX_ENTRIES};
use planner::model::scenario::{MAX_FILE_BYTES, MAX_VALUES};
use planner::model::{baseline, Scenario};
use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Run `f`, returning its result and every byte it allocated (freed or not, growth by
/// reallocation included): an upper bound on the most it held at once.
fn allocated_by<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let region = Region::new(GLOBAL);
    let out = f();
    let change = region.change();
    let grown = usize::try_from(change.bytes_reallocated).unwrap_or(0);
    (out, change.bytes_allocated + grown)
}

const MB: usize = 1_000_000;

/// The baseline as a JSON value, to edit.
fn baseline_value() -> serde_json::Value {
    serde_json::from_str(&baseline::nottinghamshire().unwrap().to_json()).unwrap()
}

/// Standard input that never ends, counting what is read from it.
struct Endless {
    read: usize,
}

impl Read for Endless {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        buf.fill(b' ');
        self.read += buf.len();
        Ok(buf.len())
    }
}

#[test]
fn hostile_files_are_refused_cheaply() {
    // 1. The example: the baseline with 50,000 collaborations (each the baseline's
    //    first, 2.3 KB of JSON), 117 MB in all.
    let mut v = baseline_value();
    let first = v["collaborations"]["collaborations"][0].to_string();
    v["collaborations"]["collaborations"] = "LIST".into();
    let list = format!("[{}]", vec![first; 50_000].join(","));
    let text = v.to_string().replacen("\"LIST\"", &list, 1);
    assert!(text.len() > 100 * MB, "{} bytes", text.len());
    let (result, peak) = allocated_by(|| Scenario::from_json(&text));
    let message = result.unwrap_err().to_string();
    assert!(
        message.starts_with("scenario: the file holds more than 100,000 values, far more than any plan needs, so it was not read further (line 1, column "),
        "{message}"
    );
    // Before: 830 MB. Now the tree of at most 100,000 values (19 MB allocated in all when
    // this was written, some of it freed as arrays grew) and the message.
    assert!(peak < 25 * MB, "reading allocated {peak} bytes");
    drop(text);

    // 2. The parser stops at the limit: the error is at the first value past it, far
    //    before the end of the text.
    let values = MAX_VALUES * 3;
    let flat = format!("[{}0]", "0,".repeat(values));
    let e = json::parse_bounded(&flat, MAX_VALUES).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooMany);
    // The array is one value, so the number at index MAX_VALUES - 1 is the first refused.
    assert_eq!(e.at, 1 + 2 * (MAX_VALUES - 1));
    assert!(json::parse_bounded(&flat, values + 2).is_ok());

    // 3. A file just under 2 MB of the flat kind (a value every two bytes, the most a text
    //    can hold): its tree costs a small multiple of the file's size (10.6 MB allocated
    //    in all when this was written), since no more than MAX_VALUES values are built.
    let flat = format!("[{}0]", "0,".repeat(MAX_FILE_BYTES / 2 - 2));
    assert!(flat.len() <= MAX_FILE_BYTES);
    let (result, peak) = allocated_by(|| Scenario::from_json(&flat));
    assert!(result
        .unwrap_err()
        .to_string()
        .contains("more than 100,000 values"));
    assert!(
        peak < 6 * MAX_FILE_BYTES,
        "reading a {}-byte file allocated {peak} bytes",
        flat.len()
    );

    // 4. 50,000 collaborations that fit in a small file: refused by their count before
    //    any is read (each would be an error of its own: an empty entry has no id).
    let mut v = baseline_value();
    v["collaborations"]["collaborations"] =
        serde_json::Value::Array(vec![serde_json::json!({}); 50_000]);
    let message = Scenario::from_json(&v.to_string()).unwrap_err().to_string();
    assert!(
        message.starts_with(
            "collaborations.collaborations: 50,000 entries, far more than any plan holds (at most 1,000)"
        ),
        "{message}"
    );
    // At the limit, the entries are read (and the first is refused on its own merits).
    v["collaborations"]["collaborations"] =
        serde_json::Value::Array(vec![serde_json::json!({}); MAX_ENTRIES]);
    let message = Scenario::from_json(&v.to_string()).unwrap_err().to_string();
    assert!(
        message.starts_with("collaborations.collaborations[0]: missing field `id`"),
        "{message}"
    );

    // 5. The mtfp tool: a 117 MB file is refused by its size without being read (a sparse
    //    file: nothing is written to disk) ...
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("reading_limits");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("huge.json");
    std::fs::File::create(&path)
        .unwrap()
        .set_len(117_614_875)
        .unwrap();
    let shown = path.display().to_string();
    let mut out = Vec::new();
    let (result, peak) = allocated_by(|| {
        cli::run_os(
            [OsString::from("project"), OsString::from(&shown)],
            &mut std::io::empty(),
            &mut out,
        )
    });
    let failure = result.unwrap_err();
    assert_eq!(failure.code, 2);
    assert_eq!(
        failure.message,
        format!("{shown}: the file is too large (117.6 MB; a scenario file is at most 2 MB)")
    );
    assert!(peak < MB, "refusing by size allocated {peak} bytes");
    std::fs::remove_file(&path).unwrap();

    // ... and standard input that never ends is read one byte past the limit, no further
    //     (give or take the reader's buffer).
    let mut endless = Endless { read: 0 };
    let failure = cli::run_os(
        [OsString::from("project"), OsString::from("-")],
        &mut endless,
        &mut out,
    )
    .unwrap_err();
    assert_eq!(
        (failure.code, failure.message.as_str()),
        (
            2,
            "standard input: the file is too large (over 2 MB; a scenario file is at most 2 MB)"
        )
    );
    assert!(
        endless.read <= MAX_FILE_BYTES + 64 * 1024,
        "{} bytes read",
        endless.read
    );
    assert!(out.is_empty());
}
