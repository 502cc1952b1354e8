//! The presentation and print pack's slides: one finding per slide, each a sentence that
//! states it with one big number, one chart or the council tax bands. Pure: no yew, no
//! clock, so every figure is tested natively and the browser shows exactly these.
//!
//! [`deck`] builds every slide for a scenario; the app shows the ones the presenter
//! picks, in [`SlideId::ALL`] order.

mod analysis;
mod bands;
mod build;
mod notes;
mod resilience;
mod risk;

use rust_decimal::Decimal;

use crate::charts::{ChartData, FanData, TornadoData};

pub use bands::{band_amount, bands, per_week, BandRow, BANDS};
pub use build::{deck, Inputs};
pub use notes::{key_assumptions, Assumption};

/// Which slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SlideId {
    /// The gap in the chosen year.
    GapYear,
    /// The gap to the end of the plan.
    GapPlan,
    /// The precept rise per Band D, per year and per week.
    Precept,
    /// The rise for every band A–H.
    Bands,
    /// Officer numbers against the Uplift target.
    Uplift,
    /// What collaborations cost and return.
    Collaborations,
    /// Reserves against the floor.
    Reserves,
    /// The capital programme and what it costs the revenue budget.
    Capital,
    /// Savings delivery: planned against risk-adjusted.
    Savings,
    /// The general reserve against its minimum, and the resilience indicators.
    Resilience,
    /// The chosen scenario against the baseline.
    Bridge,
    /// The Band D rise (or savings) that closes the cumulative gap.
    ClosesGap,
    /// The assumptions that move the cumulative gap most.
    MattersMost,
    /// How likely a breach of the reserve floor is (a risk run).
    Risk,
}

impl SlideId {
    /// Every slide, in the order they are shown.
    pub const ALL: [SlideId; 14] = [
        SlideId::GapYear,
        SlideId::GapPlan,
        SlideId::Precept,
        SlideId::Bands,
        SlideId::Uplift,
        SlideId::Collaborations,
        SlideId::Reserves,
        SlideId::Capital,
        SlideId::Savings,
        SlideId::Resilience,
        SlideId::Bridge,
        SlideId::ClosesGap,
        SlideId::MattersMost,
        SlideId::Risk,
    ];

    /// A stable key for the page, tests and file names ("gap-year").
    pub fn key(self) -> &'static str {
        match self {
            SlideId::GapYear => "gap-year",
            SlideId::GapPlan => "gap-plan",
            SlideId::Precept => "precept",
            SlideId::Bands => "bands",
            SlideId::Uplift => "uplift",
            SlideId::Collaborations => "collaborations",
            SlideId::Reserves => "reserves",
            SlideId::Capital => "capital",
            SlideId::Savings => "savings",
            SlideId::Resilience => "resilience",
            SlideId::Bridge => "bridge",
            SlideId::ClosesGap => "closes-gap",
            SlideId::MattersMost => "matters-most",
            SlideId::Risk => "risk",
        }
    }

    /// The slide's topic, as the setup list and the slide's kicker show it.
    pub fn label(self) -> &'static str {
        match self {
            SlideId::GapYear => "The gap this year",
            SlideId::GapPlan => "The gap to the end of the plan",
            SlideId::Precept => "The precept for a Band D home",
            SlideId::Bands => "The precept for every band",
            SlideId::Uplift => "Officer numbers and the Uplift target",
            SlideId::Collaborations => "What collaborations cost and return",
            SlideId::Reserves => "Reserves against the floor",
            SlideId::Capital => "The capital programme and what it costs",
            SlideId::Savings => "Savings delivery",
            SlideId::Resilience => "Reserves against the minimum",
            SlideId::Bridge => "This scenario against the baseline",
            SlideId::ClosesGap => "What closes the gap",
            SlideId::MattersMost => "What matters most",
            SlideId::Risk => "How likely is a breach",
        }
    }

    /// The slide with key `key`.
    pub fn from_key(key: &str) -> Option<SlideId> {
        SlideId::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// A figure shown big on a slide, already formatted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyFigure {
    /// A stable key for tests (`annual-gap`, `band-d-rise`…).
    pub key: &'static str,
    /// What it is ("Annual gap, 2023/24").
    pub label: String,
    /// The figure as finance reads it ("£0.9m").
    pub value: String,
    /// The exact figure behind it (£, or people).
    pub exact: Decimal,
}

/// What fills a slide beneath its sentence.
#[derive(Debug, Clone, PartialEq)]
pub enum SlideBody {
    /// The first key figure, big; the others beneath it.
    Figures,
    /// One chart, with the key figures beside it.
    Chart(ChartData),
    /// The council tax bands A–H.
    Bands(Vec<BandRow>),
    /// A tornado chart, with the key figures beside it.
    Tornado(TornadoData),
    /// A fan chart, with the chance the general reserve is below its floor by year.
    Fan(FanData, Vec<FloorRow>),
    /// The slide cannot be drawn for this scenario, and why.
    Unavailable(String),
}

/// One year's chance that the general reserve ends it below its floor, as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FloorRow {
    /// The year ("2025/26").
    pub year: String,
    /// The chance ("89.6%").
    pub chance: String,
    /// The draws ("896 of 1,000").
    pub draws: String,
}

/// A source or estimate flag for a slide's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The citation, or how an estimate was made.
    pub text: String,
    /// True when it flags an estimate.
    pub estimate: bool,
}

impl Note {
    fn source(text: impl Into<String>) -> Self {
        Note {
            text: text.into(),
            estimate: false,
        }
    }

    fn estimate(text: impl Into<String>) -> Self {
        Note {
            text: text.into(),
            estimate: true,
        }
    }
}

/// One slide.
#[derive(Debug, Clone, PartialEq)]
pub struct Slide {
    /// Which slide.
    pub id: SlideId,
    /// The sentence that states the finding.
    pub finding: String,
    /// Its figures, most important first.
    pub figures: Vec<KeyFigure>,
    /// A chart, the bands, or nothing more.
    pub body: SlideBody,
    /// Sources and estimate flags.
    pub notes: Vec<Note>,
}

impl Slide {
    /// The key figure `key`, if the slide has it.
    pub fn figure(&self, key: &str) -> Option<&KeyFigure> {
        self.figures.iter().find(|f| f.key == key)
    }
}
