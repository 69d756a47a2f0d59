//! The PDCA improvement log: nonconformities, corrective actions and
//! improvements that go round Plan, Do, Check and Act (clause 10).
//!
//! Each item carries one record per stage. The stage rules live here and are
//! enforced on every move; a refused move says why and what to do. A stage's
//! record can only be edited while the item is in that stage, so what an item
//! has passed through stays as it was (move it back to change it), and the
//! consistency rules `validate` checks on import hold for everything the app
//! itself writes.

use crate::calendar::{IsoDate, Timestamp};
use crate::csv::CsvWriter;
use crate::framework::{Framework, RequirementId};
use crate::limits::{
    self, MAX_IMPROVEMENT_HISTORY, MAX_IMPROVEMENT_LINKS, MAX_IMPROVEMENTS, MAX_NAME_CHARS,
    MAX_NOTES_CHARS, MAX_OWNER_CHARS,
};
use crate::numbered::{self, numbered_id};
use crate::portfolio::{Portfolio, ServiceId};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashSet};
use std::fmt;
use std::str::FromStr;
use thiserror::Error;

/// The log of all improvement items in a workbook.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ImprovementLog {
    #[serde(default)]
    pub items: Vec<ImprovementItem>,
}

/// One improvement item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImprovementItem {
    pub id: ImprovementId,
    pub title: String,
    #[serde(default)]
    pub kind: Kind,
    #[serde(default)]
    pub source: Source,
    #[serde(default)]
    pub priority: Priority,
    #[serde(default)]
    pub owner: String,
    pub raised_on: IsoDate,
    #[serde(default)]
    pub target_date: Option<IsoDate>,
    /// Set when the item is closed, and only then.
    #[serde(default)]
    pub closed_on: Option<IsoDate>,
    /// Requirements (leaves of the framework) the item concerns.
    #[serde(default)]
    pub requirements: Vec<RequirementId>,
    /// Services the item concerns. The link is stored here only; the service
    /// page derives its list from it.
    #[serde(default)]
    pub services: Vec<ServiceId>,
    #[serde(default)]
    pub stage: Stage,
    #[serde(default)]
    pub plan: PlanRecord,
    #[serde(default, rename = "do")]
    pub doing: DoRecord,
    #[serde(default)]
    pub check: CheckRecord,
    #[serde(default)]
    pub act: ActRecord,
    /// The earlier item whose ineffective check opened this one.
    #[serde(default)]
    pub follow_up_of: Option<ImprovementId>,
    /// How many times the item has started Plan (1 for the first cycle).
    #[serde(default = "first_cycle")]
    pub cycle: u32,
    /// Every stage change, oldest first; the first entry is the item being raised.
    #[serde(default)]
    pub history: Vec<StageChange>,
}

fn first_cycle() -> u32 {
    1
}

/// Plan: what is wrong or could be better, why, what to do, and how success is judged.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanRecord {
    pub problem: String,
    pub root_cause: String,
    pub planned_actions: String,
    pub success_measure: String,
    pub success_target: String,
}

/// Do: what was actually done, and when.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DoRecord {
    pub actions_taken: String,
    pub done_on: Option<IsoDate>,
}

/// Check: the measured result against the target, and whether it worked.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckRecord {
    pub result: String,
    /// `None` until someone has judged it.
    pub effective: Option<bool>,
    pub verified_by: String,
    pub checked_on: Option<IsoDate>,
}

/// Act: what happens with the outcome, and what was learned.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActRecord {
    pub decision: Option<ActDecision>,
    pub lessons: String,
}

/// One stage change, kept for the audit trail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageChange {
    pub at: Timestamp,
    /// `None` for the entry that records the item being raised.
    #[serde(default)]
    pub from: Option<Stage>,
    pub to: Stage,
    #[serde(default)]
    pub note: String,
}

numbered_id!(
    /// Identifies an item; people see it as `IMP-0001`.
    ImprovementId,
    "IMP"
);

impl FromStr for ImprovementId {
    type Err = ImprovementError;
    /// Reads `IMP-0001` (any case) or a bare number.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match numbered::digits(s, "IMP-").map(str::parse::<u32>) {
            Some(Ok(n)) if n > 0 => Ok(ImprovementId(n)),
            _ => Err(ImprovementError::BadId(s.to_owned())),
        }
    }
}

