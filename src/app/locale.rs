//! The language the app starts in the first time, before the user has chosen
//! one: the system's, where it is Chinese; English otherwise. From then on
//! the preferences remember the user's choice.

use crate::model::Lang;

/// The system's language, as far as the app can tell: on Windows the
/// user's display language; elsewhere the POSIX locale variables
/// (`LC_ALL`, then `LC_MESSAGES`, then `LANG`: the first one set wins).
pub fn system_lang() -> Lang {
    #[cfg(windows)]
    {
        windows_lang()
    }
    #[cfg(not(windows))]
    {
        let first_set = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty());
        lang_of_locale(first_set.as_deref())
    }
}

/// Chinese for a locale name such as `zh_CN.UTF-8`, `zh_TW` or `zh-Hans`;
/// English for any other, and for none.
pub fn lang_of_locale(locale: Option<&str>) -> Lang {
    match locale {
        Some(name) if name.get(..2).is_some_and(|two| two.eq_ignore_ascii_case("zh")) => Lang::Zh,
        _ => Lang::En,
    }
}

/// The user's display language: Chinese when its primary language is
/// (`LANG_CHINESE`, 0x04, in the low ten bits of the language id).
#[cfg(windows)]
fn windows_lang() -> Lang {
    use windows_sys::Win32::Globalization::GetUserDefaultUILanguage;
    // SAFETY: takes nothing and returns a plain value.
    let id = unsafe { GetUserDefaultUILanguage() };
    if id & 0x3ff == 0x04 { Lang::Zh } else { Lang::En }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_locales_start_in_chinese_and_every_other_in_english() {
        for chinese in [
            "zh_CN.UTF-8",
            "zh_CN",
            "zh_TW.UTF-8",
            "zh-Hans",
            "ZH_cn.gb18030",
            "zh",
        ] {
            assert_eq!(lang_of_locale(Some(chinese)), Lang::Zh, "{chinese}");
        }
        for other in ["C", "C.UTF-8", "POSIX", "en_US.UTF-8", "de_DE", "z", ""] {
            assert_eq!(lang_of_locale(Some(other)), Lang::En, "{other}");
        }
        assert_eq!(lang_of_locale(None), Lang::En);
        // A multi-byte first character never splits a byte boundary.
        assert_eq!(lang_of_locale(Some("中文")), Lang::En);
    }
}
