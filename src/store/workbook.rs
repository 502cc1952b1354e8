//! The Excel workbook export, described: a scenario and its projection become a
//! [`Workbook`] of sheets, rows and cells (text, numbers, and formulas with the value the
//! model gives them), with their number formats, column widths and frozen panes. Pure, like
//! the rest of `store`: `crate::xlsx` turns a description into `.xlsx` bytes, in the browser
//! (the third wasm module, bin `planner-xlsx`) and in `mtfp export-xlsx` alike. Sheets that
//! later features add (variance, analyses) are more entries in [`Workbook::sheets`].
//!
//! The sheets ([`SUMMARY`], [`RESULTS`], [`ASSUMPTIONS`]; docs/scenarios.md, "The Excel
//! workbook"):
//!
//! - **Results**: the rows of the results CSV ([`super::csv::results`]), in its order and
//!   with its labels, a column per year, plus the rows the reserves' formulas need (each
//!   reserve at the start of the year, the planned use of each, total reserves). Every
//!   figure that is a sum or difference of figures on the sheet is a formula over them:
//!   total funding, gross expenditure, net revenue spend, the annual, cumulative and
//!   recurring gaps, planned use of reserves, savings still to find, each reserve at the
//!   start (after the base year) and end of the year, total reserves, and the Band D rise
//!   in £. The rest (lines, precept income, savings, the floor, Band D, the tax base and
//!   the % rise) are the model's figures: each involves a product or a rounding that a
//!   formula over the rounded figures shown would not reproduce to the penny. The last
//!   column says how each row is worked out, or cites its source.
//! - **Summary**: the headline rows by year, each a formula reading the Results sheet, and
//!   the projection's warnings.
//! - **Assumptions**: the rows of the assumptions CSV ([`super::csv::assumption_rows`]),
//!   each value with its source.
//!
//! A formula's cached value is the model's figure (Decimal, to the penny), so a reader
//! that does not recalculate shows exactly the app's numbers; Excel recalculates on
//! opening, and sums and differences of pennies give the same pennies. Formulas use only
//! cell references, `+`, `-` and `SUM(range)` (a test evaluates every one).

use rust_decimal::Decimal;

use super::csv;
use crate::model::engine::{ExpenditureAmount, FundingAmount, Projection, YearResult};
use crate::model::scenario::{Driver, ExpenditureLine, FundingDriver, FundingLine, PayGroup};
use crate::model::workforce::Group;
use crate::model::{round_money, Scenario, Source};

/// The MIME type of an `.xlsx` file.
pub const MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The first sheet: headline figures by year and the warnings.
pub const SUMMARY: &str = "Summary";
/// Every line and total by year.
pub const RESULTS: &str = "Results";
/// Every assumption with its source.
pub const ASSUMPTIONS: &str = "Assumptions";

/// The number format of money cells: pounds with thousands separators and two decimals, a
/// negative figure with a minus sign before the £ (`-£1,234.56`).
pub const MONEY_FORMAT: &str = "\"£\"#,##0.00;-\"£\"#,##0.00";
/// The number format of other figures shown to two places (tax base, % rise).
pub const TWO_PLACES_FORMAT: &str = "#,##0.00";
/// The most characters Excel keeps in one cell; longer text is cut, ending "…".
pub const MAX_CELL_CHARS: usize = 32_767;

/// A whole workbook: its sheets, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workbook {
    /// The document's title (the scenario's name).
    pub title: String,
    /// The sheets, first shown first.
    pub sheets: Vec<Sheet>,
}

impl Workbook {
    /// The sheet called `name`.
    pub fn sheet(&self, name: &str) -> Option<&Sheet> {
        self.sheets.iter().find(|s| s.name == name)
    }
}

/// One worksheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// Its tab's name (at most 31 characters, none of `[]:*?/\`).
    pub name: String,
    /// Its rows from row 1, each a list of cells from column A.
    pub rows: Vec<Vec<Cell>>,
    /// Column widths from column A, in characters (Excel's unit).
    pub widths: Vec<u16>,
    /// Rows kept in view when scrolling down (the title and header rows).
    pub frozen_rows: u32,
    /// Columns kept in view when scrolling across (the row labels).
    pub frozen_columns: u16,
}

