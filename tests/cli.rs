//! The `mtfp` command line as a tool: help for the tool and every command (each with an
//! example that parses), `--version`, `-o FILE`, `-` for standard input, `--`, and exit
//! codes. Run in-process through `cli::run_os`; `tests/engine_cli.rs` runs the binary.

use std::ffi::OsString;
use std::path::PathBuf;

use planner::cli::{self, args, COMMANDS, EXIT_BAD_INPUT, EXIT_OTHER};
use planner::model::baseline;

/// `mtfp ARGS…` with `stdin`: standard output, or the exit code and message.
fn mtfp(args: &[&str], stdin: &[u8]) -> Result<String, (u8, String)> {
    let args: Vec<OsString> = args.iter().map(OsString::from).collect();
    let mut out = Vec::new();
    cli::run_os(args, &mut &stdin[..], &mut out).map_err(|f| (f.code, f.message))?;
    Ok(String::from_utf8(out).unwrap())
}

fn dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn help_lists_every_command_and_the_exit_codes() {
    let help = mtfp(&["--help"], b"").unwrap();
    assert_eq!(mtfp(&["-h"], b"").unwrap(), help);
    assert_eq!(mtfp(&["help"], b"").unwrap(), help);
    assert!(
        help.starts_with("mtfp: the police medium-term financial plan"),
        "{help}"
    );
    for c in COMMANDS {
        assert!(
            help.contains(&format!("\n  {:<20} {}\n", c.name, c.summary)),
            "{help}"
        );
    }
    for part in [
        "Usage: mtfp COMMAND [SCENARIO.json | -] [OPTIONS]",
        "-o, --output FILE",
        "--format csv|json",
        "-V, --version",
        "Exit status: 0 when it worked; 2 for bad input",
        "1 for anything else",
    ] {
        assert!(help.contains(part), "help lacks '{part}'");
    }
}

#[test]
fn every_command_has_help_with_an_example_that_parses() {
    for c in COMMANDS {
        let help = mtfp(&[c.name, "--help"], b"").unwrap();
        assert_eq!(mtfp(&["help", c.name], b"").unwrap(), help);
        assert_eq!(
            mtfp(&[c.name, "-h", "x.json", "--format=json"], b"").unwrap(),
            help
        );
        assert!(
            help.starts_with(&format!("mtfp {}: {}\n", c.name, c.summary)),
            "{help}"
        );
        assert!(help.contains(&format!(
            "Usage: mtfp {} [SCENARIO.json | -] [OPTIONS]",
            c.name
        )));
        assert!(help.contains("Examples:\n  mtfp "), "{help}");
        assert!(help.contains("Exit status:"), "{help}");
        assert!(!c.examples.is_empty(), "{}", c.name);
        for (line, comment) in c.examples {
            assert!(help.contains(line) && help.contains(comment));
            // The example's words (up to a shell redirection) are a valid command line.
            let words: Vec<OsString> = line
                .split_whitespace()
                .skip(1)
                .take_while(|w| !w.starts_with('<') && !w.starts_with('>'))
                .map(OsString::from)
                .collect();
            match args::parse(words) {
                Ok(args::Parsed::Run(run, _)) => assert_eq!(run.name, c.name, "{line}"),
                other => panic!("{line}: {other:?}"),
            }
        }
        // Every line fits a terminal.
        for l in help.lines() {
            assert!(l.chars().count() <= 92, "{}: {l}", c.name);
        }
    }
}

#[test]
fn version() {
    let v = mtfp(&["--version"], b"").unwrap();
    assert_eq!(
        v,
        format!(
            "mtfp {} (reads scenario schemas 1 to 2)\n",
            env!("CARGO_PKG_VERSION")
        )
    );
    assert_eq!(mtfp(&["-V"], b"").unwrap(), v);
    assert_eq!(mtfp(&["project", "--version"], b"").unwrap(), v);
}

#[test]
fn output_to_a_file_and_input_from_standard_input() {
    let expected = mtfp(&["project"], b"").unwrap();
    let out = dir().join("gap.csv");
    std::fs::remove_file(&out).ok();
    assert_eq!(
        mtfp(&["project", "-o", out.to_str().unwrap()], b"").unwrap(),
        ""
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), expected);
    std::fs::remove_file(&out).unwrap();

    let text = baseline::nottinghamshire().unwrap().to_json();
    assert_eq!(mtfp(&["project", "-"], text.as_bytes()).unwrap(), expected);
    let json = mtfp(
        &[
            "uplift",
            "-",
            "--output",
            out.to_str().unwrap(),
            "--format",
            "json",
        ],
        text.as_bytes(),
    )
    .unwrap();
    assert_eq!(json, "");
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(written.as_array().unwrap().len(), 5);

    // A command that fails writes nothing: the earlier output is left as it was.
    let before = std::fs::read_to_string(&out).unwrap();
    let e = mtfp(&["project", "-", "-o", out.to_str().unwrap()], b"{}").unwrap_err();
    assert_eq!(e.0, EXIT_BAD_INPUT);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), before);
    std::fs::remove_file(&out).unwrap();
}

#[test]
fn a_double_dash_ends_the_options() {
    // After `--`, "-odd.json" is a file name (here, of a file that is not there) ...
    let (code, message) = mtfp(&["project", "--", "-odd.json"], b"").unwrap_err();
    assert_eq!(code, EXIT_BAD_INPUT);
    assert!(
        message.starts_with("-odd.json: cannot read the file:"),
        "{message}"
    );
    // ... and "--help" too.
    let (_, message) = mtfp(&["project", "--", "--help"], b"").unwrap_err();
    assert!(
        message.starts_with("--help: cannot read the file:"),
        "{message}"
    );
    // Without `--` it is an option: -o with the value "dd.json", then a second file.
    let (code, message) = mtfp(&["project", "-odd.json", "a.json", "b.json"], b"").unwrap_err();
    assert_eq!(code, EXIT_BAD_INPUT);
    assert!(message.starts_with("only one scenario file may be given; 'b.json' is extra"));
}

#[test]
fn exit_codes_two_for_bad_input_one_for_the_rest() {
    // Command-line mistakes: the message, then where to look.
    assert_eq!(
        mtfp(&["project", "--verbose"], b""),
        Err((
            EXIT_BAD_INPUT,
            "unknown option '--verbose'\nSee 'mtfp project --help' for its options.".into()
        ))
    );
    assert_eq!(
        mtfp(&[], b""),
        Err((
            EXIT_BAD_INPUT,
            "no command given\nSee 'mtfp --help' for the commands and options.".into()
        ))
    );
    // A scenario that cannot be read or used: one line naming it.
    let (code, message) = mtfp(&["project", "/no/such/file.json"], b"").unwrap_err();
    assert_eq!(code, EXIT_BAD_INPUT);
    assert!(
        message.starts_with("/no/such/file.json: cannot read the file:"),
        "{message}"
    );
    let (code, message) = mtfp(&["workforce", "-"], b"[]").unwrap_err();
    assert_eq!(code, EXIT_BAD_INPUT);
    assert_eq!(
        message,
        "standard input: the file is JSON but not a scenario (a scenario file is one JSON object)"
    );
    // The output cannot be written: 1.
    let (code, message) = mtfp(&["project", "-o", "/no/such/dir/gap.csv"], b"").unwrap_err();
    assert_eq!(code, EXIT_OTHER);
    assert!(
        message.starts_with("/no/such/dir/gap.csv: cannot write the output:"),
        "{message}"
    );
}