/// Enums shown to people: a stable key for storage, URLs and forms, and a label.
macro_rules! choice {
    ($(#[$meta:meta])* $name:ident default $default:ident { $($variant:ident => $key:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($variant,)+
        }
        impl Default for $name {
            fn default() -> Self {
                $name::$default
            }
        }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The stable key used in storage, URLs and form values.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
            pub fn from_key(key: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.key() == key)
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

choice! {
    /// What kind of item it is.
    Kind default ImprovementOpportunity {
        Nonconformity => "nonconformity", "Nonconformity";
        CorrectiveAction => "corrective_action", "Corrective action";
        ImprovementOpportunity => "improvement_opportunity", "Improvement opportunity";
        AuditFinding => "audit_finding", "Audit finding";
        Complaint => "complaint", "Complaint";
        ManagementReviewAction => "management_review_action", "Management review action";
    }
}

choice! {
    /// Where the item came from.
    Source default Other {
        InternalAudit => "internal_audit", "Internal audit";
        ExternalAudit => "external_audit", "External audit";
        Incident => "incident", "Incident";
        CustomerFeedback => "customer_feedback", "Customer feedback";
        ManagementReview => "management_review", "Management review";
        Measurement => "measurement", "Measurement";
        Other => "other", "Other";
    }
}

choice! {
    /// How urgent the item is.
    Priority default Medium {
        Low => "low", "Low";
        Medium => "medium", "Medium";
        High => "high", "High";
        Critical => "critical", "Critical";
    }
}

choice! {
    /// Where the item stands in the cycle.
    Stage default Plan {
        Plan => "plan", "Plan";
        Do => "do", "Do";
        Check => "check", "Check";
        Act => "act", "Act";
        Closed => "closed", "Closed";
    }
}

choice! {
    /// What Act decides about the outcome.
    ActDecision default Standardise {
        Standardise => "standardise", "Standardise";
        Adjust => "adjust", "Adjust";
        NewCycle => "new_cycle", "Start a new cycle";
    }
}

impl Stage {
    fn index(self) -> usize {
        Stage::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The stage after this one, if any.
    pub fn next(self) -> Option<Stage> {
        Stage::ALL.get(self.index() + 1).copied()
    }

    /// The stage before this one, if any.
    pub fn previous(self) -> Option<Stage> {
        self.index()
            .checked_sub(1)
            .and_then(|i| Stage::ALL.get(i).copied())
    }

    /// What the stage asks for, in a sentence.
    pub fn meaning(self) -> &'static str {
        match self {
            Stage::Plan => {
                "Describe the problem or opportunity, its root cause, the planned actions and how success will be measured."
            }
            Stage::Do => "Carry out the planned actions and record what was done and when.",
            Stage::Check => {
                "Measure the result against the target and judge whether the actions were effective."
            }
            Stage::Act => {
                "Standardise what worked, adjust it, or start a new cycle; record the lessons learned."
            }
            Stage::Closed => "The cycle is complete.",
        }
    }
}

impl Priority {
    /// Higher is more urgent; used for sorting.
    pub fn rank(self) -> usize {
        Priority::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImprovementError {
    #[error("Improvement item {0} appears more than once.")]
    DuplicateId(ImprovementId),
    #[error("“{0}” is not an improvement item number; they look like IMP-0001.")]
    BadId(String),
    #[error(
        "There is no improvement item {0}. It may have been in a workbook that was since replaced."
    )]
    NotFound(ImprovementId),
    #[error("Give the item a short title.")]
    MissingTitle,
    #[error(
        "The improvement log is full ({MAX_IMPROVEMENTS} items). Export it and close out old items in a new workbook."
    )]
    LogFull,
    #[error("{id} is already in {stage}.")]
    AlreadyThere { id: ImprovementId, stage: Stage },
    #[error("{id} cannot go from {from} straight to {to}: items move one stage at a time.")]
    NotAdjacent {
        id: ImprovementId,
        from: Stage,
        to: Stage,
    },
    #[error(
        "{0} cannot move to Do yet: describe the problem or opportunity and the planned actions in Plan first."
    )]
    PlanIncomplete(ImprovementId),
    #[error(
        "{0} cannot reach Check without recorded actions: record the actions taken in Do first."
    )]
    NoActionsRecorded(ImprovementId),
    #[error(
        "{0} cannot move to Act without a Check result: record the measured result and whether the actions were effective."
    )]
    NoCheckResult(ImprovementId),
    #[error(
        "{0} cannot be closed without a Check result: move it back to Check and record the measured result and whether the actions were effective."
    )]
    CloseWithoutCheck(ImprovementId),
    #[error(
        "The check found the actions of {0} not effective. Return it to Plan for another cycle, or open a follow-up item, before moving it to Act."
    )]
    IneffectiveNeedsFollowUp(ImprovementId),
    #[error(
        "{0} cannot be closed yet: choose in Act whether to standardise, adjust or start a new cycle."
    )]
    NoActDecision(ImprovementId),
    #[error(
        "Only a check that found the actions not effective sends {0} back to Plan. To correct what was done, move it back to Do."
    )]
    ReturnNeedsIneffectiveCheck(ImprovementId),
    #[error(
        "A follow-up item is opened when a check finds the actions not effective. Record that result for {0} in Check first."
    )]
    FollowUpNeedsIneffectiveCheck(ImprovementId),
    #[error(
        "{id} is in {stage}; its {section} record can only be changed while it is in {section}. Move it back to {section} to change it."
    )]
    SectionLocked {
        id: ImprovementId,
        stage: Stage,
        section: Stage,
    },
    #[error(
        "{id} links requirement “{requirement}”, which is not an assessable requirement of this framework."
    )]
    UnknownRequirement {
        id: ImprovementId,
        requirement: String,
    },
    #[error("{id} links service {service}, which is not in the portfolio.")]
    UnknownService {
        id: ImprovementId,
        service: ServiceId,
    },
    #[error("{id} is a follow-up of {of}, which is not in the log (or is not an earlier item).")]
    UnknownFollowUp {
        id: ImprovementId,
        of: ImprovementId,
    },
    #[error("{id} links {what} more than once.")]
    DuplicateLink { id: ImprovementId, what: String },
    #[error(
        "{0} has more than {MAX_IMPROVEMENT_LINKS} links or {MAX_IMPROVEMENT_HISTORY} history entries; the file may be damaged."
    )]
    TooManyEntries(ImprovementId),
    #[error(
        "Improvement item {id} is inconsistent: {problem}. The file may have been edited by hand; export it again from Clausebook."
    )]
    Inconsistent { id: ImprovementId, problem: String },
    /// A text field that breaks `limits::check_text`; the message names the field.
    #[error("{0}")]
    Text(String),
}

/// What an edit of the log returns: nothing, or why it was refused.
pub type Edited = Result<(), ImprovementError>;

