//! The plan loader on arbitrary text: parse (any format version), the
//! checks loading runs, the problems said in both languages; and the quick
//! reader must read any file it takes exactly as RON does.
#![no_main]

use govmaturity::fuzzing;
use govmaturity::store::FileKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    std::hint::black_box(fuzzing::plan(text));
    if let Some(difference) = fuzzing::quick_disagrees(FileKind::Plan, text) {
        panic!("the quick reader and RON disagree:\n{difference}");
    }
});
