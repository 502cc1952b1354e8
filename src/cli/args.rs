//! The command line, parsed with lexopt: the options every subcommand shares (the scenario,
//! `--format`, `-o`/`--output`, `--help`, `--version`), plus the options a subcommand
//! declares in its [`Command`](super::Command) table entry, whose values it reads back by
//! name ([`Options::value`], [`Options::flag`]).
//!
//! Arguments are `OsString`s, so a file name that is not UTF-8 is still a file name, and
//! nothing here panics on one; `--` ends the options (`mtfp project -- -odd-name.json`);
//! `-` names standard input.

use std::ffi::OsString;
use std::path::PathBuf;

use lexopt::Arg;

use super::{Command, COMMANDS};

/// Output format of a subcommand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Comma-separated values with a header row (the default).
    #[default]
    Csv,
    /// Pretty-printed JSON.
    Json,
}

/// An option a subcommand adds to the shared ones, as its table entry declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OptSpec {
    /// The long name, without dashes: `target` for `--target`.
    pub long: &'static str,
    /// A one-letter short form, if any.
    pub short: Option<char>,
    /// The value's placeholder in help (`AMOUNT`), or `None` for a flag.
    pub value: Option<&'static str>,
    /// One line of help.
    pub help: &'static str,
}

/// Parsed command-line options.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The scenario file; `-` for standard input; `None` for the Nottinghamshire baseline.
    pub scenario: Option<PathBuf>,
    /// The output format.
    pub format: Format,
    /// True if `--format` was given (a command whose output is not CSV by default tells).
    pub format_given: bool,
    /// Where to write the output (`-o FILE`); `None` for standard output.
    pub output: Option<PathBuf>,
    /// The subcommand's own options as given, in order: long name and value (`None` for a
    /// flag).
    pub values: Vec<(&'static str, Option<String>)>,
    /// The bytes read from standard input, when the scenario is `-`.
    pub stdin: Option<Vec<u8>>,
}

impl Options {
    /// True if `scenario` names standard input (`-`).
    pub fn reads_stdin(&self) -> bool {
        self.scenario.as_deref() == Some(std::path::Path::new("-"))
    }

    /// How messages name the scenario: its file, "standard input" or "the baseline".
    pub fn scenario_name(&self) -> String {
        match &self.scenario {
            None => "the baseline".into(),
            Some(_) if self.reads_stdin() => "standard input".into(),
            Some(path) => path.display().to_string(),
        }
    }

    /// The value of the subcommand's option `--long` (the last, if given more than once).
    pub fn value(&self, long: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(name, _)| *name == long)
            .and_then(|(_, v)| v.as_deref())
    }

    /// True if the subcommand's flag `--long` was given.
    pub fn flag(&self, long: &str) -> bool {
        self.values.iter().any(|(name, _)| *name == long)
    }
}

/// What the command line asks for.
#[derive(Debug)]
pub enum Parsed {
    /// Run `command` with these options.
    Run(&'static Command, Options),
    /// Print the tool's help, or a command's.
    Help(Option<&'static Command>),
    /// Print the version.
    Version,
}

/// A command-line mistake: the message, and the command whose help to point to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    /// What is wrong.
    pub message: String,
    /// The subcommand being parsed, if known.
    pub command: Option<&'static str>,
}

impl From<String> for Mistake {
    fn from(message: String) -> Mistake {
        Mistake {
            message,
            command: None,
        }
    }
}

impl From<Mistake> for String {
    fn from(m: Mistake) -> String {
        m.message
    }
}

/// Parse `args` (without the program name) against the tool's [`COMMANDS`].
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Parsed, Mistake> {
    parse_in(COMMANDS, args)
}

/// Parse `args` against the subcommands in `commands` (tests use a table of their own).
pub fn parse_in(
    commands: &'static [Command],
    args: impl IntoIterator<Item = OsString>,
) -> Result<Parsed, Mistake> {
    let find = |name: &str| commands.iter().find(|c| c.name == name);
    let mut parser = lexopt::Parser::from_args(args);
    let mut command: Option<&'static Command> = None;
    let mut help = false;
    let mut options = Options::default();
    let mistake = |command: Option<&'static Command>, message: String| Mistake {
        message,
        command: command.map(|c| c.name),
    };
    loop {
        let arg = match parser.next() {
            Ok(Some(arg)) => arg,
            Ok(None) => break,
            Err(e) => return Err(mistake(command, describe(e))),
        };
        match arg {
            Arg::Short('h') | Arg::Long("help") => help = true,
            Arg::Short('V') | Arg::Long("version") => return Ok(Parsed::Version),
            Arg::Long("format") => {
                let value = text(parser.value(), "--format").map_err(|m| mistake(command, m))?;
                options.format = format(&value).map_err(|m| mistake(command, m))?;
                options.format_given = true;
            }
            Arg::Short('o') | Arg::Long("output") => {
                let value = parser.value().map_err(|e| mistake(command, describe(e)))?;
                options.output = Some(PathBuf::from(value));
            }
            Arg::Value(value) if command.is_none() => {
                let name = value.to_string_lossy();
                if name == "help" {
                    help = true;
                    continue;
                }
                command = Some(find(&name).ok_or_else(|| {
                    mistake(
                        None,
                        format!("unknown command '{}'", crate::model::json::shorten(&name)),
                    )
                })?);
            }
            Arg::Value(value) if options.scenario.is_none() => {
                options.scenario = Some(PathBuf::from(value));
            }
            Arg::Value(value) => {
                return Err(mistake(
                    command,
                    format!(
                        "only one scenario file may be given; '{}' is extra",
                        crate::model::json::shorten(&value.to_string_lossy())
                    ),
                ))
            }
            Arg::Long(long) => {
                let given = format!("--{long}");
                let spec = command.and_then(|c| c.options.iter().find(|o| o.long == long));
                own_option(&mut parser, &mut options, spec, &given)
                    .map_err(|m| mistake(command, m))?;
            }
            Arg::Short(short) => {
                let given = format!("-{short}");
                let spec = command.and_then(|c| c.options.iter().find(|o| o.short == Some(short)));
                own_option(&mut parser, &mut options, spec, &given)
                    .map_err(|m| mistake(command, m))?;
            }
        }
    }
    match (help, command) {
        (true, c) => Ok(Parsed::Help(c)),
        (false, Some(c)) => Ok(Parsed::Run(c, options)),
        (false, None) => Err(mistake(None, "no command given".into())),
    }
}