impl Sheet {
    /// The cell at `row` and `column` (from 0), if written.
    pub fn cell(&self, row: usize, column: usize) -> Option<&Cell> {
        self.rows.get(row)?.get(column)
    }
}

/// What a cell holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Nothing (a formatted blank).
    Empty,
    /// Text, never read as a formula.
    Text(String),
    /// A number.
    Number(Decimal),
    /// A formula (without the leading `=`, A1 references) and the value the model gives it.
    Formula {
        /// `SUM(D5:D12)`, `D14-D15`, `Results!D20`.
        formula: String,
        /// The model's figure, written as the formula's cached result.
        cached: Decimal,
    },
}

/// How a cell looks: its font and number format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// Plain text or a number in Excel's General format.
    Plain,
    /// A sheet's title: bold and larger.
    Title,
    /// An explanatory line: italic, grey.
    Note,
    /// A table's header: bold, shaded, a rule beneath.
    Header,
    /// Money, [`MONEY_FORMAT`].
    Money,
    /// A total: money in bold.
    Total,
    /// A figure to two places, [`TWO_PLACES_FORMAT`].
    TwoPlaces,
    /// Text in bold (a total's label).
    Bold,
    /// Long text wrapped within its column (a source).
    Wrapped,
}

/// One cell: a value and its style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// What it holds.
    pub value: Value,
    /// How it looks.
    pub style: Style,
}

impl Cell {
    /// Text in `style`, cut to [`MAX_CELL_CHARS`].
    pub fn text(text: &str, style: Style) -> Cell {
        let value = if text.chars().count() > MAX_CELL_CHARS {
            let mut cut: String = text.chars().take(MAX_CELL_CHARS - 1).collect();
            cut.push('…');
            cut
        } else {
            text.to_string()
        };
        Cell {
            value: Value::Text(value),
            style,
        }
    }

    /// A number in `style`.
    pub fn number(value: Decimal, style: Style) -> Cell {
        Cell {
            value: Value::Number(value),
            style,
        }
    }

    /// A formula and the model's value for it, in `style`.
    pub fn formula(formula: String, cached: Decimal, style: Style) -> Cell {
        Cell {
            value: Value::Formula { formula, cached },
            style,
        }
    }

    /// A blank cell.
    pub fn empty() -> Cell {
        Cell {
            value: Value::Empty,
            style: Style::Plain,
        }
    }
}

/// The column's letters: 0 → `A`, 25 → `Z`, 26 → `AA`.
pub fn column_name(column: usize) -> String {
    let mut n = column + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// The A1 reference of the cell at `row` and `column` (both from 0): (0, 0) → `A1`.
pub fn cell_ref(row: usize, column: usize) -> String {
    format!("{}{}", column_name(column), row + 1)
}

/// How an expenditure line's later years are worked out (docs/model.md §3.1), and where its
/// source is.
fn expenditure_basis(line: &ExpenditureLine) -> String {
    let driver = match &line.driver {
        Driver::PayAward { group, drift } => format!(
            "last year's × (1 + {} pay award, 7/12 this year's and 5/12 last year's{})",
            match group {
                PayGroup::Officers => "officer",
                PayGroup::Staff => "staff",
            },
            if *drift { ", + pay drift" } else { "" }
        ),
        Driver::NonPayInflation => "last year's × (1 + non-pay inflation)".into(),
        Driver::FlatCash => "last year's (flat cash)".into(),
        Driver::Growth { .. } => "last year's × (1 + its growth %)".into(),
        Driver::Explicit { .. } => "as set year by year (a year not set keeps last year's)".into(),
        Driver::Workforce { group } => format!(
            "the workforce model's {} pay cost (docs/workforce.md)",
            match group {
                Group::Officers => "officer",
                Group::Staff => "staff",
                Group::Pcsos => "PCSO",
            }
        ),
        Driver::CollaborationContribution => {
            "the collaboration register's force contribution (docs/collaborations.md)".into()
        }
        Driver::CollaborationCapitalFinancing => {
            "the collaboration register's capital financing (docs/collaborations.md)".into()
        }
    };
    let pressures = if line.pressures.0.is_empty() {
        ""
    } else {
        ", + pressures"
    };
    basis(&driver, pressures, &line.source)
}

/// How a funding line's later years are worked out (docs/model.md §3.2).
fn funding_basis(line: &FundingLine) -> String {
    let driver = match &line.driver {
        FundingDriver::FlatCash => "last year's (flat cash)",
        FundingDriver::Growth { .. } => "last year's × (1 + its growth %)",
        FundingDriver::Explicit { .. } => "as set year by year (a year not set keeps last year's)",
        FundingDriver::UpliftGrant => {
            "the Uplift grant due under the workforce model (docs/workforce.md)"
        }
    };
    basis(driver, "", &line.source)
}

fn basis(driver: &str, pressures: &str, source: &Source) -> String {
    let kind = if source.estimate {
        "estimate"
    } else {
        "source"
    };
    format!(
        "Base year: its base amount; then {driver}{pressures}. Figures and source: \
         Assumptions sheet ({kind})"
    )
}

/// The workbook of `scenario`, whose projection is `projection`.
pub fn workbook(scenario: &Scenario, projection: &Projection) -> Workbook {
    let results = results(scenario, projection);
    let summary = summary(scenario, projection, &results);
    Workbook {
        title: scenario.name.clone(),
        sheets: vec![summary, results.sheet, assumptions(scenario)],
    }
}

/// The rows of the Results sheet, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    Funding(usize),
    PreceptIncome,
    TotalFunding,
    Expenditure(usize),
    Gross,
    Recurring,
    OneOff,
    Net,
    Gap,
    Cumulative,
    RecurringGap,
    Applied,
    StillToFind,
    GeneralStart,
    UseGeneral,
    General,
    EarmarkedStart,
    UseEarmarked,
    Earmarked,
    TotalReserves,
    Floor,
    BandD,
    RiseGbp,
    RisePct,
    TaxBase,
}

