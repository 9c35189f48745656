//! Colours shared by the screen and the reports: a colour-blind-safe
//! sequential scale for maturity levels (viridis), the Okabe–Ito palette
//! for series, black-or-white text chosen by WCAG contrast, and the chart
//! chrome for a light and a dark theme; and [`shown_level`], the one place a
//! mean level's printed figure and its colour are made from the same value.

use crate::model::Level;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub const BLACK: Rgb = Rgb(0, 0, 0);
    pub const WHITE: Rgb = Rgb(255, 255, 255);

    /// `#rrggbb`, lower case, as SVG and CSS expect.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Parses `#rrggbb` or `rrggbb`.
    pub fn from_hex(text: &str) -> Option<Rgb> {
        let digits = text.strip_prefix('#').unwrap_or(text);
        if digits.len() != 6 || !digits.is_ascii() {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(&digits[i..i + 2], 16).ok();
        Some(Rgb(channel(0)?, channel(2)?, channel(4)?))
    }

    /// The colour `t` of the way from `self` to `other` (in sRGB), `t` in 0–1.
    pub fn lerp(self, other: Rgb, t: f32) -> Rgb {
        let t = t.clamp(0.0, 1.0);
        let mix = |a: u8, b: u8| {
            let value = f32::from(a) + (f32::from(b) - f32::from(a)) * t;
            // Clamped to 0–255 first, so the cast is exact.
            value.round().clamp(0.0, 255.0) as u8
        };
        Rgb(mix(self.0, other.0), mix(self.1, other.1), mix(self.2, other.2))
    }

    /// WCAG 2 relative luminance, 0 (black) to 1 (white).
    pub fn relative_luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }
}

/// The WCAG 2 contrast ratio between two colours, 1 to 21.
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.relative_luminance(), b.relative_luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Black or white, whichever contrasts more with `bg`. One of the two
/// always reaches at least 4.58:1, so text on any cell meets WCAG AA.
pub fn text_colour_on(bg: Rgb) -> Rgb {
    if contrast_ratio(Rgb::BLACK, bg) >= contrast_ratio(Rgb::WHITE, bg) {
        Rgb::BLACK
    } else {
        Rgb::WHITE
    }
}

/// Viridis sampled at nine even steps: dark purple → blue → green → yellow.
/// Its lightness rises steadily, so the order reads in greyscale and for
/// every common colour-vision deficiency.
const VIRIDIS: [Rgb; 9] = [
    Rgb(0x44, 0x01, 0x54),
    Rgb(0x47, 0x2d, 0x7b),
    Rgb(0x3b, 0x52, 0x8b),
    Rgb(0x2c, 0x72, 0x8e),
    Rgb(0x21, 0x90, 0x8c),
    Rgb(0x27, 0xad, 0x81),
    Rgb(0x5d, 0xc8, 0x63),
    Rgb(0xaa, 0xdc, 0x32),
    Rgb(0xfd, 0xe7, 0x25),
];

/// The colour of a mean level (1–5) on the heatmap: viridis from dark
/// (level 1, lagging) to light (level 5), on both themes, so laggards stand
/// out. Values outside 1–5 are clamped; a non-finite value gets
/// [`no_data_colour`].
pub fn level_colour(mean_level: f64) -> Rgb {
    if !mean_level.is_finite() {
        return no_data_colour();
    }
    let t = ((mean_level - 1.0) / 4.0).clamp(0.0, 1.0);
    let last = VIRIDIS.len() - 1;
    // t is in 0–1, so the position is in 0–8 and the casts are exact.
    let position = (t * last as f64) as f32;
    let index = (position.floor() as usize).min(last - 1);
    VIRIDIS[index].lerp(VIRIDIS[index + 1], position - index as f32)
}

/// A mean level rounded as it is printed: two decimals, half away from zero
/// (2.625 → 2.63), by the one rule ([`crate::model::round_half_away`]), so
/// a painted colour always matches the printed figure.
pub fn round2(value: f64) -> f64 {
    crate::model::round_half_away(value, crate::model::LEVEL_DECIMALS)
}

/// A mean level as it is shown: the printed value and the colour painted
/// under or beside it, both from the same rounded number, so a cell that
/// reads "5.00" is painted as 5 and one painted as 5 never reads "(4)".
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ShownLevel {
    /// The mean level rounded to two decimals ([`round2`]).
    pub value: f64,
    /// [`level_colour`] of `value`.
    pub colour: Rgb,
}

impl ShownLevel {
    /// The stage a reader sees in the printed figure: [`Level::from_mean`]
    /// of the rounded value (so "5.00" is stage 5, never 4).
    pub fn stage(self) -> Level {
        Level::from_mean(self.value)
    }
}

/// A mean level (1–5) rounded for display, with its colour computed from
/// that rounded value. A non-finite mean gets [`no_data_colour`].
pub fn shown_level(mean_level: f64) -> ShownLevel {
    let value = round2(mean_level);
    ShownLevel {
        value,
        colour: level_colour(value),
    }
}

