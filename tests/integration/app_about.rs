//! The About window: the version, the built-in framework's edition, the
//! licences and where the app keeps its files, in both languages.

use crate::common;

use egui_kittest::kittest::Queryable;

#[test]
fn about_shows_version_framework_licences_and_folders_in_both_languages() {
    let mut harness = common::sample_app();
    assert!(harness.query_by_label("About govmaturity").is_none());
    harness.get_by_label("About").click();
    harness.run();
    assert!(harness.state().state.show_about);
    for text in [
        "About govmaturity",
        "0.1.0",
        "Digital Government Maturity (digital-government), edition 1",
        "The program: MIT OR Apache-2.0, at your choice.",
        "The bundled fonts (subsets of Noto Sans SC and Noto Serif SC, cut to GB 2312): SIL Open Font License 1.1.",
    ] {
        assert!(harness.query_by_label(text).is_some(), "{text} is not shown");
    }
    let journal = common::sample_dir().join(".recovery").display().to_string();
    assert!(
        harness.query_by_label(&journal).is_some(),
        "{journal} is not shown"
    );

    // The font licence in full, one click away.
    harness.get_by_label("Font licence text").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("SIL OPEN FONT LICENSE Version 1.1")
            .is_some()
    );

    harness.get_by_label("简体中文").click();
    harness.run();
    for text in [
        "关于本程序",
        "数字政府成熟度（digital-government），第 1 版",
        "本程序：MIT 或 Apache-2.0 许可，任选其一。",
        "随附字体（Noto Sans SC 与 Noto Serif SC 字体的 GB 2312 子集）：SIL 开源字体许可协议（OFL）1.1。",
        "当前工作区未保存修改（恢复日志）",
    ] {
        assert!(harness.query_by_label(text).is_some(), "{text} is not shown");
    }

    // The same button closes it.
    harness.get_by_label("关于").click();
    harness.run();
    assert!(!harness.state().state.show_about);
    assert!(harness.query_by_label("关于本程序").is_none());
}
