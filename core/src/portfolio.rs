//! The service portfolio: pipeline, catalogue and retired services with their
//! lifecycle (clause 8.2).
//!
//! The lifecycle status is the only thing stored; which part of the portfolio
//! a service belongs to (pipeline, catalogue, retired) is derived from it.
//! Every move between statuses goes through [`Portfolio::move_service`], which
//! enforces the allowed transitions and the dependency rules and records who
//! moved the service, when and why.

use crate::calendar::{IsoDate, Timestamp};
use crate::csv::CsvWriter;
use crate::framework::{Framework, RequirementId};
use crate::limits::{
    self, MAX_NAME_CHARS, MAX_NOTES_CHARS, MAX_OWNER_CHARS, MAX_SHORT_CHARS, MAX_TARGET_MINUTES,
    MAX_TEXT_CHARS,
};
use crate::numbered::{self, numbered_id};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::str::FromStr;
use thiserror::Error;

/// Every service the organisation plans, runs or has retired.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Portfolio {
    #[serde(default)]
    pub services: Vec<Service>,
}

/// One service, from proposal to retirement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Service {
    pub id: ServiceId,
    pub name: String,
    /// What the service does for its customers, in their words.
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub kind: ServiceKind,
    #[serde(default)]
    pub owner: String,
    /// Who uses the service (customers, customer groups, internal users).
    #[serde(default)]
    pub customers: String,
    #[serde(default)]
    pub criticality: Criticality,
    /// When the service is available and supported, e.g. "Mon–Fri 08:00–18:00".
    #[serde(default)]
    pub service_hours: String,
    #[serde(default)]
    pub sla: SlaTargets,
    /// Other services in the portfolio this one needs to work.
    #[serde(default)]
    pub depends_on: Vec<ServiceId>,
    /// External suppliers the service depends on.
    #[serde(default)]
    pub suppliers: String,
    #[serde(default)]
    pub continuity: String,
    #[serde(default)]
    pub security: String,
    #[serde(default)]
    pub cost_notes: String,
    /// Planned date of the next milestone (go-live, retirement).
    #[serde(default)]
    pub target_date: Option<IsoDate>,
    /// When the service is next reviewed with its customers.
    #[serde(default)]
    pub review_date: Option<IsoDate>,
    /// Requirements of the framework this service gives evidence for.
    #[serde(default)]
    pub requirements: Vec<RequirementId>,
    #[serde(default)]
    pub status: Lifecycle,
    /// Every lifecycle move, oldest first; the first records the proposal.
    #[serde(default)]
    pub history: Vec<Move>,
}

numbered_id!(
    /// Identifies a service; people see it as `SVC-0001`.
    ServiceId,
    "SVC"
);

impl FromStr for ServiceId {
    type Err = PortfolioError;
    /// Reads `SVC-0001` (any case) or a plain number.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        numbered::digits(s, "SVC-")
            .and_then(|digits| digits.parse().ok())
            .map(ServiceId)
            .ok_or_else(|| PortfolioError::BadServiceId(s.to_owned()))
    }
}

/// Where a service stands in its lifecycle. The portfolio part is derived from it.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Lifecycle {
    #[default]
    Proposed,
    Approved,
    Designed,
    Built,
    InTransition,
    Live,
    Retiring,
    Retired,
    Cancelled,
}

/// The three parts of the service portfolio.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    /// Planned services, not yet available to customers.
    Pipeline,
    /// Live services customers can use.
    Catalogue,
    /// Services being wound down, no longer offered, or cancelled before going live.
    Retired,
}

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ServiceKind {
    /// Used directly by customers.
    #[default]
    CustomerFacing,
    /// Used by other services, not offered to customers on its own.
    Supporting,
}

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Criticality {
    Low,
    #[default]
    Medium,
    High,
    Critical,
}

/// Incident priorities that carry their own response and resolution targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    P1,
    P2,
    P3,
    P4,
}

/// Service level targets agreed with customers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SlaTargets {
    /// Availability in per cent, 0–100, within the service hours.
    pub availability: Option<f64>,
    /// Response and resolution times by priority; priorities without targets are absent.
    pub times: BTreeMap<Priority, Times>,
}

/// Response and resolution targets for one priority, in minutes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Times {
    pub response_minutes: Option<u32>,
    pub resolution_minutes: Option<u32>,
}

/// One lifecycle move: from which status to which, when, who decided and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Move {
    /// `None` for the proposal that created the service.
    pub from: Option<Lifecycle>,
    pub to: Lifecycle,
    /// The date the move took effect.
    pub on: IsoDate,
    /// When the move was recorded.
    pub recorded_at: Timestamp,
    pub who: String,
    pub why: String,
}

/// Who decides a move, why, and from which date it counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub who: String,
    pub why: String,
    pub on: IsoDate,
}

/// A gap in a live service's description that an auditor would ask about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Gap {
    NoOwner,
    NoCustomers,
    NoSlaTargets,
}

