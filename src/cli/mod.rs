//! The command line: `init`, `validate`, `summary`, `report`, `plan`, `questionnaire`, `import`,
//! `new-period`, `generate` (and,
//! with no subcommand, the desktop app). Every command works on a workspace
//! folder and exits 0 when fine, 1 when the data has problems, 2 on a usage
//! or I/O error.

mod commands;
mod exchange;
mod extras;
pub mod generate;
mod init;
mod output;
mod plan;
mod resave;
mod table;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use crate::model::Lang;

/// Exit status: everything fine.
pub const EXIT_OK: u8 = 0;
/// Exit status: problems found in the data.
pub const EXIT_PROBLEMS: u8 = 1;
/// Exit status: usage or I/O error.
pub const EXIT_USAGE: u8 = 2;

pub use crate::store::DEFAULT_WORKSPACE;

/// What `--version` prints after the name: the program's version and the
/// edition of the framework built into it, e.g. `0.1.0 (framework
/// digital-government edition 1)`. (`-V` prints the version alone.)
pub fn long_version() -> &'static str {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| match crate::store::builtin_framework() {
        Ok(framework) => format!(
            "{} (framework {} edition {})",
            env!("CARGO_PKG_VERSION"),
            framework.id,
            framework.framework_version
        ),
        Err(_) => env!("CARGO_PKG_VERSION").to_owned(),
    })
}

#[derive(Debug, Parser)]
#[command(
    name = "govmaturity",
    version,
    long_version = long_version(),
    about = "Digital-government maturity assessments: score departments, see gaps and progress, share reports.",
    long_about = "Digital-government maturity assessments: score departments, see gaps and progress, share reports.\n\n\
                  With no subcommand, opens the desktop app. Every subcommand works on a workspace folder \
                  (default: ./assessments).\n\nExit codes: 0 fine, 1 problems found in the data, 2 usage or I/O error."
)]
pub struct Cli {
    /// Workspace folder: for the desktop app (default: the last one used, else ./assessments), or
    /// for a subcommand when it is given no DIR.
    #[arg(long, value_name = "DIR")]
    pub workspace: Option<PathBuf>,

    /// Language (en or zh): of the desktop app for this run (default: the last one used), or of a
    /// subcommand's output when it has no --lang of its own (default: en).
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,

    /// Your name for the audit log of the assessments you edit (remembered).
    #[arg(long, value_name = "NAME", value_parser = parse_user)]
    pub user: Option<String>,

