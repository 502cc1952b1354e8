//! The workspace as a screen loaded on demand sees it. Compare, presentation mode, the
//! print pack, the import/export menu and the share menu live in a second wasm module,
//! fetched the first time one of them is opened, so the page's first download carries only
//! the workspace. The workspace sends that module a [`Request`] (which screen, which
//! scenarios exist, which is on screen, the message on show, where work is saved); the
//! module rebuilds a [`Workspace`] from it with [`Workspace::remote`], whose scenarios it
//! asks the workspace for only when a screen needs them, and sends back a [`Message`] for
//! whatever changes the workspace (docs/scenarios.md, "Modules loaded on demand").

use std::rc::Rc;

use super::collection::{Body, Collection, Entry, ScenarioId, Selected, Unpacker};
use super::session::{
    Action, CapitalChange, Edited, Notice, OutturnEdit, Place, Recovery, View, Workspace,
};
use crate::edit::Field;
use crate::model::json::{self, Node, Object};
use crate::model::outturn::ActualsJson;
use crate::model::scenario::Scenario;
use crate::model::{FinancialYear, ModelError};

/// The key the bridge's `scenario(key)` gives the scenario on screen by: the workspace's
/// at that moment, which may be newer than the last [`Request`] the module was given. A
/// screen that sends a whole section of it works its change out on this.
pub const ON_SCREEN: &str = "on_screen";

/// A screen the second module shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Scenarios side by side.
    Compare,
    /// Presentation mode.
    Present,
    /// The print pack of the scenario on screen, printed at once.
    Print,
    /// The import/export menu: import a scenario, export the one on screen, back up and
    /// restore them all.
    Files,
    /// The share menu: a link carrying the scenario on screen.
    Share,
    /// The capital programme: its table (editable), charts and prudential indicators.
    Capital,
    /// Analyses of the scenario on screen: what closes the gap, what matters most.
    Analysis,
    /// The savings register of the scenario on screen.
    Savings,
    /// Its reserves strategy.
    Reserves,
    /// Plan against outturn: actuals, variance, hindsight, roll forward, settlement.
    Outturn,
}

impl Screen {
    /// Its name in a request.
    pub fn key(self) -> &'static str {
        match self {
            Screen::Compare => "compare",
            Screen::Present => "present",
            Screen::Print => "print",
            Screen::Files => "files",
            Screen::Share => "share",
            Screen::Capital => "capital",
            Screen::Analysis => "analysis",
            Screen::Savings => "savings",
            Screen::Reserves => "reserves",
            Screen::Outturn => "outturn",
        }
    }

    fn from_key(key: &str) -> Option<Screen> {
        [
            Screen::Compare,
            Screen::Present,
            Screen::Print,
            Screen::Files,
            Screen::Share,
            Screen::Capital,
            Screen::Analysis,
            Screen::Savings,
            Screen::Reserves,
            Screen::Outturn,
        ]
        .into_iter()
        .find(|s| s.key() == key)
    }
}

/// Where the workspace saves the scenarios.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saving {
    /// The browser's database.
    Database,
    /// The browser's local storage (its database is not available).
    Local,
    /// Nowhere: they last until the window is closed.
    Nowhere,
}

impl Saving {
    /// Its name in a request.
    pub fn key(self) -> &'static str {
        match self {
            Saving::Database => "database",
            Saving::Local => "local",
            Saving::Nowhere => "nowhere",
        }
    }

    fn from_key(key: &str) -> Option<Saving> {
        [Saving::Database, Saving::Local, Saving::Nowhere]
            .into_iter()
            .find(|s| s.key() == key)
    }
}

/// A request the second module cannot read (the two modules come from different builds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadRequest;

impl std::fmt::Display for BadRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(
            "This screen comes from another version of the planner than the page: reload the \
             page.",
        )
    }
}

/// What the workspace tells the second module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The screen to show.
    pub screen: Screen,
    /// The scenario on screen in the workspace.
    pub current: Selected,
    /// The year the workspace's headline shows.
    pub headline_year: Option<FinancialYear>,
    /// The next id the workspace would hand out.
    pub next_id: ScenarioId,
    /// Every named scenario: its id and name, in order.
    pub scenarios: Vec<(ScenarioId, String)>,
    /// The workspace's message, shown beside the control it is about.
    pub notice: Option<Notice>,
    /// Where the scenarios are saved.
    pub saving: Saving,
    /// True if a newer version of the planner wrote the saved scenarios, so none is saved.
    pub read_only: bool,
    /// What was typed into the register's fields and not (yet) used: each field's key, the
    /// text, and why it was refused.
    pub drafts: Vec<(String, String, Option<String>)>,
}

