//! One slide on screen: the finding in large type, then one big number, one chart or the
//! council tax bands.

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::charts::{
    fan_svg, swatch_class, to_svg, tornado_svg, ChartData, FanData, SeriesKind, TornadoData,
    HIGH_COLOUR, LOW_COLOUR,
};
use crate::format;
use crate::view::slides::{BandRow, FloorRow, KeyFigure, Slide, SlideBody};

/// Red for a gap, a shortfall or a reserve below zero; green for a surplus or a gap
/// reduced; neutral otherwise.
pub fn tone(f: &KeyFigure) -> &'static str {
    let visible = Decimal::new(50_000, 0);
    match f.key {
        "annual-gap" | "cumulative-gap" | "recurring-gap" | "scenario-gap" | "baseline-gap"
        | "difference" => {
            if f.exact >= visible {
                "bad"
            } else if f.exact <= -visible {
                "good"
            } else {
                ""
            }
        }
        "grant-at-risk" if f.exact >= visible => "bad",
        "reserves-end" if f.exact < Decimal::ZERO => "bad",
        _ => "",
    }
}

/// Props of [`SlideChart`].
#[derive(Properties, PartialEq, Clone)]
pub struct SlideChartProps {
    /// What to draw.
    pub data: ChartData,
    /// The drawing's size in SVG units; the page scales it to fit.
    pub size: (u32, u32),
    /// Prefix for element ids (several copies may be on the page).
    pub id_prefix: AttrValue,
}

/// A chart drawn by plotters with an HTML legend beside it, named by its finding.
#[component]
pub fn SlideChart(props: &SlideChartProps) -> Html {
    let data = &props.data;
    let (w, h) = props.size;
    let svg = use_memo((data.clone(), w, h), |(d, w, h)| to_svg(d, *w, *h));
    let desc_id = format!("{}-{}-desc", props.id_prefix, data.id);
    let body = match &*svg {
        Ok(svg) => Html::from_html_unchecked(AttrValue::from(svg.clone())),
        Err(e) => html! { <p class="chart-error">{ e.to_string() }</p> },
    };
    html! {
        <figure class="slide-chart" data-chart={data.id.clone()}>
            <ul class="slide-legend" aria-hidden="true">
                { for legend_series(data).map(|s| {
                    html! { <li><span class={swatch_class(s.kind, s.colour)}></span>{ &s.name }</li> }
                }) }
            </ul>
            <div class="slide-canvas" role="img" aria-label={data.title.clone()} aria-describedby={desc_id.clone()}>
                { body }
            </div>
            <p id={desc_id} class="visually-hidden">{ &data.description }</p>
        </figure>
    }
}

/// Props of [`SlideTornado`].
#[derive(Properties, PartialEq, Clone)]
pub struct SlideTornadoProps {
    /// What to draw.
    pub data: TornadoData,
    /// The drawing's width in SVG units (its height follows the bars); the page scales it.
    pub width: u32,
    /// Prefix for element ids (several copies may be on the page).
    pub id_prefix: AttrValue,
}

/// A tornado chart drawn by plotters with an HTML legend beside it, named by its finding.
#[component]
pub fn SlideTornado(props: &SlideTornadoProps) -> Html {
    let data = &props.data;
    let svg = use_memo((data.clone(), props.width), |(d, w)| {
        tornado_svg(d, *w, false)
    });
    let desc_id = format!("{}-{}-desc", props.id_prefix, data.id);
    let body = match &*svg {
        Ok(svg) => Html::from_html_unchecked(AttrValue::from(svg.clone())),
        Err(e) => html! { <p class="chart-error">{ e.to_string() }</p> },
    };
    html! {
        <figure class="slide-chart" data-chart={data.id.clone()}>
            <ul class="slide-legend" aria-hidden="true">
                <li><span class={swatch_class(SeriesKind::Bar, LOW_COLOUR)}></span>{ &data.low_name }</li>
                <li><span class={swatch_class(SeriesKind::Bar, HIGH_COLOUR)}></span>{ &data.high_name }</li>
            </ul>
            <div class="slide-canvas" role="img" aria-label={data.title.clone()} aria-describedby={desc_id.clone()}>
                { body }
            </div>
            <p id={desc_id} class="visually-hidden">{ &data.description }</p>
        </figure>
    }
}