    /// View the desktop app opens on (overview, department, assess, trends, compare, plan, framework).
    #[arg(long, value_enum)]
    pub view: Option<StartView>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create an empty workspace (workspace.ron with a title and the built-in framework) to start from.
    #[command(
        long_about = "Create an empty workspace (workspace.ron with a title and the built-in framework) to start from.\n\n\
                      DIR is created if missing. Only DIR/workspace.ron is written (and the hidden lock file \
                      .govmaturity.lock); other files in DIR are never touched. Exit 2, with nothing written, where DIR holds a workspace already."
    )]
    Init {
        /// Folder for the new workspace (created if missing).
        dir: PathBuf,
        /// The workspace's title (default: the folder's name).
        #[arg(long, value_name = "TEXT")]
        title: Option<String>,
        /// The language --title is written in (en or zh); the other language falls back to it until translated.
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
    },
    /// Check every file of a workspace and list the problems as file:line:column: severity: message [code].
    Validate {
        /// Workspace folder (default: --workspace, else ./assessments).
        dir: Option<PathBuf>,
        /// Exit 1 on warnings too, not only on errors.
        #[arg(long)]
        deny_warnings: bool,
        /// Language of the messages (en or zh); the codes in brackets stay the same.
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
    },
    /// Print each department's overall level, stage, coverage and dimension scores.
    Summary {
        /// Workspace folder (default: --workspace, else ./assessments).
        dir: Option<PathBuf>,
        /// Per department, use its latest assessment on or before this date (default: the latest period).
        #[arg(long, value_name = "YYYY-MM-DD")]
        period: Option<NaiveDate>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = SummaryFormat::Table)]
        format: SummaryFormat,
        /// Which assessments count: each department's latest of any status (unapproved ones are marked
        /// provisional), or its latest approved one.
        #[arg(long, value_enum, default_value_t = BasisArg::Latest)]
        basis: BasisArg,
        /// Language of department names in the table and CSV.
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
    },
    /// Write a report to share: a self-contained HTML file, a PDF, an Excel workbook or CSV data.
    #[command(
        long_about = "Write a report to share: a self-contained HTML file, a PDF, an Excel workbook or CSV data.\n\n\
                      Without --department: the whole-government report; with it: that department only. The report is \
                      written to a temporary file beside --out and renamed into place, so a half-written report is \
                      never left under that name. Exit 1 (report still written, problems listed in its appendix) when \
                      files failed to load; exit 2 for an unknown department or an output path that cannot be written."
    )]
    Report {
        /// Workspace folder (default: --workspace, else ./assessments).
        dir: Option<PathBuf>,
        /// Report format (default: from the extension of --out).
        #[arg(long, value_enum)]
        format: Option<ReportFormat>,
        /// The file to write.
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// Per department, use its latest assessment on or before this date (default: the latest period).
        #[arg(long, value_name = "YYYY-MM-DD")]
        period: Option<NaiveDate>,
        /// Report on this department only (its id, as `summary` lists them).
        #[arg(long, value_name = "ID")]
        department: Option<String>,
        /// Which assessments count: each department's latest approved one (what gets circulated), or
        /// its latest of any status, with unapproved figures marked provisional.
        #[arg(long, value_enum, default_value_t = BasisArg::Approved)]
        basis: BasisArg,
        /// Language of the report.
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        /// Which table a CSV report holds: the assessment answers, or the improvement plans' actions in
        /// scope (one row per action, as of today). The other formats hold both.
        #[arg(long, value_enum, default_value_t = CsvWhat::Answers)]
        what: CsvWhat,
        /// Which report: a brief of at most four pages for leadership, the full report, or one
        /// department's (the default with --department).
        #[arg(long, value_enum, default_value_t = KindArg::Full)]
        kind: KindArg,
        /// How it looks: plain, or the official document style (GB/T 9704-2012: red issuing-office
        /// header, document number, sign-off block; set them in workspace.ron's `report`).
        #[arg(long, value_enum, default_value_t = StyleArg::Plain)]
        style: StyleArg,
        /// Full report: write each department's report into this folder (one file per department,
        /// named by its id) and leave the department pages out of --out.
        #[arg(long, value_name = "DIR")]
        split: Option<PathBuf>,
    },
    /// List the improvement plans' actions (status, due date, effect) and the gaps no open action covers.
    #[command(
        long_about = "List the improvement plans' actions (status, due date, effect) and the gaps no open action covers.\n\n\
                      Actions come from plan.ron (government-wide) and every <department>/plan.ron. Overdue actions \
                      come first, then by due date. An action is overdue when it is planned or in progress and its due \
                      date is before today; the effect of a done action compares each addressed indicator at the last \
                      assessment on or before the day it was done with the first after it. JSON: {\"today\", \
                      \"actions\": [{\"id\", \"department\" (ids; empty for every department), \"indicators\", \"owner\", \
                      \"start\", \"due\", \"status\", \"overdue\", \"effect\", ...}], \"uncovered\": [{\"department\", \
                      \"indicator\", \"gap\", ...}]}, ISO dates, full precision. Exit 1 (after the output) when files \
                      failed to load; exit 2 for an unknown department or status."
    )]
    Plan {
        /// Workspace folder (default: --workspace, else ./assessments).
        dir: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = SummaryFormat::Table)]
        format: SummaryFormat,
        /// Only actions for this department (its own and government-wide ones including it), and its gaps.
        #[arg(long, value_name = "ID")]
        department: Option<String>,
        /// Only actions with this status: planned, in-progress, done or dropped.
        #[arg(long, value_name = "STATUS")]
        status: Option<String>,
        /// Only overdue actions.
        #[arg(long)]
        overdue: bool,
        /// The day to judge due dates and targets by (default: the system date), for reproducible output.
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
        /// Which assessments the gaps and effects count: each department's latest of any status, or its
        /// latest approved one.
        #[arg(long, value_enum, default_value_t = BasisArg::Latest)]
        basis: BasisArg,
        /// Language of the table and CSV (names, words and dates).
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
    },
    /// Write a questionnaire workbook (.xlsx) for a department to fill in without the app.
    #[command(
        long_about = "Write a questionnaire workbook (.xlsx) for a department to fill in without the app.\n\n\
                      The workbook has a cover (department, period, instructions, who fills it in and signs it off), \
                      one row per indicator with the five level descriptors and last period's level and evidence, and \
                      answer cells (level 1-5 or N/A, evidence, links, confidence, reason for N/A) pre-filled from the \
                      period's assessment when there is one. Everything but the answer cells is protected (no \
                      password). A very hidden sheet identifies the department, period and framework edition, with a \
                      checksum, so that `govmaturity import` can match and check the returned file. With --all, one \
                      file per active department, named by its id, into the folder --out."
    )]
    Questionnaire {
        /// Workspace folder (default: --workspace, else ./assessments).
        dir: Option<PathBuf>,
        /// The department (its id, as `summary` lists them).
        #[arg(long, value_name = "ID")]
        department: Option<String>,
        /// Every active department: one file each into the folder --out.
        #[arg(long, conflicts_with = "department")]
        all: bool,
        /// The period the answers are for (its as-of date).
        #[arg(long, value_name = "YYYY-MM-DD")]
        period: NaiveDate,
        /// The file to write (a folder with --all).
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// Language of the questionnaire.
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
    },
    /// Read returned questionnaires into the workspace: check every answer, show the changes, save.
    #[command(
        long_about = "Read returned questionnaires into the workspace: check every answer, show the changes, save.\n\n\
                      Usage: govmaturity import [DIR] FILE.xlsx... Each file is matched to its department and period by \
                      its hidden identity sheet (checksum, framework edition). Every problem names the file, sheet and \
                      cell; a file with any problem is not imported at all. The changes against the period's assessment \
                      are listed per indicator. The answers go into that assessment through the store (a new Draft when \
                      there is none), with an audit entry per change and one for the import. A Submitted or Approved \
                      assessment is refused (return or reopen it first), unless --as-response keeps the answers as one \
                      assessor's response beside the agreed answers. Exit 1 when a file was not imported, 2 when a file \
                      cannot be read."
    )]
    Import {
        /// The workspace folder (optional; default: --workspace, else ./assessments), then the files.
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
        /// Show what would change; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Who answered, for the audit log (default: the name on the questionnaire's cover).
        #[arg(long = "as", value_name = "NAME", value_parser = parse_user)]
        name: Option<String>,
        /// Keep the answers as one assessor's response beside the agreed answers (any status).
        #[arg(long)]
        as_response: bool,
        /// In which capacity the assessor answered (with --as-response).
        #[arg(long, value_enum, default_value_t = RoleArg::SelfAssessment, requires = "as_response")]
        role: RoleArg,
        /// Language of the messages.
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
    },
    /// Create a Draft assessment for every department for a new period, pre-filled from its latest earlier one.
    NewPeriod {
        /// Workspace folder.
        dir: PathBuf,
        /// The new period's as-of date.
        #[arg(long, value_name = "YYYY-MM-DD")]
        period: NaiveDate,
        /// Who creates the drafts (recorded as assessor and in the audit log).
        #[arg(long, default_value = "govmaturity", value_parser = parse_user)]
        user: String,
    },
    /// Set every answer's comment of an assessment and save it through the store (for the crash test).
    #[command(hide = true)]
    Resave {
        dir: PathBuf,
        #[arg(long)]
        department: String,
        #[arg(long)]
        period: NaiveDate,
        #[arg(long)]
        comment: String,
        /// The comment, this many times over (a bigger file to kill mid-write).
        #[arg(long, default_value_t = 1)]
        repeat: usize,
    },
    /// Write the man pages and the shell completions (bash, zsh, fish, PowerShell) into a folder (for
    /// the packages).
    #[command(hide = true)]
    GenerateExtras {
        /// Folder to write into (created if missing).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Write a realistic synthetic workspace (deterministic for a seed), or the sample one.
    #[command(
        long_about = "Write a realistic synthetic workspace (deterministic for a seed), or the sample one.\n\n\
                      DIR must be new or empty. workspace.ron is written last, so a run that is stopped leaves a \
                      folder that is not a workspace (validate says so) rather than one that looks complete. Sizes \
                      beyond what the disk holds, or beyond 1,000,000 assessments, are refused before anything is \
                      written."
    )]
    Generate {
        /// Folder to create; it must be new or empty.
        dir: PathBuf,
        /// Number of departments.
        #[arg(long, default_value_t = 20)]
        departments: usize,
        /// Number of half-yearly periods.
        #[arg(long, default_value_t = 4)]
        periods: usize,
        /// Seed of the random generator.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The last period (earlier ones are half a year apart).
        #[arg(long, value_name = "YYYY-MM-DD", default_value = "2025-12-31")]
        last_period: NaiveDate,
        /// Write the shipped sample workspace (12 departments, 4 periods) instead.
        #[arg(long, conflicts_with_all = ["departments", "periods", "seed"])]
        sample: bool,
    },
}

