//! `govmaturity generate`: a synthetic (or the sample) workspace written so
//! that a run stopped at any moment never leaves a folder that passes for a
//! complete workspace.
//!
//! - Sizes the machine cannot hold are refused before anything is written:
//!   more than [`MAX_ASSESSMENTS`], or more than the disk has free (the
//!   bytes per assessment measured on a few generated ones).
//! - Only a new or empty folder is written into, under the workspace's
//!   save lock (a second `generate` into the same folder is refused).
//! - Departments are made and written one at a time (memory stays that of
//!   one department), then the plans, and `workspace.ron` last: without it
//!   the folder is not a workspace, so a killed run never validates.

use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;

use super::commands::say;
use super::output;
use super::{EXIT_OK, EXIT_USAGE};
use crate::generate::{self, SyntheticOptions};
use crate::model::{Framework, Lang};
use crate::present::catalogue::cli::Say;
use crate::present::catalogue::lock::{self as words, GenerateRoom};
use crate::store::{self, SaveLock};

/// The most assessments one `generate` makes (departments × periods):
/// about 9 GB of files. The scale targets are 10,000 departments × 12
/// periods; this leaves room above them.
pub const MAX_ASSESSMENTS: usize = 1_000_000;

/// Free space kept back beyond the estimate, for the disk's own needs.
const SPARE_BYTES: u128 = 64 * 1_000_000;

/// What `generate` is asked for.
pub struct GenerateArgs {
    pub departments: usize,
    pub periods: usize,
    pub seed: u64,
    pub last_period: NaiveDate,
    pub sample: bool,
}

pub fn generate(dir: &Path, args: GenerateArgs, lang: Lang) -> u8 {
    match write(dir, &args, lang) {
        Ok(done) => {
            output::line(done);
            EXIT_OK
        }
        Err(message) => {
            say(Say::Error(message), lang);
            EXIT_USAGE
        }
    }
}

/// Writes the shipped sample workspace into `dir`, which must be new or
/// empty: what `generate DIR --sample` does, without printing. The app's
/// "Open the sample workspace" uses it where no sample folder is at hand (an
/// installed copy, whose own sample is read only). Returns the summary line.
pub fn write_sample(dir: &Path, lang: Lang) -> Result<String, String> {
    let args = GenerateArgs {
        departments: 0,
        periods: 0,
        seed: 0,
        last_period: NaiveDate::MIN,
        sample: true,
    };
    write(dir, &args, lang)
}

/// Writes the workspace; returns the summary line to print.
fn write(dir: &Path, args: &GenerateArgs, lang: Lang) -> Result<String, String> {
    let framework = store::builtin_framework().map_err(|p| Say::BuiltinBroken(p.to_string()).text(lang))?;
    let options = SyntheticOptions {
        departments: args.departments,
        periods: args.periods,
        seed: args.seed,
        last_period: args.last_period,
    };
    if !args.sample {
        check_size(dir, &framework, options, lang)?;
    }
    if dir.join(store::WORKSPACE_FILE).exists() {
        return Err(Say::AlreadyWorkspace(dir).text(lang));
    }
    refuse_unless_empty(dir, lang)?;
    store::create_dir_all_synced(dir).map_err(|e| {
        Say::CannotCreate {
            dir,
            error: e.to_string(),
        }
        .text(lang)
    })?;
    let _lock = match SaveLock::try_acquire(dir) {
        Ok(Some(lock)) => lock,
        Ok(None) => return Err(words::generate_busy(dir, lang)),
        Err(e) => {
            return Err(Say::CannotCreate {
                dir,
                error: e.to_string(),
            }
            .text(lang));
        }
    };
    // Again under the lock: another run may have written meanwhile.
    refuse_unless_empty(dir, lang)?;

    let started = Instant::now();
    if args.sample {
        write_shipped(dir, started, lang)
    } else {
        // Only each department's latest assessment is kept (the plans
        // address its gaps); the others go to disk as they are made.
        let mut latest = Vec::with_capacity(args.departments);
        let mut count = 0;
        let made = generate::synthetic_each(&framework, options, |_, assessments| {
            for assessment in &assessments {
                store::create_assessment(dir, assessment).map_err(|e| e.to_string())?;
            }
            count += assessments.len();
            latest.extend(assessments.into_iter().last());
            Ok::<(), String>(())
        });
        let workspace = made?;
        let actions = generate::synthetic_plan(&workspace, &latest, args.seed);
        finish(dir, &workspace, count, &actions, started, lang)
    }
}