impl Request {
    /// The request for `screen` of workspace `ws`, whose scenarios are saved as `saving`
    /// (`read_only` if a newer version wrote them).
    pub fn of(ws: &Workspace, screen: Screen, saving: Saving, read_only: bool) -> Request {
        let c = ws.collection();
        Request {
            screen,
            current: c.current(),
            headline_year: ws.headline_year,
            next_id: c.next_id(),
            scenarios: c.entries().iter().map(|e| (e.id, e.name.clone())).collect(),
            notice: ws.notice.clone(),
            saving,
            read_only,
            drafts: ws
                .drafts
                .iter()
                .filter(|(f, _)| matches!(f, Field::Screen(_)))
                .map(|(f, d)| (f.key(), d.text.clone(), d.error.clone()))
                .collect(),
        }
    }

    /// As JSON text.
    pub fn to_json(&self) -> String {
        let mut o = Object::new();
        o.put("screen", Node::str(self.screen.key()));
        o.put("current", Node::str(&self.current.key()));
        o.put(
            "headline_year",
            self.headline_year
                .map_or_else(Node::null, |y| Node::str(&y.to_string())),
        );
        o.put("next_id", Node::int(self.next_id.into()));
        o.put(
            "scenarios",
            Node::array(
                self.scenarios
                    .iter()
                    .map(|(id, name)| Node::array(vec![Node::int((*id).into()), Node::str(name)]))
                    .collect(),
            ),
        );
        o.put(
            "notice",
            self.notice.as_ref().map_or_else(Node::null, notice_node),
        );
        o.put("saving", Node::str(self.saving.key()));
        o.put("read_only", Node::bool(self.read_only));
        if !self.drafts.is_empty() {
            o.put(
                "drafts",
                Node::array(
                    self.drafts
                        .iter()
                        .map(|(k, t, e)| {
                            let e = e.as_deref().map_or_else(Node::null, Node::str);
                            Node::array(vec![Node::str(k), Node::str(t), e])
                        })
                        .collect(),
                ),
            );
        }
        json::to_string(&o.node())
    }

    /// Read [`Request::to_json`]'s text.
    pub fn from_json(text: &str) -> Result<Request, BadRequest> {
        let bad = || BadRequest;
        let node = json::parse(text).map_err(|_| bad())?;
        let screen = node
            .get("screen")
            .and_then(Node::as_str)
            .and_then(Screen::from_key)
            .ok_or_else(bad)?;
        let current = node
            .get("current")
            .and_then(Node::as_str)
            .and_then(Selected::from_key)
            .ok_or_else(bad)?;
        let headline_year = node
            .get("headline_year")
            .and_then(Node::as_str)
            .and_then(|y| y.parse().ok());
        let next_id = node
            .get("next_id")
            .and_then(Node::as_u64)
            .and_then(|n| ScenarioId::try_from(n).ok())
            .ok_or_else(bad)?;
        let mut scenarios = Vec::new();
        for item in node
            .get("scenarios")
            .and_then(Node::as_array)
            .ok_or_else(bad)?
        {
            let pair = item.as_array().ok_or_else(bad)?;
            let id = pair
                .first()
                .and_then(Node::as_u64)
                .and_then(|n| ScenarioId::try_from(n).ok())
                .ok_or_else(bad)?;
            let name = pair.get(1).and_then(Node::as_str).ok_or_else(bad)?;
            scenarios.push((id, name.to_string()));
        }
        let notice = match node.get("notice") {
            None => None,
            Some(n) if n.is_null() => None,
            Some(n) => Some(read_notice(n).ok_or_else(bad)?),
        };
        let saving = node
            .get("saving")
            .and_then(Node::as_str)
            .and_then(Saving::from_key)
            .ok_or_else(bad)?;
        let read_only = node
            .get("read_only")
            .and_then(Node::as_bool)
            .ok_or_else(bad)?;
        let mut drafts = Vec::new();
        for d in node
            .get("drafts")
            .and_then(Node::as_array)
            .unwrap_or_default()
        {
            let part = |i: usize| d.as_array().and_then(|a| a.get(i));
            let text = |i: usize| part(i).and_then(Node::as_str).map(str::to_string);
            drafts.push((text(0).ok_or_else(bad)?, text(1).ok_or_else(bad)?, text(2)));
        }
        Ok(Request {
            screen,
            current,
            headline_year,
            next_id,
            scenarios,
            notice,
            saving,
            read_only,
            drafts,
        })
    }
}