/// The app's views, as named on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StartView {
    Overview,
    Department,
    Assess,
    Trends,
    Compare,
    Plan,
    Framework,
}

/// `--basis`: which assessments a figure counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BasisArg {
    /// Each department's latest Approved assessment on or before the period.
    Approved,
    /// Each department's latest assessment of any status on or before the period.
    Latest,
}

impl From<BasisArg> for crate::analysis::Basis {
    fn from(basis: BasisArg) -> Self {
        match basis {
            BasisArg::Approved => crate::analysis::Basis::Approved,
            BasisArg::Latest => crate::analysis::Basis::Latest,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    Table,
    Csv,
    Json,
}

/// `report --what`: which table a CSV report holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CsvWhat {
    /// The assessment answers, one row per department × period × indicator.
    Answers,
    /// The improvement plans' actions, one row per action.
    Actions,
}

impl From<CsvWhat> for crate::report::CsvTable {
    fn from(what: CsvWhat) -> Self {
        match what {
            CsvWhat::Answers => crate::report::CsvTable::Answers,
            CsvWhat::Actions => crate::report::CsvTable::Actions,
        }
    }
}

/// `import --role`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    /// The department assessing itself.
    #[value(name = "self")]
    SelfAssessment,
    /// The office's reviewer.
    Reviewer,
    /// An evaluator from outside the government.
    External,
}

