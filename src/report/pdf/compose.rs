//! Turns the report's content into the PDF's flow of blocks, section by
//! section, in the same order as the HTML report: cover, executive summary,
//! heatmap, ranking, priorities, progress, one section per department (each
//! on a new page), the appendix and the approval block.
//!
//! Every word comes from [`ReportContent`] (its labels and resolved names)
//! and every number is formatted by its helpers, so the PDF says exactly
//! what the HTML says.

use chrono::NaiveDate;

use crate::charts::{Point, Rect, Rgb, level_colour, text_colour_on};
use crate::model::{Lang, Level};
use crate::report::content::{
    self, AnswerRow, DepartmentSection, ReportContent, change_text, level_text, notes_text, percent_text,
    provisional_text,
};

use super::charts::{self, RadarSeries};
use super::layout::{ACCENT, Block, CONTENT, Graphic, INK, Item, MUTED, Paragraph, RULE, Style};
use super::tables::{Cell, Column, Table};
use super::text::{self, Fonts};

/// The whole report as blocks.
pub fn compose(fonts: &Fonts, content: &ReportContent) -> Vec<Block> {
    let mut blocks = Vec::new();
    cover(fonts, content, &mut blocks);
    blocks.push(Block::PageBreak);
    executive_summary(content, &mut blocks);
    heatmap(fonts, content, &mut blocks);
    ranking(fonts, content, &mut blocks);
    priorities(content, &mut blocks);
    progress(content, &mut blocks);
    departments(fonts, content, &mut blocks);
    appendix(content, &mut blocks);
    approval(fonts, content, &mut blocks);
    blocks
}

/// Column headings the shared label catalogue does not have.
struct Words {
    min: &'static str,
    max: &'static str,
    below_target: &'static str,
    parent: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::En => Words {
            min: "Lowest",
            max: "Highest",
            below_target: "Below target",
            parent: "Parent department",
        },
        Lang::Zh => Words {
            min: "最低",
            max: "最高",
            below_target: "低于目标",
            parent: "上级部门",
        },
    }
}

/// A dated figure: ISO in English, 2025年12月31日 in Chinese; or a dash.
fn date_text(date: Option<NaiveDate>, lang: Lang) -> String {
    date.map_or_else(|| "–".to_owned(), |d| content::date_text(d, lang))
}

/// A level chip, outlined with dashes when the figure is provisional.
fn marked_level_cell(value: Option<f64>, provisional: bool) -> Cell {
    let cell = level_cell(value);
    if provisional && value.is_some() {
        cell.dashed()
    } else {
        cell
    }
}

/// A department's name with its notes on the lines below.
fn name_with_notes(name: &str, notes: &[String], lang: Lang) -> String {
    if notes.is_empty() {
        name.to_owned()
    } else {
        format!("{name}\n{}", notes_text(notes, lang))
    }
}

/// ": " in English, the full-width "：" in Chinese.
fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::Zh => "：",
    }
}

/// A level as a number on its colour, or a dash.
fn level_cell(value: Option<f64>) -> Cell {
    match value {
        Some(v) => {
            // The printed figure and the chip's colour from one rounded value.
            let shown = crate::charts::shown_level(v);
            Cell::chip(shown.text(), shown.colour)
        }
        None => Cell::new("–").coloured(MUTED),
    }
}

/// A whole level as a number on its colour, or a dash.
fn whole_level_cell(level: Option<Level>) -> Cell {
    match level {
        Some(l) => Cell::chip(l.get().to_string(), level_colour(f64::from(l.get()))),
        None => Cell::new("–").coloured(MUTED),
    }
}

/// "+0.25" in blue, "−0.50" in vermillion, as in the app.
fn change_cell(change: Option<f64>) -> Cell {
    let cell = Cell::new(change_text(change));
    match change {
        Some(c) => cell.coloured(darker(crate::charts::change_colour(c))),
        None => cell.coloured(MUTED),
    }
}

/// A colour darkened enough to read as text on white.
fn darker(c: Rgb) -> Rgb {
    c.lerp(Rgb::BLACK, 0.25)
}

fn h1(text: &str, depth: usize) -> Block {
    Block::Heading {
        level: 1,
        text: text.to_owned(),
        bookmark: Some(depth),
    }
}

fn h2(text: &str, bookmark: Option<usize>) -> Block {
    Block::Heading {
        level: 2,
        text: text.to_owned(),
        bookmark,
    }
}

fn h3(text: &str) -> Block {
    Block::Heading {
        level: 3,
        text: text.to_owned(),
        bookmark: None,
    }
}

