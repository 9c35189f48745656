//! The PDF report as someone who receives it opens it: a complete PDF whose
//! text can be extracted (Chinese included), with an outline entry per
//! department, page numbers, the summary's figures, and hostile or oversized
//! user text that still makes a readable document.
//!
//! The text is extracted here by a small pure-Rust reader rather than a PDF
//! library: it inflates the streams (flate2, already built for krilla),
//! reads the font's ToUnicode CMap and decodes every text-showing operator
//! through it. That is exactly the path a viewer's copy, search and
//! `pdftotext` take, so a passing test means the text is really
//! extractable, with no heavyweight dev-dependency and no external tool.

use crate::common;

use std::collections::HashMap;
use std::io::Read;

use chrono::NaiveDate;
use govmaturity::analysis;
use govmaturity::model::Lang;
use govmaturity::report::{self, Format, ReportOptions};
use govmaturity::store::LoadedWorkspace;

fn options(lang: Lang, department: Option<&str>) -> ReportOptions {
    ReportOptions {
        kind: Default::default(),
        style: Default::default(),
        split: false,
        format: Format::Pdf,
        period: None,
        department: department.map(str::to_owned),
        basis: govmaturity::analysis::Basis::Latest,
        lang,
        generated: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
    }
}

/// A rendered PDF, read back (also read by `report_plan`).
pub(crate) struct Pdf {
    pub(crate) bytes: Vec<u8>,
    /// The text of every page, in drawing order, one text run per line.
    pub(crate) text: String,
    pub(crate) outline: Vec<String>,
    pub(crate) pages: usize,
}

fn render(loaded: &LoadedWorkspace, options: &ReportOptions) -> Pdf {
    let bytes = report::render(loaded, options).unwrap();
    read_pdf(bytes)
}

pub(crate) fn read_pdf(bytes: Vec<u8>) -> Pdf {
    let objects = objects(&bytes);
    let by_id: HashMap<usize, &Object> = objects.iter().map(|o| (o.id, o)).collect();
    // Each font's ToUnicode map, by the font's object.
    let mut cmaps: HashMap<usize, HashMap<u32, String>> = HashMap::new();
    for object in &objects {
        if has(&object.dict, "/Type", "/Font")
            && let Some(to_unicode) = reference_after(&object.dict, "/ToUnicode")
            && let Some(stream) = by_id.get(&to_unicode).and_then(|o| o.stream.as_ref())
        {
            let mut cmap = HashMap::new();
            parse_cmap(stream, &mut cmap);
            cmaps.insert(object.id, cmap);
        }
    }
    assert!(!cmaps.is_empty(), "an embedded font with a ToUnicode map");
    // Each page's content, read through the fonts its resources name.
    let page_objects: Vec<&Object> = objects
        .iter()
        .filter(|o| o.stream.is_none() && has(&o.dict, "/Type", "/Page"))
        .collect();
    let text = page_objects
        .iter()
        .map(|page| {
            let resources = reference_after(&page.dict, "/Resources")
                .and_then(|r| by_id.get(&r))
                .map(|o| o.dict.clone())
                .unwrap_or_else(|| page.dict.clone());
            let fonts: HashMap<String, &HashMap<u32, String>> = font_names(&resources)
                .into_iter()
                .filter_map(|(name, id)| Some((name, cmaps.get(&id)?)))
                .collect();
            reference_after(&page.dict, "/Contents")
                .and_then(|c| by_id.get(&c))
                .and_then(|o| o.stream.as_ref())
                .map(|stream| content_text(stream, &fonts))
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join("\n");
    let outline = objects
        .iter()
        .filter(|o| o.stream.is_none() && o.dict.contains("/Parent") && o.dict.contains("/Title"))
        .filter_map(|o| title(&o.dict))
        .collect();
    let pages = page_objects.len();
    Pdf {
        bytes,
        text,
        outline,
        pages,
    }
}

/// The object `key N 0 R` refers to.
fn reference_after(dict: &str, key: &str) -> Option<usize> {
    let tokens = tokens(dict);
    let at = tokens.iter().position(|t| t == key)?;
    (tokens.get(at + 3)? == "R").then_some(())?;
    tokens.get(at + 1)?.parse().ok()
}

/// The font resources of a resource dictionary: `/f0 220 0 R` → ("/f0", 220).
fn font_names(resources: &str) -> Vec<(String, usize)> {
    let Some(fonts) = resources.split("/Font").nth(1) else {
        return Vec::new();
    };
    let body = fonts.split(">>").next().unwrap_or_default();
    let tokens = tokens(body);
    tokens
        .windows(4)
        .filter(|w| w[0].starts_with('/') && w[3] == "R")
        .filter_map(|w| Some((w[0].clone(), w[1].parse().ok()?)))
        .collect()
}

/// An indirect object: its number, its dictionary (as text) and its stream, inflated.
struct Object {
    id: usize,
    dict: String,
    stream: Option<Vec<u8>>,
}

/// Every `N 0 obj … endobj` in the file (our PDFs have no object streams).
fn objects(bytes: &[u8]) -> Vec<Object> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(start) = find(bytes, b" 0 obj", at) {
        let body = start + 6;
        let digits = bytes[..start]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let id = std::str::from_utf8(&bytes[start - digits..start])
            .ok()
            .and_then(|d| d.parse().ok())
            .unwrap_or(0);
        let Some(end) = find(bytes, b"endobj", body) else {
            break;
        };
        // Only inside this object: a tagged PDF has thousands of small ones.
        let (dict, stream, next) = match find(&bytes[..end], b"stream\n", body) {
            Some(s) => {
                let dict = String::from_utf8_lossy(&bytes[body..s]).into_owned();
                let length: usize = number_after(&dict, "/Length").unwrap();
                let data = &bytes[s + 7..s + 7 + length];
                let data = if dict.contains("/FlateDecode") {
                    let mut inflated = Vec::new();
                    flate2::read::ZlibDecoder::new(data)
                        .read_to_end(&mut inflated)
                        .unwrap();
                    inflated
                } else {
                    data.to_vec()
                };
                let end = find(bytes, b"endobj", s + 7 + length).unwrap();
                (dict, Some(data), end)
            }
            None => (String::from_utf8_lossy(&bytes[body..end]).into_owned(), None, end),
        };
        out.push(Object { id, dict, stream });
        at = next + 6;
    }
    out
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// The dictionary's tokens: names, numbers and delimiters split apart
/// (our writer packs them as `/Type/Page/Length 13>>`).
fn tokens(dict: &str) -> Vec<String> {
    dict.replace('/', " /")
        .replace(">>", " >> ")
        .replace("<<", " << ")
        .replace('[', " [ ")
        .replace(']', " ] ")
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// Whether `key` is followed by `value` in the dictionary.
fn has(dict: &str, key: &str, value: &str) -> bool {
    tokens(dict).windows(2).any(|w| w[0] == key && w[1] == value)
}

fn number_after(dict: &str, key: &str) -> Option<usize> {
    let tokens = tokens(dict);
    let at = tokens.iter().position(|t| t == key)?;
    tokens.get(at + 1)?.parse().ok()
}

/// The bytes a run of hex digits spells (whitespace between them ignored).
fn hex_bytes(s: &str) -> Vec<u8> {
    let digits: Vec<u8> = s.bytes().filter(u8::is_ascii_hexdigit).collect();
    digits
        .chunks(2)
        .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).unwrap(), 16).unwrap())
        .collect()
}

