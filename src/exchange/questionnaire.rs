//! The questionnaire a department fills in without the app: an .xlsx
//! workbook in one language with three sheets.
//!
//! - **Cover**: department, period, framework and edition, who issued it,
//!   how to fill it in, what each column means, and cells for who filled
//!   it in and who signed it off.
//! - **Answers**: one row per indicator, under a heading row per
//!   dimension: id, name, the five level descriptors, last period's level
//!   and evidence, then the answer cells (level, evidence, links,
//!   confidence, reason for N/A). The level and confidence cells offer a
//!   list (data validation); the text cells refuse text over the limits.
//! - **Identity** ([`super::identity`]): very hidden.
//!
//! Every sheet is protected without a password, against accidents only:
//! only the answer cells (and the cover's name and date cells) are
//! unlocked. Rows and columns may still be resized, to read long text.
//! The answer cells are pre-filled from the period's assessment when there
//! is one, so a half-done draft can be sent out and finished.

use chrono::NaiveDate;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties, Format, FormatAlign,
    FormatBorder, ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use super::identity::{self, INDICATORS_HEADER_ROW, Identity, KEYS};
use crate::model::limits::TextField;
use crate::model::{Answer, Confidence, Dataset, Department, Lang, Rating};
use crate::present::catalogue::{self, T, exchange as words};
use crate::present::format;

/// The columns of the answers sheet (0-based).
pub(super) mod col {
    pub const ID: u16 = 0;
    pub const NAME: u16 = 1;
    pub const RUBRIC: u16 = 2;
    pub const LAST_LEVEL: u16 = 3;
    pub const LAST_EVIDENCE: u16 = 4;
    pub const LEVEL: u16 = 5;
    pub const EVIDENCE: u16 = 6;
    pub const LINKS: u16 = 7;
    pub const CONFIDENCE: u16 = 8;
    pub const REASON: u16 = 9;
    /// The answer columns, first to last.
    pub const ANSWERS: std::ops::RangeInclusive<u16> = LEVEL..=REASON;
    pub const LAST: u16 = REASON;
}

/// The header row of the answers sheet (0-based); indicators start below.
pub(super) const HEADER_ROW: u32 = 1;

/// The cover's cells for who filled it in (0-based row, column B).
pub(super) const COVER_FILLER_ROW: u32 = 6;

/// Column widths of the answers sheet, in characters.
const WIDTHS: [f64; 10] = [17.0, 20.0, 46.0, 8.0, 26.0, 9.0, 36.0, 22.0, 10.0, 20.0];

/// A line of wrapped text, in points (Latin; Chinese stands taller in the
/// fallback fonts).
const LINE_HEIGHT: f64 = 15.0;
const LINE_HEIGHT_WIDE: f64 = 16.0;

/// Excel's tallest row, in points.
const MAX_ROW_HEIGHT: f64 = 409.0;

/// Whether `c` takes two columns (Chinese, full-width forms).
fn is_wide(c: char) -> bool {
    matches!(u32::from(c), 0x1100..=0x115f | 0x2e80..=0xa4cf | 0xac00..=0xd7a3 | 0xf900..=0xfaff | 0xfe30..=0xfe4f | 0xff00..=0xff60 | 0xffe0..=0xffe6 | 0x20000..=0x3fffd)
}

/// How many lines `text` takes in a column `width` characters wide,
/// wrapping words greedily as spreadsheets do: a Latin letter is taken as
/// 0.8 of a digit (a little wide, so that LibreOffice's wider fallback
/// fonts still fit), a Chinese character as 2 (as in Excel; LibreOffice sets it narrower
/// and shows a little room below), which may break anywhere.
/// Measured on LibreOffice's PDF of the questionnaire: rows a little
/// taller than their text, never cut.
fn wrapped_lines(text: &str, width: f64) -> usize {
    const LATIN: f64 = 0.8;
    const WIDE: f64 = 2.0;
    let width = (width - 1.0).max(1.0);
    let mut lines = 0;
    for line in text.split('\n') {
        let (mut count, mut used) = (1, 0.0f64);
        let mut place = |piece: f64, space_before: bool| {
            let extra = if space_before && used > 0.0 { LATIN } else { 0.0 };
            if used > 0.0 && used + extra + piece > width {
                count += 1;
                used = piece;
            } else {
                used += extra + piece;
            }
            // A piece wider than the column takes several lines.
            while used > width {
                count += 1;
                used -= width;
            }
        };
        for word in line.split(' ') {
            if word.chars().any(is_wide) {
                let mut first = true;
                for c in word.chars() {
                    place(if is_wide(c) { WIDE } else { LATIN }, first);
                    first = false;
                }
            } else {
                place(word.chars().count() as f64 * LATIN, true);
            }
        }
        lines += count;
    }
    lines.max(1)
}