/// "Label: value" lines as a two-column table without zebra emphasis.
fn facts(rows: &[(&str, String)]) -> Table {
    let mut table = Table::new(vec![Column::left(1.0), Column::left(2.6)], Vec::new());
    table.rows = rows
        .iter()
        .map(|(label, value)| vec![Cell::new(*label).coloured(MUTED), Cell::new(value.clone())])
        .collect();
    table
}

/// "Label: value" pairs two to a row (label, value, label, value).
fn facts_grid(rows: &[(&str, String)]) -> Table {
    let mut table = Table::new(
        vec![
            Column::left(1.0),
            Column::left(1.7),
            Column::left(1.0),
            Column::left(1.7),
        ],
        Vec::new(),
    );
    table.rows = rows
        .chunks(2)
        .map(|pair| {
            pair.iter()
                .flat_map(|(label, value)| [Cell::new(*label).coloured(MUTED), Cell::new(value.clone())])
                .collect()
        })
        .collect();
    table
}

/// The cover page: title, workspace, scope, period, date, overall stage.
fn cover(fonts: &Fonts, content: &ReportContent, blocks: &mut Vec<Block>) {
    let l = content.labels;
    blocks.push(Block::Bookmark {
        depth: 0,
        title: content.report_title().to_owned(),
    });
    let mut items = Vec::new();
    let width = CONTENT.width();
    items.push(Item::Rect {
        rect: Rect::from_min_size(Point::new(0.0, 60.0), width, 4.0),
        fill: Some(ACCENT),
        stroke: None,
    });
    let mut y = 90.0;
    for line in text::wrap(fonts, content.report_title(), 26.0, width) {
        items.push(Item::text_line(
            0.0,
            y,
            26.0,
            34.0,
            Style {
                colour: ACCENT,
                bold: true,
            },
            &line.text,
        ));
        y += 34.0;
    }
    y += 6.0;
    for line in text::wrap(fonts, content.title.get(content.lang), 15.0, width) {
        items.push(Item::text_line(0.0, y, 15.0, 22.0, Style::BODY, &line.text));
        y += 22.0;
    }
    y += 30.0;
    let scope = content
        .scope
        .as_ref()
        .map_or_else(|| l.whole_government.to_owned(), |(_, name)| name.clone());
    let rows = [
        (l.scope, scope),
        (l.period, date_text(content.period, content.lang)),
        (l.generated, date_text(Some(content.generated), content.lang)),
        (l.overall_stage, content.stage_text()),
    ];
    let rows: Vec<(&str, String)> = rows
        .into_iter()
        .chain(
            content
                .basis_lines
                .iter()
                .enumerate()
                .map(|(i, line)| (if i == 0 { l.basis } else { "" }, line.clone())),
        )
        .collect();
    let label_width = rows.iter().map(|(k, _)| fonts.width(k, 11.0)).fold(0.0, f32::max) + 18.0;
    for (label, value) in rows {
        let continued = label.is_empty();
        if continued {
            // A further line of the basis: no rule between it and the one above.
            y -= 8.0;
        }
        items.push(Item::text_line(0.0, y, 11.0, 20.0, Style::MUTED, label));
        let lines = text::wrap(fonts, &value, 11.0, width - label_width);
        for line in &lines {
            items.push(Item::text_line(
                label_width,
                y,
                11.0,
                20.0,
                Style::BODY,
                &line.text,
            ));
            y += 20.0;
        }
        if lines.is_empty() {
            y += 20.0;
        }
        items.push(Item::line(
            Point::new(0.0, y + 2.0),
            Point::new(width, y + 2.0),
            RULE,
            0.4,
        ));
        y += 8.0;
    }
    // The overall stage as a large chip carrying its number.
    if let Some(stage) = content.summary.stage {
        y += 24.0;
        // Painted as the stage it prints, never as the raw mean.
        let fill = level_colour(f64::from(stage.get()));
        let chip = Rect::from_min_size(Point::new(0.0, y), 64.0, 64.0);
        items.push(Item::Rect {
            rect: chip,
            fill: Some(fill),
            stroke: None,
        });
        let number = stage.get().to_string();
        let style = Style {
            colour: text_colour_on(fill),
            bold: true,
        };
        let x = chip.center().x - fonts.width(&number, 30.0) / 2.0;
        items.push(Item::text_line(x, y + 10.0, 30.0, 44.0, style, &number));
        let name = content.level_name(stage);
        items.push(Item::text_line(80.0, y + 6.0, 16.0, 24.0, Style::BOLD, &name));
        let mean_line = format!("{} {}", l.mean_level, level_text(content.summary.mean_level));
        items.push(Item::text_line(
            80.0,
            y + 32.0,
            11.0,
            18.0,
            Style::MUTED,
            &mean_line,
        ));
        y += 64.0;
    }
    y += 36.0;
    let s = &content.summary;
    let figures = [
        (l.assessed, format!("{} / {}", s.assessed, s.departments.len())),
        (l.approved, format!("{} / {}", s.workflow_approved, s.assessed)),
        (l.coverage, percent_text(Some(s.coverage))),
    ];
    let box_width = (width - 2.0 * 12.0) / 3.0;
    for (i, (label, value)) in figures.iter().enumerate() {
        let x = i as f32 * (box_width + 12.0);
        items.push(Item::Rect {
            rect: Rect::from_min_size(Point::new(x, y), box_width, 58.0),
            fill: Some(Rgb(0xf3, 0xf5, 0xf8)),
            stroke: None,
        });
        items.push(Item::text_line(
            x + 10.0,
            y + 8.0,
            20.0,
            26.0,
            Style {
                colour: ACCENT,
                bold: true,
            },
            value,
        ));
        let label = text::ellipsize(fonts, label, 9.0, box_width - 20.0);
        items.push(Item::text_line(
            x + 10.0,
            y + 36.0,
            9.0,
            14.0,
            Style::MUTED,
            &label,
        ));
    }
    y += 58.0;
    blocks.push(Block::Graphic(Graphic {
        height: y + 10.0,
        items,
        alt: None,
    }));
}