/// What a person fills in to raise an item.
#[derive(Debug, Clone, PartialEq)]
pub struct NewItem {
    pub title: String,
    pub kind: Kind,
    pub source: Source,
    pub priority: Priority,
    pub owner: String,
    pub target_date: Option<IsoDate>,
    pub requirements: Vec<RequirementId>,
    pub services: Vec<ServiceId>,
}

impl NewItem {
    pub fn titled(title: &str) -> Self {
        Self {
            title: title.to_owned(),
            kind: Kind::default(),
            source: Source::default(),
            priority: Priority::default(),
            owner: String::new(),
            target_date: None,
            requirements: Vec::new(),
            services: Vec::new(),
        }
    }
}

impl ImprovementItem {
    /// Overdue: the target date has passed and the item is not closed.
    pub fn is_overdue(&self, today: IsoDate) -> bool {
        self.stage != Stage::Closed && self.target_date.is_some_and(|t| t < today)
    }

    pub fn is_open(&self) -> bool {
        self.stage != Stage::Closed
    }

    fn plan_complete(&self) -> bool {
        !self.plan.problem.trim().is_empty() && !self.plan.planned_actions.trim().is_empty()
    }

    fn actions_recorded(&self) -> bool {
        !self.doing.actions_taken.trim().is_empty()
    }

    /// A check result: the measured result written down and judged.
    pub fn has_check_result(&self) -> bool {
        !self.check.result.trim().is_empty() && self.check.effective.is_some()
    }

    pub fn check_ineffective(&self) -> bool {
        self.has_check_result() && self.check.effective == Some(false)
    }

    /// Whether the item may move to `to` now. `has_follow_up` says whether a
    /// follow-up item already exists for it.
    pub fn check_move(&self, to: Stage, has_follow_up: bool) -> Result<(), ImprovementError> {
        let id = self.id;
        let from = self.stage;
        if to == from {
            return Err(ImprovementError::AlreadyThere { id, stage: to });
        }
        // The one jump: an ineffective check returns the item to Plan.
        if from == Stage::Check && to == Stage::Plan {
            return if self.check_ineffective() {
                Ok(())
            } else {
                Err(ImprovementError::ReturnNeedsIneffectiveCheck(id))
            };
        }
        // Back one stage is always allowed: it reopens that stage's record.
        if from.previous() == Some(to) {
            return Ok(());
        }
        if from.next() != Some(to) {
            return Err(ImprovementError::NotAdjacent { id, from, to });
        }
        match to {
            Stage::Plan => Ok(()),
            Stage::Do if !self.plan_complete() => Err(ImprovementError::PlanIncomplete(id)),
            Stage::Check if !self.actions_recorded() => {
                Err(ImprovementError::NoActionsRecorded(id))
            }
            Stage::Act if !self.has_check_result() => Err(ImprovementError::NoCheckResult(id)),
            Stage::Act if self.check_ineffective() && !has_follow_up => {
                Err(ImprovementError::IneffectiveNeedsFollowUp(id))
            }
            Stage::Closed if !self.has_check_result() => {
                Err(ImprovementError::CloseWithoutCheck(id))
            }
            Stage::Closed if self.act.decision.is_none() => {
                Err(ImprovementError::NoActDecision(id))
            }
            _ => Ok(()),
        }
    }

    /// Applies a move already allowed by `check_move`, and records it.
    fn apply_move(&mut self, to: Stage, today: IsoDate, now: Timestamp) {
        let from = self.stage;
        let mut note = String::new();
        if from == Stage::Check && to == Stage::Plan {
            note = format!(
                "Check found the actions not effective (cycle {}): {}",
                self.cycle,
                self.check.result.trim()
            );
            self.check = CheckRecord::default();
            self.cycle = self.cycle.saturating_add(1);
        }
        if to == Stage::Closed {
            self.closed_on = Some(today);
        } else {
            self.closed_on = None;
        }
        self.stage = to;
        self.history.push(StageChange {
            at: now,
            from: Some(from),
            to,
            note,
        });
    }

    /// Whether the record of `section` may be edited now: only while the item is in that stage.
    pub fn can_edit(&self, section: Stage) -> Result<(), ImprovementError> {
        if self.stage == section {
            Ok(())
        } else {
            Err(ImprovementError::SectionLocked {
                id: self.id,
                stage: self.stage,
                section,
            })
        }
    }

    /// When the item last changed stage (or was raised).
    pub fn last_change(&self) -> Option<&Timestamp> {
        self.history.last().map(|h| &h.at)
    }
}

impl ImprovementLog {
    pub fn get(&self, id: ImprovementId) -> Option<&ImprovementItem> {
        self.items.iter().find(|i| i.id == id)
    }

