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
}

impl IdError {
    /// A stable code for the reason: `empty`, `too-long` or `unsafe`.
    pub fn code(&self) -> &'static str {
        match self {
            IdError::Empty => "empty",
            IdError::TooLong(_) => "too-long",
            IdError::Unsafe(_) => "unsafe",
        }
    }

    /// The id that was refused ("" when empty).
    pub fn id(&self) -> &str {
        match self {
            IdError::Empty => "",
            IdError::TooLong(id) | IdError::Unsafe(id) => id,
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

/// Checks a department (or dimension, or framework) id.
pub fn is_department_id(id: &str) -> Result<(), IdError> {
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
    fn indicator_ids() {
        assert!(is_indicator_id("sharing.open").is_ok());
        assert!(is_indicator_id("design").is_ok());
        for bad in ["a.b.c", ".open", "sharing.", "Sharing.open", "a..b", "a/b.c"] {
            assert!(is_indicator_id(bad).is_err(), "{bad}");
        }
    }
}