/// Narrative, key figures, stages and the dimension overview.
fn executive_summary(content: &ReportContent, blocks: &mut Vec<Block>) {
    let l = content.labels;
    let s = &content.summary;
    blocks.push(h1(l.executive_summary, 0));
    for paragraph in &content.narrative {
        blocks.push(Block::Paragraph(Paragraph::body(paragraph.clone())));
    }
    blocks.push(h2(l.key_figures, None));
    let figures = [
        (l.overall_stage, content.stage_text()),
        (l.mean_level, level_text(s.mean_level)),
        (l.assessed, format!("{} / {}", s.assessed, s.departments.len())),
        (l.approved, s.workflow_approved.to_string()),
        (l.submitted, s.submitted.to_string()),
        (l.draft, s.draft.to_string()),
        (l.coverage, percent_text(Some(s.coverage))),
    ];
    blocks.push(Block::Table(facts(&figures)));

    blocks.push(h2(l.stage_distribution, None));
    let mut stages = Table::new(
        vec![Column::center(0.6), Column::left(2.0), Column::right(1.0)],
        vec![l.level.to_owned(), l.stage.to_owned(), l.departments.to_owned()],
    );
    stages.rows = content
        .levels
        .iter()
        .zip(s.stage_counts)
        .map(|(head, count)| {
            vec![
                whole_level_cell(Some(head.level)),
                Cell::new(format!("{} — {}", head.name, head.summary)),
                Cell::new(count.to_string()),
            ]
        })
        .collect();
    blocks.push(Block::Table(stages));

    blocks.push(h2(l.dimension_overview, None));
    let mut overview = Table::new(
        vec![
            Column::left(3.0),
            Column::center(1.0),
            Column::center(0.8),
            Column::center(0.8),
            Column::right(0.9),
            Column::right(1.1),
            Column::right(1.1),
        ],
        vec![
            l.dimension.to_owned(),
            l.mean_level.to_owned(),
            words(content.lang).min.to_owned(),
            words(content.lang).max.to_owned(),
            l.change.to_owned(),
            words(content.lang).below_target.to_owned(),
            l.imbalanced.to_owned(),
        ],
    );
    overview.rows = content
        .dimension_overview
        .iter()
        .map(|d| {
            vec![
                Cell::new(d.name.clone()),
                level_cell(d.mean_level),
                Cell::new(level_text(d.min)),
                Cell::new(level_text(d.max)),
                change_cell(d.change),
                Cell::new(d.below_target.to_string()),
                Cell::new(d.imbalanced.to_string()),
            ]
        })
        .collect();
    blocks.push(Block::Table(overview));
}

