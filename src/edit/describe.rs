//! How each line moves after the base year, in a finance lead's words.

use crate::model::scenario::{Driver, FundingDriver};

/// How an expenditure line moves after the base year, in a finance lead's words.
pub fn expenditure_driver_text(driver: &Driver) -> String {
    use crate::model::scenario::PayGroup;
    use crate::model::workforce::Group;
    match driver {
        Driver::PayAward { group, drift } => {
            let who = match group {
                PayGroup::Officers => "officer",
                PayGroup::Staff => "staff",
            };
            if *drift {
                format!("Later years: the {who} pay award plus pay drift.")
            } else {
                format!("Later years: the {who} pay award.")
            }
        }
        Driver::NonPayInflation => "Later years: non-pay inflation.".into(),
        Driver::FlatCash => "Later years: flat cash.".into(),
        Driver::Growth { .. } => "Later years: its own growth rate.".into(),
        Driver::Explicit { .. } => "Later years: amounts set year by year.".into(),
        Driver::Workforce { group } => {
            let who = match group {
                Group::Officers => "officers",
                Group::Staff => "police staff",
                Group::Pcsos => "PCSOs",
            };
            format!("Later years: the workforce plan's {who} pay cost (Workforce and Uplift).")
        }
        Driver::CollaborationContribution => {
            "Later years: the collaboration register (Collaborations).".into()
        }
        Driver::CollaborationCapitalFinancing => {
            "Later years: the joint headquarters' financing in the collaboration register.".into()
        }
        Driver::CapitalProgrammeFinancing => {
            "Later years: MRP and interest from the capital programme (Capital view).".into()
        }
        Driver::CapitalProgrammeRevenue => {
            "Later years: revenue contributions to the capital programme (Capital view).".into()
        }
    }
}

/// How a funding line moves after the base year, in a finance lead's words.
pub fn funding_driver_text(driver: &FundingDriver) -> String {
    match driver {
        FundingDriver::FlatCash => "Later years: flat cash.".into(),
        FundingDriver::Growth { .. } => "Later years: its growth rate below.".into(),
        FundingDriver::Explicit { .. } => "Later years: amounts set year by year.".into(),
        FundingDriver::UpliftGrant => {
            "Later years: the grant due under the Uplift rules (Workforce and Uplift).".into()
        }
    }
}
