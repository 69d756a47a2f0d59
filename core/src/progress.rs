//! Progress over time: a workbook's baselines are marked from its records as
//! they stand, and today is compared against any of them.

use crate::assessment::Readiness;
use crate::baseline::{Baseline, BaselineId, Change, Direction, Figures, Point, Snapshot};
use crate::calendar::{IsoDate, Timestamp};
use crate::framework::{Framework, RequirementId};
use crate::limits::{self, MAX_BASELINES};
use crate::validation::{self, ValidationError};
use crate::workbook::Workbook;

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
        let name = validation::title("baseline", "baseline name", name)?;
        limits::check_count("list of baselines", self.baselines.len() + 1, MAX_BASELINES)?;
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
