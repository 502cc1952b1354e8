//! Writes the bridge chart for a scenario that changes every assumption group to
//! target/preview/bridge.svg, to check how a crowded bridge reads.
use planner::edit::{self, Field};
use planner::model::registry::{Kind, Target};
use planner::model::{baseline, engine, workforce::Group, FinancialYear};
use planner::view;
use rust_decimal::Decimal;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let base = baseline::nottinghamshire()?;
    let y = FinancialYear::new(2024).ok_or("year")?;
    let mut s = base.clone();
    for (f, v) in [
        (Field::PayAwardsFrom(y), 4),
        (Field::PreceptRiseFrom(y), 20),
        (Field::GrantGrowthFrom(y), 1),
        (
            Field::of(Kind::Recruits, Target::Group(Group::Officers), Some(y)),
            100,
        ),
        (
            Field::of(
                Kind::CollaborationCost,
                Target::Collaboration("emsou".into()),
                Some(y),
            ),
            30_000_000,
        ),
        (
            Field::of(
                Kind::ExpenditureBase,
                Target::Expenditure("ict".into()),
                None,
            ),
            10_000_000,
        ),
    ] {
        s = edit::apply(&s, &f, Decimal::from(v))?;
    }
    let (p, q) = (engine::project(&base)?, engine::project(&s)?);
    let steps = view::bridge(&base, &p, &s, &q)?;
    let chart = view::bridge_chart(&p, &q, &steps);
    std::fs::create_dir_all("target/preview")?;
    std::fs::write(
        "target/preview/bridge.svg",
        planner::charts::to_svg(&chart, 720, 400)?,
    )?;
    println!("{}", chart.title);
    Ok(())
}