    /// The items at `positions` (from [`Filter::positions`] on this log),
    /// in that order; a position past the end is skipped.
    pub fn at<'a, 'p>(
        &'a self,
        positions: &'p [usize],
    ) -> impl Iterator<Item = &'a ImprovementItem> + use<'a, 'p> {
        positions.iter().filter_map(|&n| self.items.get(n))
    }

    fn get_mut(&mut self, id: ImprovementId) -> Result<&mut ImprovementItem, ImprovementError> {
        self.items
            .iter_mut()
            .find(|i| i.id == id)
            .ok_or(ImprovementError::NotFound(id))
    }

    /// The id the next item gets: one above the highest ever used in this log.
    pub fn next_id(&self) -> ImprovementId {
        ImprovementId(
            self.items
                .iter()
                .map(|i| i.id.0)
                .max()
                .unwrap_or(0)
                .saturating_add(1),
        )
    }

    /// Raises a new item in Plan.
    pub fn raise(
        &mut self,
        new: NewItem,
        today: IsoDate,
        now: Timestamp,
    ) -> Result<ImprovementId, ImprovementError> {
        let title = new.title.trim().to_owned();
        if title.is_empty() {
            return Err(ImprovementError::MissingTitle);
        }
        if self.items.len() >= MAX_IMPROVEMENTS {
            return Err(ImprovementError::LogFull);
        }
        let id = self.next_id();
        check_text(format_args!("title of {id}"), &title, MAX_NAME_CHARS)?;
        check_text(format_args!("owner of {id}"), &new.owner, MAX_OWNER_CHARS)?;
        let mut requirements = new.requirements;
        requirements.dedup();
        let mut services = new.services;
        services.dedup();
        self.items.push(ImprovementItem {
            id,
            title,
            kind: new.kind,
            source: new.source,
            priority: new.priority,
            owner: new.owner.trim().to_owned(),
            raised_on: today,
            target_date: new.target_date,
            closed_on: None,
            requirements,
            services,
            stage: Stage::Plan,
            plan: PlanRecord::default(),
            doing: DoRecord::default(),
            check: CheckRecord::default(),
            act: ActRecord::default(),
            follow_up_of: None,
            cycle: 1,
            history: vec![StageChange {
                at: now,
                from: None,
                to: Stage::Plan,
                note: "Raised".to_owned(),
            }],
        });
        Ok(id)
    }

    /// The items opened as follow-ups of `id`.
    pub fn follow_ups(&self, id: ImprovementId) -> impl Iterator<Item = &ImprovementItem> {
        self.items
            .iter()
            .filter(move |i| i.follow_up_of == Some(id))
    }

    /// Whether `to` is allowed for item `id` now.
    pub fn check_move(&self, id: ImprovementId, to: Stage) -> Result<(), ImprovementError> {
        let item = self.get(id).ok_or(ImprovementError::NotFound(id))?;
        item.check_move(to, self.follow_ups(id).next().is_some())
    }

    /// Moves an item to another stage if the rules allow it, keeping the change in its history.
    pub fn move_item(
        &mut self,
        id: ImprovementId,
        to: Stage,
        today: IsoDate,
        now: Timestamp,
    ) -> Result<(), ImprovementError> {
        self.check_move(id, to)?;
        self.get_mut(id)?.apply_move(to, today, now);
        Ok(())
    }

    /// Opens a follow-up for an item whose check found its actions not
    /// effective: a new item in Plan, linked to the same requirements and
    /// services, that names the original. The original can then go on to Act.
    pub fn open_follow_up(
        &mut self,
        id: ImprovementId,
        today: IsoDate,
        now: Timestamp,
    ) -> Result<ImprovementId, ImprovementError> {
        let original = self.get(id).ok_or(ImprovementError::NotFound(id))?;
        if original.stage != Stage::Check || !original.check_ineffective() {
            return Err(ImprovementError::FollowUpNeedsIneffectiveCheck(id));
        }
        let mut title = format!("Follow-up to {id}: {}", original.title);
        if title.chars().count() > MAX_NAME_CHARS {
            title = title.chars().take(MAX_NAME_CHARS - 1).collect::<String>() + "…";
        }
        let new = NewItem {
            title,
            kind: original.kind,
            source: original.source,
            priority: original.priority,
            owner: original.owner.clone(),
            target_date: None,
            requirements: original.requirements.clone(),
            services: original.services.clone(),
        };
        let problem = format!(
            "The check of {id} found the actions not effective: {}",
            original.check.result.trim()
        );
        let new_id = self.raise(new, today, now.clone())?;
        let item = self.get_mut(new_id)?;
        item.follow_up_of = Some(id);
        item.plan.problem = problem.chars().take(MAX_NOTES_CHARS).collect();
        if let Some(first) = item.history.first_mut() {
            first.note = format!("Raised as a follow-up of {id}");
        }
        Ok(new_id)
    }

    /// Edits an item's general fields (title, owner, links, dates, kind …),
    /// which may change at any stage. A blank title is refused.
    pub fn edit_details(
        &mut self,
        id: ImprovementId,
        edit: impl FnOnce(&mut ImprovementItem),
    ) -> Result<(), ImprovementError> {
        let item = self.get_mut(id)?;
        let mut copy = item.clone();
        edit(&mut copy);
        if copy.title.trim().is_empty() {
            return Err(ImprovementError::MissingTitle);
        }
        // Stage data is not editable here.
        copy.stage = item.stage;
        copy.plan = item.plan.clone();
        copy.doing = item.doing.clone();
        copy.check = item.check.clone();
        copy.act = item.act.clone();
        copy.history = item.history.clone();
        copy.closed_on = item.closed_on;
        copy.id = item.id;
        copy.follow_up_of = item.follow_up_of;
        copy.cycle = item.cycle;
        *item = copy;
        Ok(())
    }

    /// Edits an item's Plan record; only while the item is in Plan.
    pub fn edit_plan(&mut self, id: ImprovementId, edit: impl FnOnce(&mut PlanRecord)) -> Edited {
        self.edit_record(id, Stage::Plan, |item| edit(&mut item.plan))
    }

    /// Edits an item's Do record; only while the item is in Do.
    pub fn edit_do(&mut self, id: ImprovementId, edit: impl FnOnce(&mut DoRecord)) -> Edited {
        self.edit_record(id, Stage::Do, |item| edit(&mut item.doing))
    }

    /// Edits an item's Check record; only while the item is in Check.
    pub fn edit_check(&mut self, id: ImprovementId, edit: impl FnOnce(&mut CheckRecord)) -> Edited {
        self.edit_record(id, Stage::Check, |item| edit(&mut item.check))
    }

    /// Edits an item's Act record; only while the item is in Act.
    pub fn edit_act(&mut self, id: ImprovementId, edit: impl FnOnce(&mut ActRecord)) -> Edited {
        self.edit_record(id, Stage::Act, |item| edit(&mut item.act))
    }

    /// Edits the record of `section`, which the item must be in.
    fn edit_record(
        &mut self,
        id: ImprovementId,
        section: Stage,
        edit: impl FnOnce(&mut ImprovementItem),
    ) -> Edited {
        let item = self.get_mut(id)?;
        item.can_edit(section)?;
        edit(item);
        Ok(())
    }

    /// Open items linked to a requirement, in id order.
    pub fn open_for_requirement<'a>(
        &'a self,
        requirement: &'a RequirementId,
    ) -> impl Iterator<Item = &'a ImprovementItem> {
        self.items
            .iter()
            .filter(move |i| i.is_open() && i.requirements.contains(requirement))
    }

    /// Items whose target date has passed and that are not closed, most overdue first.
    pub fn overdue(&self, today: IsoDate) -> Vec<&ImprovementItem> {
        let mut items: Vec<_> = self.items.iter().filter(|i| i.is_overdue(today)).collect();
        items.sort_by_key(|i| (i.target_date, i.id));
        items
    }

    /// Every owner named in the log, sorted, once each.
    pub fn owners(&self) -> Vec<String> {
        self.items
            .iter()
            .map(|i| i.owner.trim().to_owned())
            .filter(|o| !o.is_empty())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect()
    }

    /// The log as CSV for spreadsheets: one row per item, stable columns.
    pub fn to_csv(&self, today: IsoDate) -> String {
        let mut csv = CsvWriter::new(&CSV_COLUMNS);
        let date = |d: Option<IsoDate>| d.map(|d| d.to_string()).unwrap_or_default();
        for i in &self.items {
            let requirements = i
                .requirements
                .iter()
                .map(|r| r.0.as_str())
                .collect::<Vec<_>>()
                .join("; ");
            let services = i
                .services
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ");
            let cells = [
                i.id.to_string(),
                i.title.clone(),
                i.kind.label().to_owned(),
                i.source.label().to_owned(),
                i.priority.label().to_owned(),
                i.owner.clone(),
                i.stage.label().to_owned(),
                if i.is_overdue(today) { "yes" } else { "no" }.to_owned(),
                i.raised_on.to_string(),
                date(i.target_date),
                date(i.closed_on),
                requirements,
                services,
                i.plan.problem.clone(),
                i.plan.root_cause.clone(),
                i.plan.planned_actions.clone(),
                i.plan.success_measure.clone(),
                i.plan.success_target.clone(),
                i.doing.actions_taken.clone(),
                date(i.doing.done_on),
                i.check.result.clone(),
                match i.check.effective {
                    Some(true) => "yes",
                    Some(false) => "no",
                    None => "",
                }
                .to_owned(),
                i.check.verified_by.clone(),
                date(i.check.checked_on),
                i.act
                    .decision
                    .map(|d| d.label().to_owned())
                    .unwrap_or_default(),
                i.act.lessons.clone(),
                i.follow_up_of.map(|f| f.to_string()).unwrap_or_default(),
                i.cycle.to_string(),
                i.last_change().map(|t| t.to_string()).unwrap_or_default(),
            ];
            csv.row(cells.iter().map(String::as_str));
        }
        csv.finish()
    }
}