/// The height of a row whose wrapped cells are `cells` (text, column width).
fn row_height(cells: &[(&str, f64)]) -> f64 {
    let height = cells
        .iter()
        .map(|(text, width)| {
            let line = if text.chars().any(is_wide) {
                LINE_HEIGHT_WIDE
            } else {
                LINE_HEIGHT
            };
            wrapped_lines(text, *width) as f64 * line + 3.0
        })
        .fold(LINE_HEIGHT + 3.0, f64::max);
    height.min(MAX_ROW_HEIGHT)
}

/// What went wrong writing a questionnaire.
#[derive(Debug, thiserror::Error)]
pub enum QuestionnaireError {
    #[error("no department {0:?} in this workspace")]
    UnknownDepartment(String),
    #[error("the workbook could not be made: {0}")]
    Xlsx(#[from] XlsxError),
}

/// The questionnaire for `department` and `period`, in `lang`, as the
/// bytes of an .xlsx file.
pub fn questionnaire(
    data: &Dataset,
    department: &str,
    period: NaiveDate,
    lang: Lang,
) -> Result<Vec<u8>, QuestionnaireError> {
    let Some(dept) = data.workspace.department(department) else {
        return Err(QuestionnaireError::UnknownDepartment(department.to_owned()));
    };
    Ok(build(data, dept, period, lang)?)
}

/// The file name for a department's questionnaire: its id (a safe slug).
pub fn file_name(department: &str) -> String {
    format!("{department}.xlsx")
}

struct Styles {
    title: Format,
    subtitle: Format,
    label: Format,
    text: Format,
    header: Format,
    dimension: Format,
    id: Format,
    cell: Format,
    last: Format,
    last_centre: Format,
    answer: Format,
    answer_centre: Format,
    input: Format,
}

impl Styles {
    fn new() -> Self {
        let thin = |f: Format| {
            f.set_border(FormatBorder::Thin)
                .set_border_color(Color::RGB(0xBFBFBF))
        };
        let top = Format::new().set_align(FormatAlign::Top).set_text_wrap();
        let answer_fill = Color::RGB(0xFFF8DC);
        Styles {
            title: Format::new().set_bold().set_font_size(16),
            subtitle: Format::new().set_font_size(12),
            label: top.clone().set_bold(),
            text: top.clone(),
            header: thin(top.clone().set_bold().set_background_color(Color::RGB(0xD9E1F2))),
            dimension: thin(
                Format::new()
                    .set_bold()
                    .set_font_size(12)
                    .set_background_color(Color::RGB(0xEDEDED)),
            ),
            id: thin(top.clone().set_font_color(Color::RGB(0x595959))),
            cell: thin(top.clone()),
            last: thin(top.clone().set_font_color(Color::RGB(0x595959))),
            last_centre: thin(
                top.clone()
                    .set_align(FormatAlign::Center)
                    .set_font_color(Color::RGB(0x595959)),
            ),
            answer: thin(top.clone().set_unlocked().set_background_color(answer_fill)),
            answer_centre: thin(
                top.clone()
                    .set_align(FormatAlign::Center)
                    .set_unlocked()
                    .set_background_color(answer_fill),
            ),
            input: thin(top.set_unlocked().set_background_color(answer_fill)),
        }
    }
}

fn build(
    data: &Dataset,
    department: &Department,
    period: NaiveDate,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles::new();
    let name = department.name.get(lang);
    let period_text = format::date(period, lang);
    let mut workbook = Workbook::new();
    workbook.set_properties(
        &DocProperties::new()
            .set_title(format!("{} — {name}", T::QuestTitle.get(lang)))
            .set_author("govmaturity"),
    );
    let current = data.find(&department.id, period);
    let previous = data.previous_for(&department.id, period);

    let mut cover = Worksheet::new();
    cover.set_name(T::QuestSheetCover.get(lang))?;
    cover_sheet(&mut cover, data, name, &period_text, &styles, lang)?;

    let mut answers = Worksheet::new();
    answers.set_name(T::QuestSheetAnswers.get(lang))?;
    let rows = answers_sheet(
        &mut answers,
        data,
        name,
        &period_text,
        current.map(|a| &a.answers),
        previous.map(|a| &a.answers),
        &styles,
        lang,
    )?;

    let identity = Identity {
        format_version: identity::FORMAT_VERSION,
        workspace: data.workspace.title.get(lang).to_owned(),
        department: department.id.clone(),
        period,
        framework: data.framework.id.clone(),
        framework_version: data.framework.framework_version,
        lang,
        cover_sheet: T::QuestSheetCover.get(lang).to_owned(),
        answers_sheet: T::QuestSheetAnswers.get(lang).to_owned(),
        rows,
    };
    let mut id_sheet = Worksheet::new();
    identity_sheet(&mut id_sheet, &identity)?;

    cover.set_active(true);
    workbook.push_worksheet(cover);
    workbook.push_worksheet(answers);
    workbook.push_worksheet(id_sheet);
    workbook.save_to_buffer()
}

fn protection() -> ProtectionOptions {
    ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    }
}