impl From<RoleArg> for crate::model::Role {
    fn from(role: RoleArg) -> Self {
        match role {
            RoleArg::SelfAssessment => crate::model::Role::SelfAssessment,
            RoleArg::Reviewer => crate::model::Role::Reviewer,
            RoleArg::External => crate::model::Role::External,
        }
    }
}

/// The formats of `govmaturity report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Html,
    Pdf,
    Docx,
    Xlsx,
    Csv,
}

impl From<ReportFormat> for crate::report::Format {
    fn from(format: ReportFormat) -> Self {
        match format {
            ReportFormat::Html => crate::report::Format::Html,
            ReportFormat::Pdf => crate::report::Format::Pdf,
            ReportFormat::Docx => crate::report::Format::Docx,
            ReportFormat::Xlsx => crate::report::Format::Xlsx,
            ReportFormat::Csv => crate::report::Format::Csv,
        }
    }
}

/// `report --kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Brief,
    Full,
    Department,
}

impl From<KindArg> for crate::report::ReportKind {
    fn from(kind: KindArg) -> Self {
        match kind {
            KindArg::Brief => crate::report::ReportKind::Brief,
            KindArg::Full => crate::report::ReportKind::Full,
            KindArg::Department => crate::report::ReportKind::Department,
        }
    }
}

/// `report --style`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StyleArg {
    Plain,
    Official,
}

