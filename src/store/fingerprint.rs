//! What a file looked like when it was read, so the program can tell when it
//! changed on disk since.

use std::io;
use std::path::Path;
use std::time::SystemTime;

/// Size, modification time and a hash of the content of a file.
///
/// Two fingerprints are equal when all three match; use
/// [`Fingerprint::same_content`] to ignore the time (a file that was touched
/// or rewritten with the same bytes has not really changed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fingerprint {
    pub size: u64,
    /// `None` where the platform does not report modification times.
    pub modified: Option<SystemTime>,
    /// FNV-1a (64 bit) of the content: stable across runs and platforms.
    pub hash: u64,
}

impl Fingerprint {
    /// The fingerprint of `bytes` as read from a file modified at `modified`.
    pub fn of(bytes: &[u8], modified: Option<SystemTime>) -> Self {
        Fingerprint {
            size: bytes.len() as u64,
            modified,
            hash: fnv1a(bytes),
        }
    }

    /// Reads a file and fingerprints it; `Ok(None)` when it does not exist.
    pub fn read(path: &Path) -> io::Result<Option<Fingerprint>> {
        match read_with_fingerprint(path) {
            Ok((bytes, modified)) => Ok(Some(Fingerprint::of(&bytes, modified))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Whether both describe the same bytes, whatever their times.
    pub fn same_content(&self, other: &Fingerprint) -> bool {
        self.size == other.size && self.hash == other.hash
    }
}

/// Reads a file and its modification time (taken before reading, so a write
/// that lands during the read shows up as a changed time later).
pub(crate) fn read_with_fingerprint(path: &Path) -> io::Result<(Vec<u8>, Option<SystemTime>)> {
    let modified = std::fs::metadata(path)?.modified().ok();
    let bytes = std::fs::read(path)?;
    Ok((bytes, modified))
}

fn fnv1a(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes
        .iter()
        .fold(OFFSET, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(PRIME))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides_sameness() {
        let a = Fingerprint::of(b"version: 1", None);
        let b = Fingerprint::of(b"version: 1", Some(SystemTime::UNIX_EPOCH));
        let c = Fingerprint::of(b"version: 2", None);
        assert!(a.same_content(&b));
        assert_ne!(a, b);
        assert!(!a.same_content(&c));
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