/// The shipped sample's files as they are, each created (never written over)
/// under the lock, `workspace.ron` last.
fn write_shipped(dir: &Path, started: Instant, lang: Lang) -> Result<String, String> {
    let files = generate::shipped::SAMPLE_FILES;
    let (last, others): (Vec<_>, Vec<_>) = files
        .iter()
        .partition(|(relative, _)| *relative == store::WORKSPACE_FILE);
    let mut departments = std::collections::BTreeSet::new();
    let mut assessments = 0;
    for (relative, text) in others.iter().chain(&last) {
        let path = dir.join(relative);
        if let Some((department, name)) = relative.split_once('/') {
            departments.insert(department);
            if name != crate::model::PLAN_FILE {
                assessments += 1;
            }
            store::create_dir_all_synced(&dir.join(department)).map_err(|e| {
                Say::CannotCreate {
                    dir: &dir.join(department),
                    error: e.to_string(),
                }
                .text(lang)
            })?;
        }
        store::atomic_create(&path, text.as_bytes()).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(Say::Generated {
        departments: departments.len(),
        assessments,
        dir,
        millis: started.elapsed().as_millis(),
    }
    .text(lang))
}

/// The plans, then `workspace.ron`: the file that makes the folder a
/// workspace comes last.
fn finish(
    dir: &Path,
    workspace: &crate::model::Workspace,
    assessments: usize,
    actions: &[crate::model::Action],
    started: Instant,
    lang: Lang,
) -> Result<String, String> {
    store::create_plans(dir, actions).map_err(|e| e.to_string())?;
    store::save_workspace(dir, workspace, None).map_err(|e| e.to_string())?;
    Ok(Say::Generated {
        departments: workspace.departments.len(),
        assessments,
        dir,
        millis: started.elapsed().as_millis(),
    }
    .text(lang))
}

/// Refuses a folder that holds anything but the save lock's file (left by
/// an earlier run, harmless).
fn refuse_unless_empty(dir: &Path, lang: Lang) -> Result<(), String> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            return Err(Say::CannotCreate {
                dir,
                error: e.to_string(),
            }
            .text(lang));
        }
    };
    let mut others = entries.flatten().filter(|e| e.file_name() != store::LOCK_FILE);
    match others.next() {
        None => Ok(()),
        Some(_) => Err(words::generate_not_empty(dir, lang)),
    }
}

/// Refuses, before anything is made, what is more than [`MAX_ASSESSMENTS`]
/// or more than the disk holding `dir` has free.
fn check_size(
    dir: &Path,
    framework: &Framework,
    options: SyntheticOptions,
    lang: Lang,
) -> Result<(), String> {
    let sample = SyntheticOptions {
        departments: options.departments.min(8),
        periods: options.periods.min(12),
        ..options
    };
    let per_assessment = bytes_per_assessment(framework, sample);
    let cells = (options.departments as u128).saturating_mul(options.periods as u128);
    // Each department: its folder and its plan, a block each.
    let needed = cells
        .saturating_mul(per_assessment)
        .saturating_add((options.departments as u128).saturating_mul(2 * BLOCK));
    if cells > MAX_ASSESSMENTS as u128 {
        return Err(words::generate_too_big(
            options.departments,
            options.periods,
            needed,
            GenerateRoom::Cap {
                max_assessments: MAX_ASSESSMENTS,
            },
            lang,
        ));
    }
    if let Some((free_bytes, on)) = free_space(dir)
        && needed.saturating_add(SPARE_BYTES) > free_bytes
    {
        return Err(words::generate_too_big(
            options.departments,
            options.periods,
            needed,
            GenerateRoom::Disk { free_bytes, dir: &on },
            lang,
        ));
    }
    Ok(())
}

/// The block a file system gives even a small file.
const BLOCK: u128 = 4096;

