//! The `govmaturity` binary: with a subcommand it runs on the command line;
//! with none it opens the desktop app.
//!
//! On Windows it is a GUI program, so that starting it from Explorer opens no
//! console window; started from a terminal with arguments, it attaches to
//! that terminal's console so the command line's output reaches it.

#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser;
use govmaturity::app::state::Tab;
use govmaturity::app::{GovApp, StartOptions};
use govmaturity::cli::{self, Cli, EXIT_USAGE, StartView};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    #[cfg(windows)]
    attach_parent_console();
    let args = Cli::parse();
    match args.command {
        Some(command) => cli::run(command, args.workspace, args.lang),
        None => {
            let tab = args.view.map(|view| match view {
                StartView::Overview => Tab::Overview,
                StartView::Department => Tab::Department,
                StartView::Assess => Tab::Assess,
                StartView::Trends => Tab::Trends,
                StartView::Compare => Tab::Compare,
                StartView::Plan => Tab::Plan,
                StartView::Framework => Tab::Framework,
            });
            run_app(StartOptions {
                workspace: args.workspace,
                fresh: false,
                lang: args.lang,
                tab,
                user: args.user,
            })
        }
    }
}

fn run_app(options: StartOptions) -> ExitCode {
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("govmaturity")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([900.0, 600.0])
            .with_icon(govmaturity::app::about::window_icon()),
        ..Default::default()
    };
    let result = eframe::run_native(
        govmaturity::app::about::APP_ID,
        native,
        Box::new(move |cc| Ok(Box::new(GovApp::new(cc, options)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: the window could not be opened: {e}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// A GUI program starts without a console. With arguments (a subcommand,
/// `--help`, `--version`), write to the console of the terminal it was
/// started from, if any. Where the output is already going somewhere (a
/// pipe, a file, a test harness), the standard handles are set and nothing
/// changes. The terminal does not wait for a GUI program: in a script, run
/// it with `start /wait` (cmd) or through a pipe (PowerShell) to get its exit
/// code.
#[cfg(windows)]
fn attach_parent_console() {
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_OUTPUT_HANDLE,
    };
    if std::env::args_os().len() <= 1 {
        return;
    }
    // SAFETY: both calls take plain values and only read or set this
    // process's standard handles; failure (no parent console) is harmless.
    unsafe {
        if GetStdHandle(STD_OUTPUT_HANDLE).is_null() {
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }
}