/// A scenario's JSON read (schema checked, every field read) but not validated.
fn unchecked(text: &str) -> Option<Scenario> {
    let node = json::parse(text).ok()?;
    crate::model::scenario::schema::check(&node, text).ok()?;
    Scenario::from_node(json::Item::root(&node)).ok()
}

fn notice_node(n: &Notice) -> Node {
    let mut o = Object::new();
    o.put("place", Node::str(n.place.key()));
    o.put("error", Node::bool(n.error));
    o.put("text", Node::str(&n.text));
    o.node()
}

fn read_notice(node: &Node) -> Option<Notice> {
    Some(Notice {
        place: Place::from_key(node.get("place")?.as_str()?)?,
        error: node.get("error")?.as_bool()?,
        text: node.get("text")?.as_str()?.to_string(),
    })
}

/// What a screen loaded on demand asks of the workspace: the only way it changes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// The screen is done (back to editing, presentation over, printed).
    Exit,
    /// Add this scenario, read from the file named (checked as an import is).
    Import {
        /// The file's name.
        file: String,
        /// Its scenario.
        scenario: Box<Scenario>,
    },
    /// Show this message.
    Notify(Notice),
    /// Hide the message.
    Dismiss,
    /// Take back the last step (from a message's Undo button).
    Undo,
    /// Change the capital programme (the capital view).
    Capital(Box<CapitalChange>),
    /// Add this scenario under this name and show it (an analysis's answer applied).
    AddScenario {
        /// Its name (named after the question it answers).
        name: String,
        /// The scenario.
        scenario: Box<Scenario>,
    },
    /// A change the screen made: the changed scenario and what changed.
    Change(Box<Edited>),
    /// Text typed into the screen's field `key` that could not be used, and why.
    Draft {
        /// The field's key.
        key: String,
        /// What was typed.
        text: String,
        /// Why it cannot be used.
        error: String,
    },
    /// Typing in a field has ended (focus left it).
    Seal,
    /// Set the actuals of the scenario on screen (the outturn screen).
    Outturn(Box<OutturnEdit>),
    /// Add a scenario the outturn screen made, as the step named.
    AddMade {
        /// The step's name: "Roll 'Plan' forward a year".
        step: String,
        /// The scenario.
        scenario: Box<Scenario>,
    },
}

impl Message {
    /// The message for `action` done on a screen loaded on demand, if it changes the
    /// workspace: a refused import or restore becomes its message, shown where the user
    /// chose the file. A restore's scenarios travel apart (they may be many).
    pub fn for_action(action: Action) -> Option<Message> {
        let error = |place, text: String| {
            Message::Notify(Notice {
                place,
                error: true,
                text,
            })
        };
        match action {
            Action::Show(View::Edit) => Some(Message::Exit),
            Action::Import(file, Ok(scenario)) => Some(Message::Import { file, scenario }),
            Action::Import(_, Err(e)) => Some(error(Place::Import, e.to_string())),
            Action::Restore(Err(e)) => Some(error(Place::Backup, e.to_string())),
            Action::Notify(n) => Some(Message::Notify(n)),
            Action::DismissNotice => Some(Message::Dismiss),
            Action::Undo => Some(Message::Undo),
            Action::Capital(change) => Some(Message::Capital(change)),
            Action::AddScenario(name, scenario) => Some(Message::AddScenario { name, scenario }),
            Action::Change(e) => Some(Message::Change(e)),
            Action::Draft(key, text, error) => Some(Message::Draft { key, text, error }),
            Action::Seal => Some(Message::Seal),
            Action::Outturn(edit) => Some(Message::Outturn(edit)),
            Action::AddMade(scenario, step) => Some(Message::AddMade { step, scenario }),
            _ => None,
        }
    }

