//! The CSV report: one row per department × period × indicator, a BOM and
//! CRLF line ends, formulas neutralised, and it parses back to the data.
//! Also the CLI's refusals: an output path that cannot be written is exit 2
//! with nothing left behind.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDate;
use govmaturity::model::{Lang, Rating};
use govmaturity::report::{self, Format, ReportOptions};
use govmaturity::store::{self, LoadedWorkspace};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_govmaturity"))
        .args(args)
        .output()
        .unwrap()
}

fn options(period: Option<NaiveDate>, department: Option<&str>, lang: Lang) -> ReportOptions {
    ReportOptions {
        kind: Default::default(),
        style: Default::default(),
        split: false,
        format: Format::Csv,
        period,
        department: department.map(str::to_owned),
        basis: govmaturity::analysis::Basis::Latest,
        lang,
        generated: NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(),
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Parses RFC 4180 CSV: quoted fields with `""` escapes and embedded line
/// breaks, records ended by CRLF. Panics on a bare LF outside quotes.
fn parse(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            ',' => record.push(std::mem::take(&mut field)),
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR must be followed by LF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            '\n' => panic!("bare LF outside quotes"),
            c => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quote");
    assert!(
        field.is_empty() && record.is_empty(),
        "the last record ends in CRLF"
    );
    records
}

fn render(loaded: &LoadedWorkspace, options: &ReportOptions) -> Vec<Vec<String>> {
    let bytes = report::render(loaded, options).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let body = text.strip_prefix('\u{feff}').expect("starts with a BOM");
    parse(body)
}

#[test]
fn one_row_per_department_period_and_indicator() {
    let loaded = common::sample();
    let data = &loaded.data;
    let records = render(&loaded, &options(None, None, Lang::En));
    assert_eq!(
        records[0],
        [
            "department_id",
            "department_name",
            "period",
            "dimension",
            "indicator",
            "level",
            "not_applicable",
            "evidence",
            "confidence",
            "status",
            "basis",
            "assessed_on",
            "flags",
            "unreadable_file",
            "spread",
            "assessor_levels"
        ]
    );
    let rows = &records[1..];
    assert!(rows.iter().all(|r| r.len() == 16));
    let indicators = data.framework.indicator_count();
    assert_eq!(rows.len(), 12 * 4 * indicators);
    // Every department × period × indicator exactly once.
    let mut keys: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[2].as_str(), r[4].as_str()))
        .collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), rows.len());
    // Each row says what the assessment file says.
    for row in rows {
        let period: NaiveDate = row[2].parse().unwrap();
        let assessment = data.find(&row[0], period).unwrap();
        let answer = assessment.answers.get(&row[4]);
        let rating = answer.map_or(&Rating::Unanswered, |a| &a.rating);
        assert_eq!(row[5], rating.level().map_or(String::new(), |l| l.to_string()));
        assert_eq!(row[6], rating.is_not_applicable().to_string());
        assert_eq!(row[7], answer.map_or("", |a| a.evidence.as_str()));
        assert_eq!(row[9], format!("{:?}", assessment.status));
        let (dimension, _) = data.framework.indicator(&row[4]).unwrap();
        assert_eq!(row[3], dimension.id);
        assert_eq!(row[1], data.workspace.department(&row[0]).unwrap().name.en);
    }
}

#[test]
fn period_department_and_language_narrow_the_rows() {
    let loaded = common::sample();
    let indicators = loaded.data.framework.indicator_count();
    let early = render(&loaded, &options(Some(date(2024, 12, 31)), None, Lang::En));
    assert_eq!(early.len() - 1, 12 * 2 * indicators);
    assert!(early[1..].iter().all(|r| r[2].as_str() <= "2024-12-31"));

    let one = render(&loaded, &options(None, Some("health-commission"), Lang::Zh));
    assert_eq!(one.len() - 1, 4 * indicators);
    assert!(
        one[1..]
            .iter()
            .all(|r| r[0] == "health-commission" && r[1] == "市卫生健康委员会")
    );
}