/// The Results sheet and where its rows are.
struct Results {
    sheet: Sheet,
    order: Vec<Row>,
}

/// Where the Results sheet's table starts: a title, a note, a blank row, then the header.
const RESULTS_HEADER: usize = 3;
/// The width of a column of figures by year: room for `-£999,999,999.99` in bold, in any
/// spreadsheet's default font.
const YEAR_WIDTH: u16 = 20;

/// The first column of figures (after Section and Line).
const FIRST_YEAR_COLUMN: usize = 2;

impl Results {
    /// The sheet row of `row`.
    fn row_of(order: &[Row], row: Row) -> usize {
        RESULTS_HEADER + 1 + order.iter().position(|r| *r == row).unwrap_or(0)
    }

    /// The A1 reference, on the Results sheet, of `row` in the year at `index`.
    fn reference(&self, row: Row, index: usize) -> String {
        cell_ref(Results::row_of(&self.order, row), FIRST_YEAR_COLUMN + index)
    }
}

/// The Results sheet's rows, in order: each funding line, precept income and total
/// funding, each expenditure line and the totals, the gap, reserves and precept rows.
fn row_order(funding: usize, expenditure: usize) -> Vec<Row> {
    let mut order: Vec<Row> = (0..funding).map(Row::Funding).collect();
    order.extend([Row::PreceptIncome, Row::TotalFunding]);
    order.extend((0..expenditure).map(Row::Expenditure));
    order.extend([
        Row::Gross,
        Row::Recurring,
        Row::OneOff,
        Row::Net,
        Row::Gap,
        Row::Cumulative,
        Row::RecurringGap,
        Row::Applied,
        Row::StillToFind,
        Row::GeneralStart,
        Row::UseGeneral,
        Row::General,
        Row::EarmarkedStart,
        Row::UseEarmarked,
        Row::Earmarked,
        Row::TotalReserves,
        Row::Floor,
        Row::BandD,
        Row::RiseGbp,
        Row::RisePct,
        Row::TaxBase,
    ]);
    order
}

/// What the Results sheet is reading: the scenario, its projection, the rows in order and
/// the lines of the first year (every year has the same lines).
struct ResultsInput<'a> {
    s: &'a Scenario,
    p: &'a Projection,
    order: &'a [Row],
    funding: &'a [FundingAmount],
    expenditure: &'a [ExpenditureAmount],
}

