//! The report as an editable Word document (Office Open XML,
//! WordprocessingML), written directly: the parts are plain XML in a zip,
//! and writing them ourselves keeps what Word and WPS need in our hands
//! (the pictures' descriptions, `w:updateFields`, the GB/T 9704 line grid,
//! Word's own style ids) with no dependency beyond the zip writer the
//! workbook already uses.
//!
//! The document prints the report's [`Document`] block by block ([`body`]),
//! in one of two looks ([`parts`]): plain, or official (GB/T 9704-2012).
//! Charts are the HTML report's SVG, rasterised with the bundled fonts
//! ([`picture`]).

mod body;
mod parts;
mod picture;
mod xml;

use std::io::Write as _;

use zip::write::SimpleFileOptions;

use crate::present::document::{Chart, Document, Figure};

use super::ReportError;

/// Renders the document as DOCX bytes. `draw(chart, alt)` draws a figure's
/// chart as SVG (the HTML report's).
pub fn render(document: &Document, draw: &dyn Fn(&Chart, &str) -> String) -> Result<Vec<u8>, ReportError> {
    let look = parts::Look::new(document);
    let pictures = pictures(document, &look, draw);
    let mut pictures = pictures.into_iter();
    let mut next_picture = |_: &Figure| pictures.next().flatten();
    let (body, pictures) = body::print(document, &look, &mut next_picture);
    let mut files: Vec<(String, Vec<u8>)> = vec![
        (
            "[Content_Types].xml".to_owned(),
            parts::content_types(&look).into_bytes(),
        ),
        (
            "_rels/.rels".to_owned(),
            parts::package_relationships().into_bytes(),
        ),
        (
            "docProps/core.xml".to_owned(),
            parts::core(document, &look).into_bytes(),
        ),
        ("docProps/app.xml".to_owned(), parts::app().into_bytes()),
        ("word/document.xml".to_owned(), body.into_bytes()),
        (
            "word/_rels/document.xml.rels".to_owned(),
            parts::document_relationships(&look, pictures.len()).into_bytes(),
        ),
        ("word/styles.xml".to_owned(), parts::styles(&look).into_bytes()),
        (
            "word/settings.xml".to_owned(),
            parts::settings(&look).into_bytes(),
        ),
        (
            "word/fontTable.xml".to_owned(),
            parts::font_table(&look).into_bytes(),
        ),
        ("word/numbering.xml".to_owned(), parts::numbering().into_bytes()),
        (
            "word/footer1.xml".to_owned(),
            parts::footer(&look, parts::Side::Odd).into_bytes(),
        ),
    ];
    if look.official {
        files.push((
            "word/footer2.xml".to_owned(),
            parts::footer(&look, parts::Side::Even).into_bytes(),
        ));
    }
    if look.cover {
        files.push(("word/footer3.xml".to_owned(), parts::empty_footer().into_bytes()));
    }
    let error = |e: &dyn std::fmt::Display| ReportError::Render("DOCX", e.to_string());
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    // PNG is compressed already.
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in &files {
        zip.start_file(name.as_str(), deflated).map_err(|e| error(&e))?;
        zip.write_all(bytes).map_err(|e| error(&e))?;
    }
    for (i, picture) in pictures.iter().enumerate() {
        zip.start_file(format!("word/media/figure{}.png", i + 1), stored)
            .map_err(|e| error(&e))?;
        zip.write_all(&picture.png).map_err(|e| error(&e))?;
    }
    let cursor = zip.finish().map_err(|e| error(&e))?;
    Ok(cursor.into_inner())
}

