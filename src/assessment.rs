//! The assessment of one requirement, and readiness scoring over a workbook.

use crate::calendar::IsoDate;
use crate::framework::{Framework, RequirementId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How far a requirement is implemented. ISO/IEC 20000-1 allows no exclusions,
/// so there is deliberately no "not applicable".
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    NotAssessed,
    NotImplemented,
    PartiallyImplemented,
    LargelyImplemented,
    FullyImplemented,
}

/// What the workbook records about one requirement.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Assessment {
    pub status: Status,
    pub owner: String,
    pub target_date: Option<IsoDate>,
    pub notes: String,
}

/// Readiness figures for the Overview.
#[derive(Debug, Clone, PartialEq)]
pub struct Readiness {
    pub total: usize,
    /// Requirements per status, in `Status::ALL` order.
    pub counts: [usize; 5],
    /// Share of requirements at Largely or Fully implemented, 0–100.
    pub ready_percent: u32,
    /// Weighted score, 0–100: each status counts by `Status::weight`.
    pub score: u32,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::NotAssessed,
        Status::NotImplemented,
        Status::PartiallyImplemented,
        Status::LargelyImplemented,
        Status::FullyImplemented,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Status::NotAssessed => "Not assessed",
            Status::NotImplemented => "Not implemented",
            Status::PartiallyImplemented => "Partially implemented",
            Status::LargelyImplemented => "Largely implemented",
            Status::FullyImplemented => "Fully implemented",
        }
    }

    /// The stable key used in storage, exports and form values.
    pub fn key(self) -> &'static str {
        match self {
            Status::NotAssessed => "not_assessed",
            Status::NotImplemented => "not_implemented",
            Status::PartiallyImplemented => "partially_implemented",
            Status::LargelyImplemented => "largely_implemented",
            Status::FullyImplemented => "fully_implemented",
        }
    }

    pub fn from_key(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Contribution to the weighted score, in thirds: partial work counts
    /// for something, but only full implementation counts fully.
    pub fn weight(self) -> u32 {
        match self {
            Status::NotAssessed | Status::NotImplemented => 0,
            Status::PartiallyImplemented => 1,
            Status::LargelyImplemented => 2,
            Status::FullyImplemented => 3,
        }
    }

    pub fn is_ready(self) -> bool {
        matches!(self, Status::LargelyImplemented | Status::FullyImplemented)
    }

    pub fn is_assessed(self) -> bool {
        self != Status::NotAssessed
    }

    fn index(self) -> usize {
        Status::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

impl Assessment {
    pub fn is_blank(&self) -> bool {
        *self == Assessment::default()
    }
}

impl Readiness {
    /// Scores every leaf of the framework; requirements without a record count as not assessed.
    pub fn of(framework: &Framework, assessments: &BTreeMap<RequirementId, Assessment>) -> Self {
        Self::of_leaves(framework.leaves().map(|n| &n.id), assessments)
    }

    /// Scores the leaves under one clause.
    pub fn of_clause(
        framework: &Framework,
        clause: &RequirementId,
        assessments: &BTreeMap<RequirementId, Assessment>,
    ) -> Self {
        Self::of_leaves(framework.leaves_under(clause).map(|n| &n.id), assessments)
    }

    fn of_leaves<'a>(
        leaves: impl Iterator<Item = &'a RequirementId>,
        assessments: &BTreeMap<RequirementId, Assessment>,
    ) -> Self {
        let mut counts = [0usize; 5];
        for id in leaves {
            let status = assessments.get(id).map(|a| a.status).unwrap_or_default();
            counts[status.index()] += 1;
        }
        let total: usize = counts.iter().sum();
        let ready = counts[3] + counts[4];
        let weighted: usize = Status::ALL
            .iter()
            .zip(counts)
            .map(|(s, c)| s.weight() as usize * c)
            .sum();
        let percent = |num: usize, den: usize| {
            if den == 0 {
                0
            } else {
                // Round half up so 1 of 3 shows as 33 and 2 of 3 as 67.
                ((num * 200 + den) / (den * 2)) as u32
            }
        };
        Self {
            total,
            counts,
            ready_percent: percent(ready, total),
            score: percent(weighted, total * 3),
        }
    }

    pub fn count(&self, status: Status) -> usize {
        self.counts[status.index()]
    }

    pub fn assessed(&self) -> usize {
        self.total - self.count(Status::NotAssessed)
    }
}