#[test]
fn formulas_are_neutralised_and_text_round_trips() {
    let dir = common::copy_workspace(&common::sample_dir());
    let loaded = store::load(dir.path()).unwrap();
    let mut workspace = loaded.data.workspace.clone();
    workspace.departments[0].name.en = "=HYPERLINK(\"http://evil\",\"click\")".to_owned();
    store::save_workspace(
        dir.path(),
        &workspace,
        loaded.fingerprint(Path::new(store::WORKSPACE_FILE)),
    )
    .unwrap();
    let mut assessment = loaded.data.assessments[0].clone();
    let hostile = [
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1)",
        "\tindent",
        "\rreturn",
        "line one\nline two, \"quoted\"",
    ];
    for (answer, text) in assessment.answers.values_mut().zip(hostile) {
        answer.evidence = text.to_owned();
    }
    let relative = store::assessment_path(&assessment.department, assessment.period).unwrap();
    store::save_assessment(dir.path(), &assessment, loaded.fingerprint(&relative)).unwrap();

    let loaded = store::load(dir.path()).unwrap();
    let records = render(&loaded, &options(None, None, Lang::En));
    let rows: Vec<&Vec<String>> = records[1..]
        .iter()
        .filter(|r| r[0] == assessment.department && r[2] == assessment.period.to_string())
        .collect();
    assert!(
        rows.iter()
            .all(|r| r[1] == "'=HYPERLINK(\"http://evil\",\"click\")")
    );
    let evidence: Vec<&str> = rows.iter().map(|r| r[7].as_str()).collect();
    for text in hostile {
        // A lone carriage return is shown as `\u{d}`, as every output
        // shows a control character.
        let text = govmaturity::present::format::printable(text);
        let expected = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{text}")
        } else {
            text.into_owned()
        };
        assert!(
            evidence.contains(&expected.as_str()),
            "{expected:?} in {evidence:?}"
        );
    }
    // No cell a spreadsheet would run.
    for row in &records {
        for cell in row {
            assert!(!cell.starts_with(['=', '+', '@', '\t', '\r']), "{cell:?}");
            assert!(!cell.starts_with('-') || cell.parse::<f64>().is_ok(), "{cell:?}");
        }
    }
}

#[test]
fn cli_writes_csv_with_bom_and_crlf() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("answers.csv");
    let output = run(&[
        "report",
        common::sample_dir().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let bytes = fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"\xef\xbb\xbfdepartment_id,"));
    assert!(bytes.ends_with(b"\r\n"));
}

#[test]
fn out_path_in_a_missing_folder_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("missing").join("report.csv");
    let output = run(&[
        "report",
        common::sample_dir().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains(out.to_str().unwrap()), "{message}");
    assert!(
        message.contains("does not exist") && message.contains("create it"),
        "{message}"
    );
    assert!(!dir.path().join("missing").exists());
}

#[test]
fn out_path_that_is_a_folder_or_under_a_file_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let folder = run(&[
        "report",
        common::sample_dir().to_str().unwrap(),
        "--format",
        "csv",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(folder.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&folder.stderr).contains("is a folder"));
    let file = dir.path().join("plain.txt");
    fs::write(&file, "x").unwrap();
    let under = run(&[
        "report",
        common::sample_dir().to_str().unwrap(),
        "--out",
        file.join("r.csv").to_str().unwrap(),
    ]);
    assert_eq!(under.status.code(), Some(2));
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing but plain.txt"
    );
}

#[test]
fn unwritable_out_is_exit_2_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).unwrap();
    let out = locked.join("report.csv");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).unwrap();
    }
    // Root ignores folder permissions; /proc refuses new files even to root.
    let probe = locked.join("probe");
    let out = if fs::write(&probe, "x").is_ok() {
        fs::remove_file(&probe).unwrap();
        PathBuf::from("/proc/self/govmaturity-report.csv")
    } else {
        out
    };
    let output = run(&[
        "report",
        common::sample_dir().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains(out.to_str().unwrap()), "{message}");
    assert!(message.contains("writable"), "says what to check: {message}");
    assert!(!out.exists());
    assert_eq!(
        fs::read_dir(&locked).unwrap().count(),
        0,
        "no temporary file left"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    }
}

// ---- What a figure counts (issue 8 §2) ----

fn basis_options(basis: govmaturity::analysis::Basis, lang: Lang) -> ReportOptions {
    ReportOptions {
        kind: Default::default(),
        style: Default::default(),
        split: false,
        basis,
        ..options(None, None, lang)
    }
}

