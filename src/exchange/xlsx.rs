//! A small reader of .xlsx workbooks: the cell values of every sheet, as
//! Excel, WPS and LibreOffice write them, and nothing else (no styles, no
//! formulas, no dates as dates).
//!
//! Over `zip` and `roxmltree`, both already in the tree for the DOCX report
//! and SVG, rather than a spreadsheet crate that would bring a dozen more.
//! It reads shared strings (rich text runs joined, phonetic guides left
//! out), inline strings, numbers, booleans, formula results and errors;
//! `_x000D_`-style escapes are decoded. Untrusted input: every part is
//! capped in size as it is unpacked (a zip bomb stops at the cap) and in
//! XML nodes as it is parsed, XML with a DTD is refused, and nothing here
//! panics on any input.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use roxmltree::{Document, Node};

/// The most one part of the workbook may unpack to: 16 MiB (a filled
/// questionnaire's largest part is well under 1 MiB, even with every
/// evidence at its limit under 3 MiB).
pub const PART_LIMIT: u64 = 16 << 20;

/// The most XML nodes one part may have: keeps the memory a parsed part
/// takes to about 100 MB whatever is in it (a questionnaire has a few
/// thousand).
const NODES_LIMIT: u32 = 1_000_000;

/// The most all parts read may unpack to together: 64 MiB.
pub const TOTAL_LIMIT: u64 = 64 << 20;

/// One cell's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    Bool(bool),
    /// An error value such as `#N/A`, as written.
    Error(String),
}

/// One sheet: its name and its non-empty cells by (row, column), 0-based.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub cells: BTreeMap<(u32, u32), Value>,
}

impl Sheet {
    pub fn get(&self, row: u32, column: u32) -> Option<&Value> {
        self.cells.get(&(row, column))
    }

    /// The cell as text: text as it is, a number as it would be typed
    /// (4 → "4", 2.5 → "2.5"), a boolean as TRUE/FALSE; empty when absent.
    pub fn text(&self, row: u32, column: u32) -> String {
        match self.get(row, column) {
            None => String::new(),
            Some(Value::Text(text)) => text.clone(),
            Some(Value::Number(n)) => number_text(*n),
            Some(Value::Bool(b)) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
            Some(Value::Error(e)) => e.clone(),
        }
    }

    /// The last row that holds a cell (0-based), if any.
    pub fn last_row(&self) -> Option<u32> {
        self.cells.keys().map(|(row, _)| *row).max()
    }
}

/// A number as typed: whole numbers without a decimal point.
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

/// A workbook's sheets, in workbook order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Book {
    pub sheets: Vec<Sheet>,
}

impl Book {
    pub fn sheet(&self, name: &str) -> Option<&Sheet> {
        self.sheets.iter().find(|s| s.name == name)
    }
}

/// Why a workbook could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Broken(String),
    #[error("a part unpacks to more than the limit")]
    TooLarge,
}

fn broken(what: impl std::fmt::Display) -> ReadError {
    ReadError::Broken(what.to_string())
}

/// Reads the sheets of the .xlsx file whose bytes are `bytes`. Only the
/// sheets named in `wanted` are parsed (all when empty).
pub fn read(bytes: &[u8], wanted: &[&str]) -> Result<Book, ReadError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(broken)?;
    let mut budget = TOTAL_LIMIT;
    let workbook =
        part(&mut zip, "xl/workbook.xml", &mut budget)?.ok_or_else(|| broken("no xl/workbook.xml"))?;
    let rels = part(&mut zip, "xl/_rels/workbook.xml.rels", &mut budget)?.unwrap_or_default();
    let targets = relationships(&rels)?;
    let sheets = sheet_list(&workbook)?;
    let shared_path = targets
        .iter()
        .find(|(_, (kind, _))| kind.ends_with("/sharedStrings"))
        .map_or_else(
            || "xl/sharedStrings.xml".to_owned(),
            |(_, (_, target))| target.clone(),
        );
    let shared = match part(&mut zip, &shared_path, &mut budget)? {
        Some(text) => shared_strings(&text)?,
        None => Vec::new(),
    };
    let mut book = Book::default();
    for (name, rel) in sheets {
        if !wanted.is_empty() && !wanted.contains(&name.as_str()) {
            continue;
        }
        let Some((_, target)) = targets.get(&rel) else {
            return Err(broken(format!("sheet {name:?} has no part")));
        };
        let Some(text) = part(&mut zip, target, &mut budget)? else {
            return Err(broken(format!("sheet {name:?}: {target} is missing")));
        };
        let cells = sheet_cells(&text, &shared)?;
        book.sheets.push(Sheet { name, cells });
    }
    Ok(book)
}