    /// What the workspace does on receiving it (`None` for [`Message::Exit`], which
    /// closes the screen).
    pub fn into_action(self) -> Option<Action> {
        match self {
            Message::Exit => None,
            Message::Import { file, scenario } => Some(Action::Import(file, Ok(scenario))),
            Message::Notify(n) => Some(Action::Notify(n)),
            Message::Dismiss => Some(Action::DismissNotice),
            Message::Undo => Some(Action::Undo),
            Message::Capital(change) => Some(Action::Capital(change)),
            Message::AddScenario { name, scenario } => Some(Action::AddScenario(name, scenario)),
            Message::Change(e) => Some(Action::Change(e)),
            Message::Draft { key, text, error } => Some(Action::Draft(key, text, error)),
            Message::Seal => Some(Action::Seal),
            Message::Outturn(edit) => Some(Action::Outturn(edit)),
            Message::AddMade { step, scenario } => Some(Action::AddMade(scenario, step)),
        }
    }

    /// As JSON text (the scenario as its file's text).
    pub fn to_json(&self) -> String {
        let mut o = Object::new();
        match self {
            Message::Exit => o.put("do", Node::str("exit")),
            Message::Import { file, scenario } => {
                o.put("do", Node::str("import"));
                o.put("file", Node::str(file));
                o.put("scenario", Node::str(&scenario.to_json_compact()));
            }
            Message::Notify(n) => {
                o.put("do", Node::str("notify"));
                o.put("notice", notice_node(n));
            }
            Message::Dismiss => o.put("do", Node::str("dismiss")),
            Message::Undo => o.put("do", Node::str("undo")),
            Message::Capital(change) => {
                o.put("do", Node::str("capital"));
                o.put("change", change.to_node());
            }
            Message::AddScenario { name, scenario } => {
                o.put("do", Node::str("add"));
                o.put("name", Node::str(name));
                o.put("scenario", Node::str(&scenario.to_json_compact()));
            }
            Message::Change(e) => {
                o.put("do", Node::str("change"));
                o.put("scenario", Node::str(&e.scenario.to_json_compact()));
                o.put("what", Node::str(&e.what));
                o.put("from", Node::str(&e.from));
                o.put("to", Node::str(&e.to));
                if let Some((key, text)) = &e.field {
                    o.put("key", Node::str(key));
                    o.put("text", Node::str(text));
                }
            }
            Message::Draft { key, text, error } => {
                o.put("do", Node::str("draft"));
                o.put("key", Node::str(key));
                o.put("text", Node::str(text));
                o.put("error", Node::str(error));
            }
            Message::Seal => o.put("do", Node::str("seal")),
            Message::Outturn(edit) => {
                o.put("do", Node::str("outturn"));
                o.put(
                    "actuals",
                    edit.actuals
                        .as_ref()
                        .map_or_else(Node::null, |a| a.node().clone()),
                );
                o.put("what", Node::str(&edit.what));
                o.put("from", Node::str(&edit.from));
                o.put("to", Node::str(&edit.to));
            }
            Message::AddMade { step, scenario } => {
                o.put("do", Node::str("add_made"));
                o.put("step", Node::str(step));
                o.put("scenario", Node::str(&scenario.to_json_compact()));
            }
        }
        json::to_string(&o.node())
    }

    /// Read [`Message::to_json`]'s text.
    pub fn from_json(text: &str) -> Result<Message, BadRequest> {
        let bad = || BadRequest;
        let node = json::parse(text).map_err(|_| bad())?;
        let field = |name: &str| node.get(name).and_then(Node::as_str).ok_or_else(bad);
        Ok(match field("do")? {
            "exit" => Message::Exit,
            "import" => Message::Import {
                file: field("file")?.to_string(),
                scenario: Box::new(Scenario::from_json(field("scenario")?).map_err(|_| bad())?),
            },
            "notify" => Message::Notify(node.get("notice").and_then(read_notice).ok_or_else(bad)?),
            "dismiss" => Message::Dismiss,
            "undo" => Message::Undo,
            "capital" => Message::Capital(Box::new(
                node.get("change")
                    .and_then(CapitalChange::from_node)
                    .ok_or_else(bad)?,
            )),
            "add" => Message::AddScenario {
                name: field("name")?.to_string(),
                scenario: Box::new(Scenario::from_json(field("scenario")?).map_err(|_| bad())?),
            },
            "change" => {
                let field_of = |k| field(k).map(str::to_string);
                Message::Change(Box::new(Edited {
                    // Read, not validated: the workspace checks it and says what is wrong
                    // beside the field.
                    scenario: unchecked(field("scenario")?).ok_or_else(bad)?,
                    what: field_of("what")?,
                    from: field_of("from")?,
                    to: field_of("to")?,
                    field: field_of("key").ok().zip(field_of("text").ok()),
                }))
            }
            "draft" => Message::Draft {
                key: field("key")?.to_string(),
                text: field("text")?.to_string(),
                error: field("error")?.to_string(),
            },
            "seal" => Message::Seal,
            "outturn" => {
                let actuals = match node.get("actuals") {
                    Some(n) if n.is_object() => Some(ActualsJson::new(n.clone())),
                    Some(n) if !n.is_null() => return Err(bad()),
                    _ => None,
                };
                Message::Outturn(Box::new(OutturnEdit {
                    actuals,
                    what: field("what")?.to_string(),
                    from: field("from")?.to_string(),
                    to: field("to")?.to_string(),
                }))
            }
            "add_made" => Message::AddMade {
                step: field("step")?.to_string(),
                scenario: Box::new(Scenario::from_json(field("scenario")?).map_err(|_| bad())?),
            },
            _ => return Err(bad()),
        })
    }
}

