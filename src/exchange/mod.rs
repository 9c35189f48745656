//! Collecting assessments from departments that do not use the app: a
//! questionnaire workbook out ([`questionnaire`]), and the returned file
//! back in ([`import`]), matched to its department and period by a hidden,
//! checksummed identity sheet ([`identity`]) and read by a small .xlsx
//! reader of our own ([`xlsx`]).
//!
//! Sits beside `report`: it uses the store to read and save and `present`
//! for every word; nothing here knows egui.

pub mod identity;
pub mod import;
pub mod lines;
pub mod questionnaire;
pub mod xlsx;

pub use identity::Identity;
pub use import::{FileReport, ImportOptions, Returned, import_file, read_returned};
pub use lines::{LineKind, report_lines};
pub use questionnaire::{QuestionnaireError, file_name, questionnaire};