/// (basis, assessed_on, flags, unreadable_file) of every row of one
/// department and period, which must all agree.
fn figure_columns(records: &[Vec<String>], department: &str, period: &str) -> [String; 4] {
    let rows: Vec<&Vec<String>> = records[1..]
        .iter()
        .filter(|r| r[0] == department && r[2] == period)
        .collect();
    assert!(!rows.is_empty(), "no rows for {department} {period}");
    let first = [
        rows[0][10].clone(),
        rows[0][11].clone(),
        rows[0][12].clone(),
        rows[0][13].clone(),
    ];
    assert!(
        rows.iter().all(|r| r[10..14] == first[..]),
        "{department} {period}"
    );
    first
}

#[test]
fn flags_say_which_rows_are_counted_and_provisional() {
    use govmaturity::analysis::Basis;
    let loaded = common::sample();
    let latest = render(&loaded, &basis_options(Basis::Latest, Lang::En));
    // Health Commission's 2025-12-31 is Submitted: the counted rows are provisional.
    assert_eq!(
        figure_columns(&latest, "health-commission", "2025-12-31"),
        ["latest", "2025-12-31", "provisional", ""]
    );
    // Its older rows are not the figure: no flags, the same assessed_on.
    assert_eq!(
        figure_columns(&latest, "health-commission", "2025-06-30"),
        ["latest", "2025-12-31", "", ""]
    );
    assert_eq!(
        figure_columns(&latest, "big-data-bureau", "2025-12-31"),
        ["latest", "2025-12-31", "", ""]
    );

    let approved = render(&loaded, &basis_options(Basis::Approved, Lang::Zh));
    assert!(approved[1..].iter().all(|r| r[10] == "approved"));
    assert!(!approved[1..].iter().any(|r| r[12].contains("provisional")));
    // On the approved basis its approved 2025-06-30 counts, carried over.
    assert_eq!(
        figure_columns(&approved, "health-commission", "2025-06-30"),
        ["approved", "2025-06-30", "carried-over", ""]
    );
    assert_eq!(
        figure_columns(&approved, "health-commission", "2025-12-31"),
        ["approved", "2025-06-30", "", ""]
    );

    // A department with only a draft has nothing counted on the approved basis.
    let dir = crate::report_fixtures::only_a_draft();
    let loaded = store::load(dir.path()).unwrap();
    let records = render(&loaded, &basis_options(Basis::Approved, Lang::En));
    assert_eq!(
        figure_columns(&records, "civil-affairs", "2025-12-31"),
        ["approved", "", "", ""]
    );
}

#[test]
fn an_unreadable_newest_file_is_flagged_with_its_name_in_the_csv() {
    use govmaturity::analysis::Basis;
    let dir = crate::report_fixtures::damaged_newest();
    let loaded = store::load(dir.path()).unwrap();
    for lang in [Lang::En, Lang::Zh] {
        let records = render(&loaded, &basis_options(Basis::Latest, lang));
        assert_eq!(
            figure_columns(&records, "finance-bureau", "2025-06-30"),
            [
                "latest",
                "2025-06-30",
                "carried-over;latest-unreadable",
                "finance-bureau/2025-12-31.ron"
            ]
        );
    }
}

#[test]
fn an_older_assessment_is_flagged_carried_over_in_the_csv() {
    use govmaturity::analysis::Basis;
    let dir = crate::report_fixtures::only_older();
    let loaded = store::load(dir.path()).unwrap();
    let records = render(&loaded, &basis_options(Basis::Latest, Lang::En));
    assert_eq!(
        figure_columns(&records, "transport-bureau", "2025-06-30"),
        ["latest", "2025-06-30", "carried-over", ""]
    );
}

#[test]
fn a_department_with_no_readable_assessment_still_has_its_row() {
    use govmaturity::analysis::Basis;
    let dir = crate::report_fixtures::only_a_draft();
    // Its only file, cut short: nothing of Civil Affairs can be read.
    let file = dir.path().join("civil-affairs").join("2025-12-31.ron");
    let text = fs::read(&file).unwrap();
    fs::write(&file, &text[..200]).unwrap();
    let loaded = store::load(dir.path()).unwrap();
    let records = render(&loaded, &basis_options(Basis::Latest, Lang::En));
    let rows: Vec<&Vec<String>> = records[1..].iter().filter(|r| r[0] == "civil-affairs").collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0][..],
        [
            "civil-affairs",
            "Civil Affairs Bureau",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "latest",
            "",
            "latest-unreadable",
            "civil-affairs/2025-12-31.ron",
            "",
            ""
        ]
    );
}

