//! `mtfp`: the native command-line tool. It drives the same model as the browser app.
//! Arguments are read as `OsString`s (a file name need not be UTF-8); everything else is
//! in `planner::cli`, where the tests run it in-process.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let result = planner::cli::run_os(
        std::env::args_os().skip(1),
        &mut stdin.lock(),
        &mut stdout.lock(),
    );
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("mtfp: {}", failure.message);
            std::process::ExitCode::from(failure.code)
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
