//! Words about workspace locks: who holds a workspace another app has open,
//! and what `generate` refuses before it writes.

use std::path::Path;

use crate::model::Lang;
use crate::present::format::one_line;
use crate::store::Holder;

/// "Read-only: Wang Fang has this workspace open on host-1 (process 4242)
/// since 2026-12-01 09:30." / "只读：王芳自……起在……上打开了此工作区。"
pub fn held_by(holder: Option<&Holder>, lang: Lang) -> String {
    let Some(holder) = holder else {
        return match lang {
            Lang::En => "Read-only: another govmaturity window has this workspace open.".to_owned(),
            Lang::Zh => "只读：另一个 govmaturity 窗口已打开此工作区。".to_owned(),
        };
    };
    let since = crate::present::format::date_time(holder.since, lang);
    // The holder file is anyone's to write: shown on one line, escaped.
    let user = if holder.user.is_empty() {
        "?".into()
    } else {
        one_line(&holder.user)
    };
    let host = one_line(&holder.host);
    match lang {
        Lang::En => format!(
            "Read-only: {user} has this workspace open on {host} (process {}) since {since}.",
            holder.pid
        ),
        Lang::Zh => format!(
            "只读：{user} 自 {since} 起在 {host}（进程 {}）上打开了此工作区。",
            holder.pid
        ),
    }
}

/// `generate` into a folder that holds something already.
pub fn generate_not_empty(dir: &Path, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "{} is not empty; generate writes only into a new or empty folder, so that nothing there is mixed \
             with or overwritten by generated files: give a new folder's name, or empty this one first",
            dir.display()
        ),
        Lang::Zh => format!(
            "{} 不是空文件夹；为免生成的文件与其中已有文件混杂或将其覆盖，generate 只写入新的或空的文件夹：请指定一个新文件夹，或先清空此文件夹",
            dir.display()
        ),
    }
}

/// Another program is writing into the folder `generate` was given.
pub fn generate_busy(dir: &Path, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "another program is writing into {} right now; wait for it to finish, or choose another folder",
            dir.display()
        ),
        Lang::Zh => format!("另一个程序正在写入 {}；请等待其完成，或另选文件夹", dir.display()),
    }
}

/// `generate` asked for more than a workspace can sensibly hold, or more
/// than the disk has room for.
pub fn generate_too_big(
    departments: usize,
    periods: usize,
    needed_bytes: u128,
    room: GenerateRoom,
    lang: Lang,
) -> String {
    let needed = megabytes(needed_bytes);
    match (room, lang) {
        (GenerateRoom::Cap { max_assessments }, Lang::En) => format!(
            "{departments} departments × {periods} periods is more than generate makes (at most {max_assessments} \
             assessments, about {} MB; this would be about {needed} MB); ask for fewer departments or periods",
            megabytes(
                needed_bytes.saturating_mul(max_assessments as u128) / cells(departments, periods).max(1)
            )
        ),
        (GenerateRoom::Cap { max_assessments }, Lang::Zh) => format!(
            "{departments} 个部门 × {periods} 个评估期超出 generate 的上限（最多 {max_assessments} 份评估，约 {} MB；此次约需 {needed} MB）；请减少部门或评估期数量",
            megabytes(
                needed_bytes.saturating_mul(max_assessments as u128) / cells(departments, periods).max(1)
            )
        ),
        (GenerateRoom::Disk { free_bytes, dir }, Lang::En) => format!(
            "{departments} departments × {periods} periods needs about {needed} MB, but {} has only {} MB free; \
             free some space, choose another disk, or ask for fewer departments or periods",
            dir.display(),
            megabytes(free_bytes)
        ),
        (GenerateRoom::Disk { free_bytes, dir }, Lang::Zh) => format!(
            "{departments} 个部门 × {periods} 个评估期约需 {needed} MB，但 {} 仅剩 {} MB 可用空间；请释放空间、另选磁盘，或减少部门或评估期数量",
            dir.display(),
            megabytes(free_bytes)
        ),
    }
}

/// Why a `generate` is too big.
#[derive(Clone, Copy, Debug)]
pub enum GenerateRoom<'a> {
    /// More than the program's cap.
    Cap { max_assessments: usize },
    /// More than the free space of the disk holding `dir`.
    Disk { free_bytes: u128, dir: &'a Path },
}

fn cells(departments: usize, periods: usize) -> u128 {
    (departments as u128).saturating_mul(periods as u128)
}

fn megabytes(bytes: u128) -> u128 {
    bytes.div_ceil(1_000_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_sentences_read_naturally_in_each_language() {
        let holder = Holder {
            user: "Wang Fang".into(),
            host: "desk-7".into(),
            pid: 4242,
            since: chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
                .unwrap()
                .and_hms_opt(9, 30, 0)
                .unwrap(),
        };
        assert_eq!(
            held_by(Some(&holder), Lang::En),
            "Read-only: Wang Fang has this workspace open on desk-7 (process 4242) since 2026-12-01 09:30."
        );
        assert_eq!(
            held_by(Some(&holder), Lang::Zh),
            "只读：Wang Fang 自 2026年12月1日 09:30 起在 desk-7（进程 4242）上打开了此工作区。"
        );
        let dir = Path::new("ws");
        let room = GenerateRoom::Disk {
            free_bytes: 5_000_000,
            dir,
        };
        assert_eq!(
            generate_too_big(100, 4, 3_700_001, room, Lang::En),
            "100 departments × 4 periods needs about 4 MB, but ws has only 5 MB free; free some space, \
             choose another disk, or ask for fewer departments or periods"
        );
        assert_eq!(
            generate_too_big(100, 4, 3_700_001, room, Lang::Zh),
            "100 个部门 × 4 个评估期约需 4 MB，但 ws 仅剩 5 MB 可用空间；请释放空间、另选磁盘，或减少部门或评估期数量"
        );
        let cap = GenerateRoom::Cap {
            max_assessments: 1_000_000,
        };
        assert_eq!(
            generate_too_big(1_000_000, 4, 16_384_000_000, cap, Lang::En),
            "1000000 departments × 4 periods is more than generate makes (at most 1000000 assessments, about \
             4096 MB; this would be about 16384 MB); ask for fewer departments or periods"
        );
        for text in [
            generate_not_empty(dir, Lang::Zh),
            generate_busy(dir, Lang::Zh),
            held_by(None, Lang::Zh),
        ] {
            assert!(!text.contains([',', ';', ':', '(', ')']), "{text}");
        }
    }
}