#[test]
fn an_archived_department_is_left_out_unless_asked_for_and_dates_stay_iso() {
    let mut loaded = common::sample();
    let health = loaded
        .data
        .workspace
        .departments
        .iter_mut()
        .find(|d| d.id == "health-commission")
        .unwrap();
    health.archived = true;
    let indicators = loaded.data.framework.indicator_count();

    let whole = render(&loaded, &options(None, None, Lang::Zh));
    assert_eq!(whole.len() - 1, 11 * 4 * indicators);
    assert!(whole[1..].iter().all(|r| r[0] != "health-commission"));

    // Asked for by id, it is there, with its Chinese name and ISO dates
    // (never 2025年12月31日) in a Chinese report.
    let alone = render(&loaded, &options(None, Some("health-commission"), Lang::Zh));
    assert_eq!(alone.len() - 1, 4 * indicators);
    let periods: std::collections::BTreeSet<&str> = alone[1..].iter().map(|r| r[2].as_str()).collect();
    assert_eq!(
        periods.into_iter().collect::<Vec<_>>(),
        ["2024-06-30", "2024-12-31", "2025-06-30", "2025-12-31"]
    );
    assert!(
        alone[1..]
            .iter()
            .all(|r| r[1] == "市卫生健康委员会" && r[11] == "2025-12-31")
    );
    // Its latest assessment is submitted, so on the latest basis it counts, provisional.
    let counted: Vec<&Vec<String>> = alone[1..].iter().filter(|r| !r[12].is_empty()).collect();
    assert_eq!(counted.len(), indicators);
    assert!(
        counted
            .iter()
            .all(|r| r[2] == "2025-12-31" && r[12] == "provisional")
    );
}

// ---- Report kinds (issue 11): the kind changes the scope only ----

#[test]
fn a_brief_or_department_kind_writes_the_answers_of_its_scope() {
    use govmaturity::report::{ReportKind, ReportStyle};
    let loaded = common::sample();
    let full = report::render(&loaded, &options(None, None, Lang::En)).unwrap();
    // A brief as CSV is the answers of the whole government, as the full report's.
    for style in [ReportStyle::Plain, ReportStyle::Official] {
        let brief = ReportOptions {
            kind: ReportKind::Brief,
            style,
            ..options(None, None, Lang::En)
        };
        assert_eq!(report::render(&loaded, &brief).unwrap(), full, "{style:?}");
    }
    // 12 departments × 4 periods × 28 indicators, and the header.
    let records = parse(String::from_utf8(full).unwrap().trim_start_matches('\u{feff}'));
    assert_eq!(records.len(), 1 + 12 * 4 * 28);
    assert_eq!(records[0][0], "department_id");
    // A department's report, of whichever kind, is that department's answers.
    let one = report::render(&loaded, &options(None, Some("health-commission"), Lang::En)).unwrap();
    for kind in [ReportKind::Brief, ReportKind::Department, ReportKind::Full] {
        let asked = ReportOptions {
            kind,
            ..options(None, Some("health-commission"), Lang::En)
        };
        assert_eq!(report::render(&loaded, &asked).unwrap(), one, "{kind:?}");
    }
    let records = parse(String::from_utf8(one).unwrap().trim_start_matches('\u{feff}'));
    assert_eq!(records.len(), 1 + 4 * 28);
    assert!(records[1..].iter().all(|r| r[0] == "health-commission"));
}

#[test]
fn cli_brief_csv_is_the_answers_table() {
    let dir = tempfile::tempdir().unwrap();
    let brief = dir.path().join("brief.csv");
    let full = dir.path().join("full.csv");
    let sample = common::sample_dir();
    let sample = sample.to_str().unwrap();
    for (kind, out) in [("brief", &brief), ("full", &full)] {
        let output = run(&[
            "report",
            sample,
            "--kind",
            kind,
            "--format",
            "csv",
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let text = fs::read_to_string(&brief).unwrap();
    assert!(text.starts_with("\u{feff}department_id,department_name,period,dimension,indicator,level,"));
    assert_eq!(text, fs::read_to_string(&full).unwrap());
}
