//! The print pack: a cover page with the scenario's key assumptions, then one page per
//! chosen slide, each with its chart (or figures), data table, sources and estimate flags.
//! Hidden on screen; styles/print.css lays it out as A4 landscape pages. The date is the
//! browser's, read when the pack is drawn and again just before printing.

use yew::prelude::*;

use super::dom;
use super::slide::{bands_table, floor_table, tone, SlideChart, SlideFan, SlideTornado};
use crate::charts::{ChartData, TornadoData, Unit};
use crate::format;
use crate::model::resilience::{self, uncertainty};
use crate::model::{engine, Scenario};
use crate::view::s25;
use crate::view::slides::{key_assumptions, Slide, SlideBody, SlideId};

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
        SlideBody::Fan(data, rows) => html! {
            <>
                <SlideFan data={data.clone()} size={(960, 340)} id_prefix={format!("pack-{number}")} drawn_legend=true />
                { floor_table(rows, "pack-table") }
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

/// Props of [`S25Page`].
#[derive(Properties, PartialEq, Clone)]
struct S25PageProps {
    scenario: std::rc::Rc<Scenario>,
    number: usize,
    total: usize,
    date: AttrValue,
}

/// The section 25 statement as a page of the pack (docs/resilience.md §8), after the
/// reserves slides: its parts in two columns, each naming the table its figures come from.
#[component]
fn S25Page(props: &S25PageProps) -> Html {
    let statement = use_memo(props.scenario.clone(), |s| {
        let p = engine::project(s).map_err(|e| e.to_string())?;
        let r = resilience::report(s, &p).map_err(|e| e.to_string())?;
        let spreads = uncertainty::from_registry(s).map_err(|e| e.to_string())?;
        s25::statement(s, &p, &r, &spreads).map_err(|e| e.to_string())
    });
    let body = match statement.as_ref() {
        Ok(st) => {
            let [title, about] = st.heading();
            html! {
                <>
                    <h2 class="pack-finding">{ title }</h2>
                    <p class="pack-sub">{ about }</p>
                    <div class="pack-s25">
                        { for st.sections().into_iter().map(|sec| html! {
                            <section data-part={sec.id}>
                                <h3>{ sec.title }<span>{ format!(" · figures: {}", sec.table) }</span></h3>
                                <ul>{ for sec.lines.iter().map(|l| html! { <li>{ l.clone() }</li> }) }</ul>
                            </section>
                        }) }
                    </div>
                </>
            }
        }
        Err(why) => html! { <p>{ format!("Not available: {why}.") }</p> },
    };
    html! {
        <section class="print-page" data-print-slide="s25">
            <header class="pack-head">
                <span>{ &props.scenario.name }</span>
                <span>{ "Section 25 statement" }</span>
                <span>{ &props.date }</span>
            </header>
            { body }
            <footer class="pack-notes">
                <ul>
                    <li class="estimate"><strong>{ "Estimate. " }</strong>{ "Generated by the planner from the savings register, the reserves strategy and the assumption registry's ranges, for the chief finance officer's own report; delivery confidences, risks and thresholds not published are estimates." }</li>
                </ul>
                <span class="pack-page">{ format!("Page {} of {}", props.number + 1, props.total + 1) }</span>
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
    // The section 25 statement follows the slides when the reserves' minimum is chosen.
    let with_s25 = props.slides.iter().any(|sl| sl.id == SlideId::Resilience);
    let total = props.slides.len() + usize::from(with_s25);
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
            if with_s25 {
                <S25Page scenario={s.clone()} number={total} {total} date={AttrValue::from(date.clone())} />
            }
        </div>
    }
}
