//! The `mtfp` command line. Each subcommand lives in its own file, which declares a
//! [`Command`]: its name, help, example, its own options and the function that runs it.
//! [`COMMANDS`] lists them; the parser ([`args`]), `--help`, `--version`, reading the
//! scenario (a file, `-` for standard input, or the baseline) and writing the output
//! (standard output or `-o FILE`) are shared.
//!
//! Adding a subcommand: write `src/cli/NAME.rs` with `pub const COMMAND: Command` and a
//! `run(&Options, &mut dyn Write) -> Result<(), String>` that loads its scenario with
//! [`input::scenario`], reads its own options with [`Options::value`] or [`Options::flag`]
//! and writes its result to the sink; then add `mod NAME;` and `NAME::COMMAND` to
//! [`COMMANDS`]. Its help, its options and its exit codes come with it.
//!
//! Exit codes: 0 when it worked, 2 for bad input (a command-line mistake, or a scenario that
//! cannot be read, validated or projected), 1 for anything else (the output cannot be
//! written).

use std::ffi::OsString;
use std::io::{Read, Write};

pub mod args;
mod assumptions;
mod capital;
mod collaborations;
mod export_xlsx;
pub mod input;
mod project;
mod reserves;
mod risk;
mod roll_forward;
mod s25;
mod savings;
mod sensitivity;
mod solve;
mod variance;
mod workforce;

pub use args::{Format, OptSpec, Options};
pub use assumptions::CSV_HEADER as ASSUMPTIONS_CSV_HEADER;

/// Exit code for bad input: a command-line mistake or a scenario that cannot be used.
pub const EXIT_BAD_INPUT: u8 = 2;
/// Exit code for any other failure (the output cannot be written).
pub const EXIT_OTHER: u8 = 1;

/// One subcommand, as `mtfp --help` lists it and `mtfp NAME --help` explains it.
#[derive(Debug)]
pub struct Command {
    /// What the user types: `project`.
    pub name: &'static str,
    /// One line for the list of commands.
    pub summary: &'static str,
    /// What it prints, in a few sentences (wrapped by hand at 88 columns).
    pub about: &'static str,
    /// Its own options, added to the shared ones.
    pub options: &'static [OptSpec],
    /// Command lines to copy, each with a comment.
    pub examples: &'static [(&'static str, &'static str)],
    /// Runs it: results go to the sink; a one-line message on failure (bad input).
    pub run: fn(&Options, &mut dyn Write) -> Result<(), String>,
}

/// Every subcommand, in the order `mtfp --help` lists them.
pub const COMMANDS: &[Command] = &[
    project::COMMAND,
    workforce::WORKFORCE,
    workforce::UPLIFT,
    collaborations::COMMAND,
    capital::COMMAND,
    assumptions::COMMAND,
    solve::COMMAND,
    sensitivity::COMMAND,
    risk::COMMAND,
    savings::COMMAND,
    reserves::COMMAND,
    s25::COMMAND,
    export_xlsx::COMMAND,
    variance::COMMAND,
    roll_forward::COMMAND,
];

/// Why `mtfp` failed: the exit code and the message for standard error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// [`EXIT_BAD_INPUT`] or [`EXIT_OTHER`].
    pub code: u8,
    /// What went wrong (its first line names the file or option; a command-line mistake
    /// adds a line pointing to the help).
    pub message: String,
}

/// The shared options, as help lists them.
const SHARED_OPTIONS: &[(&str, &str)] = &[
    ("--format csv|json", "output format (default: csv)"),
    (
        "-o, --output FILE",
        "write the output to FILE instead of standard output",
    ),
    ("-h, --help", "print this help"),
    ("-V, --version", "print the version"),
];

const SCENARIO_ARGUMENT: &str = "  \
  SCENARIO.json        a scenario file, as the app's Import / export menu saves it (UTF-8,
                       at most 2 MB); - reads it from standard input; without one, the
                       Nottinghamshire baseline";

const EXIT_CODES: &str = "\
Exit status: 0 when it worked; 2 for bad input (an unknown command or option, or a
scenario that cannot be read, validated or projected); 1 for anything else (the output
cannot be written).";

/// `mtfp --version`.
pub fn version() -> String {
    format!(
        "mtfp {} (reads scenario {})",
        env!("CARGO_PKG_VERSION"),
        crate::model::scenario::schema::readable()
    )
}

