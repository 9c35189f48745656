//! The document's look and the package's fixed parts: the page, the fonts
//! and sizes of each style (`word/styles.xml`, with Word's own style ids
//! and names so a reader can restyle the report), the font table, the
//! settings, the bullet list, the footers with their page numbers, the
//! content types, the relationships and the core properties.
//!
//! Two looks: plain (a sans face, 10.5 pt) and official, after GB/T
//! 9704-2012: 仿宋 三号 body on a grid of 22 lines of 28 characters,
//! 黑体/楷体/仿宋 headings, a 小标宋 title, page margins of 37/35/28/26 mm
//! and page numbers as "— 1 —" in 宋体 四号 on the outer side. An English
//! official report keeps that structure in a serif face.

use std::fmt::Write as _;

use crate::charts::{OKABE_ITO, Rgb, Theme};
use crate::model::Lang;
use crate::present::catalogue::T;
use crate::present::document::{Document, ReportKind, ReportStyle};

use super::xml::{escape, hex};

/// The red of the official masthead and its rule.
pub const OFFICIAL_RED: Rgb = Rgb(0xe6, 0x00, 0x12);

/// Twentieths of a point per millimetre, times 1000.
const TWIPS_PER_MM_1000: u32 = 56_693;
/// English Metric Units per twip.
pub const EMU_PER_TWIP: u64 = 635;

fn mm(millimetres: u32) -> u32 {
    (millimetres * TWIPS_PER_MM_1000 + 500) / 1000
}

/// A4 in twips.
const PAGE_WIDTH: u32 = 11_906;
const PAGE_HEIGHT: u32 = 16_838;

/// A font: the Latin family, and the East Asian family with its stand-in.
#[derive(Clone, Copy, Debug)]
pub struct Face {
    pub latin: &'static str,
    /// The catalogue entry naming the East Asian family (its Chinese text)
    /// and the font that stands in for it (its English text).
    pub east: T,
}

impl Face {
    pub fn east_name(self) -> &'static str {
        self.east.get(Lang::Zh)
    }

    /// `<w:rFonts …/>`.
    fn fonts(self) -> String {
        format!(
            "<w:rFonts w:ascii=\"{l}\" w:hAnsi=\"{l}\" w:eastAsia=\"{e}\" w:cs=\"{l}\"/>",
            l = escape(self.latin),
            e = escape(self.east_name())
        )
    }
}

/// One paragraph style's type.
#[derive(Clone, Copy, Debug)]
pub struct Type {
    pub face: Face,
    /// Half-points.
    pub size: u32,
    pub bold: bool,
}

/// Everything the body writer needs to know about the look.
#[derive(Clone, Debug)]
pub struct Look {
    pub official: bool,
    pub lang: Lang,
    /// Page margins in twips: top, right, bottom, left.
    margins: [u32; 4],
    /// The footer's distance from the page's bottom edge, twips.
    footer: u32,
    /// The text block's width and height in twips.
    pub width: u32,
    pub height: u32,
    /// 22 lines to the page: the line pitch, twips.
    grid: Option<u32>,
    /// Character spacing of the body, twentieths of a point (negative:
    /// condensed), so that 28 characters fill a line.
    condense: i32,
    pub body: Type,
    pub title: Type,
    pub headings: [Type; 3],
    /// Table text, and small text (notes, captions, footers), half-points.
    pub table_size: u32,
    pub small_size: u32,
    /// Headings' colour; black in the official style.
    pub heading_colour: Rgb,
    pub muted: Rgb,
    /// Body paragraphs start two characters in.
    pub indent: bool,
    /// The report has a cover page (no page number on it).
    pub cover: bool,
}

