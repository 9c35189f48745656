//! Standard output for the subcommands. `println!` panics when the reader
//! has gone away (`govmaturity summary | head -1`); these functions write to
//! the locked stdout instead and, on a broken pipe, end the program quietly
//! with status 0, as ripgrep does: nobody is left to read the rest.

use std::fmt::Display;
use std::io::{self, ErrorKind, Write};

use super::EXIT_USAGE;
use crate::present::format::printable;

/// Writes `text`, with control characters other than line feeds and tabs
/// shown escaped (see [`printable`]): nothing read from a file reaches the
/// terminal as an escape sequence.
pub fn text(text: &str) {
    finish(write_to_stdout(|out| out.write_all(printable(text).as_bytes())));
}

/// Writes `line` and a newline, as [`text`] does.
pub fn line(line: impl Display) {
    let line = line.to_string();
    finish(write_to_stdout(|out| writeln!(out, "{}", printable(&line))));
}

/// Writes `message` and a newline on standard error, as [`text`] does.
pub fn error(message: &str) {
    let _ = writeln!(io::stderr(), "{}", printable(message));
}

fn write_to_stdout(write: impl FnOnce(&mut io::StdoutLock<'static>) -> io::Result<()>) -> io::Result<()> {
    let mut out = io::stdout().lock();
    write(&mut out)?;
    out.flush()
}

/// What a failed write means for the program: a broken pipe ends it quietly;
/// anything else (a full disk behind a redirect) is said on stderr, exit 2.
fn finish(result: io::Result<()>) {
    match result {
        Ok(()) => {}
        Err(e) if e.kind() == ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => {
            let _ = writeln!(
                io::stderr(),
                "error: could not write the output: {e}; check where the output goes (the disk may be full)"
            );
            std::process::exit(i32::from(EXIT_USAGE));
        }
    }
}