/// The department × dimension heatmap.
fn heatmap(fonts: &Fonts, content: &ReportContent, blocks: &mut Vec<Block>) {
    let l = content.labels;
    blocks.push(Block::PageBreak);
    blocks.push(h1(l.heatmap, 0));
    blocks.push(Block::Paragraph(Paragraph::note(l.heatmap_note)));
    let rows: Vec<String> = content.heatmap.iter().map(|d| d.name.clone()).collect();
    let mut columns: Vec<String> = content.dimensions.iter().map(|d| d.name.clone()).collect();
    columns.push(l.mean_level.to_owned());
    let values: Vec<Vec<Option<f64>>> = content
        .heatmap
        .iter()
        .map(|d| {
            content
                .dimensions
                .iter()
                .map(|head| {
                    d.dimensions
                        .iter()
                        .find(|f| f.id == head.id)
                        .and_then(|f| f.mean_level)
                })
                .chain(std::iter::once(d.mean_level))
                .collect()
        })
        .collect();
    // A page holds about 30 rows; longer grids continue on the next page,
    // each part with its own column labels and legend.
    let provisional: Vec<bool> = content.heatmap.iter().map(|d| d.is_provisional()).collect();
    for ((rows, values), provisional) in rows
        .chunks(HEATMAP_ROWS)
        .zip(values.chunks(HEATMAP_ROWS))
        .zip(provisional.chunks(HEATMAP_ROWS))
    {
        blocks.push(Block::Graphic(charts::heatmap(
            fonts,
            rows,
            &columns,
            values,
            provisional,
            l.no_data,
        )));
    }
    if content.summary.provisional > 0 {
        blocks.push(Block::Paragraph(Paragraph::note(l.provisional_legend)));
    }
    department_notes(
        content,
        content
            .heatmap
            .iter()
            .map(|d| (d.name.as_str(), d.notes.as_slice())),
        blocks,
    );
}

/// "Name: provisional; carried over from …", one paragraph per department
/// with a note, under a chart.
fn department_notes<'n>(
    content: &ReportContent,
    rows: impl Iterator<Item = (&'n str, &'n [String])>,
    blocks: &mut Vec<Block>,
) {
    let lang = content.lang;
    for (name, notes) in rows.filter(|(_, notes)| !notes.is_empty()) {
        blocks.push(Block::Paragraph(Paragraph::note(format!(
            "{name}{}{}",
            colon(lang),
            notes_text(notes, lang)
        ))));
    }
}

/// Heatmap rows per graphic, so that one part always fits a page.
const HEATMAP_ROWS: usize = 30;
/// Ranking bars per graphic, likewise.
const RANKING_ROWS: usize = 45;

/// Bars and the ranking table.
fn ranking(fonts: &Fonts, content: &ReportContent, blocks: &mut Vec<Block>) {
    let l = content.labels;
    blocks.push(h1(l.ranking, 0));
    let bars: Vec<(String, Option<f64>)> = content
        .ranking
        .iter()
        .map(|r| (r.name.clone(), r.mean_level))
        .collect();
    let provisional: Vec<bool> = content.ranking.iter().map(|r| r.provisional).collect();
    for (part, provisional) in bars.chunks(RANKING_ROWS).zip(provisional.chunks(RANKING_ROWS)) {
        blocks.push(Block::Graphic(charts::ranking(fonts, part, provisional)));
    }
    if provisional.contains(&true) {
        blocks.push(Block::Paragraph(Paragraph::note(l.provisional_legend)));
    }
    blocks.push(Block::Space(6.0));
    let mut table = Table::new(
        vec![
            Column::right(0.7),
            Column::left(3.2),
            Column::center(1.1),
            Column::left(2.0),
            Column::right(1.0),
            Column::right(1.0),
        ],
        vec![
            l.rank.to_owned(),
            l.department.to_owned(),
            l.mean_level.to_owned(),
            l.stage.to_owned(),
            l.change.to_owned(),
            l.coverage.to_owned(),
        ],
    );
    table.rows = content
        .ranking
        .iter()
        .map(|r| {
            let rank = r
                .rank
                .map_or_else(|| "–".to_owned(), |n| format!("{n} / {}", r.of));
            vec![
                Cell::new(rank),
                Cell::new(name_with_notes(&r.name, &r.notes, content.lang)),
                marked_level_cell(r.mean_level, r.provisional),
                Cell::new(stage_text(r.stage, &r.stage_name)),
                change_cell(r.change),
                Cell::new(percent_text(r.coverage)),
            ]
        })
        .collect();
    blocks.push(Block::Table(table));
}

/// "2 · Growth", or a dash.
fn stage_text(stage: Option<Level>, name: &str) -> String {
    stage.map_or_else(|| "–".to_owned(), |s| format!("{} · {name}", s.get()))
}

