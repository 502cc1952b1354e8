//! Drawing a [`ChartData`] on any plotters backend.

use std::ops::Range;

use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, Ranged, ValueFormatter};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;

use super::svg::{text_size, Svg};
use super::{palette, ChartData, Series, SeriesKind, Unit};
use crate::format;

/// Why a chart could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartError(pub String);

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "chart could not be drawn: {}", self.0)
    }
}

impl std::error::Error for ChartError {}

pub(super) fn err<E: std::fmt::Debug>(e: E) -> ChartError {
    ChartError(format!("{e:?}"))
}

/// The x axis: one slot per category, centred on whole numbers 0, 1, 2…
#[derive(Debug, Clone)]
pub(super) struct Slots(pub(super) usize);

impl Ranged for Slots {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let n = self.0.max(1) as f64;
        let span = f64::from(limit.1 - limit.0);
        let pos = (value + 0.5) / n;
        limit.0 + (span * pos).round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, _hint: Hint) -> Vec<f64> {
        (0..self.0).map(|i| i as f64).collect()
    }

    fn range(&self) -> Range<f64> {
        -0.5..(self.0 as f64 - 0.5)
    }
}

impl ValueFormatter<f64> for Slots {
    /// Never shown: the chart labels slots with its categories (see `x_label_formatter`).
    fn format(_value: &f64) -> String {
        String::new()
    }
}

/// The y axis: plotters' own f64 axis for placing figures and choosing ticks, without its
/// default labels (which format floats); the chart labels ticks with [`axis_label`].
#[derive(Clone)]
pub(super) struct Values(pub(super) RangedCoordf64);

impl Ranged for Values {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.0.map(value, limit)
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        self.0.key_points(hint)
    }

    fn range(&self) -> Range<f64> {
        self.0.range()
    }
}

impl ValueFormatter<f64> for Values {
    /// Never shown: the chart labels ticks with `axis_label` (see `y_label_formatter`).
    fn format(_value: &f64) -> String {
        String::new()
    }
}

fn scale(unit: Unit) -> f64 {
    match unit {
        Unit::Money => 1_000_000.0,
        Unit::People => 1.0,
    }
}

fn to_f64(value: Decimal, unit: Unit) -> f64 {
    value.to_f64().unwrap_or(0.0) / scale(unit)
}

/// Where each series' bars start, per category: a floating series' own bases, a stacked
/// series' running total of the stacked series before it, zero otherwise.
fn bases(data: &ChartData) -> Vec<Vec<f64>> {
    let n = data.categories.len();
    let mut stack = vec![0.0_f64; n];
    data.series
        .iter()
        .map(|s| match s.kind {
            SeriesKind::Floating => (0..n)
                .map(|i| s.bases.get(i).map_or(0.0, |b| to_f64(*b, data.unit)))
                .collect(),
            SeriesKind::Stacked => {
                let here = stack.clone();
                for (slot, v) in stack.iter_mut().zip(&s.values) {
                    *slot += to_f64(*v, data.unit);
                }
                here
            }
            _ => vec![0.0; n],
        })
        .collect()
}

/// The y range covering every figure, with headroom. Charts with bars include zero;
/// line-only charts of people (headcount against a target) zoom to their figures.
fn y_range(data: &ChartData, bases: &[Vec<f64>]) -> Range<f64> {
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for (s, b) in data.series.iter().zip(bases) {
        for (i, v) in s.values.iter().enumerate() {
            let base = b.get(i).copied().unwrap_or(0.0);
            let top = base + to_f64(*v, data.unit);
            lo = lo.min(top);
            hi = hi.max(top);
            if !matches!(s.kind, SeriesKind::Line | SeriesKind::Dashed) {
                lo = lo.min(base);
                hi = hi.max(base);
            }
        }
    }
    let lines_only = data
        .series
        .iter()
        .all(|s| matches!(s.kind, SeriesKind::Line | SeriesKind::Dashed));
    if !(lines_only && data.unit == Unit::People) {
        lo = lo.min(0.0);
        hi = hi.max(0.0);
    }
    if !lo.is_finite() || !hi.is_finite() {
        return 0.0..1.0;
    }
    if (hi - lo).abs() < f64::EPSILON {
        hi = lo + 1.0;
    }
    let pad = (hi - lo) * 0.08;
    let lo = if lo < 0.0 || lines_only && data.unit == Unit::People {
        lo - pad
    } else {
        lo
    };
    lo..(hi + pad)
}