/// The part at `path` as text, unpacked up to the caps; `None` when absent.
fn part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    path: &str,
    budget: &mut u64,
) -> Result<Option<String>, ReadError> {
    let index = zip.index_for_name(path).or_else(|| {
        // Some writers differ in case or add a leading slash.
        (0..zip.len()).find(|&i| {
            zip.name_for_index(i)
                .is_some_and(|n| n.is_ok_and(|n| n.trim_start_matches('/').eq_ignore_ascii_case(path)))
        })
    });
    let Some(index) = index else { return Ok(None) };
    let entry = zip.by_index(index).map_err(broken)?;
    let cap = PART_LIMIT.min(*budget);
    let mut bytes = Vec::new();
    // One byte past the cap tells a part that is too large, whatever its
    // header claims.
    entry.take(cap + 1).read_to_end(&mut bytes).map_err(broken)?;
    let read = bytes.len() as u64;
    if read > cap {
        return Err(ReadError::TooLarge);
    }
    *budget -= read;
    let text = String::from_utf8(bytes).map_err(|_| broken(format!("{path} is not UTF-8")))?;
    Ok(Some(text))
}

fn parse(text: &str) -> Result<Document<'_>, ReadError> {
    // DTDs are refused (roxmltree's default): no entity expansion bombs.
    let options = roxmltree::ParsingOptions {
        nodes_limit: NODES_LIMIT,
        ..roxmltree::ParsingOptions::default()
    };
    Document::parse_with_options(text, options).map_err(broken)
}

fn local<'a>(node: &Node<'a, '_>) -> &'a str {
    node.tag_name().name()
}

/// Relationship id → (type, target path from the zip's root).
fn relationships(text: &str) -> Result<BTreeMap<String, (String, String)>, ReadError> {
    let mut out = BTreeMap::new();
    if text.is_empty() {
        return Ok(out);
    }
    let doc = parse(text)?;
    for node in doc.descendants().filter(|n| local(n) == "Relationship") {
        let (Some(id), Some(target)) = (node.attribute("Id"), node.attribute("Target")) else {
            continue;
        };
        let kind = node.attribute("Type").unwrap_or_default();
        let path = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_owned(),
            None => normalise(&format!("xl/{target}")),
        };
        out.insert(id.to_owned(), (kind.to_owned(), path));
    }
    Ok(out)
}

/// `xl/../x` → `x`.
fn normalise(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            other => parts.push(other),
        }
    }
    parts.join("/")
}

/// The sheets in workbook order: name and relationship id.
fn sheet_list(text: &str) -> Result<Vec<(String, String)>, ReadError> {
    let doc = parse(text)?;
    let mut out = Vec::new();
    for node in doc.descendants().filter(|n| local(n) == "sheet") {
        let name = node.attribute("name").unwrap_or_default();
        let rel = node
            .attributes()
            .find(|a| a.name() == "id")
            .map(|a| a.value())
            .unwrap_or_default();
        out.push((name.to_owned(), rel.to_owned()));
    }
    Ok(out)
}

fn shared_strings(text: &str) -> Result<Vec<String>, ReadError> {
    let doc = parse(text)?;
    Ok(doc
        .root_element()
        .children()
        .filter(|n| local(n) == "si")
        .map(|si| rich_text(&si))
        .collect())
}

/// The text of a string item (`<si>` or `<is>`): its `<t>`, or its runs'
/// `<t>`s joined; phonetic runs (`<rPh>`) are left out.
fn rich_text(item: &Node<'_, '_>) -> String {
    let mut out = String::new();
    for child in item.children().filter(Node::is_element) {
        match local(&child) {
            "t" => out.push_str(child.text().unwrap_or_default()),
            "r" => {
                for t in child.children().filter(|n| local(n) == "t") {
                    out.push_str(t.text().unwrap_or_default());
                }
            }
            _ => {}
        }
    }
    unescape(&out)
}