/// The largest shortfalls with the next level's descriptor.
fn priorities(content: &ReportContent, blocks: &mut Vec<Block>) {
    let l = content.labels;
    blocks.push(Block::PageBreak);
    blocks.push(h1(l.priorities, 0));
    blocks.push(Block::Paragraph(Paragraph::note(l.priorities_note)));
    if content.priorities.is_empty() {
        blocks.push(Block::Paragraph(Paragraph::body(l.no_priorities)));
        return;
    }
    let mut table = Table::new(
        vec![
            Column::left(1.8),
            Column::left(2.2),
            Column::center(0.75),
            Column::center(0.75),
            Column::right(0.7),
            Column::right(0.9),
            Column::left(4.0),
        ],
        vec![
            l.department.to_owned(),
            l.indicator.to_owned(),
            l.current.to_owned(),
            l.target.to_owned(),
            l.gap.to_owned(),
            l.priority.to_owned(),
            l.next_step.to_owned(),
        ],
    );
    table.rows = content
        .priorities
        .iter()
        .map(|p| {
            vec![
                Cell::new(name_with_notes(&p.department_name, &p.notes, content.lang)),
                Cell::new(format!("{}\n{}", p.indicator_name, p.dimension_name)),
                if p.provisional {
                    whole_level_cell(Some(p.current)).dashed()
                } else {
                    whole_level_cell(Some(p.current))
                },
                whole_level_cell(Some(p.target)),
                Cell::new(format!("{:.0}", p.gap)),
                Cell::new(format!("{:.2}", p.priority)),
                Cell::new(format!(
                    "{}{} — {}",
                    l.level_prefix,
                    p.next_level.get(),
                    p.next_rubric
                )),
            ]
        })
        .collect();
    blocks.push(Block::Table(table));
}

/// Change since the previous period, per department and over time.
fn progress(content: &ReportContent, blocks: &mut Vec<Block>) {
    let l = content.labels;
    blocks.push(h1(l.progress, 0));
    if content.progress.is_empty() {
        blocks.push(Block::Paragraph(Paragraph::body(l.no_progress)));
    } else {
        let mut columns = vec![
            Column::left(2.6),
            Column::center(1.0),
            Column::center(1.0),
            Column::right(0.9),
        ];
        let mut header = vec![
            l.department.to_owned(),
            l.previous.to_owned(),
            l.current.to_owned(),
            l.change.to_owned(),
        ];
        // One column per dimension, headed by its position (named below).
        for (i, _) in content.dimensions.iter().enumerate() {
            columns.push(Column::right(0.75));
            header.push(format!("D{}", i + 1));
        }
        let mut table = Table::new(columns, header);
        table.rows = content
            .progress
            .iter()
            .map(|p| {
                let mut row = vec![
                    Cell::new(name_with_notes(&p.name, &p.notes, content.lang)),
                    Cell::new(format!(
                        "{}\n{}",
                        level_text(p.previous_level),
                        date_text(Some(p.previous_period), content.lang)
                    )),
                    Cell::new(format!(
                        "{}\n{}",
                        provisional_text(&level_text(p.current_level), p.provisional, content.lang),
                        date_text(Some(p.current_period), content.lang)
                    )),
                    change_cell(p.change),
                ];
                row.extend(p.dimension_changes.iter().map(|c| change_cell(*c)));
                row
            })
            .collect();
        table.size = 8.0;
        blocks.push(Block::Table(table));
        let key: Vec<String> = content
            .dimensions
            .iter()
            .enumerate()
            .map(|(i, d)| format!("D{} {}", i + 1, d.name))
            .collect();
        blocks.push(Block::Paragraph(Paragraph::note(key.join(" · "))));
    }
    if !content.history.is_empty() {
        blocks.push(h2(l.history, None));
        let mut table = Table::new(
            vec![
                Column::left(1.5),
                Column::center(1.0),
                Column::right(1.0),
                Column::right(1.0),
                Column::right(1.0),
            ],
            vec![
                l.period.to_owned(),
                l.mean_level.to_owned(),
                words(content.lang).min.to_owned(),
                words(content.lang).max.to_owned(),
                l.assessed.to_owned(),
            ],
        );
        table.rows = content
            .history
            .iter()
            .map(|g| {
                vec![
                    Cell::new(date_text(Some(g.period), content.lang)),
                    level_cell(Some(g.mean)),
                    Cell::new(level_text(Some(g.min))),
                    Cell::new(level_text(Some(g.max))),
                    Cell::new(g.count.to_string()),
                ]
            })
            .collect();
        blocks.push(Block::Table(table));
    }
}

/// One section per department, each from a new page.
fn departments(fonts: &Fonts, content: &ReportContent, blocks: &mut Vec<Block>) {
    blocks.push(Block::PageBreak);
    blocks.push(Block::Bookmark {
        depth: 0,
        title: content.labels.departments.to_owned(),
    });
    for section in &content.sections {
        blocks.push(Block::PageBreak);
        department(fonts, content, section, blocks);
    }
}

