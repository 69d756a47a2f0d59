//! The assessment of one requirement, and readiness scoring over a workbook.

use crate::calendar::IsoDate;
use crate::framework::{CapabilityScale, Framework, RequirementId};
use crate::limits::{self, MAX_NOTES_CHARS, MAX_OWNER_CHARS};
use crate::validation::ValidationError;
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
    /// Capability today and the level aimed for (schema 4).
    pub capability: Capability,
    /// The grade an auditor would give (schema 4).
    pub finding: Finding,
}

/// A capability level as stored, 0–5. What each level is called, and how
/// high a framework's scale goes, is framework data (`CapabilityScale`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "u8")]
pub enum CapabilityLevel {
    Incomplete = 0,
    Performed = 1,
    Managed = 2,
    Established = 3,
    Predictable = 4,
    Innovating = 5,
}

/// Current and target capability. The target is never below the current
/// level: the methods that set them refuse it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Capability {
    current: Option<CapabilityLevel>,
    target: Option<CapabilityLevel>,
}

/// An audit finding grade.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Finding {
    #[default]
    None,
    MajorNonconformity,
    MinorNonconformity,
    Observation,
    OpportunityForImprovement,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CapabilityError {
    #[error(
        "The target level ({target}) cannot be below the current level ({current}). Raise the target, or lower the current level first."
    )]
    TargetBelowCurrent { current: u8, target: u8 },
    // Levels are stored 0–5 for every framework; the framework's scale says
    // how high it goes (FitSM stops at 4).
    #[error(
        "Level {level} is not on the {scale}, which goes from 0 to {max}. Choose a level from 0 to {max}."
    )]
    AboveScale { level: u8, scale: String, max: u8 },
}

/// Readiness figures for the Overview.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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

    /// Checks requirement `id`'s record against `framework`: a requirement
    /// it assesses, sane text, and a capability its scale allows.
    pub fn validate(
        &self,
        id: &RequirementId,
        framework: &Framework,
    ) -> Result<(), ValidationError> {
        if !framework.is_leaf(id) {
            return Err(ValidationError::UnknownRequirement(id.0.clone()));
        }
        limits::check_text(format_args!("owner of {id}"), &self.owner, MAX_OWNER_CHARS)?;
        limits::check_text(format_args!("notes of {id}"), &self.notes, MAX_NOTES_CHARS)?;
        // Deserialisation bypasses the constructor, so check the rules again,
        // against this framework's scale (FitSM stops at 4).
        self.capability
            .check(&framework.capability_scale)
            .map_err(|e| ValidationError::Capability {
                requirement: id.0.clone(),
                detail: e.to_string(),
            })
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

    /// Scores the leaves in one PDCA phase.
    pub fn of_phase(
        framework: &Framework,
        phase: crate::framework::Phase,
        assessments: &BTreeMap<RequirementId, Assessment>,
    ) -> Self {
        Self::of_leaves(
            framework
                .leaves()
                .filter(|n| n.pdca == phase)
                .map(|n| &n.id),
            assessments,
        )
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

impl CapabilityLevel {
    pub const ALL: [CapabilityLevel; 6] = [
        CapabilityLevel::Incomplete,
        CapabilityLevel::Performed,
        CapabilityLevel::Managed,
        CapabilityLevel::Established,
        CapabilityLevel::Predictable,
        CapabilityLevel::Innovating,
    ];

    pub fn number(self) -> u8 {
        self as u8
    }

    // Names and meanings belong to the framework's scale
    // (`Framework::capability_scale`), not to the stored number.
}

// By hand rather than `try_from = "u8"`, so that a level out of range is
// reported at the value (import errors name the field).
impl<'de> Deserialize<'de> for CapabilityLevel {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Level;
        impl serde::de::Visitor<'_> for Level {
            type Value = CapabilityLevel;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a capability level from 0 to 5")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<CapabilityLevel, E> {
                u8::try_from(v)
                    .map_err(|_| format!("capability level {v} is not between 0 and 5"))
                    .and_then(CapabilityLevel::try_from)
                    .map_err(E::custom)
            }
        }
        d.deserialize_u8(Level)
    }
}

