//! Identifier rules. Department ids become folder names, so they are slugs;
//! indicator ids are `dimension.name` slugs. Nothing from a file can make the
//! program write outside the workspace.

/// Why an id was refused. The words for the user come from
/// `present::catalogue::problems::id_error`; `Display` is the English form
/// for logs.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("id is empty")]
    Empty,
    #[error("id \"{0}\" is longer than 64 characters")]
    TooLong(String),
    #[error(
        "id \"{0}\" is not a safe slug: use lowercase letters a–z, digits and '-', starting with a letter or digit"
    )]
    Unsafe(String),
    #[error("id \"{0}\" is a name Windows reserves for a device and cannot be a folder name")]
    Reserved(String),
}

impl IdError {
    /// A stable code for the reason: `empty`, `too-long`, `unsafe` or
    /// `reserved`.
    pub fn code(&self) -> &'static str {
        match self {
            IdError::Empty => "empty",
            IdError::TooLong(_) => "too-long",
            IdError::Unsafe(_) => "unsafe",
            IdError::Reserved(_) => "reserved",
        }
    }

    /// The id that was refused ("" when empty).
    pub fn id(&self) -> &str {
        match self {
            IdError::Empty => "",
            IdError::TooLong(id) | IdError::Unsafe(id) | IdError::Reserved(id) => id,
        }
    }
}

/// What an id names, so a message can say "department id" or "indicator id".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IdSubject {
    Department,
    Dimension,
    Indicator,
    Framework,
}

/// A slug `[a-z0-9][a-z0-9-]{0,63}`: safe as a folder name on every system.
pub fn is_slug(id: &str) -> bool {
    let bytes = id.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 64
        && (bytes[0].is_ascii_lowercase() || bytes[0].is_ascii_digit())
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
}

/// Checks a department id: a slug that Windows can also create as a
/// folder (not a reserved device name such as `con` or `com1`).
pub fn is_department_id(id: &str) -> Result<(), IdError> {
    is_slug_id(id)?;
    if is_windows_device_name(id) {
        return Err(IdError::Reserved(id.to_owned()));
    }
    Ok(())
}

/// Checks an id that is never a file or folder name (a dimension, a
/// framework, an action): a slug.
pub fn is_slug_id(id: &str) -> Result<(), IdError> {
    if id.is_empty() {
        Err(IdError::Empty)
    } else if id.len() > 64 {
        Err(IdError::TooLong(id.to_owned()))
    } else if is_slug(id) {
        Ok(())
    } else {
        Err(IdError::Unsafe(id.to_owned()))
    }
}

/// Whether Windows treats `name` as a device rather than a file: `CON`,
/// `PRN`, `AUX`, `NUL`, `COM0`–`COM9`, `LPT0`–`LPT9`, in any case, also
/// followed by an extension (`con.txt`) or by dots and spaces, which Windows
/// strips (`nul.`, `aux .ron`). Slugs have no dots or spaces, so for an id
/// only the bare names matter; the rest keeps the rule honest for any name.
/// (`COM0` and `LPT0` are listed by Microsoft's naming rules since 2022.)
pub fn is_windows_device_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name);
    let stem = stem.trim_end_matches([' ', '.']);
    let lower = stem.to_ascii_lowercase();
    match lower.as_bytes() {
        b"con" | b"prn" | b"aux" | b"nul" => true,
        [b'c', b'o', b'm', digit] | [b'l', b'p', b't', digit] => digit.is_ascii_digit(),
        _ => false,
    }
}

/// Checks an indicator id: a slug, or two slugs joined by one dot (`sharing.open`).
pub fn is_indicator_id(id: &str) -> Result<(), IdError> {
    if id.is_empty() {
        return Err(IdError::Empty);
    }
    if id.len() > 129 {
        return Err(IdError::TooLong(id.to_owned()));
    }
    let mut parts = id.split('.');
    let ok = match (parts.next(), parts.next(), parts.next()) {
        (Some(a), None, None) => is_slug(a),
        (Some(a), Some(b), None) => is_slug(a) && is_slug(b),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(IdError::Unsafe(id.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn department_ids() {
        assert!(is_department_id("big-data-bureau").is_ok());
        assert!(is_department_id("0day").is_ok());
        assert!(is_department_id(&"a".repeat(64)).is_ok());
        assert_eq!(is_department_id(""), Err(IdError::Empty));
        assert!(matches!(
            is_department_id(&"a".repeat(65)),
            Err(IdError::TooLong(_))
        ));
        for bad in [
            "-lead", "Upper", "../etc", "a/b", "a.b", "a b", "名字", ".backups", "con\0",
        ] {
            assert!(matches!(is_department_id(bad), Err(IdError::Unsafe(_))), "{bad}");
        }
    }

    #[test]
    fn windows_device_names_are_refused_as_department_ids() {
        // Every one of these is a valid slug, so before the check they
        // passed and became a folder Windows cannot create.
        for reserved in [
            "con", "prn", "aux", "nul", "com0", "com1", "com9", "lpt0", "lpt1", "lpt9",
        ] {
            assert_eq!(
                is_department_id(reserved),
                Err(IdError::Reserved(reserved.to_owned())),
                "{reserved}"
            );
            assert_eq!(is_slug_id(reserved), Ok(()), "{reserved}");
        }
        // Near misses are ordinary names.
        for fine in [
            "con-1",
            "console",
            "com10",
            "lpt",
            "comx",
            "nul0",
            "auxiliary",
            "a-con",
        ] {
            assert_eq!(is_department_id(fine), Ok(()), "{fine}");
        }
        // Upper case, extensions, trailing dots and spaces: not slugs at all.
        for bad in ["CON", "Com1", "con.", "con ", "nul.txt", "lpt1.ron", "trailing."] {
            assert!(matches!(is_department_id(bad), Err(IdError::Unsafe(_))), "{bad}");
        }
    }

    #[test]
    fn windows_device_names_as_windows_sees_them() {
        for reserved in [
            "CON",
            "con",
            "Aux",
            "NUL.txt",
            "nul.",
            "com1 ",
            "LPT9.tar.gz",
            "prn . ",
            "COM0",
        ] {
            assert!(is_windows_device_name(reserved), "{reserved}");
        }
        for fine in ["con-1", "com10", "console.txt", "lpt", "x.con", "", "."] {
            assert!(!is_windows_device_name(fine), "{fine}");
        }
    }

    #[test]
    fn indicator_ids() {
        assert!(is_indicator_id("sharing.open").is_ok());
        assert!(is_indicator_id("design").is_ok());
        for bad in ["a.b.c", ".open", "sharing.", "Sharing.open", "a..b", "a/b.c"] {
            assert!(is_indicator_id(bad).is_err(), "{bad}");
        }
    }
}