/// A live service with gaps.
#[derive(Debug, Clone, PartialEq)]
pub struct Hint {
    pub id: ServiceId,
    pub name: String,
    pub gaps: Vec<Gap>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PortfolioError {
    #[error("Service {0} appears more than once.")]
    DuplicateId(ServiceId),
    #[error("“{0}” is not a service number; service numbers look like SVC-0001.")]
    BadServiceId(String),
    #[error("There is no service {0} in the portfolio.")]
    UnknownService(ServiceId),
    #[error("Give the service a name.")]
    MissingName,
    #[error("Another service is already called “{0}”; give this one a name people can tell apart.")]
    DuplicateName(String),
    #[error("{service} is already {status}.")]
    AlreadyThere { service: String, status: Lifecycle },
    #[error("{service} cannot move from {from} to {to}. From {from} it can move to: {allowed}.")]
    NotAllowed {
        service: String,
        from: Lifecycle,
        to: Lifecycle,
        allowed: String,
    },
    #[error("{service} is {status}, which is final; propose a new service instead.")]
    Final { service: String, status: Lifecycle },
    #[error("Say who decided to move {0}.")]
    MissingWho(String),
    #[error("Say why {0} is moving; the reason is kept in its history.")]
    MissingWhy(String),
    #[error(
        "The move cannot take effect on {on}: the previous move of {service} took effect on {previous}."
    )]
    BeforePreviousMove {
        service: String,
        on: IsoDate,
        previous: IsoDate,
    },
    #[error(
        "{service} cannot be retired while live services depend on it: {dependants}. Move them to other services or retire them first."
    )]
    LiveDependants { service: String, dependants: String },
    #[error(
        "{service} cannot go live while services it depends on are not live: {blocking}. Take them live first, or remove the dependency."
    )]
    DependencyNotLive { service: String, blocking: String },
    #[error("A service cannot depend on itself ({0}).")]
    SelfDependency(String),
    #[error("{service} already depends on {on}.")]
    AlreadyDepends { service: String, on: String },
    #[error("{service} cannot depend on {on}, which is {status} and no longer offered.")]
    DependsOnEnded {
        service: String,
        on: String,
        status: Lifecycle,
    },
    #[error(
        "{service} is live, so it can only depend on live services; {on} is {status}. Take {on} live first."
    )]
    LiveOnNotLive {
        service: String,
        on: String,
        status: Lifecycle,
    },
    #[error(
        "That dependency would make a cycle: {0}. Services cannot depend on each other in a circle."
    )]
    Cycle(String),
    #[error("Service {service} depends on {missing}, which is not in the portfolio.")]
    DanglingDependency {
        service: ServiceId,
        missing: ServiceId,
    },
    #[error(
        "Service {service} links to requirement “{requirement}”, which is not an assessable requirement of this framework."
    )]
    UnknownRequirement {
        service: ServiceId,
        requirement: String,
    },
    #[error("{service} already links to requirement {requirement}.")]
    AlreadyLinked {
        service: String,
        requirement: String,
    },
    #[error("Service {0} has no lifecycle history; its status cannot be trusted.")]
    NoHistory(ServiceId),
    #[error(
        "The history of service {service} is broken: a move from {from} follows a move to {previous}."
    )]
    BrokenHistory {
        service: ServiceId,
        previous: Lifecycle,
        from: String,
    },
    #[error("Service {service} is {status}, but its history ends at {last}.")]
    HistoryMismatch {
        service: ServiceId,
        status: Lifecycle,
        last: Lifecycle,
    },
    #[error("Availability must be a percentage from 0 to 100, such as 99.5; “{0}” is not.")]
    BadAvailability(String),
    #[error(
        "The {what} for {priority} must be a number of hours, such as 4 or 0.5, up to one year; “{text}” is not."
    )]
    BadHours {
        what: &'static str,
        priority: Priority,
        text: String,
    },
    #[error("The resolution target for {0} cannot be shorter than its response target.")]
    ResolutionBeforeResponse(Priority),
    #[error("Service {service}: {detail}")]
    Text { service: ServiceId, detail: String },
}