fn print_setup(sheet: &mut Worksheet, lang: Lang) {
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_margins(0.4, 0.4, 0.5, 0.5, 0.3, 0.3);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_footer(words::page_footer(lang));
}

fn cover_sheet(
    sheet: &mut Worksheet,
    data: &Dataset,
    department: &str,
    period: &str,
    s: &Styles,
    lang: Lang,
) -> Result<(), XlsxError> {
    const LABEL_WIDTH: f64 = 34.0;
    const TEXT_WIDTH: f64 = 100.0;
    sheet.set_column_width(0, LABEL_WIDTH)?;
    sheet.set_column_width(1, TEXT_WIDTH)?;
    // Who the file goes back to: the issuing office when the workspace
    // names one (for official reports), else the workspace's title.
    let office = &data.workspace.report.issuing_office;
    let issuer = if office.is_unset() {
        data.workspace.title.get(lang)
    } else {
        office.get(lang)
    };
    sheet.write_string_with_format(0, 0, T::QuestTitle.get(lang), &s.title)?;
    sheet.set_row_height(0, 24)?;
    sheet.write_string_with_format(1, 0, words::subtitle(department, period, lang), &s.subtitle)?;
    let framework = words::framework_line(
        data.framework.name.get(lang),
        data.framework.framework_version,
        lang,
    );
    let mut row = 2;
    for (label, value) in [
        (T::Department, department.to_owned()),
        (T::Period, period.to_owned()),
        (T::QuestFramework, framework),
        (T::QuestWorkspace, issuer.to_owned()),
    ] {
        sheet.write_string_with_format(row, 0, label.get(lang), &s.label)?;
        sheet.write_string_with_format(row, 1, value, &s.text)?;
        row += 1;
    }
    debug_assert_eq!(row, COVER_FILLER_ROW);
    for label in [
        T::QuestFilledBy,
        T::QuestFillerRole,
        T::QuestFilledOn,
        T::QuestSignedOffBy,
        T::QuestSignedOn,
    ] {
        sheet.write_string_with_format(row, 0, label.get(lang), &s.label)?;
        sheet.write_blank(row, 1, &s.input)?;
        sheet.set_row_height(row, row_height(&[(label.get(lang), LABEL_WIDTH)]).max(22.0))?;
        row += 1;
    }
    row += 1;
    sheet.write_string_with_format(row, 0, T::QuestHowTo.get(lang), &s.label)?;
    for (i, paragraph) in words::instructions(department, period, issuer, lang)
        .into_iter()
        .enumerate()
    {
        let paragraph = words::numbered(i + 1, &paragraph, lang);
        sheet.set_row_height(row, row_height(&[(&paragraph, TEXT_WIDTH)]))?;
        sheet.write_string_with_format(row, 1, paragraph, &s.text)?;
        row += 1;
    }
    row += 1;
    sheet.write_string_with_format(row, 0, T::QuestColumns.get(lang), &s.label)?;
    row += 1;
    for (key, meaning) in column_keys().iter().zip(words::column_meanings(lang)) {
        sheet.set_row_height(
            row,
            row_height(&[(key.get(lang), LABEL_WIDTH), (meaning, TEXT_WIDTH)]),
        )?;
        sheet.write_string_with_format(row, 0, key.get(lang), &s.text)?;
        sheet.write_string_with_format(row, 1, meaning, &s.text)?;
        row += 1;
    }
    sheet.protect_with_options(&protection());
    print_setup(sheet, lang);
    sheet.set_landscape();
    Ok(())
}