/// Big-endian UTF-16 text.
fn utf16_text(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], c[1]]))
        .collect();
    String::from_utf16_lossy(&units)
}

/// The `<hex>` tokens of every `begin…end` section named `name` of a CMap.
fn cmap_sections<'a>(text: &'a str, name: &str) -> Vec<Vec<&'a str>> {
    let (begin, end) = (format!("begin{name}"), format!("end{name}"));
    text.split(begin.as_str())
        .skip(1)
        .map(|section| {
            let body = section.split(end.as_str()).next().unwrap();
            body.split('<')
                .skip(1)
                .map(|t| t.split('>').next().unwrap())
                .collect()
        })
        .collect()
}

/// Reads `<code> <unicode>` pairs and ranges of a ToUnicode CMap.
fn parse_cmap(stream: &[u8], map: &mut HashMap<u32, String>) {
    let text = String::from_utf8_lossy(stream);
    let code = |bytes: &[u8]| bytes.iter().fold(0u32, |acc, b| acc << 8 | u32::from(*b));
    for tokens in cmap_sections(&text, "bfchar") {
        for pair in tokens.chunks(2) {
            map.insert(code(&hex_bytes(pair[0])), utf16_text(&hex_bytes(pair[1])));
        }
    }
    for tokens in cmap_sections(&text, "bfrange") {
        for triple in tokens.chunks(3) {
            let (low, high) = (code(&hex_bytes(triple[0])), code(&hex_bytes(triple[1])));
            let first = hex_bytes(triple[2]);
            let base = code(&first);
            for (i, c) in (low..=high).enumerate() {
                let value = (base + i as u32).to_be_bytes();
                map.insert(c, utf16_text(&value[4 - first.len()..]));
            }
        }
    }
}