/// The CSV header. Spreadsheets and scripts rely on these names: add columns
/// at the end, never rename or reorder.
pub const CSV_COLUMNS: [&str; 29] = [
    "id",
    "title",
    "kind",
    "source",
    "priority",
    "owner",
    "stage",
    "overdue",
    "raised_on",
    "target_date",
    "closed_on",
    "requirements",
    "services",
    "problem",
    "root_cause",
    "planned_actions",
    "success_measure",
    "success_target",
    "actions_taken",
    "done_on",
    "check_result",
    "effective",
    "verified_by",
    "checked_on",
    "act_decision",
    "lessons_learned",
    "follow_up_of",
    "cycle",
    "last_stage_change",
];

/// The CSV file name: organisation and date, like the JSON export.
pub fn csv_file_name(organisation: &str, today: IsoDate) -> String {
    format!(
        "{}-{today}-improvements.csv",
        crate::file::name::stem(organisation)
    )
}

fn check_text(
    field: impl std::fmt::Display,
    text: &str,
    max: usize,
) -> Result<(), ImprovementError> {
    limits::check_text(field, text, max).map_err(|e| ImprovementError::Text(e.to_string()))
}

impl ImprovementLog {
    /// Import-time rules for the log: unique ids, links that resolve (to
    /// requirements of `framework`, services of `portfolio`), sane text, and
    /// stage data consistent with the stage rules.
    pub fn validate(
        &self,
        framework: &Framework,
        portfolio: &Portfolio,
    ) -> Result<(), ImprovementError> {
        if self.items.len() > MAX_IMPROVEMENTS {
            return Err(ImprovementError::LogFull);
        }
        let mut seen = HashSet::new();
        for item in &self.items {
            if !seen.insert(item.id) {
                return Err(ImprovementError::DuplicateId(item.id));
            }
        }
        let services: HashSet<ServiceId> = portfolio.services.iter().map(|s| s.id).collect();
        for item in &self.items {
            validate_item(item, self, framework, &services)?;
        }
        Ok(())
    }
}

