//! Problems in the app speak the user's language: the problems panel lists a
//! file cut short as "ends early" in English and as 文件不完整 in Chinese,
//! switching live with the language.

use std::fs;

use crate::common;

use egui_kittest::kittest::Queryable;

#[test]
fn the_problems_panel_speaks_the_chosen_language() {
    let dir = common::copy_workspace(&common::sample_dir());
    let bad = dir.path().join("health-commission/2025-12-31.ron");
    let text = fs::read_to_string(&bad).unwrap();
    let half = text
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| i >= text.len() / 2)
        .unwrap();
    fs::write(&bad, &text[..half]).unwrap();

    let mut harness = common::app(Some(dir.path()));
    assert!(harness.state().state.show_problems, "the error opens the panel");
    assert!(
        harness
            .query_by_label_contains("the assessment file ends early (an incomplete save or copy)")
            .is_some(),
        "the English message is shown"
    );

    harness.get_by_label("简体中文").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("评估文件不完整，内容在中途中断（保存或复制未完成）")
            .is_some(),
        "the Chinese message is shown"
    );
    assert!(harness.query_by_label_contains("ends early").is_none());
    // The place stays the same in either language.
    assert!(
        harness
            .query_by_label_contains("health-commission/2025-12-31.ron:")
            .is_some()
    );
}