fn department(fonts: &Fonts, content: &ReportContent, section: &DepartmentSection, blocks: &mut Vec<Block>) {
    let l = content.labels;
    let f = &section.figures;
    blocks.push(h1(&f.name, 1));
    let mut facts_rows = vec![(l.department, format!("{} · {}", section.kind, f.id))];
    if let Some(parent) = &section.parent {
        facts_rows.push((words(content.lang).parent, parent.clone()));
    }
    if section.current.is_none() {
        blocks.push(Block::Table(facts_grid(&facts_rows)));
        blocks.push(Block::Paragraph(Paragraph::body(l.no_assessment)));
        flag_paragraph(content, &f.notes, blocks);
        return;
    }
    facts_rows.extend([
        (l.assessed_on, date_text(f.period, content.lang)),
        (l.status, f.status_label.clone()),
        (
            l.mean_level,
            provisional_text(&level_text(f.mean_level), f.is_provisional(), content.lang),
        ),
        (l.stage, stage_text(f.stage, &f.stage_name)),
        (l.change, change_text(f.change)),
        (l.coverage, percent_text(f.coverage)),
        (l.assessor, or_dash(&section.assessor)),
        (l.reviewer, or_dash(&section.reviewer)),
    ]);
    if let Some(date) = section.approved_on {
        facts_rows.push((l.approved_on, date_text(Some(date), content.lang)));
    }
    if let Some(target) = f.overall_target {
        facts_rows.push((l.overall_target, level_text(Some(target))));
    }
    if let Some(on_target) = f.on_target {
        facts_rows.push((
            l.on_target,
            if on_target {
                l.on_target_yes
            } else {
                l.on_target_no
            }
            .to_owned(),
        ));
    }
    flag_paragraph(content, &f.notes, blocks);
    blocks.push(Block::Table(facts_grid(&facts_rows)));
    if !section.review_comment.is_empty() {
        blocks.push(Block::Table(facts(&[(
            l.review_comment,
            section.review_comment.clone(),
        )])));
    }

    blocks.push(h2(l.radar, Some(2)));
    blocks.push(Block::Paragraph(Paragraph::note(l.radar_note)));
    blocks.push(Block::Graphic(radar(fonts, content, section)));

    blocks.push(h2(l.dimension_table, Some(2)));
    blocks.push(Block::Table(dimension_table(content, section)));

    blocks.push(h2(l.answers, Some(2)));
    blocks.push(Block::Table(answers_table(content, &section.answers)));
}

/// A department's notes ("provisional", "carried over from …") as one
/// paragraph above its facts.
fn flag_paragraph(content: &ReportContent, notes: &[String], blocks: &mut Vec<Block>) {
    if !notes.is_empty() {
        blocks.push(Block::Paragraph(Paragraph::body(format!(
            "⚠ {}",
            notes_text(notes, content.lang)
        ))));
    }
}

fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "–".to_owned()
    } else {
        text.to_owned()
    }
}

/// The department's radar: current period filled, previous dashed, target dashed.
fn radar(fonts: &Fonts, content: &ReportContent, section: &DepartmentSection) -> Graphic {
    let l = content.labels;
    let labels: Vec<String> = content.dimensions.iter().map(|d| d.name.clone()).collect();
    let by_dimension = |score: &crate::analysis::AssessmentScore| -> Vec<Option<f64>> {
        content
            .dimensions
            .iter()
            .map(|d| score.dimension(&d.id).and_then(|s| s.mean_level))
            .collect()
    };
    let current = section.current.as_ref().map(by_dimension).unwrap_or_default();
    let previous = section.previous.as_ref().map(by_dimension);
    let target: Vec<Option<f64>> = content
        .dimensions
        .iter()
        .map(|d| {
            section
                .figures
                .dimensions
                .iter()
                .find(|f| f.id == d.id)
                .and_then(|f| f.target)
                .map(|t| f64::from(t.get()))
        })
        .collect();
    let mut series = vec![RadarSeries {
        name: format!(
            "{} {}",
            l.current,
            date_text(section.figures.period, content.lang)
        ),
        values: &current,
        colour: charts::series(0),
        filled: true,
    }];
    if let (Some(values), Some(score)) = (&previous, &section.previous) {
        series.push(RadarSeries {
            name: format!("{} {}", l.previous, date_text(Some(score.period), content.lang)),
            values,
            colour: Rgb(0x76, 0x76, 0x76),
            filled: false,
        });
    }
    if target.iter().any(Option::is_some) {
        series.push(RadarSeries {
            name: l.target.to_owned(),
            values: &target,
            colour: charts::series(3),
            filled: false,
        });
    }
    charts::radar(fonts, &labels, &series)
}