impl TryFrom<u8> for CapabilityLevel {
    type Error = String;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        CapabilityLevel::ALL
            .get(value as usize)
            .copied()
            .ok_or_else(|| format!("capability level {value} is not between 0 and 5"))
    }
}

impl From<CapabilityLevel> for u8 {
    fn from(value: CapabilityLevel) -> Self {
        value as u8
    }
}

impl Capability {
    pub fn current(&self) -> Option<CapabilityLevel> {
        self.current
    }

    pub fn target(&self) -> Option<CapabilityLevel> {
        self.target
    }

    /// Builds a pair, refusing a target below the current level.
    pub fn new(
        current: Option<CapabilityLevel>,
        target: Option<CapabilityLevel>,
    ) -> Result<Self, CapabilityError> {
        if let (Some(c), Some(t)) = (current, target)
            && t < c
        {
            return Err(CapabilityError::TargetBelowCurrent {
                current: c.number(),
                target: t.number(),
            });
        }
        Ok(Self { current, target })
    }

    pub fn with_current(self, current: Option<CapabilityLevel>) -> Result<Self, CapabilityError> {
        Self::new(current, self.target)
    }

    pub fn with_target(self, target: Option<CapabilityLevel>) -> Result<Self, CapabilityError> {
        Self::new(self.current, target)
    }

    /// Checks both levels fit the framework's scale and the target is not
    /// below the current level. Stored workbooks bypass the constructors,
    /// so validation calls this.
    pub fn check(&self, scale: &CapabilityScale) -> Result<(), CapabilityError> {
        for level in [self.current, self.target].into_iter().flatten() {
            if level.number() > scale.max() {
                return Err(CapabilityError::AboveScale {
                    level: level.number(),
                    scale: scale.name.clone(),
                    max: scale.max(),
                });
            }
        }
        Self::new(self.current, self.target).map(|_| ())
    }

    /// Levels still to climb, when both are set.
    pub fn gap(&self) -> Option<u8> {
        Some(self.target?.number() - self.current?.number())
    }
}

impl Finding {
    pub const ALL: [Finding; 5] = [
        Finding::None,
        Finding::MajorNonconformity,
        Finding::MinorNonconformity,
        Finding::Observation,
        Finding::OpportunityForImprovement,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Finding::None => "None",
            Finding::MajorNonconformity => "Major nonconformity",
            Finding::MinorNonconformity => "Minor nonconformity",
            Finding::Observation => "Observation",
            Finding::OpportunityForImprovement => "Opportunity for improvement",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Finding::None => "none",
            Finding::MajorNonconformity => "major_nonconformity",
            Finding::MinorNonconformity => "minor_nonconformity",
            Finding::Observation => "observation",
            Finding::OpportunityForImprovement => "opportunity_for_improvement",
        }
    }

    pub fn from_key(key: &str) -> Option<Finding> {
        Finding::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// Average capability (current, target) over the leaves of a clause that have one.
pub fn clause_capability(
    framework: &Framework,
    clause: &RequirementId,
    assessments: &BTreeMap<RequirementId, Assessment>,
) -> (Option<f32>, Option<f32>) {
    let mean = |levels: Vec<u8>| {
        (!levels.is_empty())
            .then(|| levels.iter().map(|&l| l as f32).sum::<f32>() / levels.len() as f32)
    };
    let records: Vec<Capability> = framework
        .leaves_under(clause)
        .filter_map(|n| assessments.get(&n.id).map(|a| a.capability))
        .collect();
    (
        mean(
            records
                .iter()
                .filter_map(|c| c.current().map(CapabilityLevel::number))
                .collect(),
        ),
        mean(
            records
                .iter()
                .filter_map(|c| c.target().map(CapabilityLevel::number))
                .collect(),
        ),
    )
}
