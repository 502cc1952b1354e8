//! The risk analysis's charts (issue 16, docs/risk.md "In the planner"), drawn by plotters
//! on our SVG backend like every chart: a fan chart (the 5th–95th percentiles as a light
//! band, the 25th–75th as a darker one, the median as a line and the deterministic plan as
//! a dashed line of another colour, by year) and the histogram of the end-of-plan
//! cumulative gap (20 bars, the plan's figure marked). Figures reach them as Decimal and
//! become `f64` only for geometry; axis ticks are written by `crate::format`.

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::draw::{axis_label, draw_mesh, draw_zero_line, err, Slots, Values, MARGIN};
use super::svg::{text_size, Svg};
use super::{ChartError, Unit};

/// One year of a fan: the percentiles and the plan's own figure, £.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FanYear {
    /// 5th percentile.
    pub p5: Decimal,
    /// 25th.
    pub p25: Decimal,
    /// Median.
    pub p50: Decimal,
    /// 75th.
    pub p75: Decimal,
    /// 95th.
    pub p95: Decimal,
    /// The deterministic plan.
    pub plan: Decimal,
}

/// Everything needed to draw a fan chart.
#[derive(Debug, Clone, PartialEq)]
pub struct FanData {
    /// A stable id (`risk-cumulative-gap`), used in the page and file names.
    pub id: String,
    /// A title that states the finding.
    pub title: String,
    /// A description for screen readers.
    pub description: String,
    /// The years, as the x axis labels them.
    pub categories: Vec<String>,
    /// One per category.
    pub years: Vec<FanYear>,
}

/// The legend's entries, in order: (name, colour, kind) with kind 0 a band, 1 a line,
/// 2 a dashed line. The page draws the same legend in HTML.
pub const FAN_LEGEND: [(&str, (u8, u8, u8), u8); 4] = [
    ("5th to 95th percentile", FAN_OUTER, 0),
    ("25th to 75th percentile", FAN_INNER, 0),
    ("Median (50th)", FAN_MEDIAN, 1),
    ("The plan", FAN_PLAN, 2),
];

/// The light band (a tint of the palette's blue).
pub const FAN_OUTER: (u8, u8, u8) = (198, 224, 240);
/// The darker band.
pub const FAN_INNER: (u8, u8, u8) = (120, 178, 214);
/// The median line (the palette's blue).
pub const FAN_MEDIAN: (u8, u8, u8) = (0, 90, 150);
/// The plan's line (the palette's vermillion).
pub const FAN_PLAN: (u8, u8, u8) = (213, 94, 0);

const FONT: f64 = 14.0;

fn millions(v: Decimal) -> f64 {
    v.to_f64().unwrap_or(0.0) / 1_000_000.0
}

fn rgb((r, g, b): (u8, u8, u8)) -> RGBColor {
    RGBColor(r, g, b)
}

/// The y range covering every figure and zero, with headroom, and its tick step.
fn span(values: impl Iterator<Item = f64>) -> (std::ops::Range<f64>, f64) {
    let (mut lo, mut hi) = (0.0_f64, 0.0_f64);
    for v in values {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if (hi - lo).abs() < f64::EPSILON {
        hi = lo + 1.0;
    }
    let pad = (hi - lo) * 0.08;
    let lo = if lo < 0.0 { lo - pad } else { lo };
    let range = lo..(hi + pad);
    let step = 10f64.powf(((range.end - range.start) / 6.0).log10().floor());
    (range, step)
}

/// A legend drawn in one row at `(x, y)` (standalone drawings: print and export).
fn legend_row<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    entries: &[(&str, (u8, u8, u8), u8)],
    (mut x, y): (i32, i32),
) -> Result<(), ChartError> {
    let font = ("sans-serif", FONT)
        .into_font()
        .color(&RGBColor(40, 40, 40))
        .pos(Pos::new(HPos::Left, VPos::Center));
    for (name, colour, kind) in entries {
        let c = rgb(*colour);
        match kind {
            0 => area
                .draw(&Rectangle::new(
                    [(x + 2, y - 7), (x + 16, y + 7)],
                    c.filled(),
                ))
                .map_err(err)?,
            1 => area
                .draw(&PathElement::new([(x, y), (x + 18, y)], c.stroke_width(3)))
                .map_err(err)?,
            _ => area
                .draw(&plotters::element::DashedPathElement::new(
                    [(x, y), (x + 18, y)],
                    5,
                    3,
                    c.stroke_width(2),
                ))
                .map_err(err)?,
        }
        area.draw(&Text::new(*name, (x + 24, y), font.clone()))
            .map_err(err)?;
        x += 24 + i32::try_from(text_size(name, FONT).0).unwrap_or(0) + 22;
    }
    Ok(())
}