/// A y axis tick as the data tables write figures (`crate::format`): `v` is in the axis's
/// unit (£m or people), to as many places as the tick step needs.
pub(super) fn axis_label(v: f64, unit: Unit, step: f64) -> String {
    let dp: u32 = if step >= 1.0 || step == 0.0 {
        0
    } else if step >= 0.1 {
        1
    } else {
        2
    };
    // Back to pounds or people, exactly as a Decimal (from the float's bits, not its text).
    let value = Decimal::from_f64(v * scale(unit)).unwrap_or_default();
    match unit {
        Unit::Money => format::millions_dp(value, dp),
        Unit::People => format::count(value, dp),
    }
}

/// Draw `data` on `area`.
///
/// With `legend` false the legend is left to the page (an HTML list beside the chart, which
/// can never cover the data); standalone drawings (exports) set it true.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &ChartData,
    legend: bool,
) -> Result<(), ChartError> {
    area.fill(&WHITE).map_err(err)?;
    let n = data.categories.len();
    if n == 0 {
        return Err(ChartError("no categories to draw".into()));
    }
    let stack_bases = bases(data);
    let y = y_range(data, &stack_bases);
    // Standalone drawings carry their legend in rows below the x axis labels.
    let (width, height) = area.dim_in_pixel();
    let (width, height) = (
        i32::try_from(width).unwrap_or(0),
        i32::try_from(height).unwrap_or(0),
    );
    let legend = if legend && data.series.len() > 1 {
        legend_layout(data, width - 2 * MARGIN)
    } else {
        Vec::new()
    };
    let rows = legend.last().map_or(0, |entry| entry.row + 1);
    let mut chart = ChartBuilder::on(area)
        .margin(MARGIN)
        .margin_right(20)
        .x_label_area_size(34 + rows * LEGEND_ROW)
        .y_label_area_size(64)
        .build_cartesian_2d(Slots(n), Values(y.clone().into()))
        .map_err(err)?;
    draw_axes(&mut chart, data, &y)?;
    let bars = Bars::of(data);
    for (si, s) in data.series.iter().enumerate() {
        let base = stack_bases.get(si).map(Vec::as_slice).unwrap_or_default();
        draw_series(&mut chart, s, data.unit, bars.place(si, s.kind), base)?;
    }
    draw_legend(area, &legend, (MARGIN, height - MARGIN - rows * LEGEND_ROW))?;
    area.present().map_err(err)?;
    Ok(())
}

/// A chart's plotting area, in slots (one per category) by values.
pub(super) type Chart<'a, DB> = ChartContext<'a, DB, Cartesian2d<Slots, Values>>;

/// The axes, their labels and the grid; a zero line when the values go below zero, so
/// gaps above and surpluses below read at a glance.
fn draw_axes<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    data: &ChartData,
    y: &Range<f64>,
) -> Result<(), ChartError> {
    let step = {
        let span = y.end - y.start;
        let raw = span / 6.0;
        10f64.powf(raw.log10().floor())
    };
    draw_mesh(chart, &data.categories, data.unit, step)?;
    if y.start < 0.0 {
        draw_zero_line(chart, data.categories.len())?;
    }
    Ok(())
}