/// The header of each column of the answers sheet.
fn column_keys() -> [T; 10] {
    [
        T::QuestColId,
        T::QuestColIndicator,
        T::QuestColRubric,
        T::QuestColLastLevel,
        T::QuestColLastEvidence,
        T::QuestColLevel,
        T::QuestColEvidence,
        T::QuestColLinks,
        T::QuestColConfidence,
        T::QuestColReason,
    ]
}

/// The words a level cell accepts, in the questionnaire's language.
pub(super) fn level_choices(lang: Lang) -> [&'static str; 6] {
    ["1", "2", "3", "4", "5", T::NotApplicableShort.get(lang)]
}

/// Writes the answers sheet; returns each indicator's id and row (1-based).
#[allow(clippy::too_many_arguments)]
fn answers_sheet(
    sheet: &mut Worksheet,
    data: &Dataset,
    department: &str,
    period: &str,
    current: Option<&crate::model::Answers>,
    previous: Option<&crate::model::Answers>,
    s: &Styles,
    lang: Lang,
) -> Result<Vec<(String, u32)>, XlsxError> {
    for (column, width) in (0u16..).zip(WIDTHS) {
        sheet.set_column_width(column, width)?;
    }
    sheet.merge_range(
        0,
        0,
        0,
        col::LAST,
        &words::answers_title(department, period, lang),
        &s.subtitle.clone().set_bold(),
    )?;
    sheet.set_row_height(0, 22)?;
    let mut header = Vec::new();
    for ((column, key), width) in (0u16..).zip(column_keys()).zip(WIDTHS) {
        sheet.write_string_with_format(HEADER_ROW, column, key.get(lang), &s.header)?;
        header.push((key.get(lang), width));
    }
    sheet.set_row_height(HEADER_ROW, row_height(&header))?;
    let framework = &data.framework;
    let empty = Answer::default();
    let mut rows = Vec::new();
    let mut row = HEADER_ROW + 1;
    let first = row;
    for dimension in &framework.dimensions {
        sheet.merge_range(row, 0, row, col::LAST, dimension.name.get(lang), &s.dimension)?;
        sheet.set_row_height(row, 20)?;
        row += 1;
        for indicator in &dimension.indicators {
            sheet.write_string_with_format(row, col::ID, &indicator.id, &s.id)?;
            sheet.write_string_with_format(row, col::NAME, indicator.name.get(lang), &s.cell)?;
            let rubric = (1u8..)
                .zip(&indicator.levels)
                .map(|(level, text)| {
                    let name = crate::model::Level::new(level)
                        .map(|l| framework.level_name(l, lang))
                        .unwrap_or_default();
                    words::rubric_line(level, &name, text.get(lang), lang)
                })
                .collect::<Vec<_>>()
                .join("\n");
            sheet.write_string_with_format(row, col::RUBRIC, &rubric, &s.cell)?;
            let last = previous.and_then(|a| a.get(&indicator.id));
            let last_level = last.map_or_else(
                || T::QuestNoLastPeriod.get(lang).to_owned(),
                |a| match &a.rating {
                    Rating::Unanswered => format::MISSING.to_owned(),
                    rating => crate::present::exchange::rating_words(rating, lang),
                },
            );
            sheet.write_string_with_format(row, col::LAST_LEVEL, last_level, &s.last_centre)?;
            match last.map(|a| a.evidence.as_str()).filter(|e| !e.is_empty()) {
                Some(evidence) => {
                    sheet.write_string_with_format(row, col::LAST_EVIDENCE, evidence, &s.last)?
                }
                None => sheet.write_blank(row, col::LAST_EVIDENCE, &s.last)?,
            };
            let answer = current.and_then(|a| a.get(&indicator.id)).unwrap_or(&empty);
            answer_cells(sheet, row, answer, s, lang)?;
            let links = answer.links.join("\n");
            let last_evidence = last.map_or("", |a| a.evidence.as_str());
            let reason = match &answer.rating {
                Rating::NotApplicable { reason } => reason.as_str(),
                _ => "",
            };
            let width = |c: u16| WIDTHS.get(usize::from(c)).copied().unwrap_or(10.0);
            sheet.set_row_height(
                row,
                row_height(&[
                    (indicator.name.get(lang), width(col::NAME)),
                    (&rubric, width(col::RUBRIC)),
                    (last_evidence, width(col::LAST_EVIDENCE)),
                    (&answer.evidence, width(col::EVIDENCE)),
                    (&links, width(col::LINKS)),
                    (reason, width(col::REASON)),
                ]),
            )?;
            rows.push((indicator.id.clone(), row + 1));
            row += 1;
        }
    }
    let last_row = row.saturating_sub(1).max(first);
    validations(sheet, first, last_row, lang)?;
    sheet.set_freeze_panes(HEADER_ROW + 1, col::RUBRIC)?;
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    sheet.protect_with_options(&protection());
    print_setup(sheet, lang);
    Ok(rows)
}