/// Props of [`SlideFan`].
#[derive(Properties, PartialEq, Clone)]
pub struct SlideFanProps {
    /// What to draw.
    pub data: FanData,
    /// The drawing's size in SVG units; the page scales it to fit.
    pub size: (u32, u32),
    /// Prefix for element ids (several copies may be on the page).
    pub id_prefix: AttrValue,
    /// The legend drawn into the chart (print) rather than beside it (the screen).
    #[prop_or_default]
    pub drawn_legend: bool,
}

/// A risk fan chart drawn by plotters, named by its title, with its legend.
#[component]
pub fn SlideFan(props: &SlideFanProps) -> Html {
    let data = &props.data;
    let (w, h) = props.size;
    let svg = use_memo((data.clone(), w, h, props.drawn_legend), |(d, w, h, l)| {
        fan_svg(d, *w, *h, *l)
    });
    let desc_id = format!("{}-{}-desc", props.id_prefix, data.id);
    let body = match &*svg {
        Ok(svg) => Html::from_html_unchecked(AttrValue::from(svg.clone())),
        Err(e) => html! { <p class="chart-error">{ e.to_string() }</p> },
    };
    html! {
        <figure class="slide-chart" data-chart={data.id.clone()}>
            <figcaption class="slide-fan-title">{ &data.title }</figcaption>
            if !props.drawn_legend {
                <ul class="slide-legend" aria-hidden="true">
                    <li><span class="swatch swatch-bar risk-c-outer"></span>{ "5th to 95th percentile" }</li>
                    <li><span class="swatch swatch-bar risk-c-inner"></span>{ "25th to 75th" }</li>
                    <li><span class="swatch swatch-line risk-c-median"></span>{ "Median" }</li>
                    <li><span class="swatch swatch-dashed risk-c-plan"></span>{ "The plan" }</li>
                </ul>
            }
            <div class="slide-canvas" role="img" aria-label={data.title.clone()} aria-describedby={desc_id.clone()}>
                { body }
            </div>
            <p id={desc_id} class="visually-hidden">{ &data.description }</p>
        </figure>
    }
}