/// The colour of a cell without data on the light theme: a neutral grey
/// outside the viridis hues (see [`ChartPalette::no_data`] for the dark one).
/// Pair it with a dash or hatching so it never relies on colour alone.
pub fn no_data_colour() -> Rgb {
    Theme::Light.palette().no_data
}

/// The Okabe–Ito palette, distinguishable under every common colour-vision
/// deficiency, in its published order: black, orange, sky blue, bluish
/// green, yellow, blue, vermillion, reddish purple.
pub const OKABE_ITO: [Rgb; 8] = [
    Rgb(0x00, 0x00, 0x00),
    Rgb(0xe6, 0x9f, 0x00),
    Rgb(0x56, 0xb4, 0xe9),
    Rgb(0x00, 0x9e, 0x73),
    Rgb(0xf0, 0xe4, 0x42),
    Rgb(0x00, 0x72, 0xb2),
    Rgb(0xd5, 0x5e, 0x00),
    Rgb(0xcc, 0x79, 0xa7),
];

/// Series colours, Okabe–Ito without black (invisible on the dark theme),
/// strongest first; yellow, weak on white, comes last.
const SERIES: [Rgb; 7] = [
    OKABE_ITO[5],
    OKABE_ITO[1],
    OKABE_ITO[3],
    OKABE_ITO[6],
    OKABE_ITO[2],
    OKABE_ITO[7],
    OKABE_ITO[4],
];

/// The colour of the `i`-th series (department, dimension …), cycling after seven.
pub fn series_colour(i: usize) -> Rgb {
    SERIES[i % SERIES.len()]
}

/// The colour for a change between periods: Okabe–Ito blue for a rise,
/// vermillion for a fall, grey for none — a pair that stays apart for
/// red–green colour blindness.
pub fn change_colour(change: f64) -> Rgb {
    if change > 0.0 {
        OKABE_ITO[5]
    } else if change < 0.0 {
        OKABE_ITO[6]
    } else {
        Rgb(0x76, 0x76, 0x76)
    }
}

/// The app's and the report's colour theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

/// The colours of a chart's chrome (everything but the data) for a theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChartPalette {
    pub background: Rgb,
    /// Titles, labels and values; at least 7:1 on the background.
    pub text: Rgb,
    /// Secondary labels; at least 4.5:1 on the background.
    pub muted_text: Rgb,
    /// Grid lines and radar rings.
    pub grid: Rgb,
    /// Axis lines and radar spokes.
    pub axis: Rgb,
    /// Heatmap cells without data.
    pub no_data: Rgb,
}