impl Look {
    pub fn new(document: &Document) -> Look {
        let official = document.style == ReportStyle::Official;
        let palette = Theme::Light.palette();
        let cover = document.kind != ReportKind::Brief;
        let face = |latin, east| Face { latin, east };
        if official {
            let margins = [mm(37), mm(26), mm(35), mm(28)];
            let width = PAGE_WIDTH - margins[1] - margins[3];
            let height = PAGE_HEIGHT - margins[0] - margins[2];
            let serif = "Times New Roman";
            let body = face(serif, T::DocxFontFangSong);
            let ty = |face, size, bold| Type { face, size, bold };
            let (body_size, grid, headings, title) = match document.lang {
                // 三号 on 22 lines of 28 characters: the line pitch is the
                // block's height over 22 (a grid of lines), and the type is
                // condensed by the difference between 16 pt and the
                // block's width over 28, rounded up to a twentieth of a
                // point. (A character grid would do the same in Word, but
                // LibreOffice gives every character two cells of a grid
                // narrower than the type.)
                Lang::Zh => (
                    32,
                    Some(height / 22),
                    [
                        ty(face(serif, T::DocxFontHei), 32, false),
                        ty(face(serif, T::DocxFontKaiTi), 32, false),
                        ty(body, 32, true),
                    ],
                    ty(face(serif, T::DocxFontXiaoBiaoSong), 44, false),
                ),
                Lang::En => (
                    24,
                    None,
                    [ty(body, 28, true), ty(body, 24, true), ty(body, 24, true)],
                    ty(body, 40, true),
                ),
            };
            let condense = match document.lang {
                Lang::Zh => -((320 * 28 - width as i32) / 28 + 1),
                Lang::En => 0,
            };
            Look {
                official,
                lang: document.lang,
                condense,
                margins,
                footer: mm(22),
                width,
                height,
                grid,
                body: ty(body, body_size, false),
                title,
                headings,
                table_size: if document.lang == Lang::Zh { 21 } else { 20 },
                small_size: if document.lang == Lang::Zh { 24 } else { 20 },
                heading_colour: palette.text,
                muted: palette.text,
                indent: document.lang == Lang::Zh,
                cover,
            }
        } else {
            let margin = mm(25);
            let sans = "Calibri";
            let body = face(sans, T::DocxFontSong);
            let heading = face(sans, T::DocxFontYaHei);
            let ty = |face, size, bold| Type { face, size, bold };
            Look {
                official,
                lang: document.lang,
                condense: 0,
                margins: [margin; 4],
                footer: mm(12),
                width: PAGE_WIDTH - 2 * margin,
                height: PAGE_HEIGHT - 2 * margin,
                grid: None,
                body: ty(body, 21, false),
                title: ty(heading, 52, true),
                headings: [
                    ty(heading, 32, true),
                    ty(heading, 26, true),
                    ty(heading, 22, true),
                ],
                table_size: 18,
                small_size: 18,
                heading_colour: OKABE_ITO[5].lerp(Rgb::BLACK, 0.45),
                muted: palette.muted_text,
                indent: false,
                cover,
            }
        }
    }

    fn lang_tag(&self) -> &'static str {
        match self.lang {
            Lang::En => "en-US",
            Lang::Zh => "zh-CN",
        }
    }

    /// The faces the document names, each once, for the font table.
    fn faces(&self) -> Vec<Face> {
        let mut faces = vec![self.body.face, self.title.face];
        faces.extend(self.headings.iter().map(|t| t.face));
        faces.push(page_number_face(self));
        let mut seen = Vec::new();
        faces.retain(|f| {
            let new = !seen.contains(&f.east_name());
            seen.push(f.east_name());
            new
        });
        faces
    }
}

/// The page number's face: 宋体 in the official style.
pub fn page_number_face(look: &Look) -> Face {
    if look.official {
        Face {
            latin: T::DocxFontSong.get(Lang::Zh),
            east: T::DocxFontSong,
        }
    } else {
        look.body.face
    }
}

/// A paragraph style: id, name, what it is based on, paragraph and run
/// properties (already in schema order).
fn style(out: &mut String, id: &str, name: &str, based_on: Option<&str>, ppr: &str, rpr: &str) {
    let _ = write!(
        out,
        "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>"
    );
    if let Some(base) = based_on {
        let _ = write!(out, "<w:basedOn w:val=\"{base}\"/>");
    }
    let _ = write!(out, "<w:qFormat/>");
    if !ppr.is_empty() {
        let _ = write!(out, "<w:pPr>{ppr}</w:pPr>");
    }
    if !rpr.is_empty() {
        let _ = write!(out, "<w:rPr>{rpr}</w:rPr>");
    }
    out.push_str("</w:style>");
}