/// The mean size on disk of a generated assessment file (each rounded up to
/// whole blocks), measured on a few departments' worth.
fn bytes_per_assessment(framework: &Framework, sample: SyntheticOptions) -> u128 {
    let (_, assessments) = generate::synthetic(framework, sample);
    let sizes: Vec<u128> = assessments
        .iter()
        .filter_map(|a| store::to_ron(a).ok())
        .map(|text| (text.len() as u128).div_ceil(BLOCK) * BLOCK)
        .collect();
    let total: u128 = sizes.iter().sum();
    // Nothing measured (no periods): a generous guess.
    total.checked_div(sizes.len() as u128).unwrap_or(8 * BLOCK)
}

/// The free bytes of the disk that holds `dir` (or the nearest folder above
/// it that exists), and that folder; `None` where this cannot be known.
fn free_space(dir: &Path) -> Option<(u128, std::path::PathBuf)> {
    let absolute = std::path::absolute(dir).ok()?;
    let existing = absolute.ancestors().find(|p| p.exists())?.to_path_buf();
    #[cfg(unix)]
    {
        let stat = rustix::fs::statvfs(&existing).ok()?;
        Some((u128::from(stat.f_bavail) * u128::from(stat.f_frsize), existing))
    }
    #[cfg(not(unix))]
    {
        let _ = existing;
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(departments: usize, periods: usize) -> GenerateArgs {
        GenerateArgs {
            departments,
            periods,
            seed: 7,
            last_period: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
            sample: false,
        }
    }

    #[test]
    fn a_million_departments_are_refused_before_anything_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("big");
        for lang in [Lang::En, Lang::Zh] {
            let refused = write(&target, &args(1_000_000, 4), lang).unwrap_err();
            assert!(refused.contains("1000000"), "{refused}");
            assert!(!target.exists());
        }
        let refused = write(&target, &args(1_000_000, 4), Lang::En).unwrap_err();
        assert!(refused.contains("at most 1000000 assessments"), "{refused}");
    }

    #[test]
    fn more_than_the_disk_holds_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (free, _) = free_space(dir.path()).unwrap();
        let framework = store::builtin_framework().unwrap();
        let options = SyntheticOptions {
            departments: 1,
            periods: 4,
            seed: 7,
            last_period: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
        };
        let per = bytes_per_assessment(&framework, options);
        assert!(per >= BLOCK, "{per}");
        // Periods enough to fill the disk twice over, within the cap when
        // the disk is small enough for this test to mean something.
        let periods = usize::try_from(2 * free / per).unwrap_or(usize::MAX);
        if periods <= MAX_ASSESSMENTS {
            let refused = check_size(
                dir.path(),
                &framework,
                SyntheticOptions { periods, ..options },
                Lang::En,
            )
            .unwrap_err();
            assert!(refused.contains("MB free"), "{refused}");
        }
        check_size(dir.path(), &framework, options, Lang::En).unwrap();
    }

    #[test]
    fn only_a_new_or_empty_folder_is_written_into() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        let refused = write(dir.path(), &args(2, 2), Lang::En).unwrap_err();
        assert!(refused.contains("is not empty"), "{refused}");
        assert!(refused.contains(&dir.path().display().to_string()), "{refused}");
        let refused = write(dir.path(), &args(2, 2), Lang::Zh).unwrap_err();
        assert!(refused.contains("不是空文件夹"), "{refused}");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        // A new folder, and an empty one.
        write(&dir.path().join("new"), &args(2, 2), Lang::En).unwrap();
        let empty = dir.path().join("empty");
        std::fs::create_dir(&empty).unwrap();
        write(&empty, &args(2, 2), Lang::En).unwrap();
        assert_eq!(
            std::fs::read(empty.join("workspace.ron")).unwrap(),
            std::fs::read(dir.path().join("new/workspace.ron")).unwrap()
        );
    }

    #[test]
    fn generate_writes_what_the_in_memory_generator_makes() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), &args(20, 3), Lang::En).unwrap();
        let framework = store::builtin_framework().unwrap();
        let options = SyntheticOptions {
            departments: 20,
            periods: 3,
            seed: 7,
            last_period: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
        };
        let (workspace, assessments) = generate::synthetic(&framework, options);
        let loaded = store::load(dir.path()).unwrap();
        assert_eq!(loaded.data.workspace, workspace);
        assert_eq!(loaded.data.assessments.len(), assessments.len());
        let plans = generate::synthetic_plan(&workspace, &assessments, 7);
        assert_eq!(loaded.data.actions.len(), plans.len());
    }
}
