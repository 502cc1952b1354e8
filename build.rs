//! The Nottinghamshire baseline's data files (`data/*.json`, kept readable in the
//! repository) are embedded in the app and the `mtfp` tool with the whitespace between
//! their tokens taken out: the same JSON, a smaller download. Nothing inside a string
//! changes. Written to `$OUT_DIR/data/`, read by `include_str!` in `src/model`.

use std::path::Path;
use std::{env, fs};

const FILES: [&str; 5] = [
    "nottinghamshire.json",
    "nottinghamshire-workforce.json",
    "nottinghamshire-collaborations.json",
    "nottinghamshire-capital.json",
    "nottinghamshire-actuals.json",
];

/// `text` without the whitespace outside its strings.
fn compact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = Path::new(&env::var("OUT_DIR")?).join("data");
    fs::create_dir_all(&out)?;
    for name in FILES {
        let from = Path::new("data").join(name);
        println!("cargo:rerun-if-changed={}", from.display());
        let text = fs::read_to_string(&from).map_err(|e| {
            format!(
                "{}: {e} (the baseline's data files are in data/)",
                from.display()
            )
        })?;
        fs::write(out.join(name), compact(&text))?;
    }
    println!("cargo:rerun-if-changed=build.rs");
    Ok(())
}
