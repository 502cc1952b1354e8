//! The workspace as a screen loaded on demand sees it. Compare, presentation mode and the
//! print pack live in a second wasm module, fetched the first time one of them is opened,
//! so the page's first download carries only the workspace. The workspace sends that
//! module a [`Request`] (which screen, which scenarios exist, which is on screen); the
//! module rebuilds a [`Workspace`] from it with [`Workspace::remote`], whose scenarios it
//! asks the workspace for only when a screen needs them (docs/scenarios.md, "Screens
//! loaded on demand").

use std::rc::Rc;

use super::collection::{Body, Collection, Entry, ScenarioId, Selected, Unpacker};
use super::session::{Recovery, Workspace};
use crate::model::json::{self, Node, Object};
use crate::model::scenario::Scenario;
use crate::model::{FinancialYear, ModelError};

/// A screen the second module shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Scenarios side by side.
    Compare,
    /// Presentation mode.
    Present,
    /// The print pack of the scenario on screen, printed at once.
    Print,
}

impl Screen {
    /// Its name in a request.
    pub fn key(self) -> &'static str {
        match self {
            Screen::Compare => "compare",
            Screen::Present => "present",
            Screen::Print => "print",
        }
    }

    fn from_key(key: &str) -> Option<Screen> {
        [Screen::Compare, Screen::Present, Screen::Print]
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
}

impl Request {
    /// The request for `screen` of workspace `ws`.
    pub fn of(ws: &Workspace, screen: Screen) -> Request {
        let c = ws.collection();
        Request {
            screen,
            current: c.current(),
            headline_year: ws.headline_year,
            next_id: c.next_id(),
            scenarios: c.entries().iter().map(|e| (e.id, e.name.clone())).collect(),
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
        Ok(Request {
            screen,
            current,
            headline_year,
            next_id,
            scenarios,
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
        let request = Request::of(&ws, Screen::Compare);
        let text = request.to_json();
        assert_eq!(
            text,
            r#"{"screen":"compare","current":"s2","headline_year":"2023/24","next_id":4,"scenarios":[[1,"Scenario 1"],[2,"Scenario 2"],[3,"Scenario 3"]]}"#
        );
        assert_eq!(Request::from_json(&text).unwrap(), request);
        let remote =
            Workspace::remote(baseline::nottinghamshire().unwrap(), &request, fetch).unwrap();
        assert_eq!(remote.current(), Selected::Scenario(2));
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
    }
}
