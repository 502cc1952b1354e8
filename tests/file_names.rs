//! The names the scenario file uses for categories, groups and statuses (`key`/`as_str`, read
//! and written by the model's JSON layer) are the names the `mtfp` tool's JSON output uses
//! (serde's `rename_all = "snake_case"`): one spelling for each, so the tool's output and
//! the scenario files can never disagree.

use planner::model::collab::Status;
use planner::model::scenario::{ExpenditureCategory, FundingCategory};
use planner::model::workforce::Group;

fn serde_name(v: impl serde::Serialize) -> String {
    serde_json::to_value(v)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn the_tool_writes_the_names_the_files_use() {
    for c in ExpenditureCategory::ALL {
        assert_eq!(serde_name(c), c.key());
    }
    for c in FundingCategory::ALL {
        assert_eq!(serde_name(c), c.key());
    }
    for g in Group::ALL {
        assert_eq!(serde_name(g), g.key());
    }
    for s in Status::ALL {
        assert_eq!(serde_name(s), s.as_str());
    }
}
