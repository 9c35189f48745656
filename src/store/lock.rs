//! Advisory locks on a workspace folder, so that two programs never both
//! pass the "changed on disk" check of a save and then both write.
//!
//! - The **save lock** (`.govmaturity.lock`) is held for a moment around
//!   every check-and-replace and every create in the store (check, write,
//!   rename), never across user interaction. Within one thread it is
//!   re-entrant: `generate` holds it for its whole run and the saves it
//!   makes inside take it again for free. Other threads and other processes
//!   wait for it.
//! - The **session lock** (`.govmaturity.session`) is held by the desktop
//!   app for as long as it has the workspace open; `.govmaturity.holder`
//!   says who holds it (user, host, process, since when), so that a second
//!   app on the same folder can say so and open read-only.
//!
//! Both are the operating system's advisory locks (`File::try_lock`): they
//! vanish with the process that held them, so a crash never leaves a
//! workspace locked. Dot-files are never read as data.

use std::cell::RefCell;
use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;

/// The save lock's file, at the workspace root.
pub const LOCK_FILE: &str = ".govmaturity.lock";
/// The desktop app's session lock, at the workspace root.
pub const SESSION_FILE: &str = ".govmaturity.session";
/// Who holds the session lock (written by the holder).
pub const HOLDER_FILE: &str = ".govmaturity.holder";

/// How long a save waits for another program's save to finish.
const WAIT_AT_MOST: Duration = Duration::from_secs(10);

thread_local! {
    /// The workspaces whose save lock this thread holds, with how often.
    static HELD: RefCell<Vec<(PathBuf, usize)>> = const { RefCell::new(Vec::new()) };
}

/// The save lock of one workspace, released when dropped.
#[must_use = "the lock is released when dropped"]
pub struct SaveLock {
    key: PathBuf,
    /// `None` when this thread held the lock already.
    _file: Option<File>,
}

impl SaveLock {
    /// Takes the save lock of the workspace at `root`, waiting up to ten
    /// seconds for another program's save. Fails (`WouldBlock`) when it is
    /// held longer than that, or when the lock file cannot be made.
    pub fn acquire(root: &Path) -> io::Result<SaveLock> {
        Self::acquire_within(root, WAIT_AT_MOST)
    }

    /// [`SaveLock::acquire`] without waiting: `Ok(None)` when someone else
    /// holds it.
    pub fn try_acquire(root: &Path) -> io::Result<Option<SaveLock>> {
        match Self::acquire_within(root, Duration::ZERO) {
            Ok(lock) => Ok(Some(lock)),
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn acquire_within(root: &Path, wait: Duration) -> io::Result<SaveLock> {
        let key = key(root);
        let again = HELD.with(|held| {
            let mut held = held.borrow_mut();
            let entry = held.iter_mut().find(|(k, _)| *k == key);
            entry.map(|(_, count)| *count += 1).is_some()
        });
        if again {
            return Ok(SaveLock { key, _file: None });
        }
        let path = root.join(LOCK_FILE);
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)?;
        let started = Instant::now();
        let mut pause = Duration::from_millis(1);
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) if started.elapsed() < wait => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(50));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(io::Error::new(
                        io::ErrorKind::WouldBlock,
                        format!(
                            "another program is saving into this workspace and holds {}; try again in a moment",
                            path.display()
                        ),
                    ));
                }
                Err(TryLockError::Error(e)) => return Err(e),
            }
        }
        HELD.with(|held| held.borrow_mut().push((key.clone(), 1)));
        Ok(SaveLock {
            key,
            _file: Some(file),
        })
    }
}

impl Drop for SaveLock {
    fn drop(&mut self) {
        HELD.with(|held| {
            let mut held = held.borrow_mut();
            if let Some(index) = held.iter().position(|(k, _)| *k == self.key) {
                held[index].1 -= 1;
                if held[index].1 == 0 {
                    held.swap_remove(index);
                }
            }
        });
        // The file closes after this, which releases the lock.
    }
}

/// The same workspace however its path was written.
fn key(root: &Path) -> PathBuf {
    std::fs::canonicalize(root)
        .or_else(|_| std::path::absolute(root))
        .unwrap_or_else(|_| root.to_path_buf())
}

/// Who holds a workspace's session lock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holder {
    pub user: String,
    pub host: String,
    pub pid: u32,
    pub since: NaiveDateTime,
}

impl Holder {
    /// This process, as `user`, now.
    pub fn me(user: &str) -> Holder {
        let user = if user.trim().is_empty() {
            std::env::var("USER")
                .or_else(|_| std::env::var("USERNAME"))
                .unwrap_or_default()
        } else {
            user.trim().to_owned()
        };
        Holder {
            user,
            host: host_name(),
            pid: std::process::id(),
            since: chrono::Local::now().naive_local().with_nanosecond_zero(),
        }
    }