fn dimension_table(content: &ReportContent, section: &DepartmentSection) -> Table {
    let l = content.labels;
    let mut table = Table::new(
        vec![
            Column::left(2.6),
            Column::center(0.9),
            Column::left(2.2),
            Column::center(0.75),
            Column::right(0.7),
            Column::right(0.85),
            Column::right(0.85),
            Column::right(0.85),
        ],
        vec![
            l.dimension.to_owned(),
            l.mean_level.to_owned(),
            l.floor.to_owned(),
            l.target.to_owned(),
            l.gap.to_owned(),
            l.priority.to_owned(),
            l.change.to_owned(),
            l.answered.to_owned(),
        ],
    );
    table.rows = section
        .figures
        .dimensions
        .iter()
        .map(|d| {
            let name = if d.imbalanced {
                format!("{}\n⚠ {}", d.name, l.imbalanced)
            } else {
                d.name.clone()
            };
            let floor = match (d.floor, &d.floor_indicator) {
                (Some(level), Some(indicator)) => format!("{} · {indicator}", level.get()),
                (Some(level), None) => level.get().to_string(),
                _ => "–".to_owned(),
            };
            let gap = d.gap.map_or_else(|| "–".to_owned(), |g| format!("{g:.2}"));
            let priority = d.priority.map_or_else(|| "–".to_owned(), |p| format!("{p:.2}"));
            vec![
                Cell::new(name),
                level_cell(d.mean_level),
                Cell::new(floor),
                whole_level_cell(d.target),
                Cell::new(gap),
                Cell::new(priority),
                change_cell(d.change),
                Cell::new(format!("{} / {}", d.answered, d.applicable)),
            ]
        })
        .collect();
    table
}

fn answers_table(content: &ReportContent, answers: &[AnswerRow]) -> Table {
    let l = content.labels;
    let mut table = Table::new(
        vec![
            Column::left(1.9),
            Column::center(0.75),
            Column::center(0.75),
            Column::left(2.5),
            Column::left(3.6),
            Column::left(2.5),
        ],
        vec![
            l.indicator.to_owned(),
            l.level.to_owned(),
            l.target.to_owned(),
            l.rubric_descriptor.to_owned(),
            l.evidence.to_owned(),
            l.next_step.to_owned(),
        ],
    );
    table.size = 7.5;
    table.rows = answers
        .iter()
        .map(|a| {
            let indicator = match a.previous_level {
                Some(p) => format!("{}\n{} {}", a.indicator_name, l.previous, p.get()),
                None => a.indicator_name.clone(),
            };
            let level = match (&a.not_applicable, a.level) {
                (Some(_), _) => Cell::new(l.not_applicable).coloured(MUTED),
                (None, Some(level)) => whole_level_cell(Some(level)),
                (None, None) => Cell::new(l.unanswered).coloured(MUTED),
            };
            vec![
                Cell::new(indicator),
                level,
                whole_level_cell(a.target),
                Cell::new(a.rubric.clone()),
                Cell::new(evidence_text(content, a)),
                Cell::new(a.next_rubric.clone().unwrap_or_default()),
            ]
        })
        .collect();
    table
}

/// Evidence with its reason, confidence, links and comment, one per line.
fn evidence_text(content: &ReportContent, a: &AnswerRow) -> String {
    let l = content.labels;
    let colon = colon(content.lang);
    let mut parts = Vec::new();
    if let Some(reason) = &a.not_applicable {
        parts.push(format!("{}{colon}{reason}", l.reason));
    }
    if !a.evidence.trim().is_empty() {
        parts.push(a.evidence.clone());
    }
    if !a.confidence_label.is_empty() {
        parts.push(format!("{}{colon}{}", l.confidence, a.confidence_label));
    }
    if !a.links.is_empty() {
        parts.push(format!("{}{colon}{}", l.links, a.links.join(" ")));
    }
    if !a.comment.trim().is_empty() {
        parts.push(format!("{}{colon}{}", l.comment, a.comment));
    }
    if a.reconfirm {
        parts.push(format!("⚠ {}", l.reconfirm));
    }
    parts.join("\n")
}

