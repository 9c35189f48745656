//! The `govmaturity` binary: a subcommand runs on the command line; no
//! subcommand prints the workspace summary until the desktop app lands.

use std::process::ExitCode;

use clap::Parser;
use govmaturity::cli::{self, Cli, Command, SummaryFormat};

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        Some(command) => cli::run(command),
        None => {
            let dir = args.workspace.unwrap_or_else(|| cli::DEFAULT_WORKSPACE.into());
            cli::run(Command::Summary {
                dir,
                period: None,
                format: SummaryFormat::Table,
                lang: govmaturity::model::Lang::En,
            })
        }
    }
}