/// `mtfp --help`.
pub fn help() -> String {
    let mut text = String::from(
        "mtfp: the police medium-term financial plan (MTFP) model, from the command line.\n\
         It runs the same model as the planner in the browser.\n\n\
         Usage: mtfp COMMAND [SCENARIO.json | -] [OPTIONS]\n\nCommands:\n",
    );
    for c in COMMANDS {
        text.push_str(&format!("  {:<20} {}\n", c.name, c.summary));
    }
    text.push_str("\nArguments:\n");
    text.push_str(SCENARIO_ARGUMENT);
    text.push_str("\n\nOptions:\n");
    for (option, help) in SHARED_OPTIONS {
        text.push_str(&format!("  {option:<20} {help}\n"));
    }
    text.push_str("\nExamples:\n");
    examples(&mut text, EXAMPLES);
    text.push('\n');
    text.push_str(EXIT_CODES);
    text
}

/// The tool's own examples.
const EXAMPLES: &[(&str, &str)] = &[
    (
        "mtfp project",
        "the baseline's funding, spending and gap by year, as CSV",
    ),
    (
        "mtfp project my-plan.json --format json",
        "a scenario exported from the app: its whole projection",
    ),
    (
        "mtfp project --help",
        "one command: what it prints, its options, examples",
    ),
];

fn examples(text: &mut String, list: &[(&str, &str)]) {
    for (line, comment) in list {
        text.push_str(&format!("  {line}\n      {comment}\n"));
    }
}

/// `mtfp COMMAND --help`.
pub fn command_help(c: &Command) -> String {
    let mut text = format!(
        "mtfp {}: {}\n\nUsage: mtfp {} [SCENARIO.json | -] [OPTIONS]\n\n{}\n\nArguments:\n{}\n\nOptions:\n",
        c.name, c.summary, c.name, c.about, SCENARIO_ARGUMENT
    );
    for o in c.options {
        let short = o.short.map(|s| format!("-{s}, ")).unwrap_or_default();
        let value = o.value.map(|v| format!(" {v}")).unwrap_or_default();
        text.push_str(&format!(
            "  {:<20} {}\n",
            format!("{short}--{}{value}", o.long),
            o.help
        ));
    }
    for (option, help) in SHARED_OPTIONS {
        text.push_str(&format!("  {option:<20} {help}\n"));
    }
    text.push_str("\nExamples:\n");
    examples(&mut text, c.examples);
    text.push('\n');
    text.push_str(EXIT_CODES);
    text
}

/// Run `mtfp` with `args` (without the program name), reading a scenario given as `-`
/// from `stdin` and writing help or results to `stdout` (results to `-o FILE` instead
/// when given). Nothing is written to the output until the command has succeeded.
pub fn run_os(
    args: impl IntoIterator<Item = OsString>,
    stdin: &mut dyn Read,
    stdout: &mut dyn Write,
) -> Result<(), Failure> {
    let bad = |message: String| Failure {
        code: EXIT_BAD_INPUT,
        message,
    };
    let (command, mut options) = match args::parse(args) {
        Ok(args::Parsed::Run(c, o)) => (c, o),
        Ok(args::Parsed::Help(c)) => {
            let text = c.map_or_else(help, command_help);
            return write_all(stdout, &text, "standard output");
        }
        Ok(args::Parsed::Version) => return write_all(stdout, &version(), "standard output"),
        Err(mistake) => {
            let see = match mistake.command {
                Some(name) => format!("See 'mtfp {name} --help' for its options."),
                None => "See 'mtfp --help' for the commands and options.".into(),
            };
            return Err(bad(format!("{}\n{see}", mistake.message)));
        }
    };
    if options.reads_stdin() {
        options.stdin =
            Some(input::read_at_most(stdin).map_err(|e| bad(format!("standard input: {e}")))?);
    }
    let mut buffer = Vec::new();
    (command.run)(&options, &mut buffer).map_err(bad)?;
    match &options.output {
        None => stdout
            .write_all(&buffer)
            .and_then(|()| stdout.flush())
            .map_err(|e| Failure {
                code: EXIT_OTHER,
                message: format!("cannot write the output: {e}"),
            }),
        Some(path) => std::fs::write(path, &buffer).map_err(|e| Failure {
            code: EXIT_OTHER,
            message: format!("{}: cannot write the output: {e}", path.display()),
        }),
    }
}

fn write_all(out: &mut dyn Write, text: &str, to: &str) -> Result<(), Failure> {
    writeln!(out, "{text}").map_err(|e| Failure {
        code: EXIT_OTHER,
        message: format!("cannot write to {to}: {e}"),
    })
}

/// Run `mtfp` with `args` (without the program name, no standard input), writing to
/// `out`. Returns the message on any failure.
pub fn run(args: &[String], out: &mut dyn Write) -> Result<(), String> {
    run_os(args.iter().map(OsString::from), &mut std::io::empty(), out).map_err(|f| f.message)
}