/// The answer cells of one row, pre-filled from `answer`.
fn answer_cells(
    sheet: &mut Worksheet,
    row: u32,
    answer: &Answer,
    s: &Styles,
    lang: Lang,
) -> Result<(), XlsxError> {
    match &answer.rating {
        Rating::Level(level) => {
            sheet.write_number_with_format(row, col::LEVEL, f64::from(level.get()), &s.answer_centre)?
        }
        Rating::NotApplicable { .. } => sheet.write_string_with_format(
            row,
            col::LEVEL,
            T::NotApplicableShort.get(lang),
            &s.answer_centre,
        )?,
        Rating::Unanswered => sheet.write_blank(row, col::LEVEL, &s.answer_centre)?,
    };
    let text = |sheet: &mut Worksheet, column: u16, value: &str, format: &Format| {
        if value.is_empty() {
            sheet.write_blank(row, column, format).map(|_| ())
        } else {
            sheet
                .write_string_with_format(row, column, value, format)
                .map(|_| ())
        }
    };
    text(sheet, col::EVIDENCE, &answer.evidence, &s.answer)?;
    text(sheet, col::LINKS, &answer.links.join("\n"), &s.answer)?;
    let confidence = answer.confidence.map_or("", |c| catalogue::confidence(c, lang));
    text(sheet, col::CONFIDENCE, confidence, &s.answer_centre)?;
    let reason = match &answer.rating {
        Rating::NotApplicable { reason } => reason.as_str(),
        _ => "",
    };
    text(sheet, col::REASON, reason, &s.answer)
}

/// The lists and length limits of the answer columns, rows `first..=last`.
fn validations(sheet: &mut Worksheet, first: u32, last: u32, lang: Lang) -> Result<(), XlsxError> {
    let level = DataValidation::new()
        .allow_list_strings(&level_choices(lang))?
        .set_input_title(T::QuestLevelPromptTitle.get(lang))?
        .set_input_message(T::QuestLevelPrompt.get(lang))?
        .set_error_title(T::QuestLevelErrorTitle.get(lang))?
        .set_error_message(T::QuestLevelError.get(lang))?
        .set_error_style(DataValidationErrorStyle::Stop);
    sheet.add_data_validation(first, col::LEVEL, last, col::LEVEL, &level)?;
    let confidences = Confidence::ALL.map(|c| catalogue::confidence(c, lang));
    let confidence = DataValidation::new()
        .allow_list_strings(&confidences)?
        .set_input_title(T::QuestConfidencePromptTitle.get(lang))?
        .set_input_message(T::QuestConfidencePrompt.get(lang))?
        .set_error_title(T::QuestConfidenceErrorTitle.get(lang))?
        .set_error_message(T::QuestConfidenceError.get(lang))?;
    sheet.add_data_validation(first, col::CONFIDENCE, last, col::CONFIDENCE, &confidence)?;
    for (column, field) in [
        (col::EVIDENCE, TextField::Evidence),
        (col::REASON, TextField::Reason),
    ] {
        let limit = field.limit();
        let length = DataValidation::new()
            .allow_text_length(DataValidationRule::LessThanOrEqualTo(
                u32::try_from(limit).unwrap_or(u32::MAX),
            ))
            .set_error_title(T::QuestTextErrorTitle.get(lang))?
            .set_error_message(words::text_limit_error(limit, lang))?;
        sheet.add_data_validation(first, column, last, column, &length)?;
    }
    Ok(())
}