/// Every figure's picture, in document order: the charts are drawn as SVG
/// here (`draw` need not be shareable between threads) and rasterised on
/// as many threads as the machine has, as a report of a thousand
/// departments holds a thousand radars.
fn pictures(
    document: &Document,
    look: &parts::Look,
    draw: &dyn Fn(&Chart, &str) -> String,
) -> Vec<Option<picture::Picture>> {
    let frames: Vec<(String, u64, u64)> = document
        .figures()
        .map(|figure| {
            let (width, height) = body::frame(look, &figure.chart);
            (draw(&figure.chart, &figure.alt), width, height)
        })
        .collect();
    if frames.is_empty() {
        return Vec::new();
    }
    let painter = picture::Painter::new();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let chunk = frames.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let painter = &painter;
        let parts: Vec<_> = frames
            .chunks(chunk)
            .map(|part| {
                let handle = scope.spawn(move || {
                    part.iter()
                        .map(|(svg, width, height)| painter.draw(svg, *width, *height))
                        .collect::<Vec<_>>()
                });
                (part.len(), handle)
            })
            .collect();
        parts
            .into_iter()
            // A part whose thread failed shows its figures' captions only.
            .flat_map(|(len, handle)| handle.join().unwrap_or_else(|_| vec![None; len]))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::io::Read as _;

    use super::*;
    use crate::model::Lang;
    use crate::present::document::{
        Block, Cell, CellKind, Column, KeyFigure, Masthead, Paragraph, ReportKind, ReportStyle, SignOff,
        Table,
    };

    /// A brief by hand: masthead, title, a section with a paragraph, key
    /// figures, a table, a figure, and the sign-off.
    fn document(lang: Lang, style: ReportStyle) -> Document {
        Document {
            lang,
            title: "滨江市数字政府成熟度评估简报".to_owned(),
            kind: ReportKind::Brief,
            style,
            masthead: (style == ReportStyle::Official).then(|| Masthead {
                office: "滨江市数字政府建设领导小组办公室".to_owned(),
                number: "滨数政办〔2026〕12号".to_owned(),
            }),
            blocks: vec![
                Block::Heading {
                    level: 1,
                    text: "数字政府成熟度评估简报".to_owned(),
                    anchor: None,
                },
                Block::Heading {
                    level: 2,
                    text: "一、总体情况".to_owned(),
                    anchor: Some("conclusions".to_owned()),
                },
                Paragraph::body("12个部门均已完成评估，平均提升0.15。"),
                Paragraph::warning("市财政局最新评估文件无法读取。"),
                Block::KeyFigures(vec![KeyFigure {
                    label: "总体等级".to_owned(),
                    value: "2.73".to_owned(),
                    note: String::new(),
                }]),
                Block::Table(Table {
                    id: "attention".to_owned(),
                    caption: Some("需要重点关注的部门".to_owned()),
                    columns: vec![Column::text("部门"), Column::number("总体等级")],
                    rows: vec![vec![
                        Cell::text("市民政局").linked("conclusions"),
                        Cell::of("1.83", CellKind::Level(Some(1.83))).provisional(true),
                    ]],
                }),
                Block::Figure(crate::present::document::Figure {
                    chart: Chart::StageDistribution,
                    alt: "各阶段部门数：起步1个，萌芽9个".to_owned(),
                    caption: "各阶段部门数".to_owned(),
                }),
                Block::SignOff(SignOff {
                    rows: vec![
                        ("编制".to_owned(), "张三".to_owned()),
                        ("审核".to_owned(), "李四".to_owned()),
                        ("签发".to_owned(), String::new()),
                    ],
                    date: "2026年12月1日".to_owned(),
                }),
            ],
        }
    }

    fn svg(_: &Chart, _: &str) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"200\"><rect width=\"200\" height=\"100\" fill=\"#440154\"/></svg>"
            .to_owned()
    }

    /// Every part of the package, by name.
    fn parts(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut out: BTreeMap<String, Vec<u8>> = BTreeMap::new();
        for i in 0..zip.len() {
            let mut file = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            file.read_to_end(&mut data).unwrap();
            out.insert(file.name().unwrap().into_owned(), data);
        }
        out
    }

    fn text(parts: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
        String::from_utf8(parts[name].clone()).unwrap()
    }

    /// Every XML part parses, and ids that Word wants unique are.
    fn well_formed(parts: &BTreeMap<String, Vec<u8>>) {
        for (name, data) in parts {
            if name.ends_with(".xml") || name.ends_with(".rels") {
                let xml = std::str::from_utf8(data).unwrap();
                roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name}: {e}"));
            }
        }
        let body = text(parts, "word/document.xml");
        for id in ["<wp:docPr id=\"", "<w:bookmarkStart w:id=\""] {
            let ids: Vec<&str> = body
                .split(id)
                .skip(1)
                .map(|s| &s[..s.find('"').unwrap()])
                .collect();
            let mut unique = ids.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(ids.len(), unique.len(), "{id}");
        }
    }

    #[test]
    fn the_official_style_has_the_gbt_9704_elements() {
        let bytes = render(&document(Lang::Zh, ReportStyle::Official), &svg).unwrap();
        let parts = parts(&bytes);
        well_formed(&parts);
        let body = text(&parts, "word/document.xml");
        // The masthead in red, large, centred; the number under it over a red rule.
        assert!(body.contains(
            "<w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii=\"Times New Roman\" \
             w:hAnsi=\"Times New Roman\" w:eastAsia=\"方正小标宋简体\" w:cs=\"Times New Roman\"/>\
             <w:color w:val=\"E60012\"/><w:sz w:val=\"52\"/><w:szCs w:val=\"52\"/></w:rPr>\
             <w:t xml:space=\"preserve\">滨江市数字政府建设领导小组办公室</w:t>"
        ));
        assert!(body.contains(
            "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"11\" w:color=\"E60012\"/></w:pBdr>"
        ));
        assert!(body.contains(">滨数政办〔2026〕12号</w:t>"));
        assert!(body.contains(
            "<w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t xml:space=\"preserve\">数字政府成熟度评估简报</w:t>"
        ));
        assert!(
            body.contains(
                "<w:pStyle w:val=\"Heading1\"/></w:pPr><w:bookmarkStart w:id=\"1\" w:name=\"gm1\"/>"
            )
        );
        // The sign-off chain, right-aligned, an empty name a line to sign on, then the date.
        assert!(body.contains(
            "<w:t xml:space=\"preserve\">编制：</w:t></w:r><w:r><w:t xml:space=\"preserve\">张三</w:t>"
        ));
        assert!(body.contains(">审核：</w:t></w:r><w:r><w:t xml:space=\"preserve\">李四</w:t>"));
        assert!(body.contains(">签发：</w:t></w:r><w:r><w:rPr><w:u w:val=\"single\"/></w:rPr>"));
        assert!(
            body.contains(
                "<w:jc w:val=\"right\"/></w:pPr><w:r><w:t xml:space=\"preserve\">2026年12月1日</w:t>"
            )
        );
        // GB/T 9704 margins (37/26/35/28 mm) and 22 lines to the page.
        assert!(body.contains(
            "<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\" w:header=\"851\" w:footer=\"1247\" w:gutter=\"0\"/>"
        ));
        assert!(body.contains("<w:docGrid w:type=\"lines\" w:linePitch=\"579\"/>"));
        assert!(body.contains("<w:footerReference w:type=\"even\" r:id=\"rIdFooterEven\"/>"));
        assert!(!body.contains("<w:titlePg/>"), "a brief has no cover");
        // Body in 仿宋 三号, condensed to 28 characters a line; headings in 黑体 and 楷体.
        let styles = text(&parts, "word/styles.xml");
        assert!(styles.contains(
            "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
        ));
        assert!(styles.contains(
            "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"仿宋_GB2312\" \
             w:cs=\"Times New Roman\"/><w:spacing w:val=\"-5\"/><w:sz w:val=\"32\"/>"
        ));
        assert!(
            styles.contains(
                "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
            )
        );
        assert!(styles.contains("w:eastAsia=\"黑体\""));
        assert!(styles.contains("w:eastAsia=\"楷体_GB2312\""));
        assert!(styles.contains("w:eastAsia=\"方正小标宋简体\""));
        assert!(styles.contains("<w:sz w:val=\"44\"/>"), "title in 二号");
        let fonts = text(&parts, "word/fontTable.xml");
        assert!(fonts.contains("<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"FangSong\"/>"));
        assert!(fonts.contains("<w:font w:name=\"楷体_GB2312\"><w:altName w:val=\"KaiTi\"/>"));
        // Page numbers as "— 1 —" in 宋体 四号, right on odd pages and left on even ones.
        let number = "<w:rPr><w:rFonts w:ascii=\"宋体\" w:hAnsi=\"宋体\" w:eastAsia=\"宋体\" w:cs=\"宋体\"/>\
                      <w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr>";
        for (footer, side) in [("word/footer1.xml", "right"), ("word/footer2.xml", "left")] {
            let footer = text(&parts, footer);
            assert!(footer.contains(&format!("<w:jc w:val=\"{side}\"/>")), "{footer}");
            assert!(footer.contains(&format!(
                "<w:r>{number}<w:t xml:space=\"preserve\">— </w:t></w:r><w:r>{number}<w:fldChar w:fldCharType=\"begin\"/></w:r>\
                 <w:r>{number}<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
            )));
            assert!(footer.contains(&format!(
                "<w:r>{number}<w:fldChar w:fldCharType=\"end\"/></w:r><w:r>{number}<w:t xml:space=\"preserve\"> —</w:t></w:r>"
            )));
        }
        assert!(text(&parts, "word/settings.xml").contains("<w:evenAndOddHeaders/>"));
    }

    #[test]
    fn the_package_is_a_word_document_with_its_pictures_described() {
        let bytes = render(&document(Lang::En, ReportStyle::Plain), &svg).unwrap();
        let parts = parts(&bytes);
        well_formed(&parts);
        let names: Vec<&str> = parts.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            [
                "[Content_Types].xml",
                "_rels/.rels",
                "docProps/app.xml",
                "docProps/core.xml",
                "word/_rels/document.xml.rels",
                "word/document.xml",
                "word/fontTable.xml",
                "word/footer1.xml",
                "word/media/figure1.png",
                "word/numbering.xml",
                "word/settings.xml",
                "word/styles.xml",
            ]
        );
        assert_eq!(&parts["word/media/figure1.png"][1..4], b"PNG");
        let body = text(&parts, "word/document.xml");
        assert!(!body.contains("E60012"), "no masthead in the plain style");
        assert!(
            body.contains("<wp:docPr id=\"1\" name=\"Figure 1\" descr=\"各阶段部门数：起步1个，萌芽9个\"/>")
        );
        assert!(body.contains("<a:blip r:embed=\"rIdFigure1\"/>"));
        // As wide as the text (160 mm), in proportion.
        assert!(body.contains("<wp:extent cx=\"5760720\" cy=\"2880360\"/>"));
        assert!(text(&parts, "word/_rels/document.xml.rels").contains(
            "<Relationship Id=\"rIdFigure1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/figure1.png\"/>"
        ));
        // A Word table: header row repeated, the level on its colour, dashed
        // when provisional, linked to its section.
        assert!(body.contains("<w:tblStyle w:val=\"TableGrid\"/>"));
        assert!(body.contains("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"));
        assert!(body.contains("<w:hyperlink w:anchor=\"gm1\" w:history=\"1\"><w:r><w:t xml:space=\"preserve\">市民政局</w:t></w:r></w:hyperlink>"));
        assert!(body.contains("<w:tcBorders><w:top w:val=\"dashed\""));
        assert!(
            body.contains("<w:pStyle w:val=\"Warning\"/></w:pPr><w:r><w:t xml:space=\"preserve\">⚠ 市财政局")
        );
        // A4, and the page number centred.
        assert!(body.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
        let footer = text(&parts, "word/footer1.xml");
        assert!(footer.contains("<w:jc w:val=\"center\"/>"));
        assert!(footer.contains("> PAGE </w:instrText>"));
        assert!(!footer.contains("—"));
        assert!(text(&parts, "word/settings.xml").contains("<w:updateFields w:val=\"true\"/>"));
        let core = text(&parts, "docProps/core.xml");
        assert!(core.contains("<dc:title>滨江市数字政府成熟度评估简报</dc:title>"));
        assert!(core.contains("<dc:language>en-US</dc:language>"));
        let styles = text(&parts, "word/styles.xml");
        for style in [
            "Normal",
            "Title",
            "Heading1",
            "Heading2",
            "Heading3",
            "TableGrid",
            "Caption",
            "ListBullet",
        ] {
            assert!(styles.contains(&format!("w:styleId=\"{style}\"")), "{style}");
        }
        assert!(styles.contains("w:ascii=\"Calibri\""));
        assert!(styles.contains("w:eastAsia=\"宋体\""));
    }

    #[test]
    fn the_contents_are_a_field_word_updates() {
        let mut document = document(Lang::En, ReportStyle::Plain);
        document.kind = ReportKind::Full;
        document.blocks.insert(
            1,
            Block::Contents {
                title: "Contents".to_owned(),
            },
        );
        document.blocks.insert(2, Block::PageBreak);
        let parts = parts(&render(&document, &svg).unwrap());
        well_formed(&parts);
        let body = text(&parts, "word/document.xml");
        assert!(body.contains(
            "<w:pStyle w:val=\"TOCHeading\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Contents</w:t></w:r></w:p>\
             <w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr><w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>\
             <w:r><w:instrText xml:space=\"preserve\"> TOC \\o &quot;1-1&quot; \\h \\z \\u </w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:hyperlink w:anchor=\"gm1\" w:history=\"1\">\
             <w:r><w:t xml:space=\"preserve\">一、总体情况</w:t></w:r></w:hyperlink></w:p>"
        ));
        assert!(body.contains("right-click the contents and choose Update Field.</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"));
        // The next block starts a page; the cover has no page number.
        assert!(body.contains("<w:pPr><w:pStyle w:val=\"Heading1\"/><w:pageBreakBefore/></w:pPr>"));
        assert!(body.contains("<w:titlePg/>"));
        assert!(text(&parts, "word/footer3.xml").contains("<w:ftr"));
    }

    #[test]
    fn hostile_text_keeps_the_parts_well_formed() {
        let mut document = document(Lang::En, ReportStyle::Official);
        document.title = "<w:p>&\u{0}\u{ffff}\"'".to_owned();
        document
            .blocks
            .push(Paragraph::body("]]> <!-- \u{1b} \u{202e}evil"));
        document.blocks.push(Block::List(vec!["a\nb\tc".to_owned()]));
        document
            .blocks
            .push(Block::Facts(vec![("<k>".to_owned(), "&v".to_owned())]));
        // Two sections with one anchor: one bookmark (`well_formed` checks
        // the ids are unique).
        document.blocks.push(Block::Heading {
            level: 2,
            text: "again".to_owned(),
            anchor: Some("conclusions".to_owned()),
        });
        let parts = parts(&render(&document, &svg).unwrap());
        assert_eq!(
            text(&parts, "word/document.xml")
                .matches("<w:bookmarkStart")
                .count(),
            1
        );
        well_formed(&parts);
        assert!(
            text(&parts, "docProps/core.xml")
                .contains("<dc:title>&lt;w:p&gt;&amp;\\u{0}\u{fffd}&quot;&apos;</dc:title>")
        );
        // An empty document is still a document.
        let empty = Document {
            blocks: Vec::new(),
            masthead: None,
            ..document
        };
        well_formed(&parts_of(&empty));
    }

    fn parts_of(document: &Document) -> BTreeMap<String, Vec<u8>> {
        parts(&render(document, &svg).unwrap())
    }
}
