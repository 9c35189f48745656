//! A report as a document: headings, paragraphs, lists, tables and figures,
//! every word and number already made (in the report's language, by
//! [`super::format`] and [`super::catalogue`]). The HTML and PDF writers print
//! the same [`Document`] block by block, and the XLSX writer prints its
//! tables, so the formats cannot disagree about what a report says.
//!
//! Figures name the chart to draw ([`Chart`]) and carry their text
//! equivalent; the writers draw the chart from `charts` geometry, the same
//! geometry the app paints.

use crate::model::{Lang, Level};

pub use super::report::{ReportKind, ReportStyle};

/// A whole report.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub lang: Lang,
    /// The title on the cover and in the file's metadata.
    pub title: String,
    /// Which report this is: a brief has no cover page and no contents.
    pub kind: ReportKind,
    /// Plain or official (GB/T 9704-2012): fonts, the red header, page numbers as "— 1 —".
    pub style: ReportStyle,
    /// The official style's header: issuing office and document number.
    /// `None` in the plain style.
    pub masthead: Option<Masthead>,
    /// The blocks, cover (or, in a brief, title) first, in reading order.
    pub blocks: Vec<Block>,
}

/// The header of an official document: the issuing office's name printed
/// large in red above a red rule, and the document number under it.
#[derive(Clone, Debug, PartialEq)]
pub struct Masthead {
    /// "××市数字政府建设领导小组办公室"; the workspace title when no office is set.
    pub office: String,
    /// "××数政办〔2026〕12号"; may be empty.
    pub number: String,
}

impl Document {
    /// The level-1 and level-2 headings with anchors: what a table of
    /// contents and a PDF outline list.
    pub fn outline(&self) -> impl Iterator<Item = (u8, &str, &str)> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Heading {
                level,
                text,
                anchor: Some(anchor),
            } => Some((*level, text.as_str(), anchor.as_str())),
            _ => None,
        })
    }

    /// Every table, in order (what an XLSX writer prints one per sheet).
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
    }

    // added (pdf helper): figures in order, and a table by its id.
    /// Every figure, in order.
    pub fn figures(&self) -> impl Iterator<Item = &Figure> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Figure(f) => Some(f),
            _ => None,
        })
    }

    // added (pdf helper)
    /// The table with this [`Table::id`], if the document has one.
    pub fn table(&self, id: &str) -> Option<&Table> {
        self.tables().find(|t| t.id == id)
    }
}

// added (pdf helper): the anchors of the sections, the same in every format.
/// Section anchors: HTML ids, PDF outline entries, links from table cells.
///
/// A department's section is [`anchor::department`]; the level-2 headings
/// whose anchor [`anchor::department_id`] recognises are the department
/// sections (the PDF groups them under one "Departments" outline entry).
pub mod anchor {
    pub const SUMMARY: &str = "summary";
    pub const HEATMAP: &str = "heatmap";
    pub const RANKING: &str = "ranking";
    pub const STAGES: &str = "stages";
    pub const DIMENSIONS: &str = "dimensions";
    pub const PRIORITIES: &str = "priorities";
    // added (reports helper, issue 10): the Measures section and its parts.
    pub const MEASURES: &str = "measures";
    /// The shortfalls across departments, leading the priorities.
    pub const PRIORITIES_ROLLUP: &str = "priorities-rollup";
    /// The per-department rows that follow them.
    pub const PRIORITIES_DEPARTMENTS: &str = "priorities-departments";
    pub const MEASURES_ACTIONS: &str = "measures-actions";
    pub const MEASURES_UNCOVERED: &str = "measures-uncovered";
    pub const MEASURES_OVERDUE: &str = "measures-overdue";
    pub const PROGRESS: &str = "progress";
    pub const HISTORY: &str = "history";
    pub const APPENDIX: &str = "appendix";
    pub const METHODOLOGY: &str = "methodology";
    pub const PROBLEMS: &str = "problems";
    pub const COVERAGE: &str = "coverage";
    pub const RUBRIC: &str = "rubric";
    pub const APPROVAL: &str = "approval";
    /// The first heading of the annexes (complete tables, department pages):
    /// everything before it is the report's body.
    pub const ANNEX: &str = "annex";
    /// The complete heatmap and ranking tables in the annex.
    pub const ANNEX_HEATMAP: &str = "annex-heatmap";
    pub const ANNEX_RANKING: &str = "annex-ranking";
    /// The complete list of actions in the annex.
    pub const ANNEX_ACTIONS: &str = "annex-actions";
    /// The department pages in the annex.
    pub const ANNEX_DEPARTMENTS: &str = "annex-departments";
    // added (full-report helper): the departments by parent unit in the
    // body, and the complete progress table in the annex.
    pub const GROUPS: &str = "groups";
    pub const ANNEX_PROGRESS: &str = "annex-progress";
    /// The brief's sections.
    pub const CONCLUSIONS: &str = "conclusions";
    pub const ATTENTION: &str = "attention";
    pub const TARGETS: &str = "targets";
    pub const SIGN_OFF: &str = "sign-off";

    const DEPARTMENT: &str = "department-";

    /// A department's section: `department-police`.
    pub fn department(id: &str) -> String {
        format!("{DEPARTMENT}{id}")
    }

    /// The department a section anchor names, if it is a department's.
    pub fn department_id(anchor: &str) -> Option<&str> {
        anchor.strip_prefix(DEPARTMENT)
    }

    /// A part of a department's section (`profile`, `dimensions`,
    /// `answers`): `profile-of-police`.
    pub fn department_part(part: &str, id: &str) -> String {
        format!("{part}-of-{id}")
    }
}

