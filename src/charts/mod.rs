//! Charts drawn by plotters, written once against any backend.
//!
//! A chart is described by a [`ChartData`] (categories, series of exact Decimal figures,
//! a title that states the finding and an accessible description). [`draw`] renders it on
//! any plotters `DrawingBackend`; [`to_svg`] renders it to an SVG string, which is what the
//! browser shows (crisp at any pixel density, resizable, exportable) and what native tests
//! snapshot. The "show the data" table is built from the same `ChartData`, so the chart
//! and its table can never disagree.
//!
//! Money reaches the chart as Decimal and is converted to `f64` only for geometry; no
//! figure is ever written from an `f64` (axis ticks go back to Decimal and are written by
//! `crate::format`, as the tables are).

mod draw;
mod fan;
mod svg;
mod tornado;

pub use draw::{draw, to_standalone_svg, to_svg, ChartError};
pub use fan::{
    fan_svg, histogram_svg, FanData, FanYear, HistogramBar, FAN_INNER, FAN_LEGEND, FAN_MEDIAN,
    FAN_OUTER, FAN_PLAN, HISTOGRAM_BAR,
};
pub use tornado::{tornado_height, tornado_svg, TornadoBar, TornadoData, HIGH_COLOUR, LOW_COLOUR};

use rust_decimal::Decimal;

/// Colour-blind-safe palette (Okabe and Ito, 2008), as RGB.
pub const PALETTE: [(u8, u8, u8); 7] = [
    (0, 114, 178),   // blue
    (230, 159, 0),   // orange
    (0, 158, 115),   // bluish green
    (213, 94, 0),    // vermillion
    (204, 121, 167), // reddish purple
    (86, 180, 233),  // sky blue
    (120, 120, 120), // grey (stands in for black, softer on screen)
];

/// The CSS colour of palette entry `i` (wrapping).
pub fn css_colour(i: usize) -> String {
    let (r, g, b) = palette(i);
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// The classes of a legend swatch for a series of `kind` in palette colour `colour`:
/// its shape and its colour (`swatch-c0` … `swatch-c6`, each setting `--c` in
/// styles/app.css). Classes, not a `style` attribute: the page's Content-Security-Policy
/// allows no inline styles.
pub fn swatch_class(kind: SeriesKind, colour: usize) -> String {
    let shape = match kind {
        SeriesKind::Bar | SeriesKind::Floating | SeriesKind::Stacked => "swatch-bar",
        SeriesKind::Line => "swatch-line",
        SeriesKind::Dashed => "swatch-dashed",
    };
    format!("swatch {shape} swatch-c{}", colour % PALETTE.len())
}

/// Palette entry `i`, wrapping around.
pub fn palette(i: usize) -> (u8, u8, u8) {
    PALETTE.get(i % PALETTE.len()).copied().unwrap_or((0, 0, 0))
}

/// The unit of a chart's values, which sets the axis label and formatting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Pounds, shown on the axis in £m.
    Money,
    /// A count of people (headcount or FTE).
    People,
}

/// How a series is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesKind {
    /// Bars side by side with the other bar series in each category.
    Bar,
    /// A line with a marker at each category.
    Line,
    /// A dashed line without markers (targets, floors, thresholds).
    Dashed,
    /// Floating bars from `base` to `base + value` (a bridge or waterfall).
    Floating,
    /// Bars stacked on the stacked series before them, one stack per category.
    Stacked,
}

/// One series of figures, one per category.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Legend text.
    pub name: String,
    /// How it is drawn.
    pub kind: SeriesKind,
    /// Palette index.
    pub colour: usize,
    /// One figure per category (£ for money charts).
    pub values: Vec<Decimal>,
    /// For floating bars, where each bar starts; empty otherwise.
    pub bases: Vec<Decimal>,
}

impl Series {
    /// True if any figure is not zero. A series with none (nothing increased the gap, say)
    /// has nothing for a legend to name.
    pub fn has_figures(&self) -> bool {
        self.values.iter().any(|v| !v.is_zero())
    }

    /// A series of `kind` with palette colour `colour`.
    pub fn new(
        name: impl Into<String>,
        kind: SeriesKind,
        colour: usize,
        values: Vec<Decimal>,
    ) -> Self {
        Series {
            name: name.into(),
            kind,
            colour,
            values,
            bases: Vec::new(),
        }
    }
}

/// Everything needed to draw a chart and to show its data as a table.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartData {
    /// A stable id (`gap`, `funding-expenditure`…), used in the page and file names.
    pub id: String,
    /// A title that states the finding, not just the topic.
    pub title: String,
    /// A description for screen readers.
    pub description: String,
    /// Category labels along the x axis (usually financial years).
    pub categories: Vec<String>,
    /// The unit of every series.
    pub unit: Unit,
    /// The series, in legend order.
    pub series: Vec<Series>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swatch_classes_name_the_palette_colours_in_the_stylesheet() {
        let css = include_str!("../../styles/app.css");
        for i in 0..PALETTE.len() {
            let rule = format!(".swatch-c{i} {{ --c: {}; }}", css_colour(i));
            assert!(css.contains(&rule), "styles/app.css lacks `{rule}`");
        }
        assert_eq!(
            swatch_class(SeriesKind::Line, 1),
            "swatch swatch-line swatch-c1"
        );
        assert_eq!(
            swatch_class(SeriesKind::Stacked, 8),
            "swatch swatch-bar swatch-c1"
        );
        assert_eq!(
            swatch_class(SeriesKind::Dashed, 6),
            "swatch swatch-dashed swatch-c6"
        );
    }
}