/// Methodology, rubric, data problems and coverage.
fn appendix(content: &ReportContent, blocks: &mut Vec<Block>) {
    let l = content.labels;
    let a = &content.appendix;
    blocks.push(Block::PageBreak);
    blocks.push(h1(l.appendix, 0));
    blocks.push(h2(l.methodology, Some(1)));
    for paragraph in &a.methodology {
        blocks.push(Block::Paragraph(Paragraph::bullet(paragraph.clone())));
    }

    blocks.push(h2(l.rubric, Some(1)));
    let mut levels = Table::new(
        vec![Column::center(0.5), Column::left(1.5), Column::left(5.0)],
        vec![
            l.level.to_owned(),
            l.stage.to_owned(),
            l.rubric_descriptor.to_owned(),
        ],
    );
    levels.rows = content
        .levels
        .iter()
        .map(|h| {
            vec![
                whole_level_cell(Some(h.level)),
                Cell::new(h.name.clone()),
                Cell::new(h.summary.clone()),
            ]
        })
        .collect();
    blocks.push(Block::Table(levels));
    for dimension in &content.framework.dimensions {
        let lang = content.lang;
        blocks.push(h3(&format!(
            "{} ({} {})",
            dimension.name.get(lang),
            l.weight,
            weight_text(dimension.weight)
        )));
        let mut columns = vec![Column::left(1.6)];
        let mut header = vec![l.indicator.to_owned()];
        for level in Level::all() {
            columns.push(Column::left(1.5));
            header.push(format!("{}{}", l.level_prefix, level.get()));
        }
        let mut table = Table::new(columns, header);
        table.size = 7.0;
        table.rows = dimension
            .indicators
            .iter()
            .map(|indicator| {
                let mut row = vec![Cell::new(indicator.name.get(lang)).bold()];
                row.extend(indicator.levels.iter().map(|text| Cell::new(text.get(lang))));
                row
            })
            .collect();
        blocks.push(Block::Table(table));
    }

    blocks.push(h2(l.data_problems, Some(1)));
    if a.problems.is_empty() {
        blocks.push(Block::Paragraph(Paragraph::body(l.no_problems)));
    } else {
        let mut table = Table::new(
            vec![Column::left(2.4), Column::left(0.9), Column::left(4.0)],
            vec![l.file.to_owned(), l.severity.to_owned(), l.message.to_owned()],
        );
        table.rows = a
            .problems
            .iter()
            .map(|p| {
                let place = if p.line > 0 {
                    format!("{}:{}:{}", p.file, p.line, p.column)
                } else {
                    p.file.clone()
                };
                let severity = Cell::new(p.severity.clone());
                let severity = if p.error {
                    severity.coloured(darker(crate::charts::OKABE_ITO[6]))
                } else {
                    severity
                };
                vec![Cell::new(place), severity, Cell::new(p.message.clone())]
            })
            .collect();
        blocks.push(Block::Table(table));
    }

    blocks.push(h2(l.coverage, Some(1)));
    let mut table = Table::new(
        vec![
            Column::left(3.0),
            Column::left(1.2),
            Column::right(1.0),
            Column::right(1.0),
            Column::right(1.0),
        ],
        vec![
            l.department.to_owned(),
            l.period.to_owned(),
            l.answered.to_owned(),
            l.applicable.to_owned(),
            l.coverage.to_owned(),
        ],
    );
    table.rows = a
        .coverage
        .iter()
        .map(|c| {
            vec![
                Cell::new(c.name.clone()),
                Cell::new(date_text(c.period, content.lang)),
                Cell::new(c.answered.to_string()),
                Cell::new(c.applicable.to_string()),
                Cell::new(percent_text(c.coverage)),
            ]
        })
        .collect();
    blocks.push(Block::Table(table));
    blocks.push(Block::Paragraph(Paragraph::body(format!(
        "{}{}{}",
        l.coverage,
        colon(content.lang),
        percent_text(Some(a.total_coverage))
    ))));
}

/// A weight without trailing zeros ("1", "1.5").
fn weight_text(weight: f64) -> String {
    let text = format!("{weight:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The approval block: statement, counts, reviewer, date and signature lines.
fn approval(fonts: &Fonts, content: &ReportContent, blocks: &mut Vec<Block>) {
    let l = content.labels;
    let a = &content.approval;
    blocks.push(Block::Space(12.0));
    blocks.push(h1(l.approval, 0));
    blocks.push(Block::Paragraph(Paragraph::body(l.approval_note)));
    blocks.push(Block::Paragraph(Paragraph::body(format!(
        "{}{}{} / {}",
        l.approved,
        colon(content.lang),
        a.approved,
        a.assessed
    ))));
    let reviewer = a.reviewer.clone().unwrap_or_default();
    let date = a
        .date
        .map(|d| content::date_text(d, content.lang))
        .unwrap_or_default();
    let rows = [
        (l.reviewer, reviewer),
        (l.date, date),
        (l.signature, String::new()),
    ];
    let mut items = Vec::new();
    let label_width = rows.iter().map(|(k, _)| fonts.width(k, 10.0)).fold(0.0, f32::max) + 14.0;
    let mut y = 14.0;
    for (label, value) in rows {
        items.push(Item::text_line(0.0, y, 10.0, 18.0, Style::MUTED, label));
        if !value.is_empty() {
            let value = text::ellipsize(fonts, &value, 10.0, 260.0 - label_width);
            items.push(Item::text_line(
                label_width + 4.0,
                y,
                10.0,
                18.0,
                Style::BODY,
                &value,
            ));
        }
        let line_y = y + 18.0;
        items.push(Item::line(
            Point::new(label_width, line_y),
            Point::new(300.0, line_y),
            INK,
            0.6,
        ));
        y += 34.0;
    }
    blocks.push(Block::Graphic(Graphic {
        height: y,
        items,
        alt: None,
    }));
}