/// The chance the general reserve ends each year below its floor, as a table.
pub fn floor_table(rows: &[FloorRow], class: &'static str) -> Html {
    html! {
        <table class={class} id={format!("{class}-floor")}>
            <caption>{ "Chance the general reserve ends the year below its floor" }</caption>
            <thead><tr>
                <th scope="col">{ "Year" }</th>
                <th scope="col" class="num">{ "Chance" }</th>
                <th scope="col" class="num">{ "Draws" }</th>
            </tr></thead>
            <tbody>
                { for rows.iter().map(|r| html! {
                    <tr data-year={r.year.clone()}>
                        <th scope="row">{ &r.year }</th>
                        <td class="num" data-col="chance">{ &r.chance }</td>
                        <td class="num" data-col="draws">{ &r.draws }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// The chart's drawing size: small enough that its labels read large once scaled up to
/// the screen, wider when many categories (a ten-year plan) need room for their labels.
fn slide_chart_size(data: &ChartData) -> (u32, u32) {
    let n = u32::try_from(data.categories.len()).unwrap_or(u32::MAX);
    let width = n.saturating_mul(56).saturating_add(140).max(580);
    (width, width / 2)
}

/// The series worth a legend entry: those with a figure other than zero (a bridge with
/// nothing moved has no "increases" or "reduces"), or every series if none has.
fn legend_series(data: &ChartData) -> impl Iterator<Item = &crate::charts::Series> {
    let all = !data.series.iter().any(crate::charts::Series::has_figures);
    data.series.iter().filter(move |s| all || s.has_figures())
}

fn figure_list(figures: &[KeyFigure], class: &'static str) -> Html {
    html! {
        <dl class={class}>
            { for figures.iter().map(|f| html! {
                <div class="fig">
                    <dt>{ &f.label }</dt>
                    <dd class={tone(f)} data-figure={f.key}>{ &f.value }</dd>
                </div>
            }) }
        </dl>
    }
}

/// The council tax bands as a table.
pub fn bands_table(rows: &[BandRow], caption: &str) -> Html {
    html! {
        <table class="bands">
            <caption class="visually-hidden">{ caption }</caption>
            <thead>
                <tr>
                    <th scope="col">{ "Band" }</th>
                    <th scope="col" class="num">{ "Of Band D" }</th>
                    <th scope="col" class="num">{ "A year" }</th>
                    <th scope="col" class="num">{ "Change a year" }</th>
                    <th scope="col" class="num">{ "A week" }</th>
                    <th scope="col" class="num">{ "Change a week" }</th>
                </tr>
            </thead>
            <tbody>
                { for rows.iter().map(|r| html! {
                    <tr data-band={r.band.to_string()} class={if r.band == 'D' { "band-d" } else { "" }}>
                        <th scope="row">{ format!("Band {}", r.band) }</th>
                        <td class="num">{ if r.ninths == 9 { "1".to_string() } else { format!("{}/9", r.ninths) } }</td>
                        <td class="num" data-col="annual">{ format::pounds(r.annual) }</td>
                        <td class="num" data-col="rise">{ format::pounds(r.rise) }</td>
                        <td class="num" data-col="weekly">{ format::pounds(r.weekly) }</td>
                        <td class="num" data-col="rise-weekly">{ format::pounds(r.rise_weekly) }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// Props of [`SlideView`].
#[derive(Properties, PartialEq, Clone)]
pub struct SlideViewProps {
    /// The slide.
    pub slide: Slide,
    /// Its position, from 0.
    pub index: usize,
    /// How many slides are shown.
    pub count: usize,
    /// The scenario's name.
    pub scenario: AttrValue,
}

/// One slide, filling the screen.
#[component]
pub fn SlideView(props: &SlideViewProps) -> Html {
    let s = &props.slide;
    let body = match &s.body {
        SlideBody::Figures => {
            let (hero, rest) = match s.figures.split_first() {
                Some((h, r)) => (Some(h), r),
                None => (None, &[][..]),
            };
            html! {
                <div class="slide-figures">
                    if let Some(h) = hero {
                        <p class="hero">
                            <span class={match tone(h) { "" => "hero-value".to_string(), t => format!("hero-value {t}") }} data-figure={h.key}>{ &h.value }</span>
                            <span class="hero-label">{ &h.label }</span>
                        </p>
                    }
                    { figure_list(rest, "support") }
                </div>
            }
        }
        SlideBody::Chart(data) => html! {
            <div class="slide-chart-wrap">
                <SlideChart data={data.clone()} size={slide_chart_size(data)} id_prefix="slide" />
                { figure_list(&s.figures, "side") }
            </div>
        },
        SlideBody::Tornado(data) => html! {
            <div class="slide-chart-wrap">
                <SlideTornado data={data.clone()} width={600} id_prefix="slide" />
                { figure_list(&s.figures, "side") }
            </div>
        },
        SlideBody::Fan(data, rows) => html! {
            <div class="slide-chart-wrap slide-risk">
                <SlideFan data={data.clone()} size={(640, 340)} id_prefix="slide" />
                { floor_table(rows, "slide-risk-table") }
            </div>
        },
        SlideBody::Bands(rows) => html! {
            <div class="slide-bands">
                { bands_table(rows, &s.finding) }
            </div>
        },
        SlideBody::Unavailable(why) => html! {
            <p class="slide-unavailable">{ format!("Not available: {why}.") }</p>
        },
    };
    let estimates = s.notes.iter().any(|n| n.estimate);
    html! {
        <section id="present-slide" class={format!("slide slide-is-{}", s.id.key())}
            tabindex="-1" aria-roledescription="slide" aria-labelledby="slide-finding"
            data-slide={s.id.key()}>
            <p class="slide-topic">{ s.id.label() }</p>
            <h2 id="slide-finding" class="slide-finding">{ &s.finding }</h2>
            { body }
            <footer class="slide-foot">
                <span class="slide-scenario">{ props.scenario.clone() }</span>
                if estimates {
                    <span class="slide-estimate">{ "Includes estimates: see the printed pack for sources" }</span>
                }
                <span class="slide-count" aria-hidden="true">{ format!("{} / {}", props.index + 1, props.count) }</span>
            </footer>
        </section>
    }
}
