//! What the import/export and share menus hold, drawn by the module loaded on demand
//! ([`super::remote`]) when a menu is first opened ([`super::io_menu`] is the menus
//! themselves): import a scenario file; export the scenario on screen as scenario JSON (the
//! `mtfp` tool's format), CSV of results and of assumptions, the Excel workbook
//! ([`super::workbook_export`]) and each chart as SVG or PNG; back up and restore every
//! scenario ([`super::saved_menu`]); and a share link.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::controls::button;

use std::rc::Rc;

use super::io;
use super::notice::notice_at;
use super::saved_menu::SavedWork;
use super::state::{use_dispatch, Action, Notice, Place};
use super::workbook_export::use_workbook_export;
use crate::charts::{to_standalone_svg, ChartData};
use crate::model::resilience;
use crate::model::{capital, Projection, Scenario};
use crate::store::remote::Saving;
use crate::store::{csv, import, resilience_csv, share, ScenarioId};
use crate::view;

/// Export size of a chart, in CSS pixels (PNGs are drawn at twice this).
pub const EXPORT_SIZE: (u32, u32) = (960, 540);

/// Props of [`Files`].
#[derive(Properties, PartialEq)]
pub struct FilesProps {
    /// The scenario on screen (exported) and its projection.
    pub scenario: Rc<Scenario>,
    /// Its projection.
    pub projection: Rc<Projection>,
    /// The baseline (for the bridge chart) and its projection.
    pub baseline: Rc<Scenario>,
    /// The baseline's projection.
    pub baseline_projection: Rc<Projection>,
    /// The named scenarios (for the backup of them all).
    pub scenarios: Rc<Vec<ScenarioId>>,
    /// Where they are saved.
    pub saving: Saving,
    /// True if a newer version wrote them, so none is saved.
    pub read_only: bool,
    /// The workspace's message (shown here if it is about importing or exporting).
    pub notice: Option<Notice>,
}

/// Props of [`ShareLink`].
#[derive(Properties, PartialEq)]
pub struct ShareLinkProps {
    /// The scenario on screen.
    pub scenario: Rc<Scenario>,
    /// The workspace's message (shown here if it is about the link).
    pub notice: Option<Notice>,
}

/// Offer a CSV table as a download: as `csv::file` writes it, byte-order mark first.
fn csv_download(filename: &str, table: &str) -> Result<(), io::DownloadError> {
    io::download(filename, csv::MIME, &csv::file(table))
}

fn report(dispatch: &Callback<Action>, place: Place, result: Result<(), impl std::fmt::Display>) {
    if let Err(e) = result {
        dispatch.emit(Action::Notify(Notice {
            place,
            error: true,
            text: e.to_string(),
        }));
    }
}

/// Offer the savings register (`kind` "savings") or the reserves strategy ("reserves") of
/// `scenario` as a CSV download: the table `mtfp savings` / `mtfp reserves` prints
/// (docs/resilience.md §9).
fn register_csv(scenario: &Scenario, p: &Projection, kind: &str, stem: &str) -> Result<(), String> {
    let r = resilience::report(scenario, p).map_err(|e| e.to_string())?;
    let rows = if kind == "savings" {
        resilience_csv::savings_rows(&r)
    } else {
        resilience_csv::reserves_rows(&r)
    };
    let table = resilience_csv::table(&rows, "\r\n");
    csv_download(&format!("{stem}-{kind}.csv"), &table).map_err(|e| e.to_string())
}

/// The charts of `scenario` (projected as `p`), as the workspace shows them, for export.
fn workspace_charts(
    baseline: &Scenario,
    baseline_projection: &Projection,
    scenario: &Scenario,
    p: &Projection,
) -> Vec<ChartData> {
    let mut charts = vec![view::gap_chart(p), view::funding_expenditure_chart(p)];
    if let Ok(steps) = view::bridge(baseline, baseline_projection, scenario, p) {
        charts.push(view::bridge_chart(baseline_projection, p, &steps));
    }
    charts.push(view::reserves_chart(p));
    if let Some(Ok(w)) = view::workforce_of(scenario) {
        charts.push(view::workforce_chart(&w));
    }
    if let Some(Ok(c)) = view::collaborations_of(scenario) {
        charts.push(view::collaboration_chart(&c));
    }
    charts
}

/// SVG and PNG buttons for one chart. The standalone SVG (legend drawn in, which means
/// measuring text in the page) is drawn only when a button is pressed, never on render:
/// drawing it for every chart on every keystroke cost several milliseconds of forced layout.
pub fn chart_exports(chart: &ChartData, file_stem: &str, dispatch: &Callback<Action>) -> Html {
    let (w, h) = EXPORT_SIZE;
    let name = format!("{file_stem}-{}", chart.id);
    let svg_click = {
        let (chart, name, d) = (chart.clone(), name.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let r = to_standalone_svg(&chart, w, h)
                .map_err(|e| io::DownloadError::Chart(e.to_string()))
                .and_then(|s| io::download(&format!("{name}.svg"), "image/svg+xml", &s));
            report(&d, Place::Export, r);
        })
    };
    let png_click = {
        let (chart, d) = (chart.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| match to_standalone_svg(&chart, w, h) {
            Ok(s) => {
                let d = d.clone();
                io::download_png(&s, w, h, format!("{name}.png"), move |e| {
                    report(&d, Place::Export, Err(e))
                });
            }
            Err(e) => report(
                &d,
                Place::Export,
                Err(io::DownloadError::Chart(e.to_string())),
            ),
        })
    };
    html! {
        <span class="export-pair" data-export-chart={chart.id.clone()}>
            <button type="button" class="btn btn-small" onclick={svg_click} aria-label={format!("Download chart as SVG: {}", chart.title)}>{ "SVG" }</button>
            <button type="button" class="btn btn-small" onclick={png_click} aria-label={format!("Download chart as PNG: {}", chart.title)}>{ "PNG" }</button>
        </span>
    }
}