/// The text shown by a content stream: the strings of every `Tj`/`TJ`,
/// decoded as two-byte codes through the CMap of the font `Tf` chose; one
/// line per operator.
fn content_text(stream: &[u8], fonts: &HashMap<String, &HashMap<u32, String>>) -> String {
    let mut out = String::new();
    let mut strings: Vec<Vec<u8>> = Vec::new();
    let empty = HashMap::new();
    let mut cmap = fonts.values().next().copied().unwrap_or(&empty);
    let mut i = 0;
    while i < stream.len() {
        match stream[i] {
            b'/' => {
                let name: Vec<u8> = stream[i..]
                    .iter()
                    .take(1)
                    .chain(stream[i + 1..].iter().take_while(|b| b.is_ascii_alphanumeric()))
                    .copied()
                    .collect();
                let rest = &stream[i + name.len()..];
                let operands_end = rest.iter().position(|b| b.is_ascii_alphabetic()).unwrap_or(0);
                if rest[operands_end..].starts_with(b"Tf")
                    && let Some(font) = fonts.get(std::str::from_utf8(&name).unwrap_or_default())
                {
                    cmap = font;
                }
                i += name.len();
            }
            b'(' => {
                let (s, next) = literal(stream, i + 1);
                strings.push(s);
                i = next;
            }
            b'<' if stream.get(i + 1) != Some(&b'<') => {
                let end = find(stream, b">", i).unwrap();
                let digits: Vec<u8> = stream[i + 1..end]
                    .iter()
                    .copied()
                    .filter(u8::is_ascii_hexdigit)
                    .collect();
                let bytes = digits
                    .chunks(2)
                    .map(|p| u8::from_str_radix(std::str::from_utf8(p).unwrap(), 16).unwrap())
                    .collect();
                strings.push(bytes);
                i = end + 1;
            }
            b'T' if matches!(stream.get(i + 1), Some(b'j' | b'J')) => {
                for s in strings.drain(..) {
                    for pair in s.chunks(2) {
                        let code = pair.iter().fold(0u32, |acc, b| acc << 8 | u32::from(*b));
                        out.push_str(cmap.get(&code).map_or("\u{FFFD}", String::as_str));
                    }
                }
                out.push('\n');
                i += 2;
            }
            b'\n' | b' ' => i += 1,
            _ => {
                // Any other operator or operand ends a pending text operation.
                if stream[i].is_ascii_alphabetic() && !matches!(stream.get(i + 1), Some(b'j' | b'J')) {
                    strings.clear();
                }
                i += 1;
            }
        }
    }
    out
}

