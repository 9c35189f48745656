//! A figure's chart as a picture: the SVG the HTML report embeds, drawn by
//! resvg at print resolution with the bundled fonts (never the system's,
//! so the picture is the same on every machine) and encoded as PNG.

use std::sync::Arc;

use resvg::tiny_skia;
use resvg::usvg::{self, fontdb};

/// Dots per inch of the pictures: print resolution.
pub const DPI: f32 = 200.0;
/// EMU per inch.
const EMU_PER_INCH: f32 = 914_400.0;

/// A drawn chart.
#[derive(Clone, Debug)]
pub struct Picture {
    pub png: Vec<u8>,
    /// The size on the page, in EMU.
    pub width: u64,
    pub height: u64,
}

/// Draws SVG with the bundled fonts.
pub struct Painter {
    options: usvg::Options<'static>,
}

impl Painter {
    pub fn new() -> Painter {
        let mut db = fontdb::Database::new();
        db.load_font_source(fontdb::Source::Binary(Arc::new(crate::fonts::CJK_FONT)));
        db.load_font_source(fontdb::Source::Binary(Arc::new(crate::fonts::CJK_SERIF_FONT)));
        let family = |serif: bool| {
            db.faces()
                .find(|f| f.families.iter().any(|(name, _)| name.contains("Serif") == serif))
                .and_then(|f| f.families.first())
                .map(|(name, _)| name.clone())
        };
        let sans = family(false);
        if let Some(serif) = family(true) {
            db.set_serif_family(serif);
        }
        let mut options = usvg::Options::default();
        if let Some(sans) = sans {
            db.set_sans_serif_family(sans.clone());
            options.font_family = sans;
        }
        options.fontdb = Arc::new(db);
        Painter { options }
    }

    /// Draws `svg` as wide as `width` (EMU) and no taller than `height`,
    /// keeping its proportions. `None` when the SVG cannot be read or is empty.
    pub fn draw(&self, svg: &str, width: u64, height: u64) -> Option<Picture> {
        let tree = usvg::Tree::from_str(svg, &self.options).ok()?;
        let size = tree.size();
        if size.width() <= 0.0 || size.height() <= 0.0 {
            return None;
        }
        let (width, height) = (width as f32, height as f32);
        let mut shown_width = width;
        let mut shown_height = width * size.height() / size.width();
        if shown_height > height {
            shown_width *= height / shown_height;
            shown_height = height;
        }
        let pixels_wide = (shown_width / EMU_PER_INCH * DPI).round().max(1.0);
        let scale = pixels_wide / size.width();
        let pixels_high = (size.height() * scale).round().max(1.0);
        let mut pixmap = tiny_skia::Pixmap::new(pixels_wide as u32, pixels_high as u32)?;
        pixmap.fill(tiny_skia::Color::WHITE);
        resvg::render(
            &tree,
            tiny_skia::Transform::from_scale(scale, scale),
            &mut pixmap.as_mut(),
        );
        let png = pixmap.encode_png().ok()?;
        Some(Picture {
            png,
            width: shown_width as u64,
            height: shown_height as u64,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const INCH: u64 = 914_400;

    #[test]
    fn a_chart_is_drawn_at_print_resolution_to_the_width_given() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"200\" viewBox=\"0 0 400 200\">\
                   <rect x=\"10\" y=\"10\" width=\"100\" height=\"50\" fill=\"#440154\"/>\
                   <text x=\"20\" y=\"120\" font-family=\"'Noto Sans SC'\" font-size=\"20\">数字政府 2.63</text></svg>";
        let picture = Painter::new().draw(svg, 6 * INCH, 9 * INCH).unwrap();
        assert_eq!((picture.width, picture.height), (6 * INCH, 3 * INCH));
        assert_eq!(&picture.png[1..4], b"PNG");
        // 6 inches at 200 dpi.
        assert_eq!(u32::from_be_bytes(picture.png[16..20].try_into().unwrap()), 1200);
        assert_eq!(u32::from_be_bytes(picture.png[20..24].try_into().unwrap()), 600);
    }

    #[test]
    fn a_tall_chart_is_fitted_to_the_height_and_bad_svg_is_no_picture() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"1000\"><rect width=\"100\" height=\"1000\"/></svg>";
        let picture = Painter::new().draw(svg, 6 * INCH, 8 * INCH).unwrap();
        assert_eq!((picture.width, picture.height), (INCH * 8 / 10, 8 * INCH));
        assert!(Painter::new().draw("<svg", INCH, INCH).is_none());
        assert!(Painter::new().draw("not svg", INCH, INCH).is_none());
    }
}