    fn to_text(&self) -> String {
        format!(
            "user={}\nhost={}\npid={}\nsince={}\n",
            one_line(&self.user),
            one_line(&self.host),
            self.pid,
            self.since.format("%Y-%m-%dT%H:%M:%S")
        )
    }

    fn from_text(text: &str) -> Option<Holder> {
        let field = |name: &str| {
            text.lines()
                .find_map(|line| line.strip_prefix(name)?.strip_prefix('='))
                .map(one_line)
        };
        Some(Holder {
            user: field("user")?,
            host: field("host")?,
            pid: field("pid")?.parse().ok()?,
            since: NaiveDateTime::parse_from_str(&field("since")?, "%Y-%m-%dT%H:%M:%S").ok()?,
        })
    }
}

trait WithoutNanos {
    fn with_nanosecond_zero(self) -> Self;
}

impl WithoutNanos for NaiveDateTime {
    fn with_nanosecond_zero(self) -> Self {
        use chrono::Timelike;
        self.with_nanosecond(0).unwrap_or(self)
    }
}

/// Control characters (a crafted name) never reach the holder file's lines.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn host_name() -> String {
    let from_env = std::env::var("HOSTNAME").or_else(|_| std::env::var("COMPUTERNAME"));
    from_env
        .ok()
        .or_else(|| std::fs::read_to_string("/proc/sys/kernel/hostname").ok())
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "?".to_owned())
}

/// What opening a workspace's session found.
pub enum Session {
    /// This app holds the workspace; edits may be saved.
    Held(SessionLock),
    /// Another app holds it (who, when known); open read-only.
    Busy(Option<Holder>),
}

/// The desktop app's hold on a workspace, released when dropped.
#[must_use = "the lock is released when dropped"]
pub struct SessionLock {
    _file: File,
    holder_file: PathBuf,
}

impl SessionLock {
    /// Takes the session lock of the workspace at `root` as `holder`,
    /// without waiting. `Err` when the lock file cannot be made (a
    /// read-only folder, say): the caller decides whether to edit anyway.
    pub fn take(root: &Path, holder: &Holder) -> io::Result<Session> {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(root.join(SESSION_FILE))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Ok(Session::Busy(read_holder(root))),
            Err(TryLockError::Error(e)) => return Err(e),
        }
        let holder_file = root.join(HOLDER_FILE);
        // Who holds it is a courtesy to the others: failing to say so does
        // not stop this app from working.
        let _ = super::atomic::atomic_write(&holder_file, holder.to_text().as_bytes());
        Ok(Session::Held(SessionLock {
            _file: file,
            holder_file,
        }))
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // Removed while still locked, so that no one reads a stale holder.
        let _ = std::fs::remove_file(&self.holder_file);
    }
}

/// Who holds the session lock of the workspace at `root`, as written.
pub fn read_holder(root: &Path) -> Option<Holder> {
    let text = std::fs::read_to_string(root.join(HOLDER_FILE)).ok()?;
    Holder::from_text(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_save_lock_is_reentrant_in_a_thread_and_exclusive_across_threads() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        let outer = SaveLock::acquire(&root).unwrap();
        let inner = SaveLock::acquire(&root).unwrap();
        let other = root.clone();
        let blocked = std::thread::spawn(move || SaveLock::try_acquire(&other).unwrap().is_none())
            .join()
            .unwrap();
        assert!(blocked, "another thread must not get the lock");
        drop(inner);
        let other = root.clone();
        let still = std::thread::spawn(move || SaveLock::try_acquire(&other).unwrap().is_none())
            .join()
            .unwrap();
        assert!(still, "the outer hold still counts");
        drop(outer);
        let other = root.clone();
        let free = std::thread::spawn(move || SaveLock::try_acquire(&other).unwrap().is_some())
            .join()
            .unwrap();
        assert!(free);
    }

    #[test]
    fn a_second_session_is_told_who_holds_the_workspace() {
        let dir = tempfile::tempdir().unwrap();
        let me = Holder::me("Wang Fang\u{1b}[2J");
        let Session::Held(first) = SessionLock::take(dir.path(), &me).unwrap() else {
            panic!("the first session must get the lock");
        };
        let Session::Busy(Some(holder)) = SessionLock::take(dir.path(), &Holder::me("b")).unwrap() else {
            panic!("the second session must be told who holds it");
        };
        assert_eq!(holder.user, "Wang Fang [2J");
        assert_eq!((holder.pid, holder.since), (me.pid, me.since));
        drop(first);
        assert!(read_holder(dir.path()).is_none());
        assert!(matches!(
            SessionLock::take(dir.path(), &me).unwrap(),
            Session::Held(_)
        ));
    }
}