impl Lifecycle {
    pub const ALL: [Lifecycle; 9] = [
        Lifecycle::Proposed,
        Lifecycle::Approved,
        Lifecycle::Designed,
        Lifecycle::Built,
        Lifecycle::InTransition,
        Lifecycle::Live,
        Lifecycle::Retiring,
        Lifecycle::Retired,
        Lifecycle::Cancelled,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Lifecycle::Proposed => "Proposed",
            Lifecycle::Approved => "Approved",
            Lifecycle::Designed => "Designed",
            Lifecycle::Built => "Built",
            Lifecycle::InTransition => "In transition",
            Lifecycle::Live => "Live",
            Lifecycle::Retiring => "Retiring",
            Lifecycle::Retired => "Retired",
            Lifecycle::Cancelled => "Cancelled",
        }
    }

    /// The stable key used in storage, CSV, URLs and CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            Lifecycle::Proposed => "proposed",
            Lifecycle::Approved => "approved",
            Lifecycle::Designed => "designed",
            Lifecycle::Built => "built",
            Lifecycle::InTransition => "in_transition",
            Lifecycle::Live => "live",
            Lifecycle::Retiring => "retiring",
            Lifecycle::Retired => "retired",
            Lifecycle::Cancelled => "cancelled",
        }
    }

    pub fn from_key(key: &str) -> Option<Lifecycle> {
        Lifecycle::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The statuses a new service passes through, in order, to reach this
    /// one; empty for Proposed, and for Cancelled, which is off that way.
    pub fn way_forward(self) -> &'static [Lifecycle] {
        const ALL: &[Lifecycle] = &Lifecycle::ALL;
        match self {
            Lifecycle::Cancelled => &[],
            // `ALL` lists the way forward in order, from Proposed.
            _ => ALL
                .iter()
                .position(|s| *s == self)
                .map_or(&[], |at| &ALL[1..=at]),
        }
    }

    /// The portfolio part, derived: never stored.
    pub fn part(self) -> Part {
        match self {
            Lifecycle::Proposed
            | Lifecycle::Approved
            | Lifecycle::Designed
            | Lifecycle::Built
            | Lifecycle::InTransition => Part::Pipeline,
            Lifecycle::Live => Part::Catalogue,
            Lifecycle::Retiring | Lifecycle::Retired | Lifecycle::Cancelled => Part::Retired,
        }
    }

    /// The statuses a service may move to from this one, in the order they are offered.
    ///
    /// The pipeline moves forward one step at a time and can be cancelled at
    /// any step; a transition can be backed out to Built; a live service can
    /// only start retiring; retiring can be called off (back to Live) or
    /// completed. Retired and Cancelled are final.
    pub fn next(self) -> &'static [Lifecycle] {
        use Lifecycle::*;
        match self {
            Proposed => &[Approved, Cancelled],
            Approved => &[Designed, Cancelled],
            Designed => &[Built, Cancelled],
            Built => &[InTransition, Cancelled],
            InTransition => &[Live, Built, Cancelled],
            Live => &[Retiring],
            Retiring => &[Retired, Live],
            Retired | Cancelled => &[],
        }
    }

    pub fn can_move_to(self, to: Lifecycle) -> bool {
        self.next().contains(&to)
    }

    /// Whether moving here takes a service out of service.
    pub fn is_retirement(self) -> bool {
        matches!(self, Lifecycle::Retiring | Lifecycle::Retired)
    }

    /// Whether the service is over: retired or cancelled.
    pub fn is_ended(self) -> bool {
        matches!(self, Lifecycle::Retired | Lifecycle::Cancelled)
    }
}

impl fmt::Display for Lifecycle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl Part {
    pub const ALL: [Part; 3] = [Part::Pipeline, Part::Catalogue, Part::Retired];

    pub fn label(self) -> &'static str {
        match self {
            Part::Pipeline => "Pipeline",
            Part::Catalogue => "Catalogue",
            Part::Retired => "Retired",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Part::Pipeline => "pipeline",
            Part::Catalogue => "catalogue",
            Part::Retired => "retired",
        }
    }

    pub fn from_key(key: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.key() == key)
    }

    /// Where the three parts come from, shown with them: they are ITIL's
    /// division of a portfolio, not words of ISO/IEC 20000-1.
    pub const SOURCE: &'static str = "Pipeline, catalogue and retired are ITIL's parts of a service portfolio. ISO/IEC 20000-1 does not divide the portfolio this way; Clausebook uses ITIL's parts to sort services.";

    pub fn meaning(self) -> &'static str {
        match self {
            Part::Pipeline => {
                "ITIL's pipeline: services being proposed, approved, designed, built or moved into operation."
            }
            Part::Catalogue => "ITIL's catalogue: live services that customers can use today.",
            Part::Retired => {
                "ITIL's retired services: being wound down, no longer offered, or cancelled before going live."
            }
        }
    }
}

impl ServiceKind {
    pub const ALL: [ServiceKind; 2] = [ServiceKind::CustomerFacing, ServiceKind::Supporting];

    pub fn label(self) -> &'static str {
        match self {
            ServiceKind::CustomerFacing => "Customer-facing",
            ServiceKind::Supporting => "Supporting",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ServiceKind::CustomerFacing => "customer_facing",
            ServiceKind::Supporting => "supporting",
        }
    }

    pub fn from_key(key: &str) -> Option<ServiceKind> {
        ServiceKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

impl Criticality {
    pub const ALL: [Criticality; 4] = [
        Criticality::Low,
        Criticality::Medium,
        Criticality::High,
        Criticality::Critical,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Criticality::Low => "Low",
            Criticality::Medium => "Medium",
            Criticality::High => "High",
            Criticality::Critical => "Critical",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Criticality::Low => "low",
            Criticality::Medium => "medium",
            Criticality::High => "high",
            Criticality::Critical => "critical",
        }
    }

    pub fn from_key(key: &str) -> Option<Criticality> {
        Criticality::ALL.into_iter().find(|c| c.key() == key)
    }
}

