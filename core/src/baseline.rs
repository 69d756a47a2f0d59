//! Progress over time: dated baselines ("Gap analysis, March", "Stage 1
//! audit") that freeze each requirement's status and capability, so that
//! today can be compared against any of them. Marking and comparing are
//! the workbook's (the `progress` module); this module is what a baseline keeps.
//!
//! A baseline is a copy, not a reference: later edits to the workbook never
//! change it. Only requirements that had something recorded are stored; the
//! rest were "Not assessed" then.

use crate::assessment::{CapabilityLevel, Status};
use crate::calendar::{IsoDate, Timestamp};
use crate::framework::{Framework, RequirementId};
use crate::limits::{self, MAX_BASELINES, MAX_NAME_CHARS};
use crate::numbered::numbered_id;
use crate::validation::ValidationError;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

numbered_id!(
    /// Identifies a baseline; people see it as `BL-0001`.
    BaselineId,
    "BL"
);

/// One marked point in time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    pub id: BaselineId,
    pub name: String,
    /// The date the baseline stands for (may be earlier than when it was marked).
    pub date: IsoDate,
    pub marked_at: Timestamp,
    /// Status and current capability per requirement, as they were.
    #[serde(default)]
    pub snapshot: BTreeMap<RequirementId, Snapshot>,
    /// Readiness figures at the time, kept so the chart needs no recount.
    pub figures: Figures,
}

/// What a baseline keeps of one requirement.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Snapshot {
    pub status: Status,
    pub capability: Option<CapabilityLevel>,
}

/// Readiness at one point in time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Figures {
    pub total: usize,
    pub assessed: usize,
    /// Share at Largely or Fully implemented, 0–100.
    pub ready_percent: u32,
    /// Weighted score, 0–100.
    pub score: u32,
}

/// Which way a requirement moved since the baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Improved,
    Worsened,
    Unchanged,
}

/// One requirement then and now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub requirement: RequirementId,
    pub then: Snapshot,
    pub now: Snapshot,
    pub direction: Direction,
}

/// One point of the readiness chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    pub label: String,
    pub date: IsoDate,
    pub figures: Figures,
}

impl Direction {
    pub fn label(self) -> &'static str {
        match self {
            Direction::Improved => "Improved",
            Direction::Worsened => "Worsened",
            Direction::Unchanged => "Unchanged",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Direction::Improved => "improved",
            Direction::Worsened => "worsened",
            Direction::Unchanged => "unchanged",
        }
    }
}

impl Snapshot {
    /// Status first, capability second: a better status is progress even if
    /// nobody re-rated the capability.
    pub(crate) fn rank(self) -> (Status, Option<CapabilityLevel>) {
        (self.status, self.capability)
    }
}

impl Baseline {
    /// What the baseline recorded for a requirement ("Not assessed" if nothing).
    pub fn get(&self, id: &RequirementId) -> Snapshot {
        self.snapshot.get(id).copied().unwrap_or_default()
    }
}

/// Import-time rules for a workbook's baselines: not too many, unique ids,
/// each one valid.
pub fn validate_all(baselines: &[Baseline], framework: &Framework) -> Result<(), ValidationError> {
    limits::check_count("list of baselines", baselines.len(), MAX_BASELINES)?;
    let mut seen = HashSet::new();
    for b in baselines {
        if !seen.insert(b.id) {
            return Err(ValidationError::DuplicateId(b.id.to_string()));
        }
        b.validate(framework)?;
    }
    Ok(())
}

impl Baseline {
    /// Import-time rules: a sane name, snapshots of real requirements,
    /// figures in range.
    pub fn validate(&self, framework: &Framework) -> Result<(), ValidationError> {
        let id = self.id;
        if self.name.trim().is_empty() {
            return Err(ValidationError::MissingTitle(format!("baseline {id}")));
        }
        limits::check_text(format_args!("name of {id}"), &self.name, MAX_NAME_CHARS)?;
        if let Some(r) = self.snapshot.keys().find(|r| !framework.is_leaf(r)) {
            return Err(ValidationError::DanglingLink {
                from: format!("baseline {id}"),
                to: format!("requirement {r}"),
            });
        }
        let f = self.figures;
        if f.ready_percent > 100 || f.score > 100 || f.assessed > f.total {
            return Err(ValidationError::Inconsistent(format!(
                "the readiness figures of baseline {id} are out of range"
            )));
        }
        Ok(())
    }
}
