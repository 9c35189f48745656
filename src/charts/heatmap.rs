//! Heatmap geometry: departments down the side, dimensions across the top,
//! one cell per pair. A cell's colour and its printed figure both come from
//! [`super::colour::shown_level`], so they are of the same rounded value.

use super::geom::{Point, Rect};

/// Room reserved for labels around the grid, and the gap between cells.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HeatmapLabels {
    /// Width of the row labels, left of the grid.
    pub row_width: f32,
    /// Height of the column labels, above the grid.
    pub column_height: f32,
    /// Space between neighbouring cells.
    pub gap: f32,
}

/// One cell of the grid.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HeatCell {
    pub row: usize,
    pub col: usize,
    pub rect: Rect,
}

/// Cells and label boxes of a heatmap.
#[derive(Clone, Debug, PartialEq)]
pub struct HeatmapLayout {
    pub rows: usize,
    pub cols: usize,
    /// Row-major: cell `(row, col)` is at `row * cols + col`.
    pub cells: Vec<HeatCell>,
    /// One box per row, left of the grid, level with its cells.
    pub row_labels: Vec<Rect>,
    /// One box per column, above the grid, as wide as its cells.
    pub column_labels: Vec<Rect>,
    /// The area the cells span, gaps included.
    pub grid: Rect,
}

impl HeatmapLayout {
    pub fn cell(&self, row: usize, col: usize) -> Option<&HeatCell> {
        if row >= self.rows || col >= self.cols {
            return None;
        }
        self.cells.get(row * self.cols + col)
    }

    /// The `(row, col)` of the cell under `p`, for hover; `None` over a gap
    /// or outside the grid.
    pub fn hit(&self, p: Point) -> Option<(usize, usize)> {
        self.cells
            .iter()
            .find(|c| c.rect.contains(p))
            .map(|c| (c.row, c.col))
    }
}

/// Splits `area` into a `rows × cols` grid of equal cells, below the column
/// labels and right of the row labels. A too-small area gives empty cells
/// rather than negative ones.
pub fn heatmap_layout(rows: usize, cols: usize, area: Rect, labels: HeatmapLabels) -> HeatmapLayout {
    let grid = Rect::new(
        Point::new(
            (area.min.x + labels.row_width).min(area.max.x),
            (area.min.y + labels.column_height).min(area.max.y),
        ),
        area.max,
    );
    let gap = labels.gap.max(0.0);
    let xs = bands(grid.min.x, grid.width(), cols, gap);
    let ys = bands(grid.min.y, grid.height(), rows, gap);

    let cells = ys
        .iter()
        .enumerate()
        .flat_map(|(row, &(top, bottom))| {
            xs.iter().enumerate().map(move |(col, &(left, right))| HeatCell {
                row,
                col,
                rect: Rect::new(Point::new(left, top), Point::new(right, bottom)),
            })
        })
        .collect();
    let row_labels = ys
        .iter()
        .map(|&(top, bottom)| Rect::new(Point::new(area.min.x, top), Point::new(grid.min.x, bottom)))
        .collect();
    let column_labels = xs
        .iter()
        .map(|&(left, right)| Rect::new(Point::new(left, area.min.y), Point::new(right, grid.min.y)))
        .collect();
    HeatmapLayout {
        rows,
        cols,
        cells,
        row_labels,
        column_labels,
        grid,
    }
}