/// Decodes OOXML's `_xHHHH_` escapes (`_x000D_` is a carriage return;
/// `_x005F_` an underscore that protects a literal `_x…_`).
pub fn unescape(text: &str) -> String {
    if !text.contains("_x") {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("_x") {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let decoded = tail
            .get(2..6)
            .filter(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit()))
            .filter(|_| tail.as_bytes().get(6) == Some(&b'_'))
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .and_then(char::from_u32);
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &tail[7..];
            }
            None => {
                out.push_str("_x");
                rest = &tail[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The most rows and columns a sheet can have.
const MAX_ROW: u32 = 1 << 20;
const MAX_COLUMN: u32 = 1 << 14;

fn sheet_cells(text: &str, shared: &[String]) -> Result<BTreeMap<(u32, u32), Value>, ReadError> {
    let doc = parse(text)?;
    let mut cells = BTreeMap::new();
    let Some(data) = doc.descendants().find(|n| local(n) == "sheetData") else {
        return Ok(cells);
    };
    let mut next_row = 0u32;
    for row in data.children().filter(|n| local(n) == "row") {
        let row_index = match row.attribute("r").and_then(|r| r.parse::<u32>().ok()) {
            Some(r) if (1..=MAX_ROW).contains(&r) => r - 1,
            _ => next_row,
        };
        next_row = row_index.saturating_add(1);
        let mut next_column = 0u32;
        for cell in row.children().filter(|n| local(n) == "c") {
            let (r, c) = match cell.attribute("r").and_then(cell_position) {
                Some(position) => position,
                None => (row_index, next_column),
            };
            next_column = c.saturating_add(1);
            if r >= MAX_ROW || c >= MAX_COLUMN {
                continue;
            }
            if let Some(value) = cell_value(&cell, shared) {
                cells.insert((r, c), value);
            }
        }
    }
    Ok(cells)
}

fn cell_value(cell: &Node<'_, '_>, shared: &[String]) -> Option<Value> {
    let kind = cell.attribute("t").unwrap_or("n");
    let v = || {
        cell.children()
            .find(|n| local(n) == "v")
            .map(|n| n.text().unwrap_or_default())
    };
    let value = match kind {
        "s" => {
            let index: usize = v()?.trim().parse().ok()?;
            Value::Text(shared.get(index)?.clone())
        }
        "inlineStr" => Value::Text(rich_text(&cell.children().find(|n| local(n) == "is")?)),
        "str" | "d" => Value::Text(unescape(v()?)),
        "b" => Value::Bool(v()?.trim() == "1"),
        "e" => Value::Error(v()?.to_owned()),
        _ => {
            let text = v()?.trim();
            match text.parse::<f64>() {
                Ok(n) if n.is_finite() => Value::Number(n),
                _ => Value::Text(text.to_owned()),
            }
        }
    };
    match &value {
        Value::Text(t) if t.is_empty() => None,
        _ => Some(value),
    }
}

/// `"D14"` → (13, 3), 0-based.
pub fn cell_position(name: &str) -> Option<(u32, u32)> {
    let split = name.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = name.split_at(split);
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let mut column = 0u32;
    for b in letters.bytes() {
        if !b.is_ascii_alphabetic() {
            return None;
        }
        column = column * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1);
    }
    let row: u32 = digits.parse().ok()?;
    (row >= 1 && column >= 1).then(|| (row - 1, column - 1))
}

/// (13, 3) → `"D14"`.
pub fn cell_name(row: u32, column: u32) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.reverse();
    let mut name: String = letters.into_iter().collect();
    name.push_str(&(u64::from(row) + 1).to_string());
    name
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    #[test]
    fn cell_names_go_both_ways() {
        for (name, position) in [
            ("A1", (0, 0)),
            ("D14", (13, 3)),
            ("Z1", (0, 25)),
            ("AA2", (1, 26)),
            ("XFD1048576", (1_048_575, 16_383)),
        ] {
            assert_eq!(cell_position(name), Some(position), "{name}");
            assert_eq!(cell_name(position.0, position.1), name);
        }
        for bad in ["", "1", "A", "A0", "ABCD1", "Ä1", "A-1"] {
            assert_eq!(cell_position(bad), None, "{bad}");
        }
    }

    #[test]
    fn escapes_are_decoded() {
        assert_eq!(unescape("a_x000D_\nb"), "a\r\nb");
        assert_eq!(unescape("_x005F_x0041_"), "_x0041_");
        assert_eq!(unescape("_x12"), "_x12");
        assert_eq!(unescape("plain"), "plain");
    }

    /// A workbook with the given sheet XML and shared strings.
    fn workbook(sheet: &str, shared: &str) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default();
        let parts = [
            (
                "xl/workbook.xml",
                r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            ),
            (
                "xl/_rels/workbook.xml.rels",
                r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>"#,
            ),
            ("xl/worksheets/sheet1.xml", sheet),
            ("xl/sharedStrings.xml", shared),
        ];
        for (name, text) in parts {
            zip.start_file(name, options).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn every_kind_of_cell_is_read() {
        let shared = r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>plain</t></si><si><r><t>ri</t></r><r><rPr><b/></rPr><t xml:space="preserve">ch </t></r><rPh><t>ピン</t></rPh></si><si><t>two_x000D_
lines</t></si></sst>"#;
        let sheet = r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
<row r="2"><c r="A2"><v>4</v></c><c r="B2" t="inlineStr"><is><t>inline</t></is></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#N/A</v></c><c r="E2" t="str"><v>formula</v></c><c r="F2" s="3"/></row>
<row><c><v>2.5</v></c><c t="s"><v>99</v></c></row>
</sheetData></worksheet>"#;
        let book = read(&workbook(sheet, shared), &[]).unwrap();
        let s = book.sheet("S").unwrap();
        assert_eq!(s.text(0, 0), "plain");
        assert_eq!(s.text(0, 1), "rich ");
        assert_eq!(s.text(0, 2), "two\r\nlines");
        assert_eq!(s.get(1, 0), Some(&Value::Number(4.0)));
        assert_eq!(s.text(1, 0), "4");
        assert_eq!(s.text(1, 1), "inline");
        assert_eq!(s.get(1, 2), Some(&Value::Bool(true)));
        assert_eq!(s.get(1, 3), Some(&Value::Error("#N/A".into())));
        assert_eq!(s.text(1, 4), "formula");
        assert_eq!(s.get(1, 5), None, "an empty styled cell is no value");
        // Rows and cells without a reference follow the one before.
        assert_eq!(s.text(2, 0), "2.5");
        assert_eq!(s.get(2, 1), None, "a shared string index out of range");
    }

    #[test]
    fn broken_input_is_an_error_never_a_panic() {
        assert!(read(b"not a zip", &[]).is_err());
        assert!(read(&workbook("<worksheet", "<sst/>"), &[]).is_err());
        let dtd = r#"<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>"#;
        assert!(read(&workbook(dtd, "<sst/>"), &[]).is_err());
    }

    #[test]
    fn a_part_of_too_many_nodes_is_refused() {
        let sheet = format!(
            "<worksheet><sheetData><row>{}</row></sheetData></worksheet>",
            "<c/>".repeat(NODES_LIMIT as usize + 1)
        );
        assert!(matches!(
            read(&workbook(&sheet, "<sst/>"), &[]),
            Err(ReadError::Broken(_))
        ));
    }

    #[test]
    fn a_part_that_unpacks_past_the_cap_is_refused() {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("xl/workbook.xml", options).unwrap();
        let chunk = vec![b' '; 1 << 20];
        for _ in 0..=(PART_LIMIT >> 20) {
            zip.write_all(&chunk).unwrap();
        }
        zip.finish().unwrap();
        let bytes = out.into_inner();
        assert!(bytes.len() < 1 << 20, "compressed: {}", bytes.len());
        assert_eq!(read(&bytes, &[]), Err(ReadError::TooLarge));
    }
}