impl ResultsInput<'_> {
    /// The A1 reference of `row` in the year at `index`.
    fn at(&self, row: Row, index: usize) -> String {
        cell_ref(Results::row_of(self.order, row), FIRST_YEAR_COLUMN + index)
    }

    /// How a funding or spending line is worked out, from its definition.
    fn line_basis(&self, id: &str, is_funding: bool) -> String {
        if is_funding {
            self.s
                .funding
                .iter()
                .find(|l| l.id == id)
                .map(funding_basis)
        } else {
            self.s
                .expenditure
                .iter()
                .find(|l| l.id == id)
                .map(expenditure_basis)
        }
        .unwrap_or_default()
    }

    /// `row`'s section, label and how it is worked out.
    fn describe(&self, row: Row) -> (&'static str, String, String) {
        let (funding, expenditure) = (self.funding, self.expenditure);
        let line_basis = |id: &str, is_funding: bool| self.line_basis(id, is_funding);
        let floor_pct = self.s.reserves.floor_pct.value.0;
        match row {
            Row::Funding(i) => {
                let l = funding.get(i);
                (
                    "Funding",
                    l.map(|l| l.name.to_string()).unwrap_or_default(),
                    l.map(|l| line_basis(&l.id, true)).unwrap_or_default(),
                )
            }
            Row::PreceptIncome => (
                "Funding",
                "Precept income".into(),
                "Tax base × Band D, rounded to the penny (docs/model.md §4; the tax base \
                 unrounded, not as shown below)"
                    .into(),
            ),
            Row::TotalFunding => (
                "Funding",
                "Total funding".into(),
                "Formula: the funding lines plus precept income".into(),
            ),
            Row::Expenditure(i) => {
                let l = expenditure.get(i);
                (
                    "Expenditure",
                    l.map(|l| l.name.to_string()).unwrap_or_default(),
                    l.map(|l| line_basis(&l.id, false)).unwrap_or_default(),
                )
            }
            Row::Gross => (
                "Expenditure",
                "Gross expenditure".into(),
                "Formula: the sum of the expenditure lines".into(),
            ),
            Row::Recurring => (
                "Expenditure",
                "Recurring savings".into(),
                "Recurring savings taken to date, plus realised collaboration savings \
                 (docs/model.md §5)"
                    .into(),
            ),
            Row::OneOff => (
                "Expenditure",
                "One-off savings".into(),
                "This year's one-off savings (docs/model.md §5)".into(),
            ),
            Row::Net => (
                "Expenditure",
                "Net revenue spend".into(),
                "Formula: gross expenditure − recurring savings − one-off savings".into(),
            ),
            Row::Gap => (
                "Gap",
                "Annual gap".into(),
                "Formula: net revenue spend − total funding (positive: a shortfall)".into(),
            ),
            Row::Cumulative => (
                "Gap",
                "Cumulative gap".into(),
                "Formula: the running sum of the annual gaps from the base year".into(),
            ),
            Row::RecurringGap => (
                "Gap",
                "Recurring gap".into(),
                "Formula: annual gap + one-off savings (what carries into next year)".into(),
            ),
            Row::Applied => (
                "Gap",
                "Planned use of reserves".into(),
                "Formula: planned use of the general reserve + of earmarked reserves".into(),
            ),
            Row::StillToFind => (
                "Gap",
                "Savings still to find".into(),
                "Formula: annual gap − planned use of reserves (negative: a surplus)".into(),
            ),
            Row::GeneralStart => (
                "Reserves",
                "General reserve (start of year)".into(),
                "Base year: the opening balance (an assumption); later years: formula, last \
                 year's year-end balance"
                    .into(),
            ),
            Row::UseGeneral => (
                "Reserves",
                "Planned use of general reserve".into(),
                "An assumption (positive: drawn; negative: a contribution)".into(),
            ),
            Row::General => (
                "Reserves",
                "General reserve (year end)".into(),
                "Formula: start of year − planned use − savings still to find (an unclosed gap \
                 falls on it)"
                    .into(),
            ),
            Row::EarmarkedStart => (
                "Reserves",
                "Earmarked reserves (start of year)".into(),
                "Base year: the opening balance (an assumption); later years: formula, last \
                 year's year-end balance"
                    .into(),
            ),
            Row::UseEarmarked => (
                "Reserves",
                "Planned use of earmarked reserves".into(),
                "An assumption (positive: drawn; negative: a contribution)".into(),
            ),
            Row::Earmarked => (
                "Reserves",
                "Earmarked reserves (year end)".into(),
                "Formula: start of year − planned use".into(),
            ),
            Row::TotalReserves => (
                "Reserves",
                "Total reserves (year end)".into(),
                "Formula: general reserve + earmarked reserves at the year end".into(),
            ),
            Row::Floor => (
                "Reserves",
                "General reserve floor".into(),
                format!("{floor_pct}% of net revenue spend, rounded to the penny"),
            ),
            Row::BandD => (
                "Precept",
                "Band D (£ a year)".into(),
                "Last year's Band D plus this year's rise, to the penny (docs/model.md §4)".into(),
            ),
            Row::RiseGbp => (
                "Precept",
                "Band D rise (£)".into(),
                "Formula: Band D − last year's Band D (0 in the base year)".into(),
            ),
            Row::RisePct => (
                "Precept",
                "Band D rise (%)".into(),
                "The £ rise ÷ last year's Band D × 100, to two places".into(),
            ),
            Row::TaxBase => (
                "Precept",
                "Tax base (Band D equivalents)".into(),
                "Band D equivalent properties, shown to two places".into(),
            ),
        }
    }

    /// `row`'s cell in year `i` (`y`): the model's figure, or a formula over the sheet's
    /// cells with the figure as its cached value.
    fn cell(&self, row: Row, i: usize, y: &YearResult, money_style: Style) -> Cell {
        let (s, funding, expenditure) = (self.s, self.funding, self.expenditure);
        let at = |row: Row, index: usize| self.at(row, index);
        let formula = |f: String, cached: Decimal| Cell::formula(f, cached, money_style);
        let value = |v: Decimal| Cell::number(v, money_style);
        let previous = i.checked_sub(1).and_then(|j| self.p.years.get(j));
        let order = self.order;
        match row {
            Row::Funding(l) => funding
                .get(l)
                .and_then(|l| y.funding_line(&l.id))
                .map_or_else(Cell::empty, |a| value(a.amount)),
            Row::PreceptIncome => value(y.precept.income),
            Row::TotalFunding => formula(
                format!(
                    "SUM({}:{})",
                    at(order.first().copied().unwrap_or(Row::PreceptIncome), i),
                    at(Row::PreceptIncome, i)
                ),
                y.total_funding,
            ),
            Row::Expenditure(l) => expenditure
                .get(l)
                .and_then(|l| y.expenditure_line(&l.id))
                .map_or_else(Cell::empty, |a| value(a.amount)),
            Row::Gross if expenditure.is_empty() => value(y.gross_expenditure),
            Row::Gross => formula(
                format!(
                    "SUM({}:{})",
                    at(Row::Expenditure(0), i),
                    at(Row::Expenditure(expenditure.len() - 1), i)
                ),
                y.gross_expenditure,
            ),
            Row::Recurring => value(y.savings.recurring),
            Row::OneOff => value(y.savings.one_off),
            Row::Net => formula(
                format!(
                    "{}-{}-{}",
                    at(Row::Gross, i),
                    at(Row::Recurring, i),
                    at(Row::OneOff, i)
                ),
                y.total_expenditure,
            ),
            Row::Gap => formula(
                format!("{}-{}", at(Row::Net, i), at(Row::TotalFunding, i)),
                y.gap,
            ),
            Row::Cumulative => {
                let first = cell_ref(Results::row_of(order, Row::Gap), FIRST_YEAR_COLUMN);
                formula(
                    format!("SUM(${first}:{})", at(Row::Gap, i)),
                    y.cumulative_gap,
                )
            }
            Row::RecurringGap => formula(
                format!("{}+{}", at(Row::Gap, i), at(Row::OneOff, i)),
                y.recurring_gap,
            ),
            Row::Applied => formula(
                format!("{}+{}", at(Row::UseGeneral, i), at(Row::UseEarmarked, i)),
                y.reserves_applied,
            ),
            Row::StillToFind => formula(
                format!("{}-{}", at(Row::Gap, i), at(Row::Applied, i)),
                y.savings_still_to_find,
            ),
            Row::GeneralStart => match previous {
                None => value(round_money(s.reserves.general_opening.value.0)),
                Some(last) => formula(at(Row::General, i - 1), last.reserves.general),
            },
            Row::UseGeneral => value(y.reserves.planned_use_general),
            Row::General => formula(
                format!(
                    "{}-{}-{}",
                    at(Row::GeneralStart, i),
                    at(Row::UseGeneral, i),
                    at(Row::StillToFind, i)
                ),
                y.reserves.general,
            ),
            Row::EarmarkedStart => match previous {
                None => value(round_money(s.reserves.earmarked_opening.value.0)),
                Some(last) => formula(at(Row::Earmarked, i - 1), last.reserves.earmarked),
            },
            Row::UseEarmarked => value(y.reserves.planned_use_earmarked),
            Row::Earmarked => formula(
                format!(
                    "{}-{}",
                    at(Row::EarmarkedStart, i),
                    at(Row::UseEarmarked, i)
                ),
                y.reserves.earmarked,
            ),
            Row::TotalReserves => formula(
                format!("{}+{}", at(Row::General, i), at(Row::Earmarked, i)),
                y.reserves.total,
            ),
            Row::Floor => value(y.reserves.floor),
            Row::BandD => value(y.precept.band_d),
            Row::RiseGbp => match previous {
                None => value(y.precept.rise_gbp),
                Some(_) => formula(
                    format!("{}-{}", at(Row::BandD, i), at(Row::BandD, i - 1)),
                    y.precept.rise_gbp,
                ),
            },
            Row::RisePct => Cell::number(round_money(y.precept.rise_pct), Style::TwoPlaces),
            Row::TaxBase => Cell::number(round_money(y.precept.tax_base), Style::TwoPlaces),
        }
    }
}