impl Priority {
    pub const ALL: [Priority; 4] = [Priority::P1, Priority::P2, Priority::P3, Priority::P4];

    pub fn label(self) -> &'static str {
        match self {
            Priority::P1 => "P1",
            Priority::P2 => "P2",
            Priority::P3 => "P3",
            Priority::P4 => "P4",
        }
    }

    /// What the priority means, for people reading the catalogue.
    pub fn meaning(self) -> &'static str {
        match self {
            Priority::P1 => "Critical: the service is down for many users",
            Priority::P2 => "High: the service is badly degraded",
            Priority::P3 => "Medium: some users or features affected",
            Priority::P4 => "Low: minor issue or question",
        }
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl Gap {
    pub fn label(self) -> &'static str {
        match self {
            Gap::NoOwner => "no owner",
            Gap::NoCustomers => "no customers named",
            Gap::NoSlaTargets => "no SLA targets",
        }
    }

    /// The requirement the gap is evidence against.
    pub fn requirement(self) -> &'static str {
        match self {
            Gap::NoOwner | Gap::NoCustomers => "8.2.4",
            Gap::NoSlaTargets => "8.3.3",
        }
    }
}

impl SlaTargets {
    /// Whether any target at all is set.
    pub fn is_empty(&self) -> bool {
        self.availability.is_none()
            && self
                .times
                .values()
                .all(|t| t.response_minutes.is_none() && t.resolution_minutes.is_none())
    }

    pub fn times(&self, priority: Priority) -> Times {
        self.times.get(&priority).copied().unwrap_or_default()
    }

    /// Sets one priority's times, dropping it when both are blank.
    pub fn set_times(&mut self, priority: Priority, times: Times) {
        if times == Times::default() {
            self.times.remove(&priority);
        } else {
            self.times.insert(priority, times);
        }
    }

    /// Availability must be 0–100; resolution never shorter than response;
    /// times within a year.
    pub fn check(&self) -> Result<(), PortfolioError> {
        if let Some(a) = self.availability
            && !(a.is_finite() && (0.0..=100.0).contains(&a))
        {
            return Err(PortfolioError::BadAvailability(a.to_string()));
        }
        for (&priority, t) in &self.times {
            for (what, value) in [
                ("response target", t.response_minutes),
                ("resolution target", t.resolution_minutes),
            ] {
                if let Some(m) = value
                    && m > MAX_TARGET_MINUTES
                {
                    return Err(PortfolioError::BadHours {
                        what,
                        priority,
                        text: format_hours(m),
                    });
                }
            }
            if let (Some(r), Some(s)) = (t.response_minutes, t.resolution_minutes)
                && s < r
            {
                return Err(PortfolioError::ResolutionBeforeResponse(priority));
            }
        }
        Ok(())
    }
}

/// Parses an availability percentage typed by a person: blank means "no target".
/// Accepts a trailing `%` and a decimal comma.
pub fn parse_availability(text: &str) -> Result<Option<f64>, PortfolioError> {
    let trimmed = text.trim().trim_end_matches('%').trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    match trimmed.replace(',', ".").parse::<f64>() {
        Ok(v) if v.is_finite() && (0.0..=100.0).contains(&v) => Ok(Some(v)),
        _ => Err(PortfolioError::BadAvailability(text.trim().to_owned())),
    }
}

/// Parses a response or resolution target in hours (blank means "no target")
/// and returns whole minutes.
pub fn parse_hours(
    text: &str,
    what: &'static str,
    priority: Priority,
) -> Result<Option<u32>, PortfolioError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let bad = || PortfolioError::BadHours {
        what,
        priority,
        text: trimmed.to_owned(),
    };
    let hours: f64 = trimmed.replace(',', ".").parse().map_err(|_| bad())?;
    if !hours.is_finite() || hours < 0.0 {
        return Err(bad());
    }
    let minutes = (hours * 60.0).round();
    if minutes > f64::from(MAX_TARGET_MINUTES) {
        return Err(bad());
    }
    Ok(Some(minutes as u32))
}

