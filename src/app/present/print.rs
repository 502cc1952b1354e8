//! The print pack: a cover page with the scenario's key assumptions, then one page per
//! chosen slide, each with its chart (or figures), data table, sources and estimate flags.
//! Hidden on screen; styles/print.css lays it out as A4 landscape pages. The date is the
//! browser's, read when the pack is drawn and again just before printing.

use yew::prelude::*;

use super::dom;
use super::slide::{bands_table, tone, SlideChart, SlideTornado};
use crate::charts::{ChartData, TornadoData, Unit};
use crate::format;
use crate::model::Scenario;
use crate::view::slides::{key_assumptions, Slide, SlideBody};

/// Props of [`PrintPack`].
#[derive(Properties, PartialEq, Clone)]
pub struct PrintPackProps {
    /// The scenario presented.
    pub scenario: std::rc::Rc<Scenario>,
    /// The chosen slides, in order.
    pub slides: Vec<Slide>,
    /// The year the "this year" slides are about.
    pub year: AttrValue,
}

fn data_table(data: &ChartData) -> Html {
    let caption = match data.unit {
        Unit::Money => "The figures, £ million",
        Unit::People => "The figures, officers",
    };
    crate::app::chart::data_table(
        data,
        html! { <caption>{ caption }</caption> },
        Some("pack-table"),
    )
}

/// A tornado's bars as a table, £ million.
fn tornado_table(data: &TornadoData) -> Html {
    html! {
        <table class="pack-table">
            <caption>{ "The figures, change in £ million" }</caption>
            <thead><tr>
                <th scope="col">{ "Assumption (swing)" }</th>
                <th scope="col" class="num">{ "Moved down" }</th>
                <th scope="col" class="num">{ "Moved up" }</th>
            </tr></thead>
            <tbody>
                { for data.bars.iter().map(|b| html! {
                    <tr>
                        <th scope="row">{ &b.label }</th>
                        <td class="num">{ format::millions_dp(b.low, 2) }</td>
                        <td class="num">{ format::millions_dp(b.high, 2) }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

fn page(slide: &Slide, number: usize, total: usize, name: &str, date: &str) -> Html {
    let body = match &slide.body {
        SlideBody::Chart(data) => html! {
            <>
                <SlideChart data={data.clone()} size={(960, 380)} id_prefix={format!("pack-{number}")} />
                { data_table(data) }
            </>
        },
        SlideBody::Tornado(data) => html! {
            <>
                <SlideTornado data={data.clone()} width={960} id_prefix={format!("pack-{number}")} />
                { tornado_table(data) }
            </>
        },
        SlideBody::Bands(rows) => bands_table(rows, &slide.finding),
        SlideBody::Figures => html! {},
        SlideBody::Unavailable(why) => html! { <p>{ format!("Not available: {why}.") }</p> },
    };
    html! {
        <section class={if matches!(slide.body, SlideBody::Figures) { "print-page print-figures" } else { "print-page" }} data-print-slide={slide.id.key()}>
            <header class="pack-head">
                <span>{ name }</span>
                <span>{ slide.id.label() }</span>
                <span>{ date }</span>
            </header>
            <h2 class="pack-finding">{ &slide.finding }</h2>
            <dl class="pack-figures">
                { for slide.figures.iter().map(|f| html! {
                    <div><dt>{ &f.label }</dt><dd class={tone(f)}>{ &f.value }</dd></div>
                }) }
            </dl>
            { body }
            <footer class="pack-notes">
                <ul>
                    { for slide.notes.iter().map(|n| html! {
                        <li class={if n.estimate { "estimate" } else { "" }}>
                            <strong>{ if n.estimate { "Estimate. " } else { "Source. " } }</strong>{ &n.text }
                        </li>
                    }) }
                </ul>
                <span class="pack-page">{ format!("Page {} of {}", number + 1, total + 1) }</span>
            </footer>
        </section>
    }
}

/// The whole pack.
#[component]
pub fn PrintPack(props: &PrintPackProps) -> Html {
    let redraw = use_force_update();
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|w| {
            gloo_events::EventListener::new(&w, "beforeprint", move |_| redraw.force_update())
        });
        move || drop(listener)
    });
    let date = dom::today();
    let s = &props.scenario;
    let years = s.horizon.year_list();
    let span = match (years.first(), years.last()) {
        (Some(a), Some(b)) => format!("{a} to {b}"),
        _ => String::new(),
    };
    let total = props.slides.len();
    html! {
        <div class="print-pack">
            <section class="print-page print-cover">
                <header class="pack-head">
                    <span>{ &s.name }</span>
                    <span>{ "Medium-term financial plan" }</span>
                    <span>{ &date }</span>
                </header>
                <h2 class="pack-title">{ format!("Medium-term financial plan, {span}") }</h2>
                <p class="pack-sub">
                    { format!("Scenario: {}. Printed {date}. Figures for {} and to the end of the plan.", s.name, props.year) }
                </p>
                if !s.description.is_empty() {
                    <p class="pack-sub">{ &s.description }</p>
                }
                <table class="pack-table pack-assumptions">
                    <caption>{ "Key assumptions" }</caption>
                    <thead>
                        <tr><th scope="col">{ "Assumption" }</th><th scope="col">{ "Value" }</th><th scope="col">{ "Source" }</th></tr>
                    </thead>
                    <tbody>
                        { for key_assumptions(s).into_iter().map(|a| html! {
                            <tr>
                                <th scope="row">{ a.label }</th>
                                <td>{ a.value }</td>
                                <td class={if a.source.estimate { "estimate" } else { "" }}>
                                    if a.source.estimate { <strong>{ "Estimate. " }</strong> }
                                    { a.source.text }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                <footer class="pack-notes">
                    <p>{ "Every figure comes from the planner's model, the same code as the mtfp command-line tool. Rows marked Estimate are not published figures." }</p>
                    <span class="pack-page">{ format!("Page 1 of {}", total + 1) }</span>
                </footer>
            </section>
            { for props.slides.iter().enumerate().map(|(i, sl)| page(sl, i + 1, total, &s.name, &date)) }
        </div>
    }
}