impl Theme {
    pub fn palette(self) -> ChartPalette {
        match self {
            Theme::Light => ChartPalette {
                background: Rgb(0xff, 0xff, 0xff),
                text: Rgb(0x1a, 0x1a, 0x1a),
                muted_text: Rgb(0x59, 0x59, 0x59),
                grid: Rgb(0xe0, 0xe0, 0xe0),
                axis: Rgb(0x76, 0x76, 0x76),
                no_data: Rgb(0xd9, 0xd9, 0xd9),
            },
            Theme::Dark => ChartPalette {
                background: Rgb(0x1b, 0x1b, 0x1b),
                text: Rgb(0xed, 0xed, 0xed),
                muted_text: Rgb(0xa6, 0xa6, 0xa6),
                grid: Rgb(0x3a, 0x3a, 0x3a),
                axis: Rgb(0x8c, 0x8c, 0x8c),
                no_data: Rgb(0x4a, 0x4a, 0x4a),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips() {
        assert_eq!(Rgb(0x44, 0x01, 0x54).hex(), "#440154");
        assert_eq!(Rgb::WHITE.hex(), "#ffffff");
        assert_eq!(Rgb::from_hex("#FDE725"), Some(Rgb(0xfd, 0xe7, 0x25)));
        assert_eq!(Rgb::from_hex("0072b2"), Some(Rgb(0x00, 0x72, 0xb2)));
        for bad in ["", "#12345", "#1234567", "#gggggg", "#ééé"] {
            assert_eq!(Rgb::from_hex(bad), None, "{bad}");
        }
    }

    #[test]
    fn level_colour_hits_the_stops_at_whole_levels() {
        assert_eq!(level_colour(1.0), VIRIDIS[0]);
        assert_eq!(level_colour(2.0), VIRIDIS[2]);
        assert_eq!(level_colour(3.0), VIRIDIS[4]);
        assert_eq!(level_colour(4.0), VIRIDIS[6]);
        assert_eq!(level_colour(5.0), VIRIDIS[8]);
        assert_eq!(level_colour(0.0), VIRIDIS[0]);
        assert_eq!(level_colour(9.0), VIRIDIS[8]);
        assert_eq!(level_colour(f64::NAN), no_data_colour());
    }

    #[test]
    fn level_colour_is_perceptually_ordered() {
        // Luminance rises with the level, so the order survives greyscale.
        let steps: Vec<f64> = (0..=80).map(|i| 1.0 + f64::from(i) * 0.05).collect();
        let luminance: Vec<f64> = steps
            .iter()
            .map(|&l| level_colour(l).relative_luminance())
            .collect();
        assert!(luminance.windows(2).all(|w| w[1] >= w[0]), "{luminance:?}");
        // Whole levels are clearly apart.
        for level in 1..5 {
            let (a, b) = (level_colour(f64::from(level)), level_colour(f64::from(level + 1)));
            assert!(contrast_ratio(a, b) > 1.3, "levels {level} and {}", level + 1);
        }
    }

    #[test]
    fn text_on_every_level_meets_wcag_aa() {
        for i in 0..=400 {
            let bg = level_colour(1.0 + f64::from(i) * 0.01);
            let ratio = contrast_ratio(text_colour_on(bg), bg);
            assert!(
                ratio >= 4.5,
                "{} on {}: {ratio:.2}",
                text_colour_on(bg).hex(),
                bg.hex()
            );
        }
        assert_eq!(text_colour_on(level_colour(1.0)), Rgb::WHITE);
        assert_eq!(text_colour_on(level_colour(5.0)), Rgb::BLACK);
        for theme in [Theme::Light, Theme::Dark] {
            let no_data = theme.palette().no_data;
            assert!(contrast_ratio(text_colour_on(no_data), no_data) >= 4.5);
        }
    }

    #[test]
    fn contrast_ratio_known_values() {
        assert!((contrast_ratio(Rgb::BLACK, Rgb::WHITE) - 21.0).abs() < 1e-9);
        assert_eq!(contrast_ratio(Rgb(10, 20, 30), Rgb(10, 20, 30)), 1.0);
        // #767676 on white is the classic just-passing AA grey (4.54:1).
        assert!((contrast_ratio(Rgb(0x76, 0x76, 0x76), Rgb::WHITE) - 4.54).abs() < 0.01);
    }

    #[test]
    fn theme_text_is_readable() {
        for theme in [Theme::Light, Theme::Dark] {
            let p = theme.palette();
            assert!(contrast_ratio(p.text, p.background) >= 7.0, "{theme:?}");
            assert!(contrast_ratio(p.muted_text, p.background) >= 4.5, "{theme:?}");
            assert!(contrast_ratio(p.axis, p.background) >= 3.0, "{theme:?}");
        }
    }

    #[test]
    fn series_colours_cycle_and_differ() {
        assert_eq!(series_colour(0), Rgb(0x00, 0x72, 0xb2));
        assert_eq!(series_colour(7), series_colour(0));
        let distinct: std::collections::HashSet<_> = (0..7).map(series_colour).collect();
        assert_eq!(distinct.len(), 7);
        assert!(!distinct.contains(&Rgb::BLACK));
    }

    #[test]
    fn change_colours() {
        assert_eq!(change_colour(0.5), OKABE_ITO[5]);
        assert_eq!(change_colour(-0.5), OKABE_ITO[6]);
        assert_ne!(change_colour(0.0), change_colour(1.0));
    }

    #[test]
    fn shown_level_prints_and_paints_the_same_rounded_value() {
        // 4.995 rounds up to 5.00: painted as level 5, stage 5.
        let up = shown_level(4.995);
        assert_eq!(up.value, 5.0);
        assert_eq!(up.colour, VIRIDIS[8]);
        assert_eq!(up.stage().get(), 5);
        // 4.994 stays 4.99: stage 4, and not painted as 5.
        let down = shown_level(4.994);
        assert_eq!(down.value, 4.99);
        assert_eq!(down.stage().get(), 4);
        assert_eq!(down.colour, level_colour(4.99));
        assert_ne!(down.colour, VIRIDIS[8]);
        // Half away from zero: 2.625 → 2.63 (plain `{:.2}` rounds it to 2.62).
        let half = shown_level(2.625);
        assert_eq!(half.value, 2.63);
        assert_eq!(half.colour, level_colour(2.63));
        // 3.999 reads "4.00" and is stage 4, painted as level 4 exactly.
        let nearly = shown_level(3.999);
        assert_eq!((nearly.value, nearly.stage().get()), (4.0, 4));
        assert_eq!(nearly.colour, VIRIDIS[6]);
        assert_eq!(shown_level(f64::NAN).colour, no_data_colour());
    }

    #[test]
    fn round2_is_half_away_from_zero() {
        assert_eq!(round2(2.625), 2.63);
        assert_eq!(round2(-2.625), -2.63);
        assert_eq!(round2(4.995), 5.0);
        assert_eq!(round2(4.994), 4.99);
        assert_eq!(round2(2.0), 2.0);
    }

    #[test]
    fn lerp_ends_and_middle() {
        let (a, b) = (Rgb(0, 100, 200), Rgb(100, 200, 0));
        assert_eq!(a.lerp(b, 0.0), a);
        assert_eq!(a.lerp(b, 1.0), b);
        assert_eq!(a.lerp(b, 0.5), Rgb(50, 150, 100));
        assert_eq!(a.lerp(b, 7.0), b);
    }
}
