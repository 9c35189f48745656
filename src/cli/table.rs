//! Plain-text tables for the terminal that line up with Chinese text too
//! (a CJK character takes two columns).

/// How many terminal columns `text` takes.
pub fn display_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    let wide = matches!(u32::from(c),
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x20000..=0x2FFFD | 0x30000..=0x3FFFD);
    if wide { 2 } else { 1 }
}

/// Cuts `text` to at most `width` columns, ending in `…` when cut.
fn fit(text: &str, width: usize) -> String {
    if display_width(text) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = char_width(c);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Column alignment.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// Renders rows under a header, each column as wide as its widest cell
/// (capped at `max_width` columns, except the last, which nothing follows
/// and which holds notes that must not be cut), separated by two spaces.
/// A cell is always one line: control characters in it are shown escaped.
pub fn render(header: &[String], rows: &[Vec<String>], align: &[Align], max_width: usize) -> String {
    let one_line = |cells: &[String]| -> Vec<String> {
        cells
            .iter()
            .map(|cell| crate::present::format::one_line(cell).into_owned())
            .collect()
    };
    let header = &one_line(header);
    let rows: &[Vec<String>] = &rows.iter().map(|row| one_line(row)).collect::<Vec<_>>();
    let columns = header.len();
    let cap = |i: usize| if i + 1 == columns { usize::MAX } else { max_width };
    let mut widths: Vec<usize> = header
        .iter()
        .enumerate()
        .map(|(i, h)| display_width(h).min(cap(i)))
        .collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(columns) {
            widths[i] = widths[i].max(display_width(cell).min(cap(i)));
        }
    }
    let mut out = String::new();
    let mut push_row = |cells: &[String]| {
        let mut line = String::new();
        for (i, width) in widths.iter().enumerate() {
            let cell = fit(cells.get(i).map_or("", String::as_str), *width);
            let pad = width.saturating_sub(display_width(&cell));
            if i > 0 {
                line.push_str("  ");
            }
            if align.get(i).copied() == Some(Align::Right) {
                line.push_str(&" ".repeat(pad));
                line.push_str(&cell);
            } else {
                line.push_str(&cell);
                line.push_str(&" ".repeat(pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    };
    push_row(header);
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    push_row(&rule);
    for row in rows {
        push_row(row);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counts_double() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("市民政局"), 8);
    }

    #[test]
    fn columns_line_up() {
        let header = vec!["name".to_owned(), "level".to_owned()];
        let rows = vec![
            vec!["市民政局".to_owned(), "2.1".to_owned()],
            vec!["Finance".to_owned(), "3.0".to_owned()],
        ];
        let text = render(&header, &rows, &[Align::Left, Align::Right], 40);
        let widths: Vec<usize> = text.lines().map(display_width).collect();
        assert!(widths.iter().all(|w| *w == widths[0]), "{text}");
    }

    #[test]
    fn long_cells_are_cut() {
        assert_eq!(fit("abcdefgh", 5), "abcd…");
        assert_eq!(display_width(&fit("数字政府成熟度评估", 7)), 7);
    }
}