fn validate_item(
    item: &ImprovementItem,
    log: &ImprovementLog,
    framework: &Framework,
    services: &HashSet<ServiceId>,
) -> Result<(), ImprovementError> {
    let id = item.id;
    let inconsistent = |problem: &str| ImprovementError::Inconsistent {
        id,
        problem: problem.to_owned(),
    };
    if id.0 == 0 {
        return Err(inconsistent("its number is 0; numbers start at IMP-0001"));
    }
    if item.title.trim().is_empty() {
        return Err(inconsistent("it has no title"));
    }
    let short = [("title", &item.title), ("owner", &item.owner)];
    for (field, text) in short {
        let max = if field == "title" {
            MAX_NAME_CHARS
        } else {
            MAX_OWNER_CHARS
        };
        check_text(format_args!("{field} of {id}"), text, max)?;
    }
    let long = [
        ("problem", &item.plan.problem),
        ("root cause", &item.plan.root_cause),
        ("planned actions", &item.plan.planned_actions),
        ("success measure", &item.plan.success_measure),
        ("success target", &item.plan.success_target),
        ("actions taken", &item.doing.actions_taken),
        ("check result", &item.check.result),
        ("lessons learned", &item.act.lessons),
    ];
    for (field, text) in long {
        check_text(format_args!("{field} of {id}"), text, MAX_NOTES_CHARS)?;
    }
    check_text(
        format_args!("“verified by” of {id}"),
        &item.check.verified_by,
        MAX_OWNER_CHARS,
    )?;
    // History notes come from imports too, so they are limited like the rest.
    for change in &item.history {
        check_text(
            format_args!("history note of {id}"),
            &change.note,
            MAX_NOTES_CHARS,
        )?;
    }
    if item.requirements.len() > MAX_IMPROVEMENT_LINKS
        || item.services.len() > MAX_IMPROVEMENT_LINKS
        || item.history.len() > MAX_IMPROVEMENT_HISTORY
    {
        return Err(ImprovementError::TooManyEntries(id));
    }
    let mut reqs = HashSet::new();
    for r in &item.requirements {
        if !framework.is_leaf(r) {
            return Err(ImprovementError::UnknownRequirement {
                id,
                requirement: r.0.clone(),
            });
        }
        if !reqs.insert(r) {
            return Err(ImprovementError::DuplicateLink {
                id,
                what: format!("requirement {r}"),
            });
        }
    }
    let mut svcs = HashSet::new();
    for s in &item.services {
        if !services.contains(s) {
            return Err(ImprovementError::UnknownService { id, service: *s });
        }
        if !svcs.insert(s) {
            return Err(ImprovementError::DuplicateLink {
                id,
                what: format!("service {s}"),
            });
        }
    }
    if let Some(of) = item.follow_up_of {
        // A follow-up is always opened after its original, so it has a higher
        // number; that also rules out loops.
        if of >= id || log.get(of).is_none() {
            return Err(ImprovementError::UnknownFollowUp { id, of });
        }
    }
    if item.cycle == 0 {
        return Err(inconsistent("its cycle count is 0"));
    }
    // Stage data must agree with the rules that let the item get where it is.
    let stage = item.stage;
    if stage >= Stage::Do && !item.plan_complete() {
        return Err(inconsistent(&format!(
            "it is in {stage} but its Plan has no problem or planned actions"
        )));
    }
    if stage >= Stage::Check && !item.actions_recorded() {
        return Err(inconsistent(&format!(
            "it is in {stage} but no actions are recorded in Do"
        )));
    }
    if stage >= Stage::Act && !item.has_check_result() {
        return Err(inconsistent(&format!(
            "it is in {stage} but has no Check result"
        )));
    }
    if stage >= Stage::Act && item.check_ineffective() && log.follow_ups(id).next().is_none() {
        return Err(inconsistent(&format!(
            "it is in {stage} after an ineffective check but has no follow-up item"
        )));
    }
    if stage == Stage::Closed && item.act.decision.is_none() {
        return Err(inconsistent("it is closed but Act records no decision"));
    }
    match (stage == Stage::Closed, item.closed_on) {
        (true, None) => return Err(inconsistent("it is closed but has no closing date")),
        (false, Some(_)) => {
            return Err(inconsistent(&format!(
                "it is in {stage} but has a closing date"
            )));
        }
        _ => {}
    }
    match item.history.last() {
        None => return Err(inconsistent("its stage history is empty")),
        Some(last) if last.to != stage => {
            return Err(inconsistent(&format!(
                "it is in {stage} but its history ends in {}",
                last.to
            )));
        }
        _ => {}
    }
    if item.history.windows(2).any(|w| w[1].from != Some(w[0].to)) {
        return Err(inconsistent("its stage history is out of order"));
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Filtering and sorting for the table and board. The filter round-trips
// through the URL query, so it is plain data with a stable text form.

/// Which column the table is sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortKey {
    #[default]
    Id,
    Title,
    Kind,
    Stage,
    Priority,
    Owner,
    Target,
}

impl SortKey {
    pub const ALL: [SortKey; 7] = [
        SortKey::Id,
        SortKey::Title,
        SortKey::Kind,
        SortKey::Stage,
        SortKey::Priority,
        SortKey::Owner,
        SortKey::Target,
    ];
    pub fn key(self) -> &'static str {
        match self {
            SortKey::Id => "id",
            SortKey::Title => "title",
            SortKey::Kind => "kind",
            SortKey::Stage => "stage",
            SortKey::Priority => "priority",
            SortKey::Owner => "owner",
            SortKey::Target => "target",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Id => "ID",
            SortKey::Title => "Title",
            SortKey::Kind => "Kind",
            SortKey::Stage => "Stage",
            SortKey::Priority => "Priority",
            SortKey::Owner => "Owner",
            SortKey::Target => "Target date",
        }
    }
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// Filters, search and sort of the log, as kept in the URL query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub kind: Option<Kind>,
    pub stage: Option<Stage>,
    pub priority: Option<Priority>,
    pub owner: Option<String>,
    pub requirement: Option<RequirementId>,
    pub overdue: bool,
    pub search: String,
    pub sort: SortKey,
    pub descending: bool,
}