fn size(half_points: u32) -> String {
    format!("<w:sz w:val=\"{half_points}\"/><w:szCs w:val=\"{half_points}\"/>")
}

fn colour(c: Rgb) -> String {
    format!("<w:color w:val=\"{}\"/>", hex(c))
}

/// `word/styles.xml`.
pub fn styles(look: &Look) -> String {
    let mut s = String::with_capacity(8 * 1024);
    s.push_str(XML);
    s.push_str("<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
    let lang = look.lang_tag();
    let _ = write!(
        s,
        "<w:docDefaults><w:rPrDefault><w:rPr>{}{}<w:lang w:val=\"{lang}\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:autoSpaceDE w:val=\"0\"/><w:autoSpaceDN w:val=\"0\"/><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>",
        look.body.face.fonts(),
        size(look.body.size)
    );
    let body_spacing = if look.official {
        ""
    } else {
        "<w:spacing w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/>"
    };
    let indent = if look.indent {
        "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>"
    } else {
        ""
    };
    let condense = if look.condense == 0 {
        String::new()
    } else {
        format!("<w:spacing w:val=\"{}\"/>", look.condense)
    };
    let justify = if look.official {
        "<w:jc w:val=\"both\"/>"
    } else {
        ""
    };
    // Normal: the body.
    let _ = write!(
        s,
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>\
         <w:pPr><w:widowControl/>{body_spacing}{indent}{justify}</w:pPr><w:rPr>{}{condense}{}</w:rPr></w:style>",
        look.body.face.fonts(),
        size(look.body.size)
    );
    s.push_str(
        "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">\
         <w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>",
    );
    let no_indent = "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>";
    // Title.
    let title_spacing = if look.official {
        format!(
            "<w:spacing w:before=\"0\" w:after=\"{}\"/>",
            look.grid.unwrap_or(240)
        )
    } else {
        "<w:spacing w:before=\"0\" w:after=\"240\" w:line=\"240\" w:lineRule=\"auto\"/>".to_owned()
    };
    let title_jc = if look.official {
        "<w:jc w:val=\"center\"/>"
    } else {
        ""
    };
    style(
        &mut s,
        "Title",
        "Title",
        Some("Normal"),
        &format!("<w:keepNext/>{title_spacing}{no_indent}{title_jc}<w:outlineLvl w:val=\"9\"/>"),
        &format!(
            "{}{}{}{}",
            look.title.face.fonts(),
            bold(look.title.bold),
            colour(look.heading_colour),
            size(look.title.size)
        ),
    );
    // Heading 1–3.
    for (i, ty) in look.headings.iter().enumerate() {
        let spacing = if look.official {
            String::new()
        } else {
            let (before, after) = [(360, 120), (240, 80), (200, 60)][i];
            format!("<w:spacing w:before=\"{before}\" w:after=\"{after}\"/>")
        };
        let border = if !look.official && i == 0 {
            format!(
                "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"1\" w:color=\"{}\"/></w:pBdr>",
                hex(look.heading_colour)
            )
        } else {
            String::new()
        };
        style(
            &mut s,
            &format!("Heading{}", i + 1),
            &format!("heading {}", i + 1),
            Some("Normal"),
            &format!(
                "<w:keepNext/><w:keepLines/>{border}{spacing}{}<w:outlineLvl w:val=\"{i}\"/>",
                if look.indent { "" } else { no_indent }
            ),
            &format!(
                "{}{}{}{}",
                ty.face.fonts(),
                bold(ty.bold),
                colour(look.heading_colour),
                size(ty.size)
            ),
        );
    }
    let small = size(look.small_size);
    let muted = colour(look.muted);
    // Caption: a table's title (bold, above it) or a figure's (under it).
    style(
        &mut s,
        "Caption",
        "caption",
        Some("Normal"),
        &format!("<w:spacing w:before=\"60\" w:after=\"120\"/>{no_indent}"),
        &format!("{muted}{small}"),
    );
    // Note and warning: a table's reading, a provisional figure.
    style(
        &mut s,
        "Note",
        "Note",
        Some("Normal"),
        &format!("<w:spacing w:after=\"120\"/>{no_indent}"),
        &format!("{muted}{small}"),
    );
    // In the plain style in vermillion with a rule beside it, as the HTML
    // report's; an official document is black throughout but its header,
    // and the warning sign says it.
    let (warning_rule, warning_colour) = if look.official {
        (String::new(), String::new())
    } else {
        (
            format!(
                "<w:pBdr><w:left w:val=\"single\" w:sz=\"18\" w:space=\"4\" w:color=\"{}\"/></w:pBdr>",
                hex(OKABE_ITO[6])
            ),
            colour(OKABE_ITO[6].lerp(Rgb::BLACK, 0.25)),
        )
    };
    style(
        &mut s,
        "Warning",
        "Warning",
        Some("Normal"),
        &warning_rule,
        &warning_colour,
    );
    // Text in tables: smaller, off the line grid.
    style(
        &mut s,
        "TableText",
        "Table Text",
        Some("Normal"),
        &format!(
            "<w:snapToGrid w:val=\"0\"/><w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" w:lineRule=\"auto\"/>{no_indent}<w:jc w:val=\"left\"/>"
        ),
        &size(look.table_size),
    );
    style(
        &mut s,
        "TableTextCompact",
        "Table Text Compact",
        Some("TableText"),
        "",
        &size(look.table_size - 2),
    );
    // A picture's paragraph: centred, off the line grid.
    style(
        &mut s,
        "Figure",
        "Figure",
        Some("Normal"),
        &format!(
            "<w:keepNext/><w:snapToGrid w:val=\"0\"/><w:spacing w:before=\"120\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>{no_indent}<w:jc w:val=\"center\"/>"
        ),
        "",
    );
    style(
        &mut s,
        "ListBullet",
        "List Bullet",
        Some("Normal"),
        "<w:numPr><w:numId w:val=\"1\"/></w:numPr><w:spacing w:after=\"60\"/><w:ind w:left=\"360\" w:hanging=\"360\" w:firstLineChars=\"0\"/>",
        "",
    );
    style(
        &mut s,
        "TOCHeading",
        "TOC Heading",
        Some("Heading1"),
        "<w:outlineLvl w:val=\"9\"/>",
        "",
    );
    for level in 1..=3u32 {
        style(
            &mut s,
            &format!("TOC{level}"),
            &format!("toc {level}"),
            Some("Normal"),
            &format!(
                "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"{}\"/></w:tabs><w:spacing w:after=\"60\"/><w:ind w:left=\"{}\" w:firstLineChars=\"0\" w:firstLine=\"0\"/>",
                look.width,
                (level - 1) * 220
            ),
            "",
        );
    }
    style(
        &mut s,
        "Footer",
        "footer",
        Some("Normal"),
        &format!(
            "<w:tabs><w:tab w:val=\"center\" w:pos=\"{}\"/><w:tab w:val=\"right\" w:pos=\"{}\"/></w:tabs><w:snapToGrid w:val=\"0\"/>{no_indent}",
            look.width / 2,
            look.width
        ),
        &small,
    );
    // The table style: thin rules in the charts' grid grey.
    let grid = hex(Theme::Light.palette().grid.lerp(Rgb::BLACK, 0.15));
    let _ = write!(
        s,
        "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/>\
         <w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
         <w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"59\"/>\
         <w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>\
         <w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"{grid}\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"{grid}\"/>\
         <w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"{grid}\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"{grid}\"/>\
         <w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"{grid}\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"{grid}\"/></w:tblBorders>\
         <w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
    );
    s.push_str("</w:styles>");
    s
}

fn bold(on: bool) -> &'static str {
    if on {
        "<w:b/><w:bCs/>"
    } else {
        "<w:b w:val=\"0\"/><w:bCs w:val=\"0\"/>"
    }
}

