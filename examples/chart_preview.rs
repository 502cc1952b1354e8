//! Writes sample charts as SVG under target/preview/ so people can look at them.
use planner::charts::{to_svg, ChartData, Series, SeriesKind, Unit};
use rust_decimal::Decimal;

fn m(v: i64) -> Decimal {
    Decimal::new(v, 0) * Decimal::new(100_000, 0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let years: Vec<String> = ["2021/22", "2022/23", "2023/24", "2024/25", "2025/26"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let gap = ChartData {
        id: "gap".into(),
        title: "The gap opens in 2023/24 and reaches £8.1m over the plan".into(),
        description: "Annual gap bars and cumulative gap line".into(),
        categories: years.clone(),
        unit: Unit::Money,
        series: vec![
            Series::new(
                "Annual gap",
                SeriesKind::Bar,
                0,
                vec![m(0), m(0), m(9), m(28), m(44)],
            ),
            Series::new(
                "Cumulative gap",
                SeriesKind::Line,
                1,
                vec![m(0), m(0), m(9), m(37), m(81)],
            ),
            Series::new(
                "Floor",
                SeriesKind::Dashed,
                3,
                vec![m(-5), m(-5), m(-5), m(-5), m(-5)],
            ),
        ],
    };
    std::fs::create_dir_all("target/preview")?;
    std::fs::write("target/preview/gap.svg", to_svg(&gap, 720, 400)?)?;
    Ok(())
}