/// The axes, their labels (a category under each slot; values in `unit`, ticks `step`
/// apart) and the horizontal grid.
pub(super) fn draw_mesh<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    cats: &[String],
    unit: Unit,
    step: f64,
) -> Result<(), ChartError> {
    let n = cats.len();
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE.mix(0.0))
        .bold_line_style(RGBColor(220, 220, 220))
        .axis_style(RGBColor(90, 90, 90))
        .label_style(
            ("sans-serif", if n > 7 { 13 } else { 15 })
                .into_font()
                .color(&RGBColor(50, 50, 50)),
        )
        .x_labels(n)
        .y_labels(7)
        .x_label_formatter(&|x: &f64| {
            let i = x.round();
            if i >= 0.0 && (x - i).abs() < 1e-6 {
                cats.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_label_formatter(&|v: &f64| axis_label(*v, unit, step))
        .draw()
        .map_err(err)
}

/// A line at zero across the `n` slots.
pub(super) fn draw_zero_line<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    n: usize,
) -> Result<(), ChartError> {
    chart
        .draw_series(LineSeries::new(
            [(-0.5, 0.0), (n as f64 - 0.5, 0.0)],
            RGBColor(90, 90, 90).stroke_width(1),
        ))
        .map_err(err)?;
    Ok(())
}

/// Where bars sit in each category's slot: plain bars side by side; floating (a bridge)
/// and stacked bars share one full-width slot.
struct Bars {
    /// The plain bar series, in order.
    plain: Vec<usize>,
}

/// How much of a slot a category's bars take.
const GROUP_WIDTH: f64 = 0.72;

impl Bars {
    fn of(data: &ChartData) -> Bars {
        Bars {
            plain: data
                .series
                .iter()
                .enumerate()
                .filter(|(_, s)| s.kind == SeriesKind::Bar)
                .map(|(i, _)| i)
                .collect(),
        }
    }

    /// Series `si`'s offset from its category's centre and its bar width.
    fn place(&self, si: usize, kind: SeriesKind) -> (f64, f64) {
        if kind != SeriesKind::Bar {
            return (-GROUP_WIDTH / 2.0, GROUP_WIDTH);
        }
        let width = GROUP_WIDTH / self.plain.len().max(1) as f64;
        let slot = self.plain.iter().position(|&b| b == si).unwrap_or(0) as f64;
        (-GROUP_WIDTH / 2.0 + slot * width, width)
    }
}

/// One series: bars from `base` (a stack's or a bridge's running total) placed as
/// `(offset, width)`, or a line with its points, or a dashed line.
fn draw_series<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    s: &Series,
    unit: Unit,
    (offset, bar_width): (f64, f64),
    base: &[f64],
) -> Result<(), ChartError> {
    let (r, g, b) = palette(s.colour);
    let colour = RGBColor(r, g, b);
    let points: Vec<(f64, f64)> = s
        .values
        .iter()
        .enumerate()
        .map(|(i, v)| (i as f64, to_f64(*v, unit)))
        .collect();
    match s.kind {
        SeriesKind::Bar | SeriesKind::Floating | SeriesKind::Stacked => {
            let bars = points.iter().enumerate().map(|(i, (x, v))| {
                let base = base.get(i).copied().unwrap_or(0.0);
                let x0 = x + offset + bar_width * 0.06;
                let x1 = x + offset + bar_width * 0.94;
                Rectangle::new([(x0, base), (x1, base + v)], colour.filled())
            });
            chart.draw_series(bars).map_err(err)?;
        }
        SeriesKind::Line => {
            chart
                .draw_series(LineSeries::new(points.clone(), colour.stroke_width(3)))
                .map_err(err)?;
            chart
                .draw_series(points.iter().map(|p| Circle::new(*p, 4, colour.filled())))
                .map_err(err)?;
        }
        SeriesKind::Dashed => {
            chart
                .draw_series(DashedLineSeries::new(points, 8, 5, colour.stroke_width(2)))
                .map_err(err)?;
        }
    }
    Ok(())
}

/// The space around the whole drawing, in pixels.
pub(super) const MARGIN: i32 = 12;
const LEGEND_ROW: i32 = 22;
const LEGEND_FONT: f64 = 14.0;
/// Swatch width plus the gaps either side of it.
const LEGEND_SWATCH: i32 = 18 + 8;
const LEGEND_GAP: i32 = 24;

/// One entry of a standalone chart's legend: its series, its row and its x offset.
struct LegendEntry<'a> {
    series: &'a Series,
    row: i32,
    x: i32,
}

/// The legend of a standalone chart: each series with figures (as the page's legend names
/// them), packed left to right into rows at most `width` pixels wide.
fn legend_layout(data: &ChartData, width: i32) -> Vec<LegendEntry<'_>> {
    let mut entries = Vec::with_capacity(data.series.len());
    let (mut row, mut x) = (0, 0);
    for series in data.series.iter().filter(|s| s.has_figures()) {
        let w = LEGEND_SWATCH + i32::try_from(text_size(&series.name, LEGEND_FONT).0).unwrap_or(0);
        if x > 0 && x + w > width {
            row += 1;
            x = 0;
        }
        entries.push(LegendEntry { series, row, x });
        x += w + LEGEND_GAP;
    }
    entries
}

/// The legend laid out by [`legend_layout`], in rows from `top_left` (pixels) below the x
/// axis, where it can never cover the data: bars as squares, lines as strokes (dashed for
/// dashed series).
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    legend: &[LegendEntry],
    (x, y): (i32, i32),
) -> Result<(), ChartError> {
    let font = ("sans-serif", LEGEND_FONT)
        .into_font()
        .color(&RGBColor(40, 40, 40))
        .pos(Pos::new(HPos::Left, VPos::Center));
    for entry in legend {
        let s = entry.series;
        let (r, g, b) = palette(s.colour);
        let colour = RGBColor(r, g, b);
        let (sx, mid) = (x + entry.x, y + entry.row * LEGEND_ROW + LEGEND_ROW / 2);
        let stroke = [(sx, mid), (sx + 18, mid)];
        match s.kind {
            SeriesKind::Bar | SeriesKind::Floating | SeriesKind::Stacked => area
                .draw(&Rectangle::new(
                    [(sx + 3, mid - 6), (sx + 15, mid + 6)],
                    colour.filled(),
                ))
                .map_err(err)?,
            SeriesKind::Line => area
                .draw(&PathElement::new(stroke, colour.stroke_width(3)))
                .map_err(err)?,
            // Dashed at 2 px like the series (whose dashes of 8 would not show in 18 px).
            SeriesKind::Dashed => area
                .draw(&DashedPathElement::new(
                    stroke,
                    5,
                    3,
                    colour.stroke_width(2),
                ))
                .map_err(err)?,
        }
        area.draw(&Text::new(
            s.name.as_str(),
            (sx + LEGEND_SWATCH, mid),
            font.clone(),
        ))
        .map_err(err)?;
    }
    Ok(())
}