/// `word/fontTable.xml`: each East Asian family with the font that stands
/// in for it where it is not installed.
pub fn font_table(look: &Look) -> String {
    let mut s = String::from(XML);
    s.push_str("<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
    let mut latins: Vec<&str> = Vec::new();
    for face in look.faces() {
        let _ = write!(
            s,
            "<w:font w:name=\"{}\"><w:altName w:val=\"{}\"/><w:charset w:val=\"86\"/><w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>",
            escape(face.east_name()),
            escape(face.east.get(Lang::En))
        );
        if !latins.contains(&face.latin) && face.latin != face.east_name() {
            latins.push(face.latin);
        }
    }
    for latin in latins {
        let family = if look.official { "roman" } else { "swiss" };
        let _ = write!(
            s,
            "<w:font w:name=\"{}\"><w:charset w:val=\"00\"/><w:family w:val=\"{family}\"/><w:pitch w:val=\"variable\"/></w:font>",
            escape(latin)
        );
    }
    s.push_str("</w:fonts>");
    s
}

/// `word/settings.xml`: Word offers to update the fields (the contents'
/// page numbers) when the document opens; odd and even pages have their
/// own footers in the official style.
pub fn settings(look: &Look) -> String {
    let even_odd = if look.official {
        "<w:evenAndOddHeaders/>"
    } else {
        ""
    };
    format!(
        "{XML}<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"420\"/>{even_odd}\
         <w:characterSpacingControl w:val=\"compressPunctuation\"/><w:updateFields w:val=\"true\"/>\
         <w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
         <w:themeFontLang w:val=\"{}\" w:eastAsia=\"zh-CN\"/></w:settings>",
        look.lang_tag()
    )
}

/// `word/numbering.xml`: one bulleted list.
pub fn numbering() -> String {
    format!(
        "{XML}<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/>\
         <w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u{2022}\"/><w:lvlJc w:val=\"left\"/>\
         <w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>\
         <w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"
    )
}

/// Which footer: the odd pages' (and every page's in the plain style) or
/// the even pages'.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Odd,
    Even,
}