impl Filter {
    /// Reads the filter from query parameters; unknown values are ignored.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let text = |k: &str| {
            get(k)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        Self {
            kind: text("kind").and_then(|v| Kind::from_key(&v)),
            stage: text("stage").and_then(|v| Stage::from_key(&v)),
            priority: text("priority").and_then(|v| Priority::from_key(&v)),
            owner: text("owner"),
            requirement: text("clause").map(RequirementId),
            overdue: text("overdue").is_some_and(|v| v == "1" || v == "true"),
            search: get("q").unwrap_or_default(),
            sort: text("sort")
                .and_then(|v| SortKey::from_key(&v))
                .unwrap_or_default(),
            descending: text("dir").is_some_and(|v| v == "desc"),
        }
    }

    /// The query string (without `?`) that reads back as this filter.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(k) = self.kind {
            pairs.push(("kind", k.key().into()));
        }
        if let Some(s) = self.stage {
            pairs.push(("stage", s.key().into()));
        }
        if let Some(p) = self.priority {
            pairs.push(("priority", p.key().into()));
        }
        if let Some(o) = &self.owner {
            pairs.push(("owner", o.clone()));
        }
        if let Some(r) = &self.requirement {
            pairs.push(("clause", r.0.clone()));
        }
        if self.overdue {
            pairs.push(("overdue", "1".into()));
        }
        if !self.search.is_empty() {
            pairs.push(("q", self.search.clone()));
        }
        if self.sort != SortKey::Id {
            pairs.push(("sort", self.sort.key().into()));
        }
        if self.descending {
            pairs.push(("dir", "desc".into()));
        }
        pairs
            .into_iter()
            .map(|(k, v)| format!("{k}={}", encode_query_value(&v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Whether any filter or search narrows the list (sorting does not).
    pub fn is_narrowing(&self) -> bool {
        self.kind.is_some()
            || self.stage.is_some()
            || self.priority.is_some()
            || self.owner.is_some()
            || self.requirement.is_some()
            || self.overdue
            || !self.search.trim().is_empty()
    }

    pub fn matches(&self, item: &ImprovementItem, today: IsoDate) -> bool {
        self.matches_needle(item, today, &self.needle())
    }

    /// The search text as items are matched against it: trimmed and
    /// lowercased. Worked out once per search, not once per item.
    fn needle(&self) -> String {
        self.search.trim().to_lowercase()
    }

    /// `matches`, with the search already turned into a needle.
    fn matches_needle(&self, item: &ImprovementItem, today: IsoDate, needle: &str) -> bool {
        self.matches_choices(item, today) && (needle.is_empty() || text_contains(item, needle))
    }

    /// Whether the item passes every filter but the search.
    fn matches_choices(&self, item: &ImprovementItem, today: IsoDate) -> bool {
        !(self.kind.is_some_and(|k| item.kind != k)
            || self.stage.is_some_and(|s| item.stage != s)
            || self.priority.is_some_and(|p| item.priority != p)
            || self
                .owner
                .as_ref()
                .is_some_and(|o| !item.owner.trim().eq_ignore_ascii_case(o))
            || self
                .requirement
                .as_ref()
                .is_some_and(|r| !item.requirements.contains(r))
            || (self.overdue && !item.is_overdue(today)))
    }

    /// The matching items, sorted.
    pub fn apply<'a>(&self, log: &'a ImprovementLog, today: IsoDate) -> Vec<&'a ImprovementItem> {
        log.at(&self.positions(log, today)).collect()
    }

    /// Where the matching items are in `log.items`, in `apply`'s order.
    /// Positions are cheap to keep and compare, so the log view holds these
    /// rather than copies of the items; they are only valid for this `log`.
    pub fn positions(&self, log: &ImprovementLog, today: IsoDate) -> Vec<usize> {
        self.positions_searching(log, today, None)
    }

    /// [`Filter::positions`], searching `index` (built from this `log`)
    /// rather than each item's text: the same answer, in a fraction of the
    /// time.
    pub fn positions_indexed(
        &self,
        log: &ImprovementLog,
        today: IsoDate,
        index: &SearchIndex,
    ) -> Vec<usize> {
        self.positions_searching(log, today, Some(index))
    }

    fn positions_searching(
        &self,
        log: &ImprovementLog,
        today: IsoDate,
        index: Option<&SearchIndex>,
    ) -> Vec<usize> {
        let needle = self.needle();
        // Within one field only: a needle that could span the separator, or
        // an index of another log, is searched field by field.
        let index = index.filter(|x| {
            x.texts.len() == log.items.len() && !needle.contains(SearchIndex::SEPARATOR)
        });
        let text_matches = |n: usize, item: &ImprovementItem| match index {
            Some(x) => x.texts.get(n).is_some_and(|t| t.contains(needle.as_str())),
            None => text_contains(item, &needle),
        };
        // Title and owner sort case-insensitively: lowercase each once here,
        // not twice per comparison.
        let sort_text = |i: &ImprovementItem| match self.sort {
            SortKey::Title => i.title.to_lowercase(),
            SortKey::Owner => i.owner.to_lowercase(),
            _ => String::new(),
        };
        let mut found: Vec<(usize, &ImprovementItem, String)> = log
            .items
            .iter()
            .enumerate()
            .filter(|(n, i)| {
                self.matches_choices(i, today) && (needle.is_empty() || text_matches(*n, i))
            })
            .map(|(n, i)| (n, i, sort_text(i)))
            .collect();
        found.sort_by(|(_, a, a_text), (_, b, b_text)| {
            let by = match self.sort {
                SortKey::Id => a.id.cmp(&b.id),
                SortKey::Title | SortKey::Owner => a_text.cmp(b_text),
                SortKey::Kind => a.kind.label().cmp(b.kind.label()),
                SortKey::Stage => a.stage.cmp(&b.stage),
                SortKey::Priority => b.priority.rank().cmp(&a.priority.rank()),
                // Items without a target date go last, whichever the direction.
                SortKey::Target => match (a.target_date, b.target_date) {
                    (Some(x), Some(y)) => x.cmp(&y),
                    (Some(_), None) => return std::cmp::Ordering::Less,
                    (None, Some(_)) => return std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                },
            };
            let by = if self.descending { by.reverse() } else { by };
            by.then(a.id.cmp(&b.id))
        });
        found.into_iter().map(|(n, _, _)| n).collect()
    }
}

