//! Standard output for the subcommands. `println!` panics when the reader
//! has gone away (`govmaturity summary | head -1`); these functions write to
//! the locked stdout instead and, on a broken pipe, end the program quietly
//! with status 0, as ripgrep does: nobody is left to read the rest.

use std::fmt::Display;
use std::io::{self, ErrorKind, Write};

use super::EXIT_USAGE;

/// Writes `text` as it is.
pub fn text(text: &str) {
    finish(write_to_stdout(|out| out.write_all(text.as_bytes())));
}

/// Writes `line` and a newline.
pub fn line(line: impl Display) {
    finish(write_to_stdout(|out| writeln!(out, "{line}")));
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
