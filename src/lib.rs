//! govmaturity: an offline, bilingual dashboard for assessing how mature a
//! government's departments are at digital government.
//!
//! Dependencies point one way: `model` ← `store`; `model` ← `analysis` ←
//! `charts`; everything ← `cli`. Nothing outside `app` knows egui.

pub mod analysis;
pub mod app;
pub mod charts;
pub mod cli;
pub mod csv;
pub mod fonts;
pub mod generate;
pub mod model;
pub mod present;
pub mod report;
pub mod store;
