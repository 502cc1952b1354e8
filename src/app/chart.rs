//! A chart figure: the plotters SVG, a title that states the finding, an accessible name
//! and description, and a "show the data" table of the very same figures.

use yew::prelude::*;

use crate::charts::{swatch_class, to_svg, ChartData, SeriesKind, Unit};
use crate::format;

/// Props of [`ChartFigure`].
#[derive(Properties, PartialEq, Clone)]
pub struct ChartFigureProps {
    /// What to draw.
    pub data: ChartData,
}

fn cell(unit: Unit, v: rust_decimal::Decimal) -> String {
    match unit {
        Unit::Money => format::millions_dp(v, 2),
        Unit::People => format::count(v, 0),
    }
}

/// `<ChartFigure data={data.clone()} />`, written once: each use of a component in `html!`
/// expands to its own copy of the props and component set-up.
pub fn figure(data: &ChartData) -> Html {
    html! { <ChartFigure data={data.clone()} /> }
}

/// A chart's figures as a table: a row per series, a column per category. Shared by the
/// workspace's "Show the data" and the print pack, so both show exactly the chart's figures.
pub fn data_table(data: &ChartData, caption: Html, class: Option<&'static str>) -> Html {
    html! {
        <table class={class}>
            { caption }
            <thead>
                <tr>
                    <th scope="col">{ "Series" }</th>
                    { for data.categories.iter().map(|c| html! { <th scope="col" class="num">{ c }</th> }) }
                </tr>
            </thead>
            <tbody>
                { for data.series.iter().map(|s| html! {
                    <tr>
                        <th scope="row">{ &s.name }{ if s.kind == SeriesKind::Floating { " (change)" } else { "" } }</th>
                        { for s.values.iter().map(|v| html! { <td class="num">{ cell(data.unit, *v) }</td> }) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// One chart with its data table.
#[component]
pub fn ChartFigure(props: &ChartFigureProps) -> Html {
    let data = &props.data;
    let svg = use_memo(data.clone(), |d| to_svg(d, 720, 400));
    let title_id = format!("chart-{}-title", data.id);
    let desc_id = format!("chart-{}-desc", data.id);
    let body = match &*svg {
        Ok(svg) => Html::from_html_unchecked(AttrValue::from(svg.clone())),
        Err(e) => html! { <p class="chart-error" role="alert">{ e.to_string() }</p> },
    };
    html! {
        <figure class="chart" id={format!("chart-{}", data.id)} data-chart={data.id.clone()}>
            <figcaption>
                <h3 id={title_id.clone()}>{ &data.title }</h3>
                <p id={desc_id.clone()} class="chart-desc">{ &data.description }</p>
            </figcaption>
            <ul class="legend" aria-hidden="true">
                // A series with no figure (nothing increased the gap) has nothing to name.
                { for data.series.iter().filter(|s| s.has_figures()).map(|s| {
                    html! {
                        <li><span class={swatch_class(s.kind, s.colour)}></span>{ &s.name }</li>
                    }
                }) }
            </ul>
            <div class="chart-canvas" role="img" aria-labelledby={title_id} aria-describedby={desc_id}>
                { body }
            </div>
            <details class="chart-data">
                <summary>{ "Show the data" }</summary>
                <div class="table-scroll">
                    { data_table(data, html! { <caption class="visually-hidden">{ format!("Data for: {}", data.title) }</caption> }, None) }
                </div>
            </details>
        </figure>
    }
}