/// Render `data` as an SVG document `width` × `height`; `legend` draws the legend below
/// the axis (print and export), otherwise the page shows it beside the chart.
pub fn fan_svg(
    data: &FanData,
    width: u32,
    height: u32,
    legend: bool,
) -> Result<String, ChartError> {
    let n = data.years.len();
    if n == 0 {
        return Err(ChartError("no years to draw".into()));
    }
    let mut out = String::new();
    {
        let area = Svg::new(&mut out, (width, height)).into_drawing_area();
        area.fill(&WHITE).map_err(err)?;
        let (y, step) = span(
            data.years
                .iter()
                .flat_map(|f| [f.p5, f.p95, f.plan])
                .map(millions),
        );
        let cats = &data.categories;
        let mut chart = ChartBuilder::on(&area)
            .margin(MARGIN)
            .margin_right(20)
            .x_label_area_size(34 + if legend { 28 } else { 0 })
            .y_label_area_size(72)
            .build_cartesian_2d(Slots(n), Values(RangedCoordf64::from(y.clone())))
            .map_err(err)?;
        draw_mesh(&mut chart, cats, Unit::Money, step)?;
        let at = |f: fn(&FanYear) -> Decimal| -> Vec<(f64, f64)> {
            data.years
                .iter()
                .enumerate()
                .map(|(i, v)| (i as f64, millions(f(v))))
                .collect()
        };
        let band = |lo: fn(&FanYear) -> Decimal, hi: fn(&FanYear) -> Decimal| {
            let mut points = at(lo);
            points.extend(at(hi).into_iter().rev());
            points
        };
        // One year only: a band of width zero would not show, so widen each point a little.
        let widen = |points: Vec<(f64, f64)>| -> Vec<(f64, f64)> {
            if n > 1 {
                return points;
            }
            points
                .into_iter()
                .enumerate()
                .map(|(k, (x, v))| (x + if k == 0 { -0.2 } else { 0.2 }, v))
                .collect()
        };
        chart
            .draw_series(std::iter::once(Polygon::new(
                widen(band(|f| f.p5, |f| f.p95)),
                rgb(FAN_OUTER).filled(),
            )))
            .map_err(err)?;
        chart
            .draw_series(std::iter::once(Polygon::new(
                widen(band(|f| f.p25, |f| f.p75)),
                rgb(FAN_INNER).filled(),
            )))
            .map_err(err)?;
        if y.start < 0.0 {
            draw_zero_line(&mut chart, n)?;
        }
        let median = at(|f| f.p50);
        chart
            .draw_series(LineSeries::new(
                median.clone(),
                rgb(FAN_MEDIAN).stroke_width(3),
            ))
            .map_err(err)?;
        chart
            .draw_series(
                median
                    .iter()
                    .map(|p| Circle::new(*p, 4, rgb(FAN_MEDIAN).filled())),
            )
            .map_err(err)?;
        let plan = at(|f| f.plan);
        chart
            .draw_series(DashedLineSeries::new(
                plan.clone(),
                8,
                5,
                rgb(FAN_PLAN).stroke_width(3),
            ))
            .map_err(err)?;
        chart
            .draw_series(
                plan.iter()
                    .map(|p| TriangleMarker::new(*p, 5, rgb(FAN_PLAN).filled())),
            )
            .map_err(err)?;
        if legend {
            let y = i32::try_from(height).unwrap_or(0) - MARGIN - 12;
            legend_row(&area, &FAN_LEGEND, (MARGIN, y))?;
        }
        area.present().map_err(err)?;
    }
    Svg::finish(&mut out);
    Ok(out)
}

/// One bar of a histogram: from, to (£) and how many draws.
pub type HistogramBar = (Decimal, Decimal, usize);

/// The histogram's bar colour (the palette's blue) and the plan's mark (vermillion).
pub const HISTOGRAM_BAR: (u8, u8, u8) = (0, 114, 178);