/// What flows down the pages.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading, level 1 (cover title), 2 (section) or 3 (sub-section).
    /// With an anchor it is listed in the contents and the PDF outline.
    Heading {
        level: u8,
        text: String,
        anchor: Option<String>,
    },
    Paragraph(Paragraph),
    /// A bulleted list.
    List(Vec<String>),
    /// Label–value pairs (the cover's period and basis, a department's
    /// stage and assessor).
    Facts(Vec<(String, String)>),
    /// The headline figures, large: label, value, and a note under it.
    KeyFigures(Vec<KeyFigure>),
    /// The table of contents, built by the writer from [`Document::outline`].
    Contents {
        title: String,
    },
    Table(Table),
    Figure(Figure),
    /// The next block starts on a new page (PDF); a section break elsewhere.
    PageBreak,
    /// The sign-off chain at the end of a brief: role and name, one per
    /// line (编制 / 审核 / 签发), an empty name printed as a line to sign on,
    /// then the date of issue.
    SignOff(SignOff),
}

/// Who prepared, reviewed and approved a report, and when it was issued.
#[derive(Clone, Debug, PartialEq)]
pub struct SignOff {
    /// Role ("Prepared by" / "编制") and name; an empty name is signed by hand.
    pub rows: Vec<(String, String)>,
    /// The date of issue, written out ("2026年12月1日").
    pub date: String,
}

/// Running text.
#[derive(Clone, Debug, PartialEq)]
pub struct Paragraph {
    pub text: String,
    pub tone: Tone,
}

impl Paragraph {
    pub fn body(text: impl Into<String>) -> Block {
        Block::Paragraph(Paragraph {
            text: text.into(),
            tone: Tone::Body,
        })
    }

    pub fn note(text: impl Into<String>) -> Block {
        Block::Paragraph(Paragraph {
            text: text.into(),
            tone: Tone::Note,
        })
    }

    pub fn warning(text: impl Into<String>) -> Block {
        Block::Paragraph(Paragraph {
            text: text.into(),
            tone: Tone::Warning,
        })
    }
}

/// How a paragraph reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Body,
    /// Smaller and muted: how to read a table, a footnote.
    Note,
    /// Draws the eye: provisional figures, unreadable files.
    // added (pdf helper): the text carries no mark of its own; the writer
    // adds one (the PDF prints "⚠ " before it).
    Warning,
}

/// A headline figure.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyFigure {
    pub label: String,
    pub value: String,
    /// Under the value ("includes 5 provisional"); may be empty.
    pub note: String,
}

/// A table with a header row.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// A stable name (`"ranking"`, `"priorities"`, `"department.police.dimensions"`),
    /// for tests and for naming XLSX sheets.
    pub id: String,
    pub caption: Option<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

/// A column's header and alignment.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub header: String,
    /// Right-aligned figures.
    pub numeric: bool,
}

impl Column {
    pub fn text(header: impl Into<String>) -> Column {
        Column {
            header: header.into(),
            numeric: false,
        }
    }

    pub fn number(header: impl Into<String>) -> Column {
        Column {
            header: header.into(),
            numeric: true,
        }
    }
}

/// One table cell: the text every writer prints, and what a writer may use
/// to colour it or (XLSX) store the value.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// Exactly what is shown.
    pub text: String,
    pub kind: CellKind,
    /// Notes printed under or beside the text ("provisional", "carried over
    /// from 2025年6月30日").
    pub notes: Vec<String>,
    /// Figures in this cell are provisional (drawn hatched or marked).
    pub provisional: bool,
    /// An in-document link target (a department's section).
    pub link: Option<String>,
}

/// What a cell holds, for colour and for the XLSX value.
#[derive(Clone, Debug, PartialEq)]
pub enum CellKind {
    Text,
    /// A mean level 1–5, coloured on the level scale.
    Level(Option<f64>),
    /// A whole level (a stage, an answer), coloured on the level scale.
    WholeLevel(Option<Level>),
    /// A signed change, coloured up or down.
    Change(Option<f64>),
    /// Any other number (rank, count, priority, percentage as 0–1 share).
    Number(Option<f64>),
    Percent(Option<f64>),
    // added (reports helper, issue 10): an action's due date.
    /// A date, kept on one line.
    Date(Option<chrono::NaiveDate>),
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            kind: CellKind::Text,
            notes: Vec::new(),
            provisional: false,
            link: None,
        }
    }

    pub fn of(text: impl Into<String>, kind: CellKind) -> Cell {
        Cell {
            kind,
            ..Cell::text(text)
        }
    }

    pub fn with_notes(mut self, notes: Vec<String>) -> Cell {
        self.notes = notes;
        self
    }

    pub fn provisional(mut self, provisional: bool) -> Cell {
        self.provisional = provisional;
        self
    }

    pub fn linked(mut self, anchor: impl Into<String>) -> Cell {
        self.link = Some(anchor.into());
        self
    }
}

/// A chart and its text equivalent.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub chart: Chart,
    /// What the chart shows, in words, for screen readers and PDF alt text.
    pub alt: String,
    pub caption: String,
}

/// Which chart a figure draws; the writer takes its geometry from `charts`
/// and its data from the report content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chart {
    /// Departments × dimensions.
    Heatmap,
    /// Departments by mean level.
    Ranking,
    /// How many departments are at each stage.
    StageDistribution,
    /// The mean level over the periods.
    History,
    /// The level legend (1–5, names and colours).
    LevelLegend,
    /// One department's profile, by its id.
    Radar(String),
}
