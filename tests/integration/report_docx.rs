//! The DOCX report as Word and LibreOffice open it: a zip of well-formed
//! XML parts with the parts Word needs, the same figures as `govmaturity
//! summary --format json`, a contents field, pictures with alternative
//! text, and the official style's red masthead, 仿宋 body and "— 1 —" page
//! numbers. (That LibreOffice converts it without complaint is checked by
//! `scripts/check-docx.sh`, which needs LibreOffice installed.)

use crate::common;

use std::collections::BTreeMap;
use std::io::Read as _;
use std::process::Command;

use chrono::NaiveDate;
use govmaturity::model::Lang;
use govmaturity::report::{self, Format, ReportKind, ReportOptions, ReportStyle};
use serde_json::Value;

fn options(kind: ReportKind, style: ReportStyle, lang: Lang) -> ReportOptions {
    ReportOptions {
        kind,
        style,
        split: false,
        format: Format::Docx,
        period: None,
        department: None,
        basis: govmaturity::analysis::Basis::Latest,
        lang,
        generated: NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(),
    }
}

/// The parts of a DOCX, by name.
fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a DOCX is a zip");
    let mut parts = BTreeMap::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let mut data = Vec::new();
        file.read_to_end(&mut data).unwrap();
        parts.insert(file.name().unwrap().into_owned(), data);
    }
    parts
}

fn part(parts: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(parts.get(name).unwrap_or_else(|| panic!("no {name}")).clone()).unwrap()
}

/// The document's text: every `w:t`, one string per paragraph.
fn paragraphs(document_xml: &str) -> Vec<String> {
    let xml = roxmltree::Document::parse(document_xml).unwrap();
    xml.descendants()
        .filter(|n| n.tag_name().name() == "p")
        .map(|p| {
            p.descendants()
                .filter(|n| n.tag_name().name() == "t")
                .filter_map(|t| t.text())
                .collect()
        })
        .collect()
}

/// Renders the sample and checks what every DOCX must be.
fn render(kind: ReportKind, style: ReportStyle, lang: Lang) -> BTreeMap<String, Vec<u8>> {
    let loaded = common::sample();
    let bytes = report::render(&loaded, &options(kind, style, lang)).unwrap();
    let parts = unzip(&bytes);
    for name in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/settings.xml",
        "word/footer1.xml",
        "docProps/core.xml",
    ] {
        assert!(parts.contains_key(name), "{kind:?} {style:?} {lang:?}: no {name}");
    }
    for (name, data) in &parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let text = std::str::from_utf8(data).unwrap();
            if let Err(e) = roxmltree::Document::parse(text) {
                panic!("{kind:?} {style:?} {lang:?}: {name} is not well formed: {e}");
            }
        }
    }
    // Every relationship's target is in the package, and every part has a
    // content type.
    let relationships = part(&parts, "word/_rels/document.xml.rels");
    for target in relationships.split("Target=\"").skip(1) {
        let target = &target[..target.find('"').unwrap()];
        assert!(parts.contains_key(&format!("word/{target}")), "missing {target}");
    }
    let types = part(&parts, "[Content_Types].xml");
    for name in parts.keys() {
        let known = name == "[Content_Types].xml"
            || name.ends_with(".rels")
            || name.ends_with(".png")
            || types.contains(&format!("PartName=\"/{name}\""));
        assert!(known, "{name} has no content type");
    }
    parts
}