impl From<StyleArg> for crate::report::ReportStyle {
    fn from(style: StyleArg) -> Self {
        match style {
            StyleArg::Plain => crate::report::ReportStyle::Plain,
            StyleArg::Official => crate::report::ReportStyle::Official,
        }
    }
}

/// A name for the audit log: at most as long as an assessor's name may be
/// (see [`crate::model::limits`]), without control characters.
fn parse_user(value: &str) -> Result<String, String> {
    let limit = crate::model::limits::TextField::Assessor.limit();
    if value.chars().count() > limit {
        return Err(format!("a name may have at most {limit} characters"));
    }
    if value.chars().any(char::is_control) {
        return Err("a name may not hold control characters (line breaks, tabs, escapes)".to_owned());
    }
    Ok(value.to_owned())
}

fn parse_lang(value: &str) -> Result<Lang, String> {
    Lang::from_code(value).ok_or_else(|| format!("unknown language \"{value}\"; use en or zh"))
}

/// Runs a subcommand and returns the process exit code. `workspace` and
/// `lang` are the top-level options, which stand in for a subcommand's own
/// DIR and --lang when those are not given.
pub fn run(command: Command, workspace: Option<PathBuf>, lang: Option<Lang>) -> ExitCode {
    let folder = |dir: Option<PathBuf>| {
        dir.or_else(|| workspace.clone())
            .unwrap_or_else(|| PathBuf::from(DEFAULT_WORKSPACE))
    };
    let language = |own: Option<Lang>| own.or(lang).unwrap_or(Lang::En);
    let code = match command {
        Command::Init { dir, title, lang } => init::init(&dir, title.as_deref(), language(lang)),
        Command::Validate {
            dir,
            deny_warnings,
            lang,
        } => commands::validate(&folder(dir), deny_warnings, language(lang)),
        Command::Summary {
            dir,
            period,
            format,
            basis,
            lang,
        } => commands::summary(&folder(dir), period, format, basis.into(), language(lang)),
        Command::Report {
            dir,
            format,
            out,
            period,
            department,
            basis,
            lang,
            what,
            kind,
            style,
            split,
        } => commands::report(
            &folder(dir),
            commands::ReportArgs {
                format,
                what,
                out,
                period,
                department,
                basis: basis.into(),
                kind: kind.into(),
                style: style.into(),
                split,
            },
            language(lang),
        ),
        Command::Plan {
            dir,
            format,
            department,
            status,
            overdue,
            today,
            basis,
            lang,
        } => plan::plan_command(
            &folder(dir),
            format,
            &plan::PlanFilter {
                department,
                status,
                overdue,
            },
            today.unwrap_or_else(|| chrono::Local::now().date_naive()),
            basis.into(),
            language(lang),
        ),
        Command::Resave {
            dir,
            department,
            period,
            comment,
            repeat,
        } => resave::resave(
            &dir,
            &department,
            period,
            &comment.repeat(repeat.min(1 << 20)),
            language(None),
        ),
        Command::Questionnaire {
            dir,
            department,
            all,
            period,
            out,
            lang,
        } => exchange::questionnaire(
            &folder(dir),
            exchange::QuestionnaireArgs {
                department,
                all,
                period,
                out,
            },
            language(lang),
        ),
        Command::Import {
            paths,
            dry_run,
            name,
            as_response,
            role,
            lang,
        } => {
            let (dir, files) = exchange::split_paths(paths, folder(None));
            exchange::import(
                &dir,
                &files,
                exchange::ImportArgs {
                    dry_run,
                    name,
                    as_response,
                    role: role.into(),
                },
                language(lang),
            )
        }
        Command::GenerateExtras { out } => extras::generate_extras(&out, language(None)),
        Command::NewPeriod { dir, period, user } => commands::new_period(&dir, period, &user, language(None)),
        Command::Generate {
            dir,
            departments,
            periods,
            seed,
            last_period,
            sample,
        } => generate::generate(
            &dir,
            generate::GenerateArgs {
                departments,
                periods,
                seed,
                last_period,
                sample,
            },
            language(None),
        ),
    };
    ExitCode::from(code)
}
