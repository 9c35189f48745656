//! The integration tests, as one test binary: every test target links the
//! whole egui stack, so thirteen binaries cost thirteen times the link time
//! and disk (about 700 MB each with debug info). Run one area with a filter,
//! e.g. `cargo test --test integration app_assess::`.

// Test helpers outside #[test] functions may unwrap and panic on a broken
// fixture: that is a failed test, not a crash a user could see.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::print_stdout)]

mod common;

mod app_about;
mod app_assess;
mod app_basis;
mod app_collect;
mod app_compare;
mod app_consensus;
mod app_department;
mod app_framework;
mod app_groups;
mod app_lock;
mod app_overview;
mod app_plan;
mod app_problems;
mod app_review;
mod app_scale;
mod app_settings;
mod app_shell;
mod app_start;
mod app_trends;
mod app_typing;
mod cli;
mod cli_basis;
mod cli_plan;
mod cross_format;
mod fuzz_regressions;
mod hardening;
mod portability;
mod properties;
mod questionnaire;
mod report_brief;
mod report_csv;
mod report_docx;
mod report_fixtures;
mod report_full;
mod report_html;
mod report_pdf;
mod report_plan;
mod report_slim;
mod report_xlsx;
mod store;
mod store_consensus;
mod store_lock;
mod store_plan;
mod tamper;