impl Workspace {
    /// The workspace `request` describes, on `baseline`: each named scenario is read
    /// through `fetch` (given `s<id>`) when a screen first needs it.
    pub fn remote(
        baseline: Scenario,
        request: &Request,
        fetch: Unpacker,
    ) -> Result<Workspace, ModelError> {
        let entries = request
            .scenarios
            .iter()
            .map(|(id, name)| Entry {
                id: *id,
                name: name.clone(),
                body: Rc::new(Body::stored(Selected::Scenario(*id).key().into(), fetch)),
            })
            .collect();
        let collection = Collection::from_parts(entries, request.current, request.next_id);
        let mut ws = Workspace::open(baseline, collection, Recovery::default(), None)?;
        if request.headline_year.is_some() {
            ws.headline_year = request.headline_year;
        }
        ws.notice.clone_from(&request.notice);
        for (key, text, error) in &request.drafts {
            ws.drafts.insert(
                Field::Screen(key.clone()),
                super::session::Draft {
                    text: text.clone(),
                    error: error.clone(),
                },
            );
        }
        Ok(ws)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::baseline;
    use crate::store::session::Action;
    use crate::store::{Contents, ContentsError};

    fn fetch(key: &str) -> Result<Contents, ContentsError> {
        let id: u32 = key
            .strip_prefix('s')
            .and_then(|n| n.parse().ok())
            .ok_or(ContentsError::Gone)?;
        let mut s = baseline::nottinghamshire().map_err(ContentsError::Scenario)?;
        s.name = format!("Scenario {id}");
        s.precept.band_d.value = crate::model::dec::Dec(rust_decimal::Decimal::from(250 + id));
        Ok(Contents {
            scenario: Rc::new(s),
            log: Rc::new(Vec::new()),
        })
    }

    #[test]
    fn a_request_round_trips_and_rebuilds_the_workspace_it_describes() {
        let mut ws = Workspace::new(baseline::nottinghamshire().unwrap()).unwrap();
        for _ in 0..3 {
            ws = ws.apply(Action::NewFromBaseline, "t");
        }
        ws = ws.apply(Action::Select(Selected::Scenario(2)), "t");
        ws.notice = Some(Notice {
            place: Place::Backup,
            error: false,
            text: "Restored \"3\"".into(),
        });
        let request = Request::of(&ws, Screen::Compare, Saving::Local, false);
        let text = request.to_json();
        assert_eq!(
            text,
            r#"{"screen":"compare","current":"s2","headline_year":"2023/24","next_id":4,"scenarios":[[1,"Scenario 1"],[2,"Scenario 2"],[3,"Scenario 3"]],"notice":{"place":"backup","error":false,"text":"Restored \"3\""},"saving":"local","read_only":false}"#
        );
        assert_eq!(Request::from_json(&text).unwrap(), request);
        let remote =
            Workspace::remote(baseline::nottinghamshire().unwrap(), &request, fetch).unwrap();
        assert_eq!(remote.current(), Selected::Scenario(2));
        assert_eq!(
            remote.notice, ws.notice,
            "the message shows on the screen too"
        );
        assert_eq!(remote.headline_year, ws.headline_year);
        // Only the scenario on screen was asked for.
        let asked: Vec<bool> = remote
            .collection()
            .entries()
            .iter()
            .map(|e| e.body.is_unpacked())
            .collect();
        assert_eq!(asked, [false, true, false]);
        assert_eq!(remote.scenario.precept.band_d.value.0, 252.into());
        assert!(Request::from_json("{}").is_err());
        assert!(Request::from_json(&text.replace("compare", "elsewhere")).is_err());
        assert!(Request::from_json(&text.replace("local", "cloud")).is_err());
        let analysis = Request {
            screen: Screen::Analysis,
            ..request.clone()
        };
        assert_eq!(Request::from_json(&analysis.to_json()).unwrap(), analysis);
        let quiet = Request {
            notice: None,
            screen: Screen::Files,
            read_only: true,
            ..request
        };
        assert_eq!(Request::from_json(&quiet.to_json()).unwrap(), quiet);
    }

    #[test]
    fn messages_round_trip_and_become_the_workspaces_actions() {
        let mut s = baseline::nottinghamshire().unwrap();
        s.name = "From a file".into();
        let notice = Notice {
            place: Place::Import,
            error: true,
            text: "a.json was not imported".into(),
        };
        for m in [
            Message::Exit,
            Message::Import {
                file: "a.json".into(),
                scenario: Box::new(s.clone()),
            },
            Message::Notify(notice.clone()),
            Message::Dismiss,
            Message::Undo,
            Message::Capital(Box::new({
                let edit = crate::edit::capital::CapitalEdit::Scheme {
                    id: "fleet".into(),
                    key: "revenue_contribution:2023/24".into(),
                    text: "£250,000".into(),
                };
                crate::edit::capital::change(&s, &edit, None).unwrap()
            })),
            Message::AddScenario {
                name: "Band D +£18.11 a year from 2023/24: no cumulative gap by 2025/26".into(),
                scenario: Box::new(s.clone()),
            },
            Message::Outturn(Box::new(OutturnEdit {
                actuals: s.actuals.clone(),
                what: "Outturn: Precept income 2022/23".into(),
                from: "—".into(),
                to: "£85,400,000.00".into(),
            })),
            Message::Outturn(Box::new(OutturnEdit {
                actuals: None,
                what: "Outturn cleared".into(),
                from: "27 figures".into(),
                to: "none".into(),
            })),
            Message::AddMade {
                step: "Roll forward a year".into(),
                scenario: Box::new(s.clone()),
            },
        ] {
            assert_eq!(Message::from_json(&m.to_json()).unwrap(), m);
            // The workspace's action for it is the module's action back again.
            if let Some(action) = m.clone().into_action() {
                assert_eq!(Message::for_action(action), Some(m));
            }
        }
        assert!(Message::from_json(r#"{"do":"add","name":"x","scenario":"{}"}"#).is_err());
        assert!(Message::from_json(r#"{"do":"add_made","step":"x","scenario":"{}"}"#).is_err());
        assert!(Message::from_json(r#"{"do":"delete everything"}"#).is_err());
        assert!(Message::from_json(r#"{"do":"import","file":"a","scenario":"{}"}"#).is_err());
        // An import made on the screen is the workspace's import.
        let ws = Workspace::new(baseline::nottinghamshire().unwrap()).unwrap();
        let m = Message::for_action(Action::Import("a.json".into(), Ok(Box::new(s)))).unwrap();
        let after = ws.apply(m.into_action().unwrap(), "t");
        assert_eq!(after.scenario.name, "From a file");
        assert_eq!(after.notice.unwrap().place, Place::Import);
        // A refused file is a message beside the control that chose it.
        let refused = crate::store::import::scenario("b.json", b"not json").unwrap_err();
        let m = Message::for_action(Action::Import("b.json".into(), Err(refused.clone())));
        assert_eq!(
            m,
            Some(Message::Notify(Notice {
                place: Place::Import,
                error: true,
                text: refused.to_string()
            }))
        );
        assert_eq!(
            Message::for_action(Action::Show(View::Edit)),
            Some(Message::Exit)
        );
        assert_eq!(Message::for_action(Action::NewFromBaseline), None);
        // An analysis's answer applied on the screen is the workspace's step, undone by Undo.
        let m = Message::for_action(Action::AddScenario(
            "Solved".into(),
            Box::new(baseline::nottinghamshire().unwrap()),
        ))
        .unwrap();
        assert_eq!(Message::from_json(&m.to_json()).unwrap(), m);
        let added = ws.apply(m.into_action().unwrap(), "t");
        assert_eq!(added.scenario.name, "Solved");
        assert_eq!(added.collection().entries().len(), 1);
        let undone = added.apply(Message::Undo.into_action().unwrap(), "t");
        assert!(undone.collection().entries().is_empty());
        assert_eq!(Message::Exit.into_action(), None);
    }
}