/// Record one of the subcommand's own options (`spec`), or refuse an unknown one.
fn own_option(
    parser: &mut lexopt::Parser,
    options: &mut Options,
    spec: Option<&OptSpec>,
    given: &str,
) -> Result<(), String> {
    let Some(spec) = spec else {
        return Err(format!(
            "unknown option '{}'",
            crate::model::json::shorten(given)
        ));
    };
    let value = match spec.value {
        Some(_) => Some(text(parser.value(), given)?),
        None => None,
    };
    options.values.push((spec.long, value));
    Ok(())
}

/// An option's value as text.
fn text(value: Result<OsString, lexopt::Error>, option: &str) -> Result<String, String> {
    value.map_err(describe)?.into_string().map_err(|v| {
        format!(
            "the value of {option} is not valid text: '{}'",
            crate::model::json::shorten(&v.to_string_lossy())
        )
    })
}

/// lexopt's error in this tool's words (values shortened).
fn describe(e: lexopt::Error) -> String {
    use lexopt::Error as E;
    let short = |s: &str| crate::model::json::shorten(s);
    match e {
        E::MissingValue { option: Some(o) } => format!("{o} needs a value"),
        E::MissingValue { option: None } => "an option needs a value".into(),
        E::UnexpectedOption(o) => format!("unknown option '{}'", short(&o)),
        E::UnexpectedArgument(v) => {
            format!("unexpected argument '{}'", short(&v.to_string_lossy()))
        }
        E::UnexpectedValue { option, value } => format!(
            "{option} takes no value (given '{}')",
            short(&value.to_string_lossy())
        ),
        E::NonUnicodeValue(v) => format!(
            "an argument is not valid text: '{}'",
            short(&v.to_string_lossy())
        ),
        other => short(&other.to_string()),
    }
}