/// The import/export menu's contents: import a scenario, export the one on screen (JSON,
/// CSVs, workbook, charts), and all the scenarios' backup and restore.
#[component]
pub fn Files(props: &FilesProps) -> Html {
    let d = &use_dispatch().callback();
    let stem = io::slug(&props.scenario.name);
    let workbook = use_workbook_export(&props.scenario);
    let on_file = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let name = file.name();
            let size = usize::try_from(file.size() as u64).unwrap_or(usize::MAX);
            if let Err(e) = import::check_size(&name, size) {
                d.emit(Action::Import(name, Err(e)));
                return;
            }
            let d = d.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                    Ok(buffer) => {
                        import::scenario(&name, &js_sys::Uint8Array::new(&buffer).to_vec())
                            .map(Box::new)
                    }
                    Err(_) => Err(import::ImportError::new(
                        &name,
                        import::ImportProblem::Unreadable,
                    )),
                };
                d.emit(Action::Import(name, result));
            });
        })
    };
    let export = |kind: &'static str| {
        let (scenario, projection) = (props.scenario.clone(), props.projection.clone());
        let d = d.clone();
        let stem = stem.clone();
        Callback::from(move |_: MouseEvent| {
            let r = match kind {
                "json" => io::download(
                    &format!("{stem}.json"),
                    "application/json",
                    &scenario.to_json(),
                ),
                "results" => {
                    csv_download(&format!("{stem}-results.csv"), &csv::results(&projection))
                }
                "capital" => match capital::report(&scenario, &projection) {
                    Ok(r) => csv_download(&format!("{stem}-capital.csv"), &csv::capital(&r)),
                    Err(e) => Err(io::DownloadError::Chart(e.to_string())),
                },
                "savings" | "reserves" => {
                    report(
                        &d,
                        Place::Export,
                        register_csv(&scenario, &projection, kind, &stem),
                    );
                    return;
                }
                _ => csv_download(
                    &format!("{stem}-assumptions.csv"),
                    &csv::assumptions(&scenario),
                ),
            };
            report(&d, Place::Export, r);
        })
    };
    let charts = use_memo(
        (
            props.baseline.clone(),
            props.baseline_projection.clone(),
            props.scenario.clone(),
            props.projection.clone(),
        ),
        |(b, bp, s, p)| workspace_charts(b, bp, s, p),
    );
    html! {
            <>
                <div class="menu-group">
                    <input type="file" id="import-file" class="file-input" accept=".json,application/json" onchange={on_file} />
                    <label for="import-file" class="btn">{ "Import scenario (JSON)…" }</label>
                    <span class="hint">{ "Adds the file's scenario beside yours; a file with any problem is refused whole." }</span>
                    { notice_at(&props.notice, Place::Import, d) }
                </div>
                <div class="menu-group">
                    <span class="menu-title">{ format!("Export '{}'", props.scenario.name) }</span>
                    { button("btn", Some("export-json"), false, "Scenario (JSON, for mtfp)", export("json")) }
                    { button("btn", Some("export-results-csv"), false, "Results (CSV)", export("results")) }
                    { button("btn", Some("export-assumptions-csv"), false, "Assumptions (CSV)", export("assumptions")) }
                    { button("btn", Some("export-capital-csv"), false, "Capital programme (CSV)", export("capital")) }
                    { button("btn", Some("export-savings-csv"), false, "Savings register (CSV)", export("savings")) }
                    { button("btn", Some("export-reserves-csv"), false, "Reserves and indicators (CSV)", export("reserves")) }
                    { workbook }
                </div>
                <div class="menu-group">
                    <span class="menu-title">{ "Charts" }</span>
                    <ul class="chart-exports">
                        { for charts.iter().map(|c| html! { <li><span class="chart-name">{ c.title.clone() }</span>{ chart_exports(c, &stem, d) }</li> }) }
                    </ul>
                </div>
                { notice_at(&props.notice, Place::Export, d) }
                <SavedWork scenarios={props.scenarios.clone()} saving={props.saving} read_only={props.read_only} notice={props.notice.clone()} />
            </>
    }
}

/// The share menu's contents: a link that carries the scenario on screen inside it.
#[component]
pub fn ShareLink(props: &ShareLinkProps) -> Html {
    let d = &use_dispatch().callback();
    let link = use_state(|| None::<String>);
    let make_link = {
        let (scenario, d, link) = (props.scenario.clone(), d.clone(), link.clone());
        Callback::from(move |_: MouseEvent| match share::encode(&scenario) {
            Ok(fragment) => {
                let url = io::link_with(&fragment);
                io::copy(&url);
                link.set(Some(url));
                d.emit(Action::DismissNotice);
            }
            Err(e) => {
                link.set(None);
                report(&d, Place::Link, Err(e));
            }
        })
    };
    html! {
            <>
                <p class="hint">{ "A link that carries this scenario inside it: nothing is sent to any server. Opening it adds the scenario beside the recipient's own." }</p>
                { button("btn", Some("share-make"), false, "Copy link to this scenario", make_link) }
                if let Some(url) = &*link {
                    <label for="share-url" class="menu-title">{ "Link (copied to the clipboard where the browser allows)" }</label>
                    <input id="share-url" type="text" readonly=true value={url.clone()} data-native-undo="" />
                }
                { notice_at(&props.notice, Place::Link, d) }
            </>
    }
}