/// Render `data` as an SVG document `width` × `height` (it scales with its container),
/// without a legend: the page shows the legend beside it.
pub fn to_svg(data: &ChartData, width: u32, height: u32) -> Result<String, ChartError> {
    svg(data, width, height, false)
}

/// Render `data` as a standalone SVG document with its legend drawn in (for export).
pub fn to_standalone_svg(data: &ChartData, width: u32, height: u32) -> Result<String, ChartError> {
    svg(data, width, height, true)
}

fn svg(data: &ChartData, width: u32, height: u32, legend: bool) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let area = Svg::new(&mut out, (width, height)).into_drawing_area();
        draw(&area, data, legend)?;
    }
    Svg::finish(&mut out);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_labels_read_as_finance_does() {
        assert_eq!(axis_label(2400.0, Unit::People, 10.0), "2,400");
        assert_eq!(axis_label(-2.5, Unit::Money, 0.5), "\u{2212}£2.5m");
        assert_eq!(axis_label(1250.0, Unit::Money, 50.0), "£1,250m");
        assert_eq!(axis_label(0.25, Unit::Money, 0.05), "£0.25m");
        assert_eq!(axis_label(1234567.0, Unit::Money, 100000.0), "£1,234,567m");
        assert_eq!(axis_label(0.1 + 0.2, Unit::Money, 0.1), "£0.3m");
        assert_eq!(axis_label(-0.004, Unit::Money, 0.05), "£0.00m");
        assert_eq!(axis_label(2.999, Unit::People, 1.0), "3");
    }

    fn chart(names: &[&str]) -> ChartData {
        let d = |n: i64| Decimal::new(n * 1_000_000, 0);
        ChartData {
            id: "t".into(),
            title: "T".into(),
            description: "D".into(),
            categories: vec!["2021/22".into(), "2022/23".into()],
            unit: Unit::Money,
            series: names
                .iter()
                .enumerate()
                .map(|(i, n)| Series::new(*n, SeriesKind::Bar, i, vec![d(1), d(2)]))
                .collect(),
        }
    }

    #[test]
    fn legend_entries_wrap_into_rows_that_fit_the_width() {
        let data = chart(&["Funding", "Net spending", "A much longer series name"]);
        let at = |width| -> Vec<(i32, i32)> {
            legend_layout(&data, width)
                .iter()
                .map(|e| (e.row, e.x))
                .collect()
        };
        // At 14 px an em is 11.29 px: "Funding" is 3.74 em, 43 px, so its entry is
        // 26 + 43 = 69 px and the next starts 24 px on; "Net spending" is 6.10 em, 69 px.
        assert_eq!(text_size("Funding", LEGEND_FONT).0, 43);
        assert_eq!(text_size("Net spending", LEGEND_FONT).0, 69);
        assert_eq!(at(700), [(0, 0), (0, 93), (0, 212)]);
        assert_eq!(at(250), [(0, 0), (0, 93), (1, 0)]);
        // A series with no figures is not named.
        let mut data = chart(&["Funding", "Nothing"]);
        if let Some(s) = data.series.get_mut(1) {
            s.values = vec![Decimal::ZERO; 2];
        }
        assert_eq!(legend_layout(&data, 700).len(), 1);
    }

    #[test]
    fn only_standalone_drawings_carry_the_legend_below_the_axis() {
        #![allow(clippy::unwrap_used)]
        let data = chart(&["Funding", "Net spending"]);
        let on_page = to_svg(&data, 720, 400).unwrap();
        let standalone = to_standalone_svg(&data, 720, 400).unwrap();
        assert!(!on_page.contains(">Net spending</text>"));
        assert!(standalone.contains(">Funding</text>"));
        assert!(standalone.contains(">Net spending</text>"));
        // One legend row, 22 px, above the 12 px bottom margin: its labels sit at
        // y = 400 - 12 - 22 + 11 = 377, below the x axis labels, and start after the left
        // margin and the swatch, x = 12 + 26 = 38.
        assert!(
            standalone.contains(r##"<text x="38" y="377" dy="0.5ex" font-size="11.3" fill="#282828">Funding</text>"##),
            "{standalone}"
        );
    }
}
