//! The one place words and numbers are made.
//!
//! Everything the user reads, in the app, on the command line and in every
//! report, comes from here:
//! - [`catalogue`]: every word in English and Simplified Chinese;
//! - [`format`]: how levels, scores, percentages, changes, priorities and
//!   dates are written, with one rounding rule (half away from zero);
//! - [`rank`]: shared ranks for equal scores;
//! - [`report`]: the figures a report shows, computed once;
//! - [`document`]: headings, paragraphs, tables and figures that the HTML,
//!   PDF and XLSX writers print;
//! - [`build`]: the report's content as that document, in one section order.
//!
//! Nothing here knows egui or a file format.

pub mod agreement;
pub mod brief;
pub mod build;
pub mod catalogue;
pub mod compare;
pub mod department;
pub mod document;
// ---- collecting: questionnaire and import
pub mod exchange;
pub mod format;
pub mod groups;
pub mod hierarchy;
mod names;
pub mod overview;
// ---- scale: finding departments by pinyin
pub mod pinyin;
mod pinyin_table;
pub mod plan;
pub mod rank;
pub mod report;
pub mod trend_crowd;
pub mod trends;
// added (xlsx helper, issue 11): the long trend table of a report.
pub mod trend_table;
