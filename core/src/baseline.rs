//! Progress over time: dated baselines ("Gap analysis, March", "Stage 1
//! audit") that freeze each requirement's status and capability, so that
//! today can be compared against any of them.
//!
//! A baseline is a copy, not a reference: later edits to the workbook never
//! change it. Only requirements that had something recorded are stored; the
//! rest were "Not assessed" then.

use crate::assessment::{CapabilityLevel, Readiness, Status};
use crate::calendar::{IsoDate, Timestamp};
use crate::framework::{Framework, RequirementId};
use crate::validation::{self, MAX_NAME_CHARS, ValidationError};
use crate::workbook::Workbook;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::fmt;

/// The most baselines a workbook keeps: one a week for years is far below it.
pub const MAX_BASELINES: usize = 500;

/// Identifies a baseline; people see it as `BL-0001`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BaselineId(pub u32);

impl fmt::Display for BaselineId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BL-{:04}", self.0)
    }
}

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
    fn rank(self) -> (Status, Option<CapabilityLevel>) {
        (self.status, self.capability)
    }
}

impl Figures {
    pub fn of(framework: &Framework, workbook: &Workbook) -> Self {
        let r = Readiness::of(framework, &workbook.assessments);
        Self {
            total: r.total,
            assessed: r.assessed(),
            ready_percent: r.ready_percent,
            score: r.score,
        }
    }
}

/// The snapshot of one requirement in the workbook now.
pub fn snapshot_now(workbook: &Workbook, id: &RequirementId) -> Snapshot {
    let a = workbook.assessment(id);
    Snapshot {
        status: a.status,
        capability: a.capability.current(),
    }
}

impl Baseline {
    /// What the baseline recorded for a requirement ("Not assessed" if nothing).
    pub fn get(&self, id: &RequirementId) -> Snapshot {
        self.snapshot.get(id).copied().unwrap_or_default()
    }
}

impl Workbook {
    /// Freezes the current state under a name and date. The name is trimmed
    /// and must be given.
    pub fn mark_baseline(
        &mut self,
        framework: &Framework,
        name: &str,
        date: IsoDate,
        now: Timestamp,
    ) -> Result<BaselineId, ValidationError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(ValidationError::MissingTitle("baseline".into()));
        }
        validation::check_text("baseline name", name, MAX_NAME_CHARS)?;
        if self.baselines.len() >= MAX_BASELINES {
            return Err(ValidationError::TooLong {
                field: "list of baselines".into(),
                actual: self.baselines.len() + 1,
                max: MAX_BASELINES,
            });
        }
        let id = BaselineId(self.baselines.iter().map(|b| b.id.0).max().unwrap_or(0) + 1);
        let snapshot = framework
            .leaves()
            .map(|n| (n.id.clone(), snapshot_now(self, &n.id)))
            .filter(|(_, s)| *s != Snapshot::default())
            .collect();
        let figures = Figures::of(framework, self);
        self.baselines.push(Baseline {
            id,
            name: name.to_owned(),
            date,
            marked_at: now.clone(),
            snapshot,
            figures,
        });
        self.updated_at = now;
        Ok(id)
    }

    pub fn baseline(&self, id: BaselineId) -> Option<&Baseline> {
        self.baselines.iter().find(|b| b.id == id)
    }

    /// Removes a baseline; the workbook's own records are untouched.
    pub fn delete_baseline(&mut self, id: BaselineId, now: Timestamp) {
        self.baselines.retain(|b| b.id != id);
        self.updated_at = now;
    }

    /// Every requirement then (at the baseline) and now, in framework order.
    pub fn compare(&self, framework: &Framework, baseline: &Baseline) -> Vec<Change> {
        framework
            .leaves()
            .map(|n| {
                let then = baseline.get(&n.id);
                let now = snapshot_now(self, &n.id);
                let direction = match now.rank().cmp(&then.rank()) {
                    std::cmp::Ordering::Greater => Direction::Improved,
                    std::cmp::Ordering::Less => Direction::Worsened,
                    std::cmp::Ordering::Equal => Direction::Unchanged,
                };
                Change {
                    requirement: n.id.clone(),
                    then,
                    now,
                    direction,
                }
            })
            .collect()
    }

    /// Readiness at each baseline, oldest date first, then now.
    pub fn readiness_series(&self, framework: &Framework, today: IsoDate) -> Vec<Point> {
        let mut points: Vec<Point> = self
            .baselines
            .iter()
            .map(|b| Point {
                label: b.name.clone(),
                date: b.date,
                figures: b.figures,
            })
            .collect();
        points.sort_by_key(|p| p.date);
        points.push(Point {
            label: "Now".into(),
            date: today,
            figures: Figures::of(framework, self),
        });
        points
    }
}

/// Import-time rules: unique ids, sane names, snapshots of real requirements.
pub fn validate(baselines: &[Baseline], framework: &Framework) -> Result<(), ValidationError> {
    if baselines.len() > MAX_BASELINES {
        return Err(ValidationError::TooLong {
            field: "list of baselines".into(),
            actual: baselines.len(),
            max: MAX_BASELINES,
        });
    }
    let mut seen = HashSet::new();
    for b in baselines {
        if !seen.insert(b.id) {
            return Err(ValidationError::DuplicateId(b.id.to_string()));
        }
        if b.name.trim().is_empty() {
            return Err(ValidationError::MissingTitle(format!("baseline {}", b.id)));
        }
        validation::check_text(format_args!("name of {}", b.id), &b.name, MAX_NAME_CHARS)?;
        for id in b.snapshot.keys() {
            if !framework.is_leaf(id) {
                return Err(ValidationError::DanglingLink {
                    from: format!("baseline {}", b.id),
                    to: format!("requirement {id}"),
                });
            }
        }
        let f = b.figures;
        if f.ready_percent > 100 || f.score > 100 || f.assessed > f.total {
            return Err(ValidationError::Inconsistent(format!(
                "the readiness figures of baseline {} are out of range",
                b.id
            )));
        }
    }
    Ok(())
}