/// The text a search looks through: the ID as people see it ("IMP-0001"),
/// then the item's written fields.
fn search_fields<'a>(item: &'a ImprovementItem, id: &'a str) -> [&'a str; 9] {
    [
        id,
        &item.title,
        &item.owner,
        &item.plan.problem,
        &item.plan.root_cause,
        &item.plan.planned_actions,
        &item.doing.actions_taken,
        &item.check.result,
        &item.act.lessons,
    ]
}

/// Whether any of the item's searched fields, lowercased, contains `needle`
/// (lowercase already).
fn text_contains(item: &ImprovementItem, needle: &str) -> bool {
    // The ID written on the stack: this runs for every item on every
    // keystroke when there is no index.
    let mut id = ShortText::default();
    let id = match fmt::write(&mut id, format_args!("{}", item.id)) {
        Ok(()) => id.as_str(),
        Err(_) => "",
    };
    search_fields(item, id)
        .iter()
        .any(|t| contains_lowercased(t, needle))
}

/// Each item's searched fields, lowercased once, so that a search keystroke
/// scans prepared text instead of lowercasing 2,000 items' fields again.
/// Entries follow `log.items` by position; the fields of an item are joined
/// by [`SearchIndex::SEPARATOR`], which a needle that is searched here never
/// holds, so a match never spans two fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchIndex {
    texts: Vec<String>,
}

impl SearchIndex {
    /// Joins the fields of one item (a control character, which typed text
    /// hardly ever holds; a needle that does is searched field by field).
    pub const SEPARATOR: char = '\u{1f}';

    pub fn new(log: &ImprovementLog) -> Self {
        let texts = log
            .items
            .iter()
            .map(|item| {
                let id = item.id.to_string();
                let fields = search_fields(item, &id);
                let mut text =
                    String::with_capacity(fields.iter().map(|f| f.len() + 1).sum::<usize>());
                for (n, field) in fields.iter().enumerate() {
                    if n > 0 {
                        text.push(Self::SEPARATOR);
                    }
                    // Field by field, as `text_contains` lowercases them
                    // (lowercasing can depend on where a word ends).
                    if field.is_ascii() {
                        text.extend(field.bytes().map(|b| char::from(b.to_ascii_lowercase())));
                    } else {
                        text.push_str(&field.to_lowercase());
                    }
                }
                text
            })
            .collect();
        Self { texts }
    }
}

/// Whether `text`, lowercased, contains `needle` (which must be lowercase
/// already): the same answer as `text.to_lowercase().contains(needle)`, but
/// without copying ASCII text, which is nearly all of it. Lowercasing ASCII
/// only maps `A`–`Z` byte for byte, so ASCII text is compared in place.
pub fn contains_lowercased(text: &str, needle: &str) -> bool {
    if !text.is_ascii() {
        return text.to_lowercase().contains(needle);
    }
    // Lowercased ASCII text is ASCII, so it cannot hold other characters.
    if !needle.is_ascii() {
        return false;
    }
    let needle = needle.as_bytes();
    needle.is_empty()
        || text.as_bytes().windows(needle.len()).any(|w| {
            w.iter()
                .zip(needle)
                .all(|(t, n)| t.to_ascii_lowercase() == *n)
        })
}

/// A few bytes of text on the stack, for writing an ID without allocating.
/// Longer text fails to write.
#[derive(Default)]
struct ShortText {
    bytes: [u8; 24],
    len: usize,
}

impl ShortText {
    fn as_str(&self) -> &str {
        self.bytes
            .get(..self.len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }
}

impl fmt::Write for ShortText {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        let slot = self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Rows per page of the improvement table: a page renders at once, where
/// every row of a large log would keep the page from answering.
pub const TABLE_PAGE_SIZE: usize = 100;

/// How many table pages `len` rows fill; an empty table still has one page.
pub fn page_count(len: usize) -> usize {
    len.div_ceil(TABLE_PAGE_SIZE).max(1)
}

/// The rows on page `page` (counted from 0) of `len` rows; a page past the
/// end (the list shrank) shows the last page.
pub fn page_rows(len: usize, page: usize) -> std::ops::Range<usize> {
    let page = page.min(page_count(len) - 1);
    let start = page * TABLE_PAGE_SIZE;
    start..(start + TABLE_PAGE_SIZE).min(len)
}

/// Percent-encodes a query value (everything but unreserved characters).
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