/// `count` equal bands along a line of `length` from `start`, `gap` apart:
/// `(start, end)` of each. When the gaps alone would not fit, they shrink
/// so that the bands never leave the line.
pub(super) fn bands(start: f32, length: f32, count: usize, gap: f32) -> Vec<(f32, f32)> {
    if count == 0 {
        return Vec::new();
    }
    let length = length.max(0.0);
    // Counts are small, so the conversions are exact.
    let gap_count = (count - 1) as f32;
    let gap = if gap_count > 0.0 {
        gap.max(0.0).min(length / gap_count)
    } else {
        0.0
    };
    let size = ((length - gap * gap_count) / count as f32).max(0.0);
    let step = size + gap;
    (0..count)
        .map(|i| {
            let from = start + step * i as f32;
            (from, from + size)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area() -> Rect {
        Rect::from_min_size(Point::new(10.0, 20.0), 400.0, 300.0)
    }

    fn labels() -> HeatmapLabels {
        HeatmapLabels {
            row_width: 100.0,
            column_height: 30.0,
            gap: 2.0,
        }
    }

    #[test]
    fn cells_tile_the_grid_without_overlap() {
        let layout = heatmap_layout(5, 6, area(), labels());
        assert_eq!(layout.cells.len(), 30);
        for (i, a) in layout.cells.iter().enumerate() {
            assert!(a.rect.width() > 0.0 && a.rect.height() > 0.0);
            assert!(layout.grid.contains(a.rect.min) && layout.grid.contains(a.rect.max));
            for b in &layout.cells[i + 1..] {
                assert!(!a.rect.overlaps(&b.rect), "{a:?} overlaps {b:?}");
            }
        }
        // Cells plus gaps fill the grid exactly: 300 − 5 × 2 = 290 wide, 270 − 4 × 2 = 262 high.
        let cell_area: f32 = layout.cells.iter().map(|c| c.rect.area()).sum();
        assert!((cell_area - 290.0 * 262.0).abs() < 0.5, "{cell_area}");
        let last = layout.cells.last().map(|c| c.rect.max);
        assert_eq!(last, Some(area().max));
    }

    #[test]
    fn row_major_and_addressable() {
        let layout = heatmap_layout(3, 4, area(), labels());
        let Some(cell) = layout.cell(1, 2) else {
            panic!("cell (1, 2) exists")
        };
        assert_eq!((cell.row, cell.col), (1, 2));
        assert_eq!(layout.cells[4 + 2], *cell);
        assert_eq!(layout.cell(3, 0), None);
        assert_eq!(layout.cell(0, 4), None);
        // First cell starts right of the row labels and below the column labels.
        assert_eq!(layout.cells[0].rect.min, Point::new(110.0, 50.0));
        assert_eq!(layout.hit(cell.rect.center()), Some((1, 2)));
        assert_eq!(layout.hit(Point::new(0.0, 0.0)), None);
    }

    #[test]
    fn labels_line_up_with_cells() {
        let layout = heatmap_layout(3, 4, area(), labels());
        assert_eq!(layout.row_labels.len(), 3);
        assert_eq!(layout.column_labels.len(), 4);
        for (row, label) in layout.row_labels.iter().enumerate() {
            let Some(cell) = layout.cell(row, 0) else {
                panic!("row {row}")
            };
            assert_eq!((label.min.y, label.max.y), (cell.rect.min.y, cell.rect.max.y));
            assert_eq!((label.min.x, label.max.x), (10.0, 110.0));
        }
        for (col, label) in layout.column_labels.iter().enumerate() {
            let Some(cell) = layout.cell(0, col) else {
                panic!("col {col}")
            };
            assert_eq!((label.min.x, label.max.x), (cell.rect.min.x, cell.rect.max.x));
            assert_eq!((label.min.y, label.max.y), (20.0, 50.0));
        }
    }

    #[test]
    fn too_small_or_empty_areas() {
        assert!(heatmap_layout(0, 5, area(), labels()).cells.is_empty());
        let cramped = heatmap_layout(2, 2, Rect::from_min_size(Point::default(), 50.0, 10.0), labels());
        assert_eq!(cramped.cells.len(), 4);
        let cramped_area = Rect::from_min_size(Point::default(), 50.0, 10.0);
        for cell in &cramped.cells {
            assert!(cell.rect.width() >= 0.0 && cell.rect.height() >= 0.0);
            assert!(cramped_area.contains(cell.rect.min) && cramped_area.contains(cell.rect.max));
        }
    }

    #[test]
    fn bands_are_equal_and_spaced() {
        assert_eq!(
            bands(0.0, 100.0, 4, 4.0),
            [(0.0, 22.0), (26.0, 48.0), (52.0, 74.0), (78.0, 100.0)]
        );
        assert_eq!(bands(5.0, 10.0, 1, 4.0), [(5.0, 15.0)]);
        // Gaps wider than the line shrink to fit it.
        assert_eq!(bands(0.0, 6.0, 3, 10.0), [(0.0, 0.0), (3.0, 3.0), (6.0, 6.0)]);
    }
}