/// Minutes shown as hours, without needless decimals: 90 → "1.5", 240 → "4".
pub fn format_hours(minutes: u32) -> String {
    if minutes.is_multiple_of(60) {
        (minutes / 60).to_string()
    } else {
        let text = format!("{:.2}", f64::from(minutes) / 60.0);
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// Availability without needless decimals: 99.90 → "99.9".
pub fn format_percent(value: f64) -> String {
    let text = format!("{value:.3}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

impl Service {
    /// The label people see: `SVC-0001 Email`.
    pub fn title(&self) -> String {
        format!("{} {}", self.id, self.name)
    }

    pub fn part(&self) -> Part {
        self.status.part()
    }

    /// What is missing from a live service's description. Services not live have no gaps.
    pub fn gaps(&self) -> Vec<Gap> {
        if self.status != Lifecycle::Live {
            return Vec::new();
        }
        let mut gaps = Vec::new();
        if self.owner.trim().is_empty() {
            gaps.push(Gap::NoOwner);
        }
        if self.customers.trim().is_empty() {
            gaps.push(Gap::NoCustomers);
        }
        if self.sla.is_empty() {
            gaps.push(Gap::NoSlaTargets);
        }
        gaps
    }

    /// The date the service last went live, from its history.
    pub fn live_since(&self) -> Option<IsoDate> {
        self.history
            .iter()
            .rev()
            .find(|m| m.to == Lifecycle::Live)
            .map(|m| m.on)
    }

    fn check_text(&self) -> Result<(), PortfolioError> {
        let fields: [(&str, &str, usize); 9] = [
            ("name", &self.name, MAX_NAME_CHARS),
            ("description", &self.description, MAX_TEXT_CHARS),
            ("owner", &self.owner, MAX_OWNER_CHARS),
            ("customers", &self.customers, MAX_SHORT_CHARS),
            ("service hours", &self.service_hours, MAX_SHORT_CHARS),
            ("suppliers", &self.suppliers, MAX_TEXT_CHARS),
            ("continuity requirements", &self.continuity, MAX_TEXT_CHARS),
            ("security requirements", &self.security, MAX_TEXT_CHARS),
            ("cost notes", &self.cost_notes, MAX_TEXT_CHARS),
        ];
        let text_error = |e: limits::TextError| PortfolioError::Text {
            service: self.id,
            detail: e.to_string(),
        };
        for (field, text, max) in fields {
            limits::check_text(field, text, max).map_err(text_error)?;
        }
        for m in &self.history {
            limits::check_text("name of who moved it", &m.who, MAX_SHORT_CHARS)
                .map_err(text_error)?;
            limits::check_text("reason for a move", &m.why, MAX_NOTES_CHARS).map_err(text_error)?;
        }
        Ok(())
    }
}

impl Portfolio {
    pub fn get(&self, id: ServiceId) -> Option<&Service> {
        self.services.iter().find(|s| s.id == id)
    }

    fn get_mut(&mut self, id: ServiceId) -> Result<&mut Service, PortfolioError> {
        self.services
            .iter_mut()
            .find(|s| s.id == id)
            .ok_or(PortfolioError::UnknownService(id))
    }

    fn require(&self, id: ServiceId) -> Result<&Service, PortfolioError> {
        self.get(id).ok_or(PortfolioError::UnknownService(id))
    }

    /// The number the next new service gets: one more than the highest so far.
    pub fn next_id(&self) -> ServiceId {
        ServiceId(self.services.iter().map(|s| s.id.0).max().unwrap_or(0) + 1)
    }

    /// Services in one part of the portfolio, in id order.
    pub fn in_part(&self, part: Part) -> impl Iterator<Item = &Service> {
        self.services.iter().filter(move |s| s.part() == part)
    }

    pub fn count(&self, part: Part) -> usize {
        self.in_part(part).count()
    }

    /// Live services, by name: what the catalogue shows.
    pub fn catalogue(&self) -> Vec<&Service> {
        let mut live: Vec<&Service> = self.in_part(Part::Catalogue).collect();
        live.sort_by_key(|s| s.name.to_lowercase());
        live
    }

    /// Services that depend on `id`.
    pub fn dependants(&self, id: ServiceId) -> impl Iterator<Item = &Service> {
        self.services
            .iter()
            .filter(move |s| s.depends_on.contains(&id))
    }

    /// Proposes a new service. The name is trimmed, must be given and must be unique.
    pub fn propose(
        &mut self,
        name: &str,
        kind: ServiceKind,
        decision: Decision,
        now: Timestamp,
    ) -> Result<ServiceId, PortfolioError> {
        let name = name.trim();
        self.check_name(None, name)?;
        let id = self.next_id();
        let service = Service {
            id,
            name: name.to_owned(),
            description: String::new(),
            kind,
            owner: String::new(),
            customers: String::new(),
            criticality: Criticality::default(),
            service_hours: String::new(),
            sla: SlaTargets::default(),
            depends_on: Vec::new(),
            suppliers: String::new(),
            continuity: String::new(),
            security: String::new(),
            cost_notes: String::new(),
            target_date: None,
            review_date: None,
            requirements: Vec::new(),
            status: Lifecycle::Proposed,
            history: vec![Move {
                from: None,
                to: Lifecycle::Proposed,
                on: decision.on,
                recorded_at: now,
                who: decision.who.trim().to_owned(),
                why: decision.why.trim().to_owned(),
            }],
        };
        self.services.push(service);
        Ok(id)
    }

    /// Checks a name for a service (`None` for a new one): given, short enough, unique.
    pub fn check_name(&self, id: Option<ServiceId>, name: &str) -> Result<(), PortfolioError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(PortfolioError::MissingName);
        }
        limits::check_text("service name", name, MAX_NAME_CHARS).map_err(|e| {
            PortfolioError::Text {
                service: id.unwrap_or_else(|| self.next_id()),
                detail: e.to_string(),
            }
        })?;
        if self
            .services
            .iter()
            .any(|s| Some(s.id) != id && s.name.trim().eq_ignore_ascii_case(name))
        {
            return Err(PortfolioError::DuplicateName(name.to_owned()));
        }
        Ok(())
    }

    /// Renames a service after checking the name.
    pub fn rename(&mut self, id: ServiceId, name: &str) -> Result<(), PortfolioError> {
        self.check_name(Some(id), name)?;
        self.get_mut(id)?.name = name.trim().to_owned();
        Ok(())
    }

    /// Changes the descriptive fields of a service. Status, history, id and
    /// dependencies are kept: they change only through their own rules.
    pub fn edit(
        &mut self,
        id: ServiceId,
        edit: impl FnOnce(&mut Service),
    ) -> Result<(), PortfolioError> {
        let service = self.get_mut(id)?;
        let mut copy = service.clone();
        edit(&mut copy);
        copy.id = service.id;
        copy.status = service.status;
        copy.history = std::mem::take(&mut service.history);
        copy.depends_on = std::mem::take(&mut service.depends_on);
        *service = copy;
        Ok(())
    }

    /// Whether `id` may move to `to` now, and if not, why.
    pub fn check_move(&self, id: ServiceId, to: Lifecycle) -> Result<(), PortfolioError> {
        let service = self.require(id)?;
        let from = service.status;
        if from == to {
            return Err(PortfolioError::AlreadyThere {
                service: service.title(),
                status: from,
            });
        }
        if from.next().is_empty() {
            return Err(PortfolioError::Final {
                service: service.title(),
                status: from,
            });
        }
        if !from.can_move_to(to) {
            return Err(PortfolioError::NotAllowed {
                service: service.title(),
                from,
                to,
                allowed: from
                    .next()
                    .iter()
                    .map(|s| s.label())
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        }
        if to.is_retirement() || to == Lifecycle::Cancelled {
            let live: Vec<String> = self
                .dependants(id)
                .filter(|d| d.status == Lifecycle::Live)
                .map(Service::title)
                .collect();
            if !live.is_empty() {
                return Err(PortfolioError::LiveDependants {
                    service: service.title(),
                    dependants: live.join(", "),
                });
            }
        }
        if to == Lifecycle::Live {
            let blocking: Vec<String> = service
                .depends_on
                .iter()
                .filter_map(|d| self.get(*d))
                .filter(|d| d.status != Lifecycle::Live)
                .map(|d| format!("{} ({})", d.title(), d.status))
                .collect();
            if !blocking.is_empty() {
                return Err(PortfolioError::DependencyNotLive {
                    service: service.title(),
                    blocking: blocking.join(", "),
                });
            }
        }
        Ok(())
    }

    /// Moves a service to another lifecycle status and records the move.
    pub fn move_service(
        &mut self,
        id: ServiceId,
        to: Lifecycle,
        decision: Decision,
        now: Timestamp,
    ) -> Result<(), PortfolioError> {
        self.check_move(id, to)?;
        let service = self.get_mut(id)?;
        let who = decision.who.trim();
        let why = decision.why.trim();
        if who.is_empty() {
            return Err(PortfolioError::MissingWho(service.title()));
        }
        if why.is_empty() {
            return Err(PortfolioError::MissingWhy(service.title()));
        }
        let text_error = |e: limits::TextError| PortfolioError::Text {
            service: id,
            detail: e.to_string(),
        };
        limits::check_text("name of who moved it", who, MAX_SHORT_CHARS).map_err(text_error)?;
        limits::check_text("reason for the move", why, MAX_NOTES_CHARS).map_err(text_error)?;
        if let Some(previous) = service.history.last().map(|m| m.on)
            && decision.on < previous
        {
            return Err(PortfolioError::BeforePreviousMove {
                service: service.title(),
                on: decision.on,
                previous,
            });
        }
        service.history.push(Move {
            from: Some(service.status),
            to,
            on: decision.on,
            recorded_at: now,
            who: who.to_owned(),
            why: why.to_owned(),
        });
        service.status = to;
        Ok(())
    }

    /// Records that `id` depends on `on`, refusing self-links, duplicates,
    /// ended services, live services on non-live ones, and cycles.
    pub fn add_dependency(&mut self, id: ServiceId, on: ServiceId) -> Result<(), PortfolioError> {
        let service = self.require(id)?;
        let target = self.require(on)?;
        if id == on {
            return Err(PortfolioError::SelfDependency(service.title()));
        }
        if service.depends_on.contains(&on) {
            return Err(PortfolioError::AlreadyDepends {
                service: service.title(),
                on: target.title(),
            });
        }
        if target.status.is_ended() {
            return Err(PortfolioError::DependsOnEnded {
                service: service.title(),
                on: target.title(),
                status: target.status,
            });
        }
        if service.status == Lifecycle::Live && target.status != Lifecycle::Live {
            return Err(PortfolioError::LiveOnNotLive {
                service: service.title(),
                on: target.title(),
                status: target.status,
            });
        }
        // A path from `on` back to `id` plus the new link closes a circle.
        if let Some(path) = self.path(on, id) {
            let names: Vec<String> = std::iter::once(id)
                .chain(path)
                .filter_map(|s| self.get(s).map(Service::title))
                .collect();
            return Err(PortfolioError::Cycle(names.join(" → ")));
        }
        self.get_mut(id)?.depends_on.push(on);
        Ok(())
    }

    pub fn remove_dependency(
        &mut self,
        id: ServiceId,
        on: ServiceId,
    ) -> Result<(), PortfolioError> {
        self.get_mut(id)?.depends_on.retain(|d| *d != on);
        Ok(())
    }

    /// A dependency path from `from` to `to` (both included), if there is one.
    fn path(&self, from: ServiceId, to: ServiceId) -> Option<Vec<ServiceId>> {
        let edges: HashMap<ServiceId, &[ServiceId]> = self
            .services
            .iter()
            .map(|s| (s.id, s.depends_on.as_slice()))
            .collect();
        let mut came_from: HashMap<ServiceId, ServiceId> = HashMap::new();
        let mut seen = HashSet::from([from]);
        let mut stack = vec![from];
        while let Some(node) = stack.pop() {
            if node == to {
                let mut path = vec![to];
                let mut at = to;
                while let Some(&prev) = came_from.get(&at) {
                    path.push(prev);
                    at = prev;
                }
                path.reverse();
                return Some(path);
            }
            for &next in edges.get(&node).copied().unwrap_or_default() {
                if seen.insert(next) {
                    came_from.insert(next, node);
                    stack.push(next);
                }
            }
        }
        None
    }

    /// The first dependency cycle found, as the services that form it.
    ///
    /// One depth-first walk over every service and dependency, so checking
    /// a portfolio of hundreds of services on each load stays linear.
    pub fn find_cycle(&self) -> Option<Vec<ServiceId>> {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            Unvisited,
            OnPath,
            Finished,
        }
        let index: HashMap<ServiceId, usize> = self
            .services
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id, i))
            .collect();
        let mut mark = vec![Mark::Unvisited; self.services.len()];
        for start in 0..self.services.len() {
            if mark[start] != Mark::Unvisited {
                continue;
            }
            mark[start] = Mark::OnPath;
            // The current path: each service and how many of its
            // dependencies have been followed.
            let mut path: Vec<(usize, usize)> = vec![(start, 0)];
            while let Some(&(node, followed)) = path.last() {
                let Some(&dep) = self.services[node].depends_on.get(followed) else {
                    mark[node] = Mark::Finished;
                    path.pop();
                    continue;
                };
                if let Some(top) = path.last_mut() {
                    top.1 += 1;
                }
                let Some(&next) = index.get(&dep) else {
                    continue;
                };
                match mark[next] {
                    Mark::OnPath => {
                        let from = path.iter().position(|&(n, _)| n == next).unwrap_or(0);
                        let mut cycle: Vec<ServiceId> = path[from..]
                            .iter()
                            .map(|&(n, _)| self.services[n].id)
                            .collect();
                        cycle.push(self.services[next].id);
                        return Some(cycle);
                    }
                    Mark::Unvisited => {
                        mark[next] = Mark::OnPath;
                        path.push((next, 0));
                    }
                    Mark::Finished => {}
                }
            }
        }
        None
    }

    /// Links a service to a requirement of the framework (leaves only).
    pub fn link_requirement(
        &mut self,
        id: ServiceId,
        requirement: &RequirementId,
        framework: &Framework,
    ) -> Result<(), PortfolioError> {
        if !framework.is_leaf(requirement) {
            return Err(PortfolioError::UnknownRequirement {
                service: id,
                requirement: requirement.0.clone(),
            });
        }
        let service = self.get_mut(id)?;
        if service.requirements.contains(requirement) {
            return Err(PortfolioError::AlreadyLinked {
                service: service.title(),
                requirement: requirement.0.clone(),
            });
        }
        service.requirements.push(requirement.clone());
        Ok(())
    }

    pub fn unlink_requirement(
        &mut self,
        id: ServiceId,
        requirement: &RequirementId,
    ) -> Result<(), PortfolioError> {
        self.get_mut(id)?.requirements.retain(|r| r != requirement);
        Ok(())
    }

    /// Live services with gaps, in id order.
    pub fn hints(&self) -> Vec<Hint> {
        self.services
            .iter()
            .filter_map(|s| {
                let gaps = s.gaps();
                (!gaps.is_empty()).then(|| Hint {
                    id: s.id,
                    name: s.name.clone(),
                    gaps,
                })
            })
            .collect()
    }

    /// Hints that concern one requirement (`8.2.4` or `8.3.3`), each with only its gaps.
    pub fn hints_for(&self, requirement: &RequirementId) -> Vec<Hint> {
        self.hints()
            .into_iter()
            .filter_map(|mut h| {
                h.gaps.retain(|g| g.requirement() == requirement.0);
                (!h.gaps.is_empty()).then_some(h)
            })
            .collect()
    }

    /// The whole portfolio as CSV, one row per service in id order.
    pub fn to_csv(&self) -> String {
        let mut header: Vec<String> = [
            "id",
            "name",
            "type",
            "status",
            "portfolio part",
            "owner",
            "customers",
            "criticality",
            "service hours",
            "availability %",
        ]
        .into_iter()
        .map(str::to_owned)
        .collect();
        for p in Priority::ALL {
            header.push(format!("{p} response (hours)"));
            header.push(format!("{p} resolution (hours)"));
        }
        header.extend(
            [
                "depends on",
                "suppliers",
                "requirements",
                "description",
                "continuity",
                "information security",
                "cost notes",
                "target date",
                "review date",
                "live since",
            ]
            .map(str::to_owned),
        );
        let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
        let mut csv = CsvWriter::new(&header_refs);
        let opt = |m: Option<u32>| m.map(format_hours).unwrap_or_default();
        let date = |d: Option<IsoDate>| d.map(|d| d.to_string()).unwrap_or_default();
        for s in &self.services {
            let mut row = vec![
                s.id.to_string(),
                s.name.clone(),
                s.kind.label().to_owned(),
                s.status.label().to_owned(),
                s.part().label().to_owned(),
                s.owner.clone(),
                s.customers.clone(),
                s.criticality.label().to_owned(),
                s.service_hours.clone(),
                s.sla.availability.map(format_percent).unwrap_or_default(),
            ];
            for p in Priority::ALL {
                let t = s.sla.times(p);
                row.push(opt(t.response_minutes));
                row.push(opt(t.resolution_minutes));
            }
            row.extend([
                s.depends_on
                    .iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join(" "),
                s.suppliers.clone(),
                s.requirements
                    .iter()
                    .map(|r| r.0.clone())
                    .collect::<Vec<_>>()
                    .join(" "),
                s.description.clone(),
                s.continuity.clone(),
                s.security.clone(),
                s.cost_notes.clone(),
                date(s.target_date),
                date(s.review_date),
                date(s.live_since()),
            ]);
            csv.row(row.iter().map(String::as_str));
        }
        csv.finish()
    }
}

/// `harbour-street-it-portfolio-2026-11-25.csv`.
pub fn csv_file_name(organisation: &str, date: IsoDate) -> String {
    match crate::file::name::slug(organisation) {
        Some(slug) => format!("{slug}-portfolio-{date}.csv"),
        None => format!("portfolio-{date}.csv"),
    }
}

impl Portfolio {
    /// Import-time rules for the portfolio: unique ids, links that resolve, no
    /// cycles, sane text and targets, and a history that matches the status.
    pub fn validate(&self, framework: &Framework) -> Result<(), PortfolioError> {
        let mut seen = HashSet::new();
        for service in &self.services {
            if !seen.insert(service.id) {
                return Err(PortfolioError::DuplicateId(service.id));
            }
        }
        for service in &self.services {
            if service.name.trim().is_empty() {
                return Err(PortfolioError::Text {
                    service: service.id,
                    detail: PortfolioError::MissingName.to_string(),
                });
            }
            service.check_text()?;
            service.sla.check()?;
            for dep in &service.depends_on {
                if *dep == service.id {
                    return Err(PortfolioError::SelfDependency(service.title()));
                }
                if !seen.contains(dep) {
                    return Err(PortfolioError::DanglingDependency {
                        service: service.id,
                        missing: *dep,
                    });
                }
            }
            for r in &service.requirements {
                if !framework.is_leaf(r) {
                    return Err(PortfolioError::UnknownRequirement {
                        service: service.id,
                        requirement: r.0.clone(),
                    });
                }
            }
            for pair in service.history.windows(2) {
                if pair[1].from != Some(pair[0].to) {
                    return Err(PortfolioError::BrokenHistory {
                        service: service.id,
                        previous: pair[0].to,
                        from: pair[1]
                            .from
                            .map_or_else(|| "nothing".to_owned(), |f| f.label().to_owned()),
                    });
                }
            }
            let last = service
                .history
                .last()
                .ok_or(PortfolioError::NoHistory(service.id))?;
            if last.to != service.status {
                return Err(PortfolioError::HistoryMismatch {
                    service: service.id,
                    status: service.status,
                    last: last.to,
                });
            }
        }
        if let Some(cycle) = self.find_cycle() {
            let names: Vec<String> = cycle
                .iter()
                .filter_map(|id| self.get(*id).map(Service::title))
                .collect();
            return Err(PortfolioError::Cycle(names.join(" → ")));
        }
        Ok(())
    }
}
