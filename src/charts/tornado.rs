//! The tornado chart of a sensitivity analysis (docs/analysis.md §2.2), drawn by plotters on
//! our SVG backend like every chart: one row per assumption, largest effect at the top,
//! each with two bars from zero, the assumption moved down (upper half of the row) and up
//! (lower half), in £m. Figures reach it as Decimal and become `f64` only for geometry;
//! axis ticks are written by `crate::format`, as the tables are.

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::draw::{axis_label, err, Slots, Values, MARGIN};
use super::svg::{text_size, Svg};
use super::{palette, ChartError, Unit};

/// One assumption's bars: its effect moved down and moved up, £.
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoBar {
    /// What it is, with its swing: "Officer pay award (±1 percentage point)".
    pub label: String,
    /// The effect of the move down, £.
    pub low: Decimal,
    /// The effect of the move up, £.
    pub high: Decimal,
}

/// Everything needed to draw a tornado chart.
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoData {
    /// A stable id, used in the page and file names.
    pub id: String,
    /// A title that states the finding.
    pub title: String,
    /// A description for screen readers.
    pub description: String,
    /// The legend of the moves down: "Assumption lower".
    pub low_name: String,
    /// The legend of the moves up.
    pub high_name: String,
    /// The bars, largest effect first.
    pub bars: Vec<TornadoBar>,
}

/// The palette entries of the moves down and up (blue, orange).
pub const LOW_COLOUR: usize = 0;
/// See [`LOW_COLOUR`].
pub const HIGH_COLOUR: usize = 1;

/// Each row's height, in pixels.
const ROW: u32 = 30;
const FONT: f64 = 14.0;

fn millions(v: Decimal) -> f64 {
    v.to_f64().unwrap_or(0.0) / 1_000_000.0
}

/// `text` cut to at most `width` pixels at the labels' size, ending "…" when cut.
fn fit(text: &str, width: u32) -> String {
    if text_size(text, FONT).0 <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if text_size(&format!("{out}…"), FONT).0 > width {
            out.pop();
            break;
        }
    }
    format!("{}…", out.trim_end())
}

/// The drawing's height for `bars` rows at this size (`legend`: with a legend row).
pub fn tornado_height(bars: usize, legend: bool) -> u32 {
    let rows = u32::try_from(bars.max(1)).unwrap_or(u32::MAX);
    rows.saturating_mul(ROW)
        .saturating_add(2 * MARGIN.unsigned_abs() + 40)
        .saturating_add(if legend { 24 } else { 0 })
}

/// Render `data` as an SVG document `width` pixels wide (its height from the number of
/// bars); `legend` draws the legend below the axis (for export and print), otherwise the
/// page shows it beside the chart.
pub fn tornado_svg(data: &TornadoData, width: u32, legend: bool) -> Result<String, ChartError> {
    let n = data.bars.len();
    if n == 0 {
        return Err(ChartError("no assumption moves the figure".into()));
    }
    let height = tornado_height(n, legend);
    let mut out = String::new();
    {
        let area = Svg::new(&mut out, (width, height)).into_drawing_area();
        area.fill(&WHITE).map_err(err)?;
        let label_width = data
            .bars
            .iter()
            .map(|b| text_size(&b.label, FONT).0)
            .max()
            .unwrap_or(0)
            .min(width * 2 / 5);
        let labels: Vec<String> = data
            .bars
            .iter()
            .map(|b| fit(&b.label, label_width))
            .collect();
        let (mut lo, mut hi) = (0.0_f64, 0.0_f64);
        for b in &data.bars {
            for v in [millions(b.low), millions(b.high)] {
                lo = lo.min(v);
                hi = hi.max(v);
            }
        }
        if (hi - lo).abs() < f64::EPSILON {
            hi = lo + 1.0;
        }
        let pad = (hi - lo) * 0.06;
        let x = (lo - if lo < 0.0 { pad } else { 0.0 })..(hi + if hi > 0.0 { pad } else { 0.0 });
        let step = 10f64.powf(((x.end - x.start) / 6.0).log10().floor());
        let mut chart = ChartBuilder::on(&area)
            .margin(MARGIN)
            .margin_right(24)
            .x_label_area_size(34 + if legend { 24 } else { 0 })
            .y_label_area_size(i32::try_from(label_width).unwrap_or(200) + 14)
            .build_cartesian_2d(Values(RangedCoordf64::from(x.clone())), Slots(n))
            .map_err(err)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(WHITE.mix(0.0))
            .bold_line_style(RGBColor(220, 220, 220))
            .axis_style(RGBColor(90, 90, 90))
            .label_style(
                ("sans-serif", FONT)
                    .into_font()
                    .color(&RGBColor(50, 50, 50)),
            )
            .x_labels(7)
            .y_labels(n)
            .x_label_formatter(&|v: &f64| axis_label(*v, Unit::Money, step))
            .y_label_formatter(&|v: &f64| {
                let i = v.round();
                if i >= 0.0 && (v - i).abs() < 1e-6 {
                    // Row 0 (the largest) is drawn at the top.
                    let row = n.saturating_sub(1).saturating_sub(i as usize);
                    labels.get(row).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .draw()
            .map_err(err)?;
        let colour = |i: usize| {
            let (r, g, b) = palette(i);
            RGBColor(r, g, b)
        };
        let (low, high) = (colour(LOW_COLOUR), colour(HIGH_COLOUR));
        let rows = data.bars.iter().enumerate().flat_map(|(i, b)| {
            let y = (n - 1 - i) as f64;
            [
                Rectangle::new([(0.0, y + 0.04), (millions(b.low), y + 0.36)], low.filled()),
                Rectangle::new(
                    [(0.0, y - 0.36), (millions(b.high), y - 0.04)],
                    high.filled(),
                ),
            ]
        });
        chart.draw_series(rows).map_err(err)?;
        chart
            .draw_series(LineSeries::new(
                [(0.0, -0.5), (0.0, n as f64 - 0.5)],
                RGBColor(60, 60, 60).stroke_width(1),
            ))
            .map_err(err)?;
        if legend {
            let y = i32::try_from(height).unwrap_or(0) - MARGIN - 12;
            let font = ("sans-serif", FONT)
                .into_font()
                .color(&RGBColor(40, 40, 40))
                .pos(Pos::new(HPos::Left, VPos::Center));
            let mut x = MARGIN;
            for (name, c) in [(&data.low_name, low), (&data.high_name, high)] {
                area.draw(&Rectangle::new([(x, y - 6), (x + 12, y + 6)], c.filled()))
                    .map_err(err)?;
                area.draw(&Text::new(name.as_str(), (x + 18, y), font.clone()))
                    .map_err(err)?;
                x += 18 + i32::try_from(text_size(name, FONT).0).unwrap_or(0) + 24;
            }
        }
        area.present().map_err(err)?;
    }
    Svg::finish(&mut out);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_labels_are_cut_to_fit_with_an_ellipsis() {
        assert_eq!(fit("Pay drift", 200), "Pay drift");
        let cut = fit("Joint police and fire headquarters: interest rate", 120);
        assert!(cut.ends_with('…'), "{cut}");
        assert!(text_size(&cut, FONT).0 <= 120, "{cut}");
    }
}