/// True for the rows that are totals (in bold).
fn is_total(row: Row) -> bool {
    matches!(
        row,
        Row::TotalFunding
            | Row::Gross
            | Row::Net
            | Row::Gap
            | Row::Cumulative
            | Row::General
            | Row::TotalReserves
    )
}

fn results(s: &Scenario, p: &Projection) -> Results {
    let first = p.years.first();
    let funding = first.map(|y| y.funding.as_slice()).unwrap_or_default();
    let expenditure = first.map(|y| y.expenditure.as_slice()).unwrap_or_default();
    let order = row_order(funding.len(), expenditure.len());
    let input = ResultsInput {
        s,
        p,
        order: &order,
        funding,
        expenditure,
    };
    let mut rows = vec![
        vec![Cell::text(&format!("Results: {}", s.name), Style::Title)],
        vec![Cell::text(
            "£ to the penny, by financial year (April to March). Totals are formulas over the \
             cells of this sheet; the last column says how each row is worked out. A positive \
             gap is a shortfall.",
            Style::Note,
        )],
        Vec::new(),
    ];
    let mut header = vec![
        Cell::text("Section", Style::Header),
        Cell::text("Line", Style::Header),
    ];
    header.extend(
        p.years
            .iter()
            .map(|y| Cell::text(&y.year.to_string(), Style::Header)),
    );
    header.push(Cell::text("How it is worked out", Style::Header));
    rows.push(header);
    for &row in &order {
        let (section, label, basis) = input.describe(row);
        let (label_style, money_style) = if is_total(row) {
            (Style::Bold, Style::Total)
        } else {
            (Style::Plain, Style::Money)
        };
        let mut cells = vec![
            Cell::text(section, label_style),
            Cell::text(&label, label_style),
        ];
        cells.extend(
            p.years
                .iter()
                .enumerate()
                .map(|(i, y)| input.cell(row, i, y, money_style)),
        );
        cells.push(Cell::text(&basis, Style::Note));
        rows.push(cells);
    }
    let mut widths = vec![14, line_width(&rows)];
    widths.extend(std::iter::repeat_n(YEAR_WIDTH, p.years.len()));
    widths.push(110);
    Results {
        sheet: Sheet {
            name: RESULTS.into(),
            rows,
            widths,
            frozen_rows: u32::try_from(RESULTS_HEADER + 1).unwrap_or(0),
            frozen_columns: u16::try_from(FIRST_YEAR_COLUMN).unwrap_or(0),
        },
        order,
    }
}

