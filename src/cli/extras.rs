//! `govmaturity generate-extras` (hidden): writes the man pages and the
//! shell completions from the clap definitions, for the packages
//! (scripts/package.sh), so they never drift from the real options.
//!
//! Into the output folder: `govmaturity.1` and one `govmaturity-<sub>.1` per
//! visible subcommand, `govmaturity.bash`, `_govmaturity` (zsh),
//! `govmaturity.fish` and `_govmaturity.ps1` (PowerShell).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap_complete::Shell;

use super::commands::say;
use super::{Cli, EXIT_OK, EXIT_USAGE, output};
use crate::model::Lang;
use crate::present::catalogue::cli::Say;

pub fn generate_extras(out: &Path, lang: Lang) -> u8 {
    match write_extras(out) {
        Ok(written) => {
            for path in written {
                output::line(path.display());
            }
            EXIT_OK
        }
        Err((path, e)) => {
            say(Say::Error(format!("{}: {e}", path.display())), lang);
            EXIT_USAGE
        }
    }
}

/// The command line without its hidden subcommands: the completions would
/// offer them otherwise (clap_complete completes hidden subcommands).
fn visible_command() -> clap::Command {
    let full = Cli::command();
    let mut visible = clap::Command::new("govmaturity").version(env!("CARGO_PKG_VERSION"));
    if let Some(about) = full.get_about() {
        visible = visible.about(about.clone());
    }
    if let Some(about) = full.get_long_about() {
        visible = visible.long_about(about.clone());
    }
    for arg in full.get_arguments() {
        visible = visible.arg(arg.clone());
    }
    for sub in full.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        visible = visible.subcommand(sub.clone());
    }
    visible
}

/// Writes every file; on failure, the path that could not be written.
fn write_extras(out: &Path) -> Result<Vec<PathBuf>, (PathBuf, io::Error)> {
    fs::create_dir_all(out).map_err(|e| (out.to_path_buf(), e))?;
    let mut command = visible_command();
    command.build();
    let mut written = Vec::new();

    // Built, each subcommand's display name is `govmaturity-<sub>`: the
    // name `man govmaturity-validate` finds and the page's header shows.
    let subcommands = command.get_subcommands().filter(|sub| sub.get_name() != "help");
    for page in std::iter::once(&command).chain(subcommands) {
        let man = clap_mangen::Man::new(page.clone());
        let path = out.join(man.get_filename());
        let mut bytes = Vec::new();
        man.render(&mut bytes)
            .and_then(|()| fs::write(&path, &bytes))
            .map_err(|e| (path.clone(), e))?;
        written.push(path);
    }

    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell] {
        let path = clap_complete::generate_to(shell, &mut command, "govmaturity", out)
            .map_err(|e| (out.to_path_buf(), e))?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_man_pages_and_every_shells_completions() {
        let dir = tempfile::tempdir().unwrap();
        let written = write_extras(dir.path()).unwrap();
        let names: Vec<String> = written
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        for expected in [
            "govmaturity.1",
            "govmaturity-validate.1",
            "govmaturity-summary.1",
            "govmaturity.bash",
            "_govmaturity",
            "govmaturity.fish",
            "_govmaturity.ps1",
        ] {
            assert!(
                names.iter().any(|n| n == expected),
                "{expected} missing from {names:?}"
            );
        }
        // Hidden commands stay out of the pages and the completions.
        assert!(!names.iter().any(|n| n.contains("resave") || n.contains("extras")));
        let man = fs::read_to_string(dir.path().join("govmaturity.1")).unwrap();
        assert!(man.starts_with(".ie") || man.contains(".TH govmaturity"), "{man}");
        assert!(man.contains("validate"), "the main page lists the subcommands");
        let bash = fs::read_to_string(dir.path().join("govmaturity.bash")).unwrap();
        assert!(
            bash.contains("--deny-warnings"),
            "the completions know the options"
        );
        assert!(!bash.contains("generate-extras"));
    }
}