/// Render the histogram of `bars` with the plan's figure `plan` marked, as an SVG document
/// `width` × `height`.
pub fn histogram_svg(
    bars: &[HistogramBar],
    plan: Decimal,
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let (Some(first), Some(last)) = (bars.first(), bars.last()) else {
        return Err(ChartError("no draws to draw".into()));
    };
    let mut out = String::new();
    {
        let area = Svg::new(&mut out, (width, height)).into_drawing_area();
        area.fill(&WHITE).map_err(err)?;
        let (mut lo, mut hi) = (millions(first.0), millions(last.1));
        lo = lo.min(millions(plan));
        hi = hi.max(millions(plan));
        if (hi - lo).abs() < f64::EPSILON {
            lo -= 0.5;
            hi += 0.5;
        }
        let pad = (hi - lo) * 0.03;
        let x = (lo - pad)..(hi + pad);
        let step = 10f64.powf(((x.end - x.start) / 6.0).log10().floor());
        let top = bars.iter().map(|b| b.2).max().unwrap_or(1).max(1) as f64;
        let mut chart = ChartBuilder::on(&area)
            .margin(MARGIN)
            .margin_right(24)
            .x_label_area_size(34)
            .y_label_area_size(56)
            .build_cartesian_2d(
                Values(RangedCoordf64::from(x)),
                Values(RangedCoordf64::from(0.0..top * 1.1)),
            )
            .map_err(err)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE.mix(0.0))
            .bold_line_style(RGBColor(225, 225, 225))
            .axis_style(RGBColor(90, 90, 90))
            .label_style(("sans-serif", 14).into_font().color(&RGBColor(50, 50, 50)))
            .x_labels(7)
            .y_labels(5)
            .x_label_formatter(&|v: &f64| axis_label(*v, Unit::Money, step))
            .y_label_formatter(&|v: &f64| {
                let i = v.round();
                if (v - i).abs() < 1e-6 {
                    crate::format::count(Decimal::from(i as i64), 0)
                } else {
                    String::new()
                }
            })
            .draw()
            .map_err(err)?;
        let colour = rgb(HISTOGRAM_BAR);
        chart
            .draw_series(bars.iter().map(|(from, to, count)| {
                let (a, b) = (millions(*from), millions(*to));
                let gap = (b - a) * 0.06;
                Rectangle::new([(a + gap, 0.0), (b - gap, *count as f64)], colour.filled())
            }))
            .map_err(err)?;
        let p = millions(plan);
        chart
            .draw_series(DashedLineSeries::new(
                [(p, 0.0), (p, top * 1.1)],
                6,
                4,
                rgb(FAN_PLAN).stroke_width(3),
            ))
            .map_err(err)?;
        area.present().map_err(err)?;
    }
    Svg::finish(&mut out);
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn year(base: i64, plan: i64) -> FanYear {
        let m = |v: i64| Decimal::new(v * 1_000_000, 0);
        FanYear {
            p5: m(base - 4),
            p25: m(base - 1),
            p50: m(base),
            p75: m(base + 2),
            p95: m(base + 6),
            plan: m(plan),
        }
    }

    #[test]
    fn a_fan_has_two_bands_a_median_and_the_plan_dashed() {
        let data = FanData {
            id: "t".into(),
            title: "T".into(),
            description: "D".into(),
            categories: vec!["2021/22".into(), "2022/23".into(), "2023/24".into()],
            years: vec![year(0, 0), year(5, 2), year(10, 4)],
        };
        let svg = fan_svg(&data, 720, 360, false).unwrap();
        assert_eq!(svg.matches("<polygon").count(), 2 + 3, "{svg}");
        // The bands in their colours, the plan's dashes (many short paths).
        assert!(svg.contains("#c6e0f0"), "{svg}");
        assert!(svg.contains("#78b2d6"), "{svg}");
        assert!(svg.matches("#d55e00").count() > 6, "{svg}");
        assert!(!svg.contains(">The plan</text>"));
        let standalone = fan_svg(&data, 720, 360, true).unwrap();
        assert!(standalone.contains(">The plan</text>"));
        assert!(fan_svg(
            &FanData {
                years: vec![],
                ..data
            },
            720,
            360,
            false
        )
        .is_err());
    }

    #[test]
    fn a_histogram_draws_a_bar_for_each_bin_and_marks_the_plan() {
        let m = |v: i64| Decimal::new(v * 1_000_000, 0);
        let bars: Vec<HistogramBar> = (0..20).map(|k| (m(k), m(k + 1), k as usize)).collect();
        let svg = histogram_svg(&bars, m(8), 720, 300).unwrap();
        // 19 bars with draws and one of zero height, all drawn; the plan's line dashed.
        assert!(svg.matches("<rect").count() >= 20, "{svg}");
        assert!(svg.contains("#d55e00"), "{svg}");
        assert!(histogram_svg(&[], m(0), 720, 300).is_err());
    }
}