fn identity_sheet(sheet: &mut Worksheet, identity: &Identity) -> Result<(), XlsxError> {
    sheet.set_name(identity::SHEET)?;
    sheet.write_string(0, 0, identity::MARKER)?;
    let checksum = identity.checksum();
    let values = identity.values();
    for (i, key) in (0u32..).zip(KEYS) {
        let row = 1 + i;
        sheet.write_string(row, 0, key)?;
        let value = values.get(i as usize).map_or(checksum.as_str(), String::as_str);
        sheet.write_string(row, 1, value)?;
    }
    sheet.write_string(INDICATORS_HEADER_ROW, 0, "indicator")?;
    sheet.write_string(INDICATORS_HEADER_ROW, 1, "row")?;
    for (i, (id, row)) in (1u32..).zip(&identity.rows) {
        sheet.write_string(INDICATORS_HEADER_ROW + i, 0, id)?;
        sheet.write_string(INDICATORS_HEADER_ROW + i, 1, row.to_string())?;
    }
    sheet.set_column_width(0, 24)?;
    sheet.set_column_width(1, 70)?;
    sheet.protect();
    sheet.set_very_hidden(true);
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Read};

    use super::*;
    use crate::exchange::xlsx::{self, Value};

    fn sample() -> crate::store::LoadedWorkspace {
        crate::store::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments")).unwrap()
    }

    fn part(bytes: &[u8], name: &str) -> String {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut text = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut text).unwrap();
        text
    }

    #[test]
    fn the_workbook_has_a_cover_the_answers_and_a_very_hidden_identity() {
        let loaded = sample();
        let period = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
        let bytes = questionnaire(&loaded.data, "finance-bureau", period, Lang::Zh).unwrap();
        let workbook = part(&bytes, "xl/workbook.xml");
        assert!(workbook.contains(r#"<sheet name="封面""#), "{workbook}");
        assert!(workbook.contains(r#"<sheet name="答卷""#), "{workbook}");
        assert!(
            workbook.contains(r#"name="govmaturity" sheetId="3" state="veryHidden""#),
            "{workbook}"
        );
        for sheet in 1..=3 {
            let xml = part(&bytes, &format!("xl/worksheets/sheet{sheet}.xml"));
            assert!(xml.contains("<sheetProtection"), "sheet {sheet} protected");
        }
        let answers = part(&bytes, "xl/worksheets/sheet2.xml");
        // Level and confidence lists, evidence and reason lengths.
        assert_eq!(answers.matches("<dataValidation ").count(), 4);
        assert!(
            answers.contains("\"1,2,3,4,5,不适用\""),
            "the level list in Chinese"
        );
        assert!(answers.contains("<pane "), "frozen panes");

        let book = xlsx::read(&bytes, &[]).unwrap();
        let sheet = book.sheet("答卷").unwrap();
        // Row 4 is design.strategy, pre-filled from the approved assessment.
        assert_eq!(sheet.text(3, 0), "design.strategy");
        assert_eq!(sheet.get(3, u32::from(col::LEVEL)), Some(&Value::Number(4.0)));
        assert_eq!(sheet.text(3, u32::from(col::CONFIDENCE)), "高");
        assert!(sheet.text(3, u32::from(col::RUBRIC)).starts_with("1 起步："));
        // Last period's level beside it (2025-06-30's).
        assert_eq!(sheet.text(3, u32::from(col::LAST_LEVEL)), "3");
        let cover = book.sheet("封面").unwrap();
        assert_eq!(cover.text(3, 1), "2025年12月31日");
        assert_eq!(cover.text(2, 1), "市财政局");
        let identity = book.sheet(identity::SHEET).unwrap();
        assert_eq!(identity.text(3, 1), "finance-bureau");
        assert_eq!(identity.text(4, 1), "2025-12-31");
        assert_eq!(identity.text(12, 0), "indicator");
        assert_eq!(
            (identity.text(13, 0), identity.text(13, 1)),
            ("design.strategy".into(), "4".into())
        );
    }

    #[test]
    fn our_reader_reads_what_calamine_reads() {
        use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
        let loaded = sample();
        let period = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
        for lang in Lang::ALL {
            let bytes = questionnaire(&loaded.data, "finance-bureau", period, lang).unwrap();
            let ours = xlsx::read(&bytes, &[]).unwrap();
            let mut theirs: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
            for sheet in &ours.sheets {
                let range = theirs.worksheet_range(&sheet.name).unwrap();
                let (row0, col0) = range.start().unwrap_or((0, 0));
                let mut count = 0;
                for (r, c, data) in range.used_cells() {
                    let text = match data {
                        Data::String(s) => s.clone(),
                        Data::Float(f) => xlsx::number_text(*f),
                        Data::Int(i) => i.to_string(),
                        Data::Empty => continue,
                        other => format!("{other:?}"),
                    };
                    let (r, c) = (row0 + r as u32, col0 + c as u32);
                    assert_eq!(sheet.text(r, c), text, "{} {}", sheet.name, xlsx::cell_name(r, c));
                    count += 1;
                }
                assert_eq!(sheet.cells.len(), count, "{}", sheet.name);
            }
        }
    }

    #[test]
    fn no_input_makes_the_import_panic() {
        let loaded = sample();
        let period = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
        let bytes = questionnaire(&loaded.data, "finance-bureau", period, Lang::En).unwrap();
        // Cut short at many lengths, and bytes changed here and there
        // (a fixed sequence, so a failure repeats).
        for cut in (0..bytes.len()).step_by(97) {
            let _ = crate::exchange::read_returned("x.xlsx", &bytes[..cut], &loaded.data);
        }
        let mut state = 0x2545_f491_u64;
        for _ in 0..300 {
            let mut changed = bytes.clone();
            for _ in 0..4 {
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let at = (state >> 33) as usize % changed.len();
                changed[at] ^= (state >> 20) as u8 | 1;
            }
            let _ = crate::exchange::read_returned("x.xlsx", &changed, &loaded.data);
        }
        assert!(crate::exchange::read_returned("x.xlsx", &bytes, &loaded.data).is_ok());

        // Inside the zip too: the sheets' and strings' XML changed and cut,
        // then packed again, so the XML reader and the checks of every
        // cell see it.
        let parts = [
            "xl/worksheets/sheet2.xml",
            "xl/worksheets/sheet3.xml",
            "xl/sharedStrings.xml",
        ];
        for round in 0..300 {
            let target = parts[round % parts.len()];
            let mut xml = part(&bytes, target).into_bytes();
            for _ in 0..1 + round % 5 {
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let at = (state >> 33) as usize % xml.len();
                match round % 3 {
                    0 => xml[at] = b"<>/\"=&;0123456789.-eEtsNA\n "[(state >> 13) as usize % 27],
                    1 => xml.truncate(at),
                    _ => {
                        let from = (state >> 7) as usize % xml.len();
                        let piece: Vec<u8> = xml[from..(from + 40).min(xml.len())].to_vec();
                        xml.splice(at..at, piece);
                    }
                }
            }
            let changed = repack(&bytes, target, &xml);
            let _ = crate::exchange::read_returned("x.xlsx", &changed, &loaded.data);
        }
    }

    fn repack(bytes: &[u8], name: &str, content: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut out = Cursor::new(Vec::new());
        let mut writer = zip::ZipWriter::new(&mut out);
        for i in 0..zip.len() {
            let mut entry = zip.by_index(i).unwrap();
            let entry_name = entry.name().unwrap().into_owned();
            let mut data = Vec::new();
            entry.read_to_end(&mut data).unwrap();
            if entry_name == name {
                data = content.to_vec();
            }
            writer
                .start_file(entry_name, zip::write::SimpleFileOptions::default())
                .unwrap();
            writer.write_all(&data).unwrap();
        }
        writer.finish().unwrap();
        out.into_inner()
    }
}
