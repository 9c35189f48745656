//! govmaturity: an offline, bilingual dashboard for assessing how mature a
//! government's departments are at digital government.
//!
//! Dependencies point one way:
//!
//! ```text
//! model ← store                      files
//! model ← analysis ← charts          pure figures, then geometry
//! store, analysis, charts ← present  the one place words and numbers are made
//! store, present ← report            HTML, PDF, XLSX, CSV writers
//! store, present ← exchange          questionnaires out and back in
//! store, present, report ← app       egui
//! everything ← cli, main
//! ```
//!
//! [`present`] holds the one en/zh catalogue, the one formatting and
//! rounding rule (half away from zero), shared ranks, the figures each view
//! and report shows (computed once) and the document model the report
//! writers print. Views and writers do no arithmetic and hold no words of
//! their own. Nothing outside `app` knows egui.

// A `PathBuf` is 8 bytes bigger on Windows, which takes `store::Problem`
// (returned as the error of the parsers) just over clippy's 128-byte limit
// there; on Linux, where CI runs clippy, the limit still applies.
#![cfg_attr(windows, allow(clippy::result_large_err))]

pub mod analysis;
pub mod app;
pub mod charts;
pub mod cli;
pub mod csv;
pub mod exchange;
pub mod fonts;
#[doc(hidden)]
pub mod fuzzing;
pub mod generate;
pub mod model;
mod parallel;
pub mod present;
pub mod report;
pub mod store;