/// A footer with the page number: centred in the plain style; "— 1 —"
/// one character in from the outer edge in the official style.
pub fn footer(look: &Look, side: Side) -> String {
    let mut p = String::new();
    let face = page_number_face(look);
    let number = super::xml::Look {
        fonts: Some((face.latin.to_owned(), face.east_name().to_owned())),
        size: look.official.then_some(28),
        ..super::xml::Look::default()
    };
    let jc = match (look.official, side) {
        (false, _) => "<w:jc w:val=\"center\"/>",
        (true, Side::Odd) => "<w:ind w:right=\"280\"/><w:jc w:val=\"right\"/>",
        (true, Side::Even) => "<w:ind w:left=\"280\"/><w:jc w:val=\"left\"/>",
    };
    let _ = write!(p, "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/>{jc}</w:pPr>");
    if look.official {
        super::xml::run(&mut p, &number, "\u{2014} ");
        super::xml::field(&mut p, &number, "PAGE", "1");
        super::xml::run(&mut p, &number, " \u{2014}");
    } else {
        super::xml::field(&mut p, &number, "PAGE", "1");
    }
    p.push_str("</w:p>");
    format!(
        "{XML}<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">{p}</w:ftr>"
    )
}

/// An empty footer: the cover's.
pub fn empty_footer() -> String {
    format!(
        "{XML}<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr></w:p></w:ftr>"
    )
}