/// The summary of the sample, as the CLI prints it.
fn summary(lang: &str) -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_govmaturity"))
        .args([
            "summary",
            common::sample_dir().to_str().unwrap(),
            "--format",
            "json",
            "--lang",
            lang,
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn the_full_report_has_every_department_with_the_summary_figures() {
    let workspace = common::sample().data.workspace;
    for (lang, code) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
        let summary = summary(code);
        for style in [ReportStyle::Plain, ReportStyle::Official] {
            let parts = render(ReportKind::Full, style, lang);
            let document = part(&parts, "word/document.xml");
            let text = paragraphs(&document);
            let departments = summary["departments"].as_array().unwrap();
            assert_eq!(departments.len(), 12);
            for department in departments {
                // The summary names departments in English; the report in its language.
                let id = department["id"].as_str().unwrap();
                let name = workspace.department(id).unwrap().name.get(lang);
                assert!(
                    text.iter().any(|p| p == name),
                    "{code} {style:?}: no heading or cell {name}"
                );
                // The overall level as the ranking prints it, alone in its cell.
                let overall = format!("{:.2}", department["overall"].as_f64().unwrap());
                assert!(text.contains(&overall), "{code} {style:?} {name}: no {overall}");
                for dimension in department["dimensions"].as_array().unwrap() {
                    let score = format!("{:.2}", dimension["score"].as_f64().unwrap());
                    assert!(text.contains(&score), "{code} {style:?} {name}: no {score}");
                }
            }
            let period = summary["period"].as_str().unwrap();
            if lang == Lang::En {
                assert!(text.iter().any(|p| p.contains(period)), "{period}");
            }
            // A contents field Word fills in, and Word's heading styles.
            assert!(document.contains(
                "<w:instrText xml:space=\"preserve\"> TOC \\o &quot;1-1&quot; \\h \\z \\u </w:instrText>"
            ));
            assert!(part(&parts, "word/settings.xml").contains("<w:updateFields w:val=\"true\"/>"));
            assert!(document.contains("<w:pStyle w:val=\"Title\"/>"));
            assert!(document.contains("<w:pStyle w:val=\"Heading1\"/>"));
            assert!(document.contains("<w:pStyle w:val=\"Heading2\"/>"));
            // Tables with a repeated header row.
            assert!(document.matches("<w:tblHeader/>").count() >= 10);
            // Pictures, each described.
            let pictures = parts.keys().filter(|n| n.starts_with("word/media/")).count();
            assert!(pictures >= 12, "{pictures} pictures");
            let descriptions: Vec<&str> = document
                .split("<wp:docPr ")
                .skip(1)
                .map(|d| {
                    let d = &d[d.find("descr=\"").unwrap() + 7..];
                    &d[..d.find('"').unwrap()]
                })
                .collect();
            assert_eq!(descriptions.len(), pictures);
            assert!(
                descriptions.iter().all(|d| d.chars().count() > 10),
                "{descriptions:?}"
            );
            // A page number in every footer.
            assert!(part(&parts, "word/footer1.xml").contains("> PAGE </w:instrText>"));
            let core = part(&parts, "docProps/core.xml");
            assert!(core.contains(if lang == Lang::Zh {
                "<dc:language>zh-CN</dc:language>"
            } else {
                "<dc:language>en-US</dc:language>"
            }));
        }
    }
}

#[test]
fn the_official_style_has_the_red_masthead_fangsong_and_dashed_page_numbers() {
    for kind in [ReportKind::Full, ReportKind::Brief] {
        let parts = render(kind, ReportStyle::Official, Lang::Zh);
        let document = part(&parts, "word/document.xml");
        let text = paragraphs(&document);
        // The issuing office in red on the first line, the document number
        // under it over a red rule.
        assert_eq!(text[0], "滨江市数字政府建设领导小组办公室", "{kind:?}");
        assert!(document.contains("<w:color w:val=\"E60012\"/><w:sz w:val=\"52\"/>"));
        assert!(text[1].ends_with("号"), "{:?}", text[1]);
        assert!(
            document.contains("<w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"11\" w:color=\"E60012\"/>")
        );
        let styles = part(&parts, "word/styles.xml");
        assert!(styles.contains("w:eastAsia=\"仿宋_GB2312\""));
        assert!(styles.contains("w:eastAsia=\"黑体\""));
        assert!(styles.contains("w:eastAsia=\"楷体_GB2312\""));
        assert!(styles.contains("<w:sz w:val=\"32\"/>"), "三号 body");
        assert!(
            document.contains("<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\"")
        );
        assert!(document.contains("<w:docGrid w:type=\"lines\" w:linePitch=\"579\"/>"));
        for footer in ["word/footer1.xml", "word/footer2.xml"] {
            let footer = part(&parts, footer);
            let dash = footer.find(">— </w:t>").unwrap();
            let page = footer.find("> PAGE </w:instrText>").unwrap();
            let close = footer.find("> —</w:t>").unwrap();
            assert!(dash < page && page < close, "{footer}");
        }
    }
    // The brief closes with the sign-off chain.
    let brief = paragraphs(&part(
        &render(ReportKind::Brief, ReportStyle::Official, Lang::Zh),
        "word/document.xml",
    ));
    let chain = brief
        .iter()
        .find(|p| p.starts_with("编制："))
        .expect("a sign-off line");
    let (prepared, reviewed, approved) = (
        chain.find("编制：").unwrap(),
        chain.find("审核：").unwrap(),
        chain.find("签发：").unwrap(),
    );
    assert!(prepared < reviewed && reviewed < approved, "{chain}");
}

#[test]
fn every_kind_style_and_language_is_a_valid_document() {
    for kind in [ReportKind::Brief, ReportKind::Full] {
        for style in [ReportStyle::Plain, ReportStyle::Official] {
            for lang in [Lang::En, Lang::Zh] {
                let parts = render(kind, style, lang);
                let document = part(&parts, "word/document.xml");
                assert!(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
                assert_eq!(
                    document.contains("E60012"),
                    style == ReportStyle::Official,
                    "{kind:?} {style:?} {lang:?}"
                );
                // A brief has no cover, so its first page is numbered.
                assert_eq!(document.contains("<w:titlePg/>"), kind == ReportKind::Full);
            }
        }
    }
}

#[test]
fn the_cli_writes_a_docx() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brief.docx");
    let output = Command::new(env!("CARGO_BIN_EXE_govmaturity"))
        .args([
            "report",
            common::sample_dir().to_str().unwrap(),
            "--kind",
            "brief",
            "--style",
            "official",
            "--lang",
            "zh",
            "--format",
            "docx",
            "--out",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let parts = unzip(&std::fs::read(&out).unwrap());
    assert!(part(&parts, "word/document.xml").contains("滨江市数字政府建设领导小组办公室"));
}
