//! The workbook: one organisation's assessment against one framework.

use crate::assessment::Assessment;
use crate::baseline;
use crate::baseline::Baseline;
use crate::calendar::Timestamp;
use crate::evidence::{DocumentChecklist, EvidenceId, EvidenceRegister};
use crate::framework;
use crate::framework::{Framework, FrameworkId, RequirementId};
use crate::improvement::{ImprovementError, ImprovementLog};
use crate::limits::{self, MAX_FRAMEWORK_VERSION_CHARS, MAX_NAME_CHARS, MAX_SCOPE_CHARS};
use crate::portfolio::Portfolio;
use crate::trainer::{TrainerError, TrainerNotes};
use crate::validation::ValidationError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Workbook {
    pub organisation: Organisation,
    pub framework: FrameworkRef,
    /// Only requirements someone has touched are stored; the rest are "Not assessed".
    #[serde(default)]
    pub assessments: BTreeMap<RequirementId, Assessment>,
    /// Evidence items linked to requirements (schema 4).
    #[serde(default)]
    pub evidence: EvidenceRegister,
    /// The documented-information checklist (schema 4).
    #[serde(default)]
    pub documents: DocumentChecklist,
    /// The PDCA improvement log (schema 3).
    #[serde(default)]
    pub improvements: ImprovementLog,
    /// The service portfolio (schema 3).
    #[serde(default)]
    pub portfolio: Portfolio,
    /// Dated snapshots to measure progress against (schema 5).
    #[serde(default)]
    pub baselines: Vec<Baseline>,
    /// A trainer's notes per requirement (schema 5).
    #[serde(default)]
    pub trainer_notes: TrainerNotes,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    pub name: String,
    /// A short scope statement (clause 4.3).
    #[serde(default)]
    pub scope: String,
}

impl Organisation {
    /// An organisation as typed: name and scope are trimmed and checked.
    pub fn new(name: &str, scope: &str) -> Result<Self, ValidationError> {
        let organisation = Self {
            name: name.trim().to_owned(),
            scope: scope.trim().to_owned(),
        };
        organisation.validate()?;
        Ok(organisation)
    }

    /// A name is given; name and scope are short enough and printable.
    pub fn validate(&self) -> Result<(), ValidationError> {
        if self.name.trim().is_empty() {
            return Err(ValidationError::MissingName);
        }
        limits::check_text("organisation name", &self.name, MAX_NAME_CHARS)?;
        limits::check_text("scope statement", &self.scope, MAX_SCOPE_CHARS)?;
        Ok(())
    }
}

/// Which framework definition, and which version of it, the workbook was written against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrameworkRef {
    pub id: FrameworkId,
    pub version: String,
}

/// Counts shown before an import replaces the current workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub assessed: usize,
    pub with_notes: usize,
    pub with_owner: usize,
    pub requirements: usize,
    pub evidence: usize,
    pub improvements: usize,
    pub services: usize,
}

impl Workbook {
    /// Starts a workbook for an organisation. Name and scope are trimmed and checked.
    pub fn create(
        name: &str,
        scope: &str,
        framework: &Framework,
        now: Timestamp,
    ) -> Result<Self, ValidationError> {
        let organisation = Organisation::new(name, scope)?;
        Ok(Self {
            organisation,
            framework: FrameworkRef {
                id: framework.id.clone(),
                version: framework.version.clone(),
            },
            assessments: BTreeMap::new(),
            evidence: EvidenceRegister::default(),
            documents: DocumentChecklist::default(),
            improvements: ImprovementLog::default(),
            portfolio: Portfolio::default(),
            baselines: Vec::new(),
            trainer_notes: TrainerNotes::default(),
            created_at: now.clone(),
            updated_at: now,
        })
    }

    /// The record for a requirement, or a blank one if nothing was recorded yet.
    pub fn assessment(&self, id: &RequirementId) -> Assessment {
        self.assessments.get(id).cloned().unwrap_or_default()
    }

    /// Changes one requirement's record. Blank records are dropped so the
    /// stored workbook only holds what someone actually wrote.
    pub fn edit_assessment(
        &mut self,
        id: &RequirementId,
        now: Timestamp,
        edit: impl FnOnce(&mut Assessment),
    ) {
        let mut record = self.assessment(id);
        edit(&mut record);
        if record.is_blank() {
            self.assessments.remove(id);
        } else {
            self.assessments.insert(id.clone(), record);
        }
        self.updated_at = now;
    }

