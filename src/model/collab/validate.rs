//! Checks that turn bad register input into a [`ModelError`] naming the collaboration
//! (its id in the path, its name in the message) and the field: shares not summing to
//! 100%, a partner listed twice, an end before the start, negative costs or benefits.

use rust_decimal::Decimal;

use super::register::{same_name, Basis, Collaboration, CollaborationRegister, Sharing};
use crate::model::dec::YearValues;
use crate::model::error::{ModelError, ModelResult};
use crate::model::json::shorten;
use crate::model::money::checked_add;

/// An error at `path` whose message starts with the collaboration's name.
pub(super) fn bad(path: &str, name: &str, message: impl std::fmt::Display) -> ModelError {
    ModelError::new(path, format!("{}: {message}", shorten(name)))
}

/// Check what revenue and capital collaborations share: a name, and a valid sharing rule
/// that includes the force. `path` writes the collaboration's path, only for a message.
pub(super) fn check_name_and_sharing(
    path: &dyn Fn() -> String,
    id: &str,
    name: &str,
    sharing: &Sharing,
    force: &str,
) -> ModelResult<()> {
    if name.trim().is_empty() {
        return Err(bad(&format!("{}.name", path()), id, "the name is empty"));
    }
    sharing.check(force, &|| format!("{}.sharing", path()), name)
}

/// Check values by year are not negative; `path` is written only for a message.
pub(super) fn check_non_negative(
    values: &YearValues,
    path: &dyn Fn() -> String,
    name: &str,
    what: &str,
) -> ModelResult<()> {
    match values
        .iter()
        .find(|(_, v)| v.is_sign_negative() && !v.is_zero())
    {
        Some((year, v)) => {
            Err(bad(&path(), name, format!("{what} cannot be negative ({v})")).in_year(year))
        }
        None => Ok(()),
    }
}

impl Sharing {
    /// Check the rule: partners named once each, the force among them, weights not
    /// negative, percentages summing to exactly 100, budgets and populations positive.
    pub fn validate(&self, force: &str, path: &str, name: &str) -> ModelResult<()> {
        self.check(force, &|| path.to_string(), name)
    }

    /// [`Sharing::validate`], with the path written only for a message.
    fn check(&self, force: &str, path: &dyn Fn() -> String, name: &str) -> ModelResult<()> {
        let path = || format!("{}.partners", path());
        if self.partners.is_empty() {
            return Err(bad(&path(), name, "no partners are listed"));
        }
        for (i, p) in self.partners.iter().enumerate() {
            if p.name.trim().is_empty() {
                return Err(bad(&path(), name, "a partner has no name"));
            }
            let before = self.partners.get(..i).unwrap_or_default();
            if before.iter().any(|q| same_name(&q.name, &p.name)) {
                return Err(bad(
                    &path(),
                    name,
                    format!("partner '{}' is listed twice", shorten(&p.name)),
                ));
            }
            let wpath = || format!("{}[{}].weight", path(), p.name);
            if p.weight.is_sign_negative() && !p.weight.is_zero() {
                return Err(bad(
                    &wpath(),
                    name,
                    format!("a share cannot be negative ({})", p.weight),
                ));
            }
            if self.basis != Basis::FixedPercent && p.weight.is_zero() {
                return Err(bad(
                    &wpath(),
                    name,
                    "a net revenue budget or population must be more than zero",
                ));
            }
        }
        if self.force_index(force).is_none() {
            return Err(bad(
                &path(),
                name,
                format!("the force '{}' is not among the partners", shorten(force)),
            ));
        }
        if self.basis != Basis::FixedPercent {
            return Ok(());
        }
        let mut total = Decimal::ZERO;
        for p in &self.partners {
            total =
                checked_add(total, p.weight).ok_or_else(|| ModelError::overflow(path(), None))?;
        }
        if total != Decimal::ONE_HUNDRED {
            return Err(bad(
                &path(),
                name,
                format!("the shares add up to {total}%, not 100%"),
            ));
        }
        Ok(())
    }
}

/// Check a growth or interest percentage is above −100% (a cut to nothing would leave no
/// figure to grow) and at most 100%.
pub(super) fn check_pct(
    pct: Decimal,
    path: &dyn Fn() -> String,
    name: &str,
    what: &str,
) -> ModelResult<()> {
    if pct <= -Decimal::ONE_HUNDRED || pct > Decimal::ONE_HUNDRED {
        return Err(bad(
            &path(),
            name,
            format!("{what} of {pct}% must be more than −100% and at most 100%"),
        ));
    }
    Ok(())
}

impl Collaboration {
    /// The path of this collaboration in error messages: `collaborations[emsou]`.
    pub fn path(&self) -> String {
        format!("collaborations[{}]", self.id)
    }

    /// Check every field; the error names the collaboration and the field.
    pub fn validate(&self, force: &str) -> ModelResult<()> {
        let path = || self.path();
        let name = self.name.as_str();
        check_name_and_sharing(&path, &self.id, name, &self.sharing, force)?;
        if let Some(end) = self.end {
            if end <= self.start {
                return Err(bad(
                    &format!("{}.end", path()),
                    name,
                    format!("the end ({end}) is not after the start ({})", self.start),
                ));
            }
        }
        check_non_negative(
            &self.total_cost.by_year,
            &|| format!("{}.total_cost", path()),
            name,
            "a cost",
        )?;
        check_pct(
            self.total_cost.growth_pct,
            &|| format!("{}.total_cost.growth_pct", path()),
            name,
            "growth",
        )?;
        check_non_negative(
            &self.exit_costs.by_year,
            &|| format!("{}.exit_costs", path()),
            name,
            "an exit cost",
        )?;
        self.benefits
            .validate(&|| format!("{}.benefits", path()), name)
    }
}

impl CollaborationRegister {
    /// Check the whole register: the force named, ids present and unique, and every
    /// collaboration valid.
    pub fn validate(&self) -> ModelResult<()> {
        self.validate_force_and_ids()?;
        for c in &self.collaborations {
            c.validate(&self.force)?;
        }
        for c in &self.capital {
            c.validate(&self.force)?;
        }
        Ok(())
    }

    /// The register-wide checks of [`CollaborationRegister::validate`]: the force named,
    /// ids present and unique.
    pub fn validate_force_and_ids(&self) -> ModelResult<()> {
        if self.force.trim().is_empty() {
            return Err(ModelError::new(
                "collaborations.force",
                "name the force whose share feeds the plan",
            ));
        }
        let ids = self
            .collaborations
            .iter()
            .map(|c| c.id.as_str())
            .chain(self.capital.iter().map(|c| c.id.as_str()));
        let mut seen: Vec<&str> = Vec::new();
        for id in ids {
            if id.trim().is_empty() {
                return Err(ModelError::new(
                    "collaborations[].id",
                    "a collaboration has no id",
                ));
            }
            if seen.contains(&id) {
                return Err(ModelError::new(
                    format!("collaborations[{id}].id"),
                    format!("the id '{}' is used twice", shorten(id)),
                ));
            }
            seen.push(id);
        }
        Ok(())
    }
}