/// The Line column as wide as its longest label (within reason).
fn line_width(rows: &[Vec<Cell>]) -> u16 {
    let longest = rows
        .iter()
        .filter_map(|r| match r.get(1).map(|c| &c.value) {
            Some(Value::Text(t)) => Some(t.chars().count()),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    u16::try_from(longest.clamp(38, 60) + 2).unwrap_or(40)
}

/// A Summary row: its label, the Results row it reads, the model's figure, and whether it
/// is in bold.
type SummaryLine = (&'static str, Row, fn(&YearResult) -> Decimal, bool);

/// Where the Summary sheet's table header is: after the title and a note.
const SUMMARY_HEADER: usize = 2;

/// `text` broken into lines of at most `width` characters at spaces (a longer word keeps a
/// line of its own); each line of the text starts a new one.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// The Summary sheet's figures: each a formula reading its Results row.
const SUMMARY_LINES: [SummaryLine; 9] = [
    (
        "Total funding",
        Row::TotalFunding,
        |y| y.total_funding,
        false,
    ),
    (
        "Net revenue spend",
        Row::Net,
        |y| y.total_expenditure,
        false,
    ),
    ("Annual gap", Row::Gap, |y| y.gap, true),
    (
        "Cumulative gap",
        Row::Cumulative,
        |y| y.cumulative_gap,
        true,
    ),
    (
        "Recurring gap",
        Row::RecurringGap,
        |y| y.recurring_gap,
        false,
    ),
    (
        "Savings still to find",
        Row::StillToFind,
        |y| y.savings_still_to_find,
        false,
    ),
    (
        "General reserve (year end)",
        Row::General,
        |y| y.reserves.general,
        false,
    ),
    (
        "Total reserves (year end)",
        Row::TotalReserves,
        |y| y.reserves.total,
        false,
    ),
    (
        "General reserve floor",
        Row::Floor,
        |y| y.reserves.floor,
        false,
    ),
];

fn summary(s: &Scenario, p: &Projection, results: &Results) -> Sheet {
    let mut rows = vec![
        vec![Cell::text(&s.name, Style::Title)],
        vec![Cell::text(
            "£ to the penny. Every figure below is a formula reading the Results sheet, where \
             totals are formulas over the lines. A positive gap is a shortfall.",
            Style::Note,
        )],
    ];
    let mut header = vec![Cell::text("£", Style::Header)];
    header.extend(
        p.years
            .iter()
            .map(|y| Cell::text(&y.year.to_string(), Style::Header)),
    );
    rows.push(header);
    for (label, row, figure, bold) in SUMMARY_LINES {
        let (label_style, money_style) = if bold {
            (Style::Bold, Style::Total)
        } else {
            (Style::Plain, Style::Money)
        };
        let mut cells = vec![Cell::text(label, label_style)];
        for (i, y) in p.years.iter().enumerate() {
            cells.push(Cell::formula(
                format!("{RESULTS}!{}", results.reference(row, i)),
                figure(y),
                money_style,
            ));
        }
        rows.push(cells);
    }
    rows.push(Vec::new());
    rows.extend(warning_rows(p));
    rows.push(Vec::new());
    rows.extend(about_rows(s, p));
    let mut widths = vec![30];
    widths.extend(std::iter::repeat_n(YEAR_WIDTH, p.years.len()));
    Sheet {
        name: SUMMARY.into(),
        rows,
        widths,
        frozen_rows: u32::try_from(SUMMARY_HEADER + 1).unwrap_or(0),
        frozen_columns: 1,
    }
}

/// The Summary's "Warnings": each of the projection's, or "None.".
fn warning_rows(p: &Projection) -> Vec<Vec<Cell>> {
    let mut rows = vec![vec![Cell::text("Warnings", Style::Bold)]];
    if p.warnings.is_empty() {
        rows.push(vec![Cell::text("None.", Style::Plain)]);
    }
    for w in &p.warnings {
        let year = w.year.map(|y| format!(" ({y})")).unwrap_or_default();
        rows.push(vec![Cell::text(
            &format!("{}{year}: {}", w.path, w.message),
            Style::Plain,
        )]);
    }
    rows
}

/// The Summary's "About this scenario": its years, what made the workbook, and its
/// description.
fn about_rows(s: &Scenario, p: &Projection) -> Vec<Vec<Cell>> {
    let mut rows = vec![vec![Cell::text("About this scenario", Style::Bold)]];
    let plan = match (p.years.first(), p.years.last()) {
        (Some(first), Some(last)) => {
            format!("{} ({} to {})", s.horizon.years, first.year, last.year)
        }
        _ => s.horizon.years.to_string(),
    };
    let made_by = format!(
        "MTFP planner {} (the model of the app and of mtfp; docs/model.md)",
        env!("CARGO_PKG_VERSION")
    );
    for (label, text) in [
        ("Base year", s.horizon.base_year.to_string()),
        ("Plan years", plan),
        ("Made by", made_by),
    ] {
        rows.push(vec![
            Cell::text(label, Style::Plain),
            Cell::text(&text, Style::Plain),
        ]);
    }
    // The description in lines the width of the table, so it neither runs far off to the
    // right nor needs a row Excel would have to make taller.
    let width = usize::from(YEAR_WIDTH) * p.years.len().max(1);
    for (i, line) in wrap(&s.description, width).iter().enumerate() {
        let label = if i == 0 { "Description" } else { "" };
        rows.push(vec![
            Cell::text(label, Style::Plain),
            Cell::text(line, Style::Plain),
        ]);
    }
    rows
}

fn assumptions(s: &Scenario) -> Sheet {
    let table = csv::assumption_rows(s);
    let header = table.first().cloned().unwrap_or_default();
    let column = |name: &str| header.iter().position(|h| h == name);
    let (value_at, unit_at, source_at) = (column("Value"), column("Unit"), column("Source"));
    let mut rows = vec![
        vec![Cell::text(
            &format!("Assumptions: {}", s.name),
            Style::Title,
        )],
        vec![Cell::text(
            "Each value with its source, as the assumptions CSV. Rates in per cent (2.5 means \
             2.5%); £ to the penny; a year's blank means the figure applies to the whole plan.",
            Style::Note,
        )],
        header
            .iter()
            .map(|h| Cell::text(h, Style::Header))
            .collect(),
    ];
    for r in table.iter().skip(1) {
        let unit = unit_at.and_then(|u| r.get(u)).map(String::as_str);
        rows.push(
            r.iter()
                .enumerate()
                .map(|(c, text)| match text.parse::<Decimal>() {
                    Ok(v) if Some(c) == value_at => {
                        let style = if unit == Some("£") {
                            Style::Money
                        } else {
                            Style::Plain
                        };
                        Cell::number(v, style)
                    }
                    _ if Some(c) == source_at => Cell::text(text, Style::Wrapped),
                    _ => Cell::text(text, Style::Plain),
                })
                .collect(),
        );
    }
    let widths = header
        .iter()
        .map(|h| match h.as_str() {
            "Section" => 18,
            "Assumption" => 44,
            "Unit" => 18,
            "Year" => 9,
            "Value" => 17,
            "Source" => 90,
            _ => 24,
        })
        .collect();
    Sheet {
        name: ASSUMPTIONS.into(),
        rows,
        widths,
        frozen_rows: 3,
        frozen_columns: 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_and_references() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(27), "AB");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
        assert_eq!(cell_ref(0, 0), "A1");
        assert_eq!(cell_ref(11, 3), "D12");
    }

    #[test]
    fn wrapping_at_spaces() {
        assert_eq!(
            wrap("a plan for the force\nsecond  line", 10),
            ["a plan for", "the force", "second", "line"]
        );
        assert_eq!(
            wrap("averyveryverylongword x", 5),
            ["averyveryverylongword", "x"]
        );
        assert!(wrap("  ", 10).is_empty());
    }

    #[test]
    fn long_text_is_cut_to_what_excel_keeps() {
        let long = "é".repeat(MAX_CELL_CHARS + 10);
        let Value::Text(t) = Cell::text(&long, Style::Plain).value else {
            panic!("not text");
        };
        assert_eq!(t.chars().count(), MAX_CELL_CHARS);
        assert!(t.ends_with('…'));
        let fits = "x".repeat(MAX_CELL_CHARS);
        assert_eq!(Cell::text(&fits, Style::Plain).value, Value::Text(fits));
    }
}
