//! Options shared by every subcommand: an optional scenario file and an output format.

use std::path::PathBuf;

/// Output format of a subcommand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Comma-separated values with a header row (the default).
    #[default]
    Csv,
    /// Pretty-printed JSON.
    Json,
}

/// Parsed command-line options.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The scenario file, or `None` for the Nottinghamshire baseline.
    pub scenario: Option<PathBuf>,
    /// The output format.
    pub format: Format,
}

impl Options {
    /// Parse `[SCENARIO.json] [--format csv|json]` in any order.
    pub fn parse(args: &[String]) -> Result<Options, String> {
        let mut options = Options::default();
        let mut iter = args.iter();
        while let Some(arg) = iter.next() {
            if let Some(value) = arg.strip_prefix("--format=") {
                options.format = parse_format(value)?;
            } else if arg == "--format" {
                let value = iter.next().ok_or("--format needs a value: csv or json")?;
                options.format = parse_format(value)?;
            } else if arg.starts_with('-') {
                return Err(format!("unknown option '{arg}'"));
            } else if options.scenario.is_some() {
                return Err(format!(
                    "only one scenario file may be given; '{arg}' is extra"
                ));
            } else {
                options.scenario = Some(PathBuf::from(arg));
            }
        }
        Ok(options)
    }
}

fn parse_format(value: &str) -> Result<Format, String> {
    match value {
        "csv" => Ok(Format::Csv),
        "json" => Ok(Format::Json),
        other => Err(format!("unknown format '{other}': use csv or json")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_file_and_format() {
        let o = Options::parse(&s(&["a.json", "--format", "json"])).unwrap();
        assert_eq!(o.scenario, Some(PathBuf::from("a.json")));
        assert_eq!(o.format, Format::Json);
        let o = Options::parse(&s(&["--format=csv"])).unwrap();
        assert_eq!(o, Options::default());
    }

    #[test]
    fn rejects_bad_options() {
        assert!(Options::parse(&s(&["--format", "xml"])).is_err());
        assert!(Options::parse(&s(&["--format"])).is_err());
        assert!(Options::parse(&s(&["a.json", "b.json"])).is_err());
        assert!(Options::parse(&s(&["--verbose"])).is_err());
    }
}