/// A literal string starting after its `(`; returns its bytes and the index after `)`.
fn literal(stream: &[u8], mut i: usize) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    let mut depth = 0;
    while i < stream.len() {
        match stream[i] {
            b'\\' => {
                let next = stream[i + 1];
                match next {
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'b' => out.push(8),
                    b'f' => out.push(12),
                    b'0'..=b'7' => {
                        let digits: Vec<u8> = stream[i + 1..]
                            .iter()
                            .take(3)
                            .take_while(|d| (b'0'..=b'7').contains(d))
                            .copied()
                            .collect();
                        out.push(u8::from_str_radix(std::str::from_utf8(&digits).unwrap(), 8).unwrap());
                        i += digits.len() + 1;
                        continue;
                    }
                    other => out.push(other),
                }
                i += 2;
            }
            b'(' => {
                depth += 1;
                out.push(b'(');
                i += 1;
            }
            b')' if depth > 0 => {
                depth -= 1;
                out.push(b')');
                i += 1;
            }
            b')' => return (out, i + 1),
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    (out, i)
}

/// An outline item's `/Title`, literal or UTF-16 hex.
fn title(dict: &str) -> Option<String> {
    string_after(dict, "/Title")
}

/// The string that follows `key` in a dictionary, literal or UTF-16 hex
/// (`/T` matches `/T(…)` but not `/Type`).
fn string_after(dict: &str, key: &str) -> Option<String> {
    let rest = dict
        .match_indices(key)
        .map(|(at, _)| dict[at + key.len()..].trim_start())
        .find(|rest| rest.starts_with('(') || rest.starts_with('<') && !rest.starts_with("<<"))?;
    if let Some(hex) = rest.strip_prefix('<') {
        // After the byte-order mark.
        Some(utf16_text(&hex_bytes(hex.split('>').next()?)[2..]))
    } else {
        let (bytes, _) = literal(rest.as_bytes(), 1);
        Some(String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// The tagged PDF's structure elements of type `kind` (`/H1`, `/Figure`, …).
fn structure<'a>(objects: &'a [Object], kind: &str) -> Vec<&'a Object> {
    objects
        .iter()
        .filter(|o| o.stream.is_none() && has(&o.dict, "/Type", "/StructElem") && has(&o.dict, "/S", kind))
        .collect()
}

fn assert_well_formed(pdf: &Pdf) {
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    assert!(pdf.bytes.trim_ascii_end().ends_with(b"%%EOF"));
    assert!(
        pdf.bytes.windows(9).any(|w| w == b"/FontFile"),
        "the font is embedded"
    );
}

#[test]
fn chinese_report_has_extractable_chinese_text_and_an_outline_per_department() {
    let loaded = common::sample();
    let pdf = render(&loaded, &options(Lang::Zh, None));
    assert_well_formed(&pdf);
    assert!(
        pdf.text.contains("市大数据局"),
        "{}",
        &pdf.text[..2000.min(pdf.text.len())]
    );
    assert!(pdf.text.contains("数字政府成熟度评估报告"));
    for department in &loaded.data.workspace.departments {
        let name = department.name.get(Lang::Zh);
        assert!(pdf.text.contains(name), "{name} is in the text");
        assert!(
            pdf.outline.iter().any(|t| t == name),
            "{name} is in the outline: {:?}",
            pdf.outline
        );
    }
    for section in ["摘要", "排名", "附录"] {
        assert!(
            pdf.outline.iter().any(|t| t.contains(section)),
            "{section} in {:?}",
            pdf.outline
        );
    }
    let departments = loaded.data.workspace.departments.len();
    assert!(
        pdf.pages > departments && pdf.pages < 20 * departments,
        "{} pages for {departments} departments",
        pdf.pages
    );
    assert!(pdf.text.contains(&format!("第1页，共{}页", pdf.pages)));
    assert!(pdf.text.contains(&format!("第{0}页，共{0}页", pdf.pages)));
}

#[test]
fn english_report_likewise() {
    let loaded = common::sample();
    let pdf = render(&loaded, &options(Lang::En, None));
    assert_well_formed(&pdf);
    for department in &loaded.data.workspace.departments {
        let name = department.name.get(Lang::En);
        assert!(
            pdf.outline.iter().any(|t| t == name),
            "{name} in {:?}",
            pdf.outline
        );
    }
    for section in ["Executive summary", "Ranking", "Appendix", "Approval"] {
        assert!(
            pdf.outline.iter().any(|t| t.contains(section)),
            "{section} in {:?}",
            pdf.outline
        );
    }
    assert!(pdf.text.contains(&format!("Page 2 of {}", pdf.pages)));
    assert!(pdf.text.contains("Digital Government Maturity Report"));
}

#[test]
fn the_report_is_an_accessible_tagged_pdf() {
    let loaded = common::sample();
    let summary = analysis::summarize(&loaded.data, None);
    let two = |v: f64| format!("{:.2}", (v * 100.0).round() / 100.0);
    for (lang, tag) in [(Lang::En, "en"), (Lang::Zh, "zh-CN")] {
        let pdf = render(&loaded, &options(lang, None));
        let raw = String::from_utf8_lossy(&pdf.bytes);
        assert!(
            raw.contains("/MarkInfo<</Marked true"),
            "{lang:?}: marked as tagged"
        );
        assert!(raw.contains("/StructTreeRoot"), "{lang:?}: has a structure tree");
        assert!(
            raw.contains(&format!("/Lang({tag})")),
            "{lang:?}: says its language"
        );
        assert!(
            raw.contains("<pdfuaid:part>1</pdfuaid:part>"),
            "{lang:?}: claims PDF/UA-1, which krilla's validator checked"
        );
        let objects = objects(&pdf.bytes);

        // Every department is a level-1 heading named by its title.
        let h1: Vec<String> = structure(&objects, "/H1")
            .iter()
            .filter_map(|o| string_after(&o.dict, "/T"))
            .collect();
        for department in &loaded.data.workspace.departments {
            let name = department.name.get(lang);
            assert!(h1.iter().any(|t| t == name), "{lang:?}: heading {name} in {h1:?}");
        }

        // Every chart is a figure with alternative text that gives its
        // figures: a radar per assessed department, the heatmap, the ranking,
        // the stage distribution and the mean level over time.
        let alts: Vec<String> = structure(&objects, "/Figure")
            .iter()
            .map(|o| string_after(&o.dict, "/Alt").expect("a figure without alternative text"))
            .collect();
        let assessed: Vec<_> = summary
            .departments
            .iter()
            .filter(|d| d.current.is_some())
            .collect();
        assert_eq!(alts.len(), assessed.len() + 4, "{lang:?}: {alts:#?}");
        let ranking = assessed.iter().map(|row| {
            let name = loaded
                .data
                .workspace
                .department(&row.department)
                .unwrap()
                .name
                .get(lang);
            let level = row.current.as_ref().and_then(|c| c.mean_level).unwrap();
            format!("{name} {}", two(level))
        });
        let described = alts
            .iter()
            .find(|alt| ranking.clone().all(|pair| alt.contains(&pair)));
        assert!(
            described.is_some(),
            "{lang:?}: the ranking's figures in {alts:#?}"
        );

        // Tables have header cells, and lists their items.
        assert!(structure(&objects, "/Table").len() > 10);
        assert!(structure(&objects, "/TH").len() > 50);
        assert!(structure(&objects, "/TD").len() > 1000);
        assert!(!structure(&objects, "/LI").is_empty());
    }
}

#[test]
fn figures_equal_the_summary() {
    let loaded = common::sample();
    let summary = analysis::summarize(&loaded.data, None);
    let pdf = render(&loaded, &options(Lang::En, None));
    let two = |v: f64| format!("{:.2}", (v * 100.0).round() / 100.0);
    let mean = summary.mean_level.unwrap();
    assert!(
        pdf.text.contains(&format!("Overall level {}", two(mean))),
        "overall mean {}",
        two(mean)
    );
    // Every department's ranking row: its name and mean level on one line of text runs.
    let lines: Vec<&str> = pdf.text.lines().collect();
    for row in &summary.departments {
        let Some(level) = row.current.as_ref().and_then(|c| c.mean_level) else {
            continue;
        };
        let name = loaded
            .data
            .workspace
            .department(&row.department)
            .unwrap()
            .name
            .get(Lang::En);
        let near = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| **l == name)
            .any(|(at, _)| lines[at..(at + 8).min(lines.len())].contains(&two(level).as_str()));
        assert!(near, "{name}: {} near its name", two(level));
    }
}

#[test]
fn a_department_report_holds_that_department_only() {
    let loaded = common::sample();
    let first = &loaded.data.workspace.departments[0];
    let other = &loaded.data.workspace.departments[1];
    let pdf = render(&loaded, &options(Lang::Zh, Some(&first.id)));
    assert_well_formed(&pdf);
    assert!(pdf.outline.iter().any(|t| t == first.name.get(Lang::Zh)));
    assert!(!pdf.outline.iter().any(|t| t == other.name.get(Lang::Zh)));
    let whole = render(&loaded, &options(Lang::Zh, None));
    assert!(pdf.pages < whole.pages);
}

#[test]
fn rendering_is_deterministic() {
    let loaded = common::sample();
    let a = report::render(&loaded, &options(Lang::Zh, None)).unwrap();
    let b = report::render(&loaded, &options(Lang::Zh, None)).unwrap();
    assert!(a == b, "the same input gives the same bytes");
    // The font is a subset: the whole report is far smaller than the 3 MB font file.
    assert!(a.len() < 1_500_000, "{} bytes", a.len());
}

#[test]
fn hostile_and_oversized_text_still_makes_a_readable_pdf() {
    let mut loaded = common::sample();
    let id = loaded.data.workspace.departments[1].id.clone();
    let hostile = "Bureau \u{202e}lanigiro\u{202c} 🏛 & <script>alert(\"x\")</script> (a) \\ ) (";
    loaded.data.workspace.departments[1].name.en = hostile.to_owned();
    loaded.data.workspace.departments[2].name.en = "Very long name ".repeat(30);
    let period = loaded.data.periods().last().copied().unwrap();
    let assessment = loaded.data.find_mut(&id, period).unwrap();
    let answer = assessment.answers.values_mut().next().unwrap();
    answer.evidence = "证据".repeat(20_000);
    answer.comment = "control \u{1} \u{8} chars\ttab".to_owned();
    let pdf = render(&loaded, &options(Lang::En, None));
    assert_well_formed(&pdf);
    assert!(
        pdf.text.contains("<script>alert(\"x\")</script> (a) \\ ) ("),
        "ASCII punctuation survives"
    );
    assert!(pdf.outline.iter().any(|t| t == hostile), "{:?}", pdf.outline);
    // The 40,000-character evidence flows over many pages, every character kept.
    let evidence: usize = pdf.text.matches('证').count().min(pdf.text.matches('据').count());
    assert!(evidence >= 20_000, "{evidence}");
    assert!(pdf.pages > 30);
    // The bundled font has no emoji: it comes from a font of the computer's,
    // or is printed as a replacement mapped back to it; the document stays
    // tagged either way (PDF/UA-1 when krilla's validator agrees).
    let raw = String::from_utf8_lossy(&pdf.bytes);
    assert!(raw.contains("/StructTreeRoot"));
}

#[test]
fn a_workspace_without_assessments_still_makes_a_report() {
    let mut loaded = common::sample();
    loaded.data.assessments.clear();
    for lang in [Lang::En, Lang::Zh] {
        let pdf = render(&loaded, &options(lang, None));
        assert_well_formed(&pdf);
        let name = loaded.data.workspace.departments[0].name.get(lang);
        assert!(
            pdf.outline.iter().any(|t| t == name),
            "{name} in {:?}",
            pdf.outline
        );
    }
    let pdf = render(&loaded, &options(Lang::En, None));
    assert!(pdf.text.contains("No assessment on or before this period."));
}

// ---- What a figure counts (issue 8 §2) ----

fn basis_options(lang: Lang, basis: analysis::Basis) -> ReportOptions {
    ReportOptions {
        kind: Default::default(),
        style: Default::default(),
        split: false,
        basis,
        ..options(lang, None)
    }
}

/// The PDF's text with its lines joined: by a space in English (lines wrap
/// at spaces), by nothing in Chinese (which wraps between any characters).
pub(crate) fn flat(pdf: &Pdf, lang: Lang) -> String {
    match lang {
        Lang::En => pdf.text.replace('\n', " "),
        Lang::Zh => pdf.text.replace('\n', ""),
    }
}

#[test]
fn latest_basis_marks_unapproved_figures_provisional_in_the_pdf() {
    let loaded = common::sample();
    let en = flat(
        &render(&loaded, &basis_options(Lang::En, analysis::Basis::Latest)),
        Lang::En,
    );
    assert!(en.contains(
        "Basis Figures count each department's latest assessment, approved or not; \
         unapproved figures are marked provisional. \
         As of 2025-12-31, all 12 departments assessed: 7 approved, 5 provisional. \
         12 assessed at this period, 0 carried over from earlier."
    ));
    // The ranking row: name, its note below, its level.
    assert!(en.contains("Health Commission provisional 2.81"), "ranking row");
    // Health Commission's page: the mark beside the figure, the word above.
    assert!(en.contains("Overall level 2.81 (provisional)"));
    assert!(en.contains("⚠ provisional"));
    assert!(en.contains("Dashed outline: provisional figure (the assessment is not yet approved)."));
    assert!(en.contains("Civil Affairs Bureau: provisional"));

    let zh = flat(
        &render(&loaded, &basis_options(Lang::Zh, analysis::Basis::Latest)),
        Lang::Zh,
    );
    assert!(zh.contains("截至2025年12月31日，12个部门均有评估计入统计，其中已批准7个、暂定5个。"));
    assert!(zh.contains("总体等级2.81（暂定）"));
    assert!(zh.contains("市民政局：暂定"));
    assert!(zh.contains("虚线框：暂定结果（评估尚未批准）。"));
}

#[test]
fn approved_basis_pdf_has_nothing_provisional_and_names_newer_work() {
    let loaded = common::sample();
    let en = flat(
        &render(&loaded, &basis_options(Lang::En, analysis::Basis::Approved)),
        Lang::En,
    );
    assert!(!en.contains("(provisional)"));
    assert!(!en.contains("⚠ provisional"));
    assert!(en.contains(
        "Basis Figures count approved assessments only. \
         As of 2025-12-31, all 12 departments have a counted assessment, all of them approved. \
         7 assessed at this period, 5 carried over from earlier. \
         5 departments have newer work not yet approved, not counted."
    ));
    assert!(en.contains(
        "⚠ carried over from 2025-06-30; newer assessment not yet approved, not counted (Submitted, 2025-12-31)"
    ));
    let zh = flat(
        &render(&loaded, &basis_options(Lang::Zh, analysis::Basis::Approved)),
        Lang::Zh,
    );
    assert!(!zh.contains("（暂定）"));
    assert!(zh.contains("仅计已批准的评估。"));
    assert!(zh.contains("⚠ 沿用2025年6月30日的评估；较新的评估尚未批准，未计入（已提交，2025年12月31日）"));

    let dir = crate::report_fixtures::only_a_draft();
    let loaded = govmaturity::store::load(dir.path()).unwrap();
    let en = flat(
        &render(&loaded, &basis_options(Lang::En, analysis::Basis::Approved)),
        Lang::En,
    );
    assert!(
        en.contains(
            "As of 2025-12-31, 11 of 12 departments have a counted assessment, all of them approved."
        )
    );
    assert!(en.contains(
        "No assessment on or before this period. ⚠ newer assessment not yet approved, not counted (Draft, 2025-12-31)"
    ));
}

#[test]
fn an_unreadable_newest_file_is_flagged_in_the_pdf() {
    let dir = crate::report_fixtures::damaged_newest();
    let loaded = govmaturity::store::load(dir.path()).unwrap();
    let en = flat(
        &render(&loaded, &basis_options(Lang::En, analysis::Basis::Latest)),
        Lang::En,
    );
    assert!(en.contains(
        "11 assessed at this period, 1 carried over from earlier. \
         Finance Bureau: latest assessment could not be read: finance-bureau/2025-12-31.ron"
    ));
    assert!(en.contains(
        "⚠ carried over from 2025-06-30; latest assessment could not be read: finance-bureau/2025-12-31.ron"
    ));
    let zh = flat(
        &render(&loaded, &basis_options(Lang::Zh, analysis::Basis::Latest)),
        Lang::Zh,
    );
    assert!(zh.contains("市财政局：最新评估无法读取：finance-bureau/2025-12-31.ron"));
    assert!(zh.contains("⚠ 沿用2025年6月30日的评估；最新评估无法读取：finance-bureau/2025-12-31.ron"));
}

#[test]
fn an_older_assessment_is_carried_over_in_the_pdf() {
    let dir = crate::report_fixtures::only_older();
    let loaded = govmaturity::store::load(dir.path()).unwrap();
    let en = flat(
        &render(&loaded, &basis_options(Lang::En, analysis::Basis::Latest)),
        Lang::En,
    );
    assert!(
        en.contains("Transport Bureau carried over from 2025-06-30"),
        "ranking row"
    );
    assert!(en.contains("Assessed on 2025-06-30"));
    let zh = flat(
        &render(&loaded, &basis_options(Lang::Zh, analysis::Basis::Latest)),
        Lang::Zh,
    );
    assert!(zh.contains("从评估时间看，本期完成评估11个，沿用往期评估结果1个。"));
    assert!(zh.contains("⚠ 沿用2025年6月30日的评估"));
    assert!(zh.contains("评估日期2025年6月30日"));
}

// ---- Official style, brief, fonts and long names (issue 11) ----

fn styled(lang: Lang, kind: report::ReportKind, style: report::ReportStyle) -> ReportOptions {
    ReportOptions {
        kind,
        style,
        ..options(lang, None)
    }
}

/// The sample with an issuing office and a document number set.
fn with_office() -> LoadedWorkspace {
    let mut loaded = common::sample();
    let settings = &mut loaded.data.workspace.report;
    settings.issuing_office = govmaturity::model::Text::new(
        "Binjiang Digital Government Office",
        "滨江市数字政府建设领导小组办公室",
    );
    settings.document_number = "滨数政办〔2026〕12号".to_owned();
    loaded
}

/// The names of the fonts a PDF embeds.
fn font_names_of(pdf: &Pdf) -> Vec<String> {
    objects(&pdf.bytes)
        .iter()
        .filter(|o| has(&o.dict, "/Type", "/FontDescriptor"))
        .filter_map(|o| {
            let tokens = tokens(&o.dict);
            let at = tokens.iter().position(|t| t == "/FontName")?;
            tokens.get(at + 1).cloned()
        })
        .collect()
}

/// The inflated page content streams, as text.
fn content_streams(pdf: &Pdf) -> String {
    objects(&pdf.bytes)
        .iter()
        .filter(|o| o.dict.contains("/Length") && !o.dict.contains("/Subtype"))
        .filter_map(|o| o.stream.as_ref())
        .map(|s| String::from_utf8_lossy(s).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_official_style_has_its_masthead_serif_body_and_page_numbers() {
    let loaded = with_office();
    for kind in [report::ReportKind::Full, report::ReportKind::Brief] {
        let pdf = render(&loaded, &styled(Lang::Zh, kind, report::ReportStyle::Official));
        assert_well_formed(&pdf);
        assert!(
            pdf.text.contains("滨江市数字政府建设领导小组办公室"),
            "{kind:?}: the office"
        );
        assert!(
            pdf.text.contains("滨数政办〔2026〕12号"),
            "{kind:?}: the document number"
        );
        // Page numbers as "— 1 —", no "Page 1 of N" footer.
        assert!(pdf.text.contains("— 1 —"), "{kind:?}");
        assert!(pdf.text.contains(&format!("— {} —", pdf.pages)), "{kind:?}");
        assert!(!pdf.text.contains("第1页，共"), "{kind:?}");
        // The serif body (the stand-in for FangSong) and the sans headings.
        let fonts = font_names_of(&pdf);
        assert!(
            fonts.iter().any(|f| f.contains("NotoSerifCJKsc-Regular")),
            "{kind:?}: {fonts:?}"
        );
        assert!(
            fonts.iter().any(|f| f.contains("NotoSansCJKsc-Regular")),
            "{kind:?}: {fonts:?}"
        );
        // The masthead's red (#E60012) is painted.
        let content = content_streams(&pdf);
        assert!(content.contains("0.9019608 0 0.07058824 rg"), "{kind:?}: red");
    }
    // The plain style has none of it.
    let plain = render(&loaded, &options(Lang::Zh, None));
    assert!(!plain.text.contains("— 1 —"));
    assert!(!content_streams(&plain).contains("0.9019608 0 0.07058824 rg"));
    assert!(
        !font_names_of(&plain).iter().any(|f| f.contains("Serif")),
        "the plain style is all sans"
    );
}

#[test]
fn a_brief_has_no_cover_and_no_contents() {
    let loaded = with_office();
    for (lang, contents) in [(Lang::Zh, "目录"), (Lang::En, "Contents")] {
        for style in [report::ReportStyle::Plain, report::ReportStyle::Official] {
            let pdf = render(&loaded, &styled(lang, report::ReportKind::Brief, style));
            assert_well_formed(&pdf);
            assert!(
                !pdf.outline.iter().any(|t| t == contents),
                "{lang:?} {style:?}: {:?}",
                pdf.outline
            );
            assert!(!pdf.text.lines().any(|l| l == contents), "{lang:?} {style:?}");
            assert!(pdf.pages <= 4, "{lang:?} {style:?}: {} pages", pdf.pages);
            // The title is on page 1, with the first section after it.
            let first_page = pdf.text.split("\n").take(60).collect::<Vec<_>>().join("\n");
            let title = govmaturity::present::catalogue::T::BriefTitle.get(lang);
            assert!(first_page.contains(title), "{lang:?} {style:?}: {first_page}");
        }
    }
}

#[test]
fn characters_no_bundled_font_has_fall_back_or_are_replaced_and_noted() {
    let mut loaded = common::sample();
    loaded.data.workspace.departments[1].name.zh = "市𠀀𪚥局😀".to_owned();
    let bytes = report::render(&loaded, &options(Lang::Zh, None)).unwrap();
    let pdf = read_pdf(bytes);
    assert_well_formed(&pdf);
    // Each of the four is either drawn from a font of this computer's, and
    // then reads back as itself, or printed as the geta mark 〓 and listed
    // by its code point in the note closing the problems.
    let flat = flat(&pdf, Lang::Zh);
    // (The replacement glyph maps back to the first character it stands
    // for; the others read back through /ActualText, which this reader skips.)
    assert!(pdf.text.contains('𠀀'), "reads back");
    for (c, code) in [('𠀀', "U+20000"), ('𪚥', "U+2A6A5"), ('😀', "U+1F600")] {
        let noted = flat.contains(code);
        let fell_back = font_names_of(&pdf).len() > 1;
        assert!(fell_back || noted, "{c}: neither a fallback nor a note");
    }
    if flat.contains("U+") {
        assert!(flat.contains("无法显示的字符"), "the note's heading");
        assert!(flat.contains("代替显示"), "the note");
        assert!(
            !flat.contains("U+E000"),
            "the contents' placeholder is not a character"
        );
    }
    // The outline keeps the name as written.
    assert!(pdf.outline.iter().any(|t| t == "市𠀀𪚥局😀"), "{:?}", pdf.outline);
}

#[test]
fn a_five_thousand_character_name_is_shortened_where_it_labels_and_kept_in_the_body() {
    let mut loaded = common::sample();
    let long = "很长的部门名称".repeat(715);
    assert!(long.chars().count() >= 5000);
    let id = loaded.data.workspace.departments[0].id.clone();
    loaded.data.workspace.departments[0].name.zh = long.clone();
    loaded.data.workspace.title.zh = long.clone();
    for department in [None, Some(id.as_str())] {
        let pdf = render(&loaded, &options(Lang::Zh, department));
        assert_well_formed(&pdf);
        // Outline entries (the cover's title, the department's heading) are
        // cut to 120 characters and an ellipsis.
        for title in &pdf.outline {
            assert!(
                title.chars().count() <= 121,
                "{department:?}: {} characters",
                title.chars().count()
            );
        }
        assert!(
            pdf.outline
                .iter()
                .any(|t| t.starts_with("很长的部门名称") && t.ends_with('…')),
            "{department:?}: {:?}",
            pdf.outline
        );
        // The cover is one page: the contents start on page 2.
        let first: Vec<&str> = pdf.text.lines().take_while(|l| *l != "目录").collect();
        assert!(first.len() < pdf.text.lines().count(), "the contents are there");
        assert!(
            first.iter().all(|l| !l.contains("第2页，共")),
            "{department:?}: the cover ran over"
        );
    }
    // The body keeps the whole name (wrapped over lines).
    let pdf = render(&loaded, &options(Lang::Zh, None));
    let flat = flat(&pdf, Lang::Zh);
    assert!(
        flat.matches("很长的部门名称").count() >= 715,
        "the full name in the body"
    );
}

/// The text of a PDF, one text run per line, for the cross-format test.
pub fn text_of(bytes: Vec<u8>) -> String {
    read_pdf(bytes).text
}
