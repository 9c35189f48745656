//! The `govmaturity` binary: with a subcommand it runs on the command line;
//! with none it opens the desktop app.

use std::process::ExitCode;

use clap::Parser;
use govmaturity::app::state::Tab;
use govmaturity::app::{GovApp, StartOptions};
use govmaturity::cli::{self, Cli, EXIT_USAGE, StartView};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
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
