//! The HTML and CSV report writers (and, for one input in 64, the PDF's)
//! on arbitrary names, evidence, comments and reasons. Markup from the input
//! (a piece holding `<x-fuzz`, see `reports.dict`) must never reach the HTML
//! as markup.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let pdf = text.len() % 64 == 1;
    let pieces: Vec<&str> = text.split('\u{0}').collect();
    let Some((html, _csv)) = govmaturity::fuzzing::reports(&pieces, pdf) else {
        panic!("the reports could not be made");
    };
    for piece in &pieces {
        if piece.contains("<x-fuzz") {
            assert!(!html.contains(piece), "unescaped in the HTML: {piece:?}");
        }
    }
});
