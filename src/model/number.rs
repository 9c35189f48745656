//! The one rounding rule every shown figure goes through, kept here, below
//! both `charts` (which paints a cell in the colour of its printed figure)
//! and `present` (which prints it), so they cannot round differently.

/// Decimals of a mean level, a change and a priority as shown.
pub const LEVEL_DECIMALS: usize = 2;

/// `value` rounded to `decimals` places, halves away from zero (2.625 →
/// 2.63, −2.625 → −2.63); a rounded zero is zero, never −0.
pub fn round_half_away(value: f64, decimals: usize) -> f64 {
    let scale = 10f64.powi(i32::try_from(decimals).unwrap_or(6));
    let rounded = (value * scale).round() / scale;
    if rounded == 0.0 { 0.0 } else { rounded }
}