/// The section properties at the end of the body: A4, the margins, the
/// footers, the line grid.
pub fn section(look: &Look) -> String {
    let mut s = String::from("<w:sectPr>");
    s.push_str("<w:footerReference w:type=\"default\" r:id=\"rIdFooterOdd\"/>");
    if look.official {
        s.push_str("<w:footerReference w:type=\"even\" r:id=\"rIdFooterEven\"/>");
    }
    if look.cover {
        s.push_str("<w:footerReference w:type=\"first\" r:id=\"rIdFooterFirst\"/>");
    }
    let [top, right, bottom, left] = look.margins;
    let _ = write!(
        s,
        "<w:pgSz w:w=\"{PAGE_WIDTH}\" w:h=\"{PAGE_HEIGHT}\"/>\
         <w:pgMar w:top=\"{top}\" w:right=\"{right}\" w:bottom=\"{bottom}\" w:left=\"{left}\" w:header=\"851\" w:footer=\"{}\" w:gutter=\"0\"/>\
         <w:cols w:space=\"425\"/>",
        look.footer
    );
    if look.cover {
        s.push_str("<w:titlePg/>");
    }
    match look.grid {
        Some(pitch) => {
            let _ = write!(s, "<w:docGrid w:type=\"lines\" w:linePitch=\"{pitch}\"/>");
        }
        None => s.push_str("<w:docGrid w:linePitch=\"360\"/>"),
    }
    s.push_str("</w:sectPr>");
    s
}

pub const XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// `[Content_Types].xml`.
pub fn content_types(look: &Look) -> String {
    let mut s = format!(
        "{XML}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Default Extension=\"png\" ContentType=\"image/png\"/>\
         <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
         <Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
         <Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
         <Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>\
         <Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
    );
    for footer in footer_parts(look) {
        let _ = write!(
            s,
            "<Override PartName=\"/word/{footer}\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
        );
    }
    s.push_str(
        "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
         <Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/></Types>",
    );
    s
}

/// The footer parts this look has, with their relationship ids.
pub fn footer_parts(look: &Look) -> Vec<&'static str> {
    let mut parts = vec!["footer1.xml"];
    if look.official {
        parts.push("footer2.xml");
    }
    if look.cover {
        parts.push("footer3.xml");
    }
    parts
}

/// `_rels/.rels`.
pub fn package_relationships() -> String {
    format!(
        "{XML}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
         <Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
         </Relationships>"
    )
}

/// `word/_rels/document.xml.rels`: the fixed parts, the footers and the
/// pictures (`media/figureN.png` as `rIdFigureN`).
pub fn document_relationships(look: &Look, pictures: usize) -> String {
    const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let mut s = format!(
        "{XML}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rIdStyles\" Type=\"{R}/styles\" Target=\"styles.xml\"/>\
         <Relationship Id=\"rIdSettings\" Type=\"{R}/settings\" Target=\"settings.xml\"/>\
         <Relationship Id=\"rIdFonts\" Type=\"{R}/fontTable\" Target=\"fontTable.xml\"/>\
         <Relationship Id=\"rIdNumbering\" Type=\"{R}/numbering\" Target=\"numbering.xml\"/>\
         <Relationship Id=\"rIdFooterOdd\" Type=\"{R}/footer\" Target=\"footer1.xml\"/>"
    );
    if look.official {
        let _ = write!(
            s,
            "<Relationship Id=\"rIdFooterEven\" Type=\"{R}/footer\" Target=\"footer2.xml\"/>"
        );
    }
    if look.cover {
        let _ = write!(
            s,
            "<Relationship Id=\"rIdFooterFirst\" Type=\"{R}/footer\" Target=\"footer3.xml\"/>"
        );
    }
    for i in 1..=pictures {
        let _ = write!(
            s,
            "<Relationship Id=\"rIdFigure{i}\" Type=\"{R}/image\" Target=\"media/figure{i}.png\"/>"
        );
    }
    s.push_str("</Relationships>");
    s
}

/// `docProps/core.xml`: the title and language.
pub fn core(document: &Document, look: &Look) -> String {
    format!(
        "{XML}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:creator>govmaturity</dc:creator><dc:language>{}</dc:language></cp:coreProperties>",
        escape(&document.title),
        look.lang_tag()
    )
}

/// `docProps/app.xml`.
pub fn app() -> String {
    format!(
        "{XML}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" \
         xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">\
         <Application>govmaturity</Application></Properties>"
    )
}