fn format(value: &str) -> Result<Format, String> {
    match value {
        "csv" => Ok(Format::Csv),
        "json" => Ok(Format::Json),
        other => Err(format!(
            "unknown format '{}': use csv or json",
            crate::model::json::shorten(other)
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(v: &[&str]) -> Vec<OsString> {
        v.iter().map(OsString::from).collect()
    }

    fn run(v: &[&str]) -> (String, Options) {
        match parse(os(v)).unwrap() {
            Parsed::Run(c, o) => (c.name.to_string(), o),
            other => panic!("{other:?}"),
        }
    }

    fn mistake(v: &[&str]) -> String {
        parse(os(v)).unwrap_err().message
    }

    #[test]
    fn parses_file_format_and_output_in_any_order() {
        let (c, o) = run(&["project", "a.json", "--format", "json", "-o", "out.json"]);
        assert_eq!(c, "project");
        assert_eq!(o.scenario, Some(PathBuf::from("a.json")));
        assert_eq!(o.format, Format::Json);
        assert_eq!(o.output, Some(PathBuf::from("out.json")));
        let (_, o) = run(&["project", "--format=csv", "--output=x.csv", "-"]);
        assert_eq!(o.format, Format::Csv);
        assert_eq!(o.output, Some(PathBuf::from("x.csv")));
        assert!(o.reads_stdin());
        assert_eq!(o.scenario_name(), "standard input");
        let (_, o) = run(&["workforce", "-ox.csv"]);
        assert_eq!(o.output, Some(PathBuf::from("x.csv")));
        assert_eq!(o.scenario_name(), "the baseline");
    }

    #[test]
    fn a_double_dash_ends_the_options() {
        let (_, o) = run(&["project", "--", "--format"]);
        assert_eq!(o.scenario, Some(PathBuf::from("--format")));
        assert_eq!(o.format, Format::Csv);
    }

    #[test]
    fn help_and_version_anywhere() {
        assert!(matches!(parse(os(&["--help"])), Ok(Parsed::Help(None))));
        assert!(matches!(parse(os(&["-h"])), Ok(Parsed::Help(None))));
        assert!(matches!(parse(os(&["help"])), Ok(Parsed::Help(None))));
        for args in [
            &["project", "--help"][..],
            &["project", "-h"],
            &["help", "project"],
            &["--help", "project"],
            &["project", "x.json", "--help", "-o", "y"],
        ] {
            match parse(os(args)) {
                Ok(Parsed::Help(Some(c))) => assert_eq!(c.name, "project"),
                other => panic!("{args:?}: {other:?}"),
            }
        }
        assert!(matches!(parse(os(&["--version"])), Ok(Parsed::Version)));
        assert!(matches!(parse(os(&["-V"])), Ok(Parsed::Version)));
        assert!(matches!(
            parse(os(&["project", "--version"])),
            Ok(Parsed::Version)
        ));
    }

    #[test]
    fn refuses_bad_options_naming_them() {
        assert_eq!(
            mistake(&["project", "--format", "xml"]),
            "unknown format 'xml': use csv or json"
        );
        assert_eq!(mistake(&["project", "--format"]), "--format needs a value");
        assert_eq!(mistake(&["project", "-o"]), "-o needs a value");
        assert_eq!(
            mistake(&["project", "a.json", "b.json"]),
            "only one scenario file may be given; 'b.json' is extra"
        );
        assert_eq!(
            mistake(&["project", "--verbose"]),
            "unknown option '--verbose'"
        );
        assert_eq!(mistake(&["project", "-x"]), "unknown option '-x'");
        assert_eq!(
            mistake(&["project", "--help=yes"]),
            "--help takes no value (given 'yes')"
        );
        assert_eq!(mistake(&["frobnicate"]), "unknown command 'frobnicate'");
        assert_eq!(mistake(&[]), "no command given");
        let e = parse(os(&["project", "--verbose"])).unwrap_err();
        assert_eq!(e.command, Some("project"));
        let long = format!("--{}", "x".repeat(5_000));
        assert!(mistake(&["project", &long]).len() < 80);
    }

    /// A table with one command that declares options of its own, as later ones will.
    const TABLE: &[Command] = &[Command {
        name: "solve",
        summary: "",
        about: "",
        options: &[
            OptSpec {
                long: "target",
                short: Some('t'),
                value: Some("AMOUNT"),
                help: "",
            },
            OptSpec {
                long: "hindsight",
                short: None,
                value: None,
                help: "",
            },
        ],
        examples: &[],
        run: |_, _| Ok(()),
    }];

    #[test]
    fn a_command_adds_options_of_its_own() {
        let parsed = parse_in(
            TABLE,
            os(&[
                "solve",
                "plan.json",
                "--target",
                "0",
                "--hindsight",
                "-t=5",
                "--format=json",
            ]),
        )
        .unwrap();
        let Parsed::Run(c, o) = parsed else {
            panic!("{parsed:?}")
        };
        assert_eq!(c.name, "solve");
        assert_eq!(o.value("target"), Some("5"), "the last one given");
        assert!(o.flag("hindsight"));
        assert_eq!(o.format, Format::Json);
        assert_eq!(o.scenario, Some(PathBuf::from("plan.json")));
        let e = parse_in(TABLE, os(&["solve", "--target"])).unwrap_err();
        assert_eq!(e.message, "--target needs a value");
        let e = parse_in(TABLE, os(&["solve", "--hindsight=yes"])).unwrap_err();
        assert_eq!(e.message, "--hindsight takes no value (given 'yes')");
        // Another command's options are unknown here.
        let e = parse(os(&["project", "--target", "0"])).unwrap_err();
        assert_eq!(e.message, "unknown option '--target'");
    }

    #[cfg(unix)]
    #[test]
    fn arguments_that_are_not_utf8_never_panic() {
        use std::os::unix::ffi::OsStringExt;
        let bad = OsString::from_vec(vec![b'p', 0xFF, b'.', b'j']);
        // As a file name it is just a file name.
        match parse(vec![OsString::from("project"), bad.clone()]).unwrap() {
            Parsed::Run(_, o) => assert_eq!(o.scenario, Some(PathBuf::from(bad.clone()))),
            other => panic!("{other:?}"),
        }
        // As a command, a format or an option, it is a clear mistake.
        let m = parse(vec![bad.clone()]).unwrap_err().message;
        assert_eq!(m, "unknown command 'p\u{fffd}.j'");
        let m = parse(vec!["project".into(), "--format".into(), bad.clone()])
            .unwrap_err()
            .message;
        assert_eq!(m, "the value of --format is not valid text: 'p\u{fffd}.j'");
        let mut option = b"--".to_vec();
        option.extend([0xC3, 0x28]);
        let m = parse(vec!["project".into(), OsString::from_vec(option)])
            .unwrap_err()
            .message;
        assert!(m.starts_with("unknown option '--"), "{m}");
    }
}
