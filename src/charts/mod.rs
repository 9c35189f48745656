//! Chart geometry and colour, shared by the egui app and the SVG/PDF
//! reports so that leadership sees the same picture on screen and on paper.
//!
//! Pure: f32 screen coordinates with y pointing down, colours as sRGB, no
//! egui and no I/O. Each painter turns [`Point`], [`Rect`] and [`Rgb`] into
//! its own shapes.
//!
//! - [`radar`]: spokes, rings and data polygons (with a triangle fan for
//!   filling concave shapes);
//! - [`heatmap`]: the department × dimension grid and its label boxes;
//! - [`bars`]: bar rectangles;
//! - [`axis`]: linear scales with round ticks, and date axes;
//! - [`colour`]: the viridis level scale, Okabe–Ito series colours, text
//!   contrast and the light/dark chart chrome.

pub mod axis;
pub mod bars;
pub mod colour;
pub mod geom;
pub mod heatmap;
pub mod radar;
pub mod timeline;

pub use axis::{LinearScale, date_from_days, date_ticks, days_since, nice_ticks};
pub use bars::bar_layout;
pub use colour::{
    ChartPalette, OKABE_ITO, Rgb, ShownLevel, Theme, change_colour, contrast_ratio, level_colour,
    no_data_colour, round2, series_colour, shown_level, text_colour_on,
};
pub use geom::{HAlign, Point, Rect, VAlign};
pub use heatmap::{HeatCell, HeatmapLabels, HeatmapLayout, heatmap_layout};
pub use radar::{RadarAxis, RadarLayout, radar_edges, radar_fan, radar_layout, radar_polygon};
pub use timeline::{TimelineLayout, timeline_layout};