    /// Checks the whole workbook against the framework it names, composing
    /// the checks of its parts; returns that framework.
    pub fn validate(&self) -> Result<&'static Framework, ValidationError> {
        self.organisation.validate()?;
        limits::check_text(
            "framework version",
            &self.framework.version,
            MAX_FRAMEWORK_VERSION_CHARS,
        )?;
        let framework = framework::by_id(&self.framework.id)
            .ok_or_else(|| ValidationError::UnknownFramework(self.framework.id.0.clone()))?;
        for (id, record) in &self.assessments {
            record.validate(id, framework)?;
        }
        self.evidence.validate(framework)?;
        self.documents.validate(framework, &self.evidence)?;
        self.improvements.validate(framework, &self.portfolio)?;
        self.portfolio.validate(framework)?;
        baseline::validate_all(&self.baselines, framework)?;
        self.trainer_notes.validate(framework)?;
        Ok(framework)
    }

    // -----------------------------------------------------------------------
    // Edits. Each takes the time of the edit and stamps `updated_at` with it
    // when the edit is made, so that no caller can forget to.

    /// Renames the organisation or changes its scope.
    pub fn set_organisation(&mut self, organisation: Organisation, now: Timestamp) {
        self.organisation = organisation;
        self.updated_at = now;
    }

    /// Changes the improvement log through one of its own methods; a change
    /// it refuses leaves the workbook as it was, time included.
    pub fn edit_improvements<T>(
        &mut self,
        now: Timestamp,
        change: impl FnOnce(&mut ImprovementLog) -> Result<T, ImprovementError>,
    ) -> Result<T, ImprovementError> {
        let result = change(&mut self.improvements);
        self.stamp_if_ok(now, result)
    }

    /// Adds an evidence item linked to `requirement`; see [`EvidenceRegister::add`].
    pub fn add_evidence(
        &mut self,
        title: &str,
        requirement: RequirementId,
        now: Timestamp,
    ) -> Result<EvidenceId, ValidationError> {
        let result = self.evidence.add(title, requirement);
        self.stamp_if_ok(now, result)
    }

    /// Replaces the portfolio with one that a change was checked on.
    pub fn set_portfolio(&mut self, portfolio: Portfolio, now: Timestamp) {
        self.portfolio = portfolio;
        self.updated_at = now;
    }

    /// Sets or (with blank text) removes a trainer note, unless the notes are locked.
    pub fn set_trainer_note(
        &mut self,
        framework: &Framework,
        id: &RequirementId,
        text: &str,
        now: Timestamp,
    ) -> Result<(), TrainerError> {
        let result = self.trainer_notes.set(framework, id, text);
        self.stamp_if_ok(now, result)
    }

    /// Locks the trainer notes (read-only for participants) or unlocks them.
    pub fn set_trainer_notes_locked(&mut self, locked: bool, now: Timestamp) {
        if locked {
            self.trainer_notes.lock();
        } else {
            self.trainer_notes.unlock();
        }
        self.updated_at = now;
    }

    fn stamp_if_ok<T, E>(&mut self, now: Timestamp, result: Result<T, E>) -> Result<T, E> {
        if result.is_ok() {
            self.updated_at = now;
        }
        result
    }

    pub fn summary(&self, framework: &Framework) -> Summary {
        let leaves = || framework.leaves().map(|n| self.assessment(&n.id));
        Summary {
            assessed: leaves().filter(|a| a.status.is_assessed()).count(),
            with_notes: leaves().filter(|a| !a.notes.trim().is_empty()).count(),
            with_owner: leaves().filter(|a| !a.owner.trim().is_empty()).count(),
            requirements: framework.leaves().count(),
            evidence: self.evidence.items.len(),
            improvements: self.improvements.items.len(),
            services: self.portfolio.services.len(),
        }
    }
}

/// Something on the Overview's list of top gaps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub requirement: RequirementId,
    pub reason: GapReason,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GapReason {
    NotImplemented,
    MajorNonconformity,
    Overdue(crate::calendar::IsoDate),
    EvidenceReviewDue {
        evidence: crate::evidence::EvidenceId,
        title: String,
    },
}

impl GapReason {
    pub fn describe(&self) -> String {
        match self {
            GapReason::NotImplemented => "Not implemented".into(),
            GapReason::MajorNonconformity => "Major nonconformity".into(),
            GapReason::Overdue(date) => format!("Target date {date} has passed"),
            GapReason::EvidenceReviewDue { evidence, title } => {
                format!("Evidence {evidence} “{title}” is past its review date")
            }
        }
    }
}

impl Workbook {
    /// The gaps that need attention first, in framework order: majors and
    /// missing implementation, then overdue targets, then stale evidence.
    pub fn gaps(&self, framework: &Framework, today: crate::calendar::IsoDate) -> Vec<Gap> {
        use crate::assessment::{Finding, Status};
        let mut gaps = Vec::new();
        for node in framework.leaves() {
            let a = self.assessment(&node.id);
            let mut push = |reason| {
                gaps.push(Gap {
                    requirement: node.id.clone(),
                    reason,
                })
            };
            if a.finding == Finding::MajorNonconformity {
                push(GapReason::MajorNonconformity);
            }
            if a.status == Status::NotImplemented {
                push(GapReason::NotImplemented);
            }
            if let Some(date) = a.target_date
                && date < today
                && a.status != Status::FullyImplemented
            {
                push(GapReason::Overdue(date));
            }
        }
        for item in self.evidence.overdue(today) {
            if let Some(first) = item.requirements.first() {
                gaps.push(Gap {
                    requirement: first.clone(),
                    reason: GapReason::EvidenceReviewDue {
                        evidence: item.id,
                        title: item.title.clone(),
                    },
                });
            }
        }
        gaps
    }
}
