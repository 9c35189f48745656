//! ---- shipping: about window. Sentences of the About window that carry
//! figures (the words alone are `T::About…`).

use crate::model::Lang;

/// The built-in framework as the About window names it:
/// "Digital Government Maturity (digital-government), edition 1" /
/// "数字政府成熟度（digital-government），第 1 版".
pub fn framework_edition(name: &str, id: &str, edition: u32, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{name} ({id}), edition {edition}"),
        Lang::Zh => format!("{name}（{id}），第 {edition} 版"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn framework_edition_in_both_languages() {
        assert_eq!(
            framework_edition("Digital Government Maturity", "digital-government", 1, Lang::En),
            "Digital Government Maturity (digital-government), edition 1"
        );
        assert_eq!(
            framework_edition("数字政府成熟度", "digital-government", 1, Lang::Zh),
            "数字政府成熟度（digital-government），第 1 版"
        );
    }
}
