//! A ready-made sample workbook for training: a fictional small IT provider
//! part-way through preparing for certification.
//!
//! Everything is built through the domain API (the same calls the pages
//! make), so the sample obeys every rule an import checks. Dates are relative
//! to `today`, so the sample looks current whenever it is loaded, and the
//! result depends only on the arguments, so tests can rely on it.
//! The organisation and people are invented.

use crate::assessment::{Capability, CapabilityLevel, Finding, Status};
use crate::calendar::{IsoDate, Timestamp};
use crate::evidence::{DocumentStatus, EvidenceId};
use crate::framework::{self, RequirementId};
use crate::improvement::{ActDecision, ImprovementId, Kind, NewItem, Priority, Source, Stage};
use crate::portfolio::{
    Criticality, Decision, Lifecycle, Priority as IncidentPriority, ServiceId, ServiceKind, Times,
};
use crate::workbook::Workbook;

/// The fictional organisation's name.
pub const ORGANISATION: &str = "Harbour Street IT Services Ltd";

const SCOPE: &str = "Managed desktop support, cloud hosting and backup services delivered from the Harbour Street office to around 40 small business customers in the region.";

/// One requirement's state in the sample: status, owner, target in days
/// from today, capability now and aimed for, finding, and a note.
struct Row {
    id: &'static str,
    status: Status,
    owner: &'static str,
    target_in_days: Option<i64>,
    capability: (Option<u8>, Option<u8>),
    finding: Finding,
    notes: &'static str,
}

const ROWS: &[Row] = &[
    Row {
        id: "4.1",
        status: Status::FullyImplemented,
        owner: "Priya Nair",
        target_in_days: None,
        capability: (Some(3), Some(3)),
        finding: Finding::None,
        notes: "Internal and external issues reviewed at the quarterly management meeting; the list lives in the SMS handbook.",
    },
    Row {
        id: "4.2",
        status: Status::LargelyImplemented,
        owner: "Priya Nair",
        target_in_days: Some(30),
        capability: (Some(2), Some(3)),
        finding: Finding::None,
        notes: "Interested parties listed; the needs of the two hosting partners still have to be written down.",
    },
    Row {
        id: "4.3",
        status: Status::FullyImplemented,
        owner: "Priya Nair",
        target_in_days: None,
        capability: (Some(3), Some(3)),
        finding: Finding::None,
        notes: "Scope statement approved by the directors and published on the customer portal.",
    },
    Row {
        id: "4.4",
        status: Status::PartiallyImplemented,
        owner: "Priya Nair",
        target_in_days: Some(60),
        capability: (Some(1), Some(3)),
        finding: Finding::None,
        notes: "Process map drafted; interfaces between support and hosting teams are not yet described.",
    },
    Row {
        id: "5.1",
        status: Status::LargelyImplemented,
        owner: "Tom Ellery",
        target_in_days: Some(45),
        capability: (Some(2), Some(3)),
        finding: Finding::Observation,
        notes: "The managing director chairs reviews, but resourcing decisions are not minuted.",
    },
    Row {
        id: "5.2.1",
        status: Status::FullyImplemented,
        owner: "Tom Ellery",
        target_in_days: None,
        capability: (Some(3), Some(4)),
        finding: Finding::None,
        notes: "Policy signed in the spring and shown to all staff at induction.",
    },
    Row {
        id: "5.2.2",
        status: Status::PartiallyImplemented,
        owner: "Tom Ellery",
        target_in_days: Some(-10),
        capability: (Some(1), Some(3)),
        finding: Finding::None,
        notes: "Policy exists but is not yet on the intranet; target date slipped.",
    },
    Row {
        id: "5.3",
        status: Status::LargelyImplemented,
        owner: "Tom Ellery",
        target_in_days: Some(20),
        capability: (Some(2), Some(3)),
        finding: Finding::None,
        notes: "Roles described in job profiles; a RACI for change approval is still missing.",
    },
    Row {
        id: "6.1",
        status: Status::NotImplemented,
        owner: "Priya Nair",
        target_in_days: Some(40),
        capability: (Some(0), Some(2)),
        finding: Finding::MajorNonconformity,
        notes: "No risk register for the SMS yet; only the security team keeps an informal list.",
    },
    Row {
        id: "6.2.1",
        status: Status::PartiallyImplemented,
        owner: "Priya Nair",
        target_in_days: Some(50),
        capability: (Some(1), Some(3)),
        finding: Finding::None,
        notes: "Objectives agreed in principle; none of them is measurable yet.",
    },
    Row {
        id: "6.2.2",
        status: Status::NotImplemented,
        owner: "",
        target_in_days: None,
        capability: (None, None),
        finding: Finding::None,
        notes: "",
    },
    Row {
        id: "7.1",
        status: Status::LargelyImplemented,
        owner: "Tom Ellery",
        target_in_days: None,
        capability: (Some(2), Some(3)),
        finding: Finding::None,
        notes: "Budget for the SMS agreed for this year; tooling costs are tracked.",
    },
    Row {
        id: "7.2",
        status: Status::PartiallyImplemented,
        owner: "Maya Okafor",
        target_in_days: Some(90),
        capability: (Some(1), Some(2)),
        finding: Finding::MinorNonconformity,
        notes: "Training records exist for the service desk only.",
    },
    Row {
        id: "7.5.4",
        status: Status::PartiallyImplemented,
        owner: "Maya Okafor",
        target_in_days: Some(75),
        capability: (Some(1), Some(3)),
        finding: Finding::None,
        notes: "About half of the expected documents exist; see the checklist.",
    },
    Row {
        id: "8.1",
        status: Status::LargelyImplemented,
        owner: "Daniel Brooks",
        target_in_days: None,
        capability: (Some(2), Some(3)),
        finding: Finding::None,
        notes: "Operational planning done in the weekly operations meeting.",
    },
    Row {
        id: "8.2.1",
        status: Status::FullyImplemented,
        owner: "Daniel Brooks",
        target_in_days: None,
        capability: (Some(3), Some(3)),
        finding: Finding::None,
        notes: "Each service in the portfolio has a delivery plan.",
    },
    Row {
        id: "8.2.3",
        status: Status::LargelyImplemented,
        owner: "Daniel Brooks",
        target_in_days: Some(30),
        capability: (Some(2), Some(3)),
        finding: Finding::None,
        notes: "Hosting datacentre partner works to an agreed role and reports monthly; the desktop field partner's role in transition is not yet written down.",
    },
    Row {
        id: "8.2.4",
        status: Status::FullyImplemented,
        owner: "Daniel Brooks",
        target_in_days: None,
        capability: (Some(3), Some(4)),
        finding: Finding::None,
        notes: "Catalogue published on the customer portal and reviewed twice a year.",
    },
    Row {
        id: "8.3.3",
        status: Status::PartiallyImplemented,
        owner: "Sam Patel",
        target_in_days: Some(-5),
        capability: (Some(1), Some(3)),
        finding: Finding::MinorNonconformity,
        notes: "SLAs exist for hosting customers only; desktop customers have none.",
    },
    Row {
        id: "8.5.1.1",
        status: Status::LargelyImplemented,
        owner: "Sam Patel",
        target_in_days: Some(30),
        capability: (Some(2), Some(3)),
        finding: Finding::None,
        notes: "Change policy written; emergency changes are not always reviewed afterwards.",
    },
    Row {
        id: "8.6.1",
        status: Status::FullyImplemented,
        owner: "Maya Okafor",
        target_in_days: None,
        capability: (Some(3), Some(4)),
        finding: Finding::None,
        notes: "Incidents logged in the ticketing tool with priorities matching the SLAs.",
    },
    Row {
        id: "8.6.2",
        status: Status::LargelyImplemented,
        owner: "Maya Okafor",
        target_in_days: None,
        capability: (Some(2), Some(3)),
        finding: Finding::OpportunityForImprovement,
        notes: "Request fulfilment works; catalogue of standard requests could be self-service.",
    },
    Row {
        id: "8.6.3",
        status: Status::NotImplemented,
        owner: "Maya Okafor",
        target_in_days: Some(120),
        capability: (Some(0), Some(2)),
        finding: Finding::None,
        notes: "Recurring incidents are fixed one by one; no trend analysis yet.",
    },
    Row {
        id: "8.7.2",
        status: Status::PartiallyImplemented,
        owner: "Sam Patel",
        target_in_days: Some(60),
        capability: (Some(1), Some(3)),
        finding: Finding::None,
        notes: "Backups tested monthly; the continuity plan has not been exercised.",
    },
    Row {
        id: "8.7.3.1",
        status: Status::PartiallyImplemented,
        owner: "Sam Patel",
        target_in_days: Some(60),
        capability: (Some(1), Some(3)),
        finding: Finding::None,
        notes: "Policy approved by top management; not yet communicated to the desktop field partner, and the annual review is overdue.",
    },
    Row {
        id: "9.1",
        status: Status::PartiallyImplemented,
        owner: "Priya Nair",
        target_in_days: Some(45),
        capability: (Some(1), Some(3)),
        finding: Finding::None,
        notes: "Monthly service reports exist; SMS effectiveness is not measured.",
    },
    Row {
        id: "9.2",
        status: Status::NotImplemented,
        owner: "Priya Nair",
        target_in_days: Some(30),
        capability: (Some(0), Some(3)),
        finding: Finding::MajorNonconformity,
        notes: "No internal audit programme yet; an external consultant is booked.",
    },
    Row {
        id: "10.2",
        status: Status::LargelyImplemented,
        owner: "Priya Nair",
        target_in_days: None,
        capability: (Some(2), Some(3)),
        finding: Finding::None,
        notes: "Improvement log kept in Clausebook and reviewed monthly.",
    },
];

fn level(n: Option<u8>) -> Option<CapabilityLevel> {
    n.and_then(|n| CapabilityLevel::try_from(n).ok())
}

fn req(id: &str) -> RequirementId {
    RequirementId(id.to_owned())
}

/// Builds the sample workbook. `created_at` stamps the records; `today`
/// anchors every date so that targets and reviews fall around it.
pub fn workbook(created_at: Timestamp, today: IsoDate) -> Workbook {
    let framework = framework::iso20000();
    let now = created_at;
    let Ok(mut wb) = Workbook::create(ORGANISATION, SCOPE, framework, now.clone()) else {
        // The constant name and scope are valid; this keeps the function total.
        unreachable!("the sample's organisation is valid")
    };

    for row in ROWS {
        let capability =
            Capability::new(level(row.capability.0), level(row.capability.1)).unwrap_or_default();
        wb.edit_assessment(&req(row.id), now.clone(), |a| {
            a.status = row.status;
            a.owner = row.owner.to_owned();
            a.target_date = row.target_in_days.map(|d| today.add_days(d));
            a.capability = capability;
            a.finding = row.finding;
            a.notes = row.notes.to_owned();
        });
    }

    add_baseline(&mut wb, today);
    add_evidence(&mut wb, today);
    add_improvements(&mut wb, today, &now);
    add_services(&mut wb, today, &now);
    wb.updated_at = now;
    wb
}

/// Title, reference, owner, review in days from today, requirements.
type EvidenceRow = (
    &'static str,
    &'static str,
    &'static str,
    Option<i64>,
    &'static [&'static str],
);

/// A "Gap analysis" baseline four months ago, when most requirements stood
/// one step lower, and one (the SLAs) stood higher before an audit found the
/// desktop customers had none. The state then is rebuilt on a copy, so the
/// workbook's own records are exactly those above.
fn add_baseline(wb: &mut Workbook, today: IsoDate) {
    let framework = framework::iso20000();
    let mut then = wb.clone();
    let at = then.updated_at.clone();
    for row in ROWS {
        then.edit_assessment(&req(row.id), at.clone(), |a| {
            a.status = match (row.id, row.status) {
                ("8.3.3", _) => Status::LargelyImplemented,
                (_, Status::FullyImplemented) => Status::LargelyImplemented,
                (_, Status::LargelyImplemented) => Status::PartiallyImplemented,
                (_, Status::PartiallyImplemented) => Status::NotImplemented,
                (_, other) => other,
            };
            let lower = a
                .capability
                .current()
                .and_then(|c| level(c.number().checked_sub(1)));
            a.capability = a.capability.with_current(lower).unwrap_or_default();
        });
    }
    if then
        .mark_baseline(framework, "Gap analysis", today.add_days(-120), at)
        .is_ok()
    {
        wb.baselines = then.baselines;
    }
}

fn add_evidence(wb: &mut Workbook, today: IsoDate) {
    let items: [EvidenceRow; 7] = [
        (
            "SMS handbook",
            "SharePoint › SMS › Handbook v2.1",
            "Priya Nair",
            Some(200),
            &["4.1", "4.3", "4.4"],
        ),
        (
            "Service management policy",
            "SharePoint › Policies › SM-POL-01",
            "Tom Ellery",
            Some(300),
            &["5.2.1"],
        ),
        (
            "Management meeting minutes, Q3",
            "SharePoint › Meetings › 2026-Q3",
            "Tom Ellery",
            None,
            &["5.1", "4.1"],
        ),
        (
            "Service catalogue",
            "https://portal.example/catalogue",
            "Daniel Brooks",
            Some(90),
            &["8.2.4", "8.2.3"],
        ),
        (
            "Hosting SLA template",
            "SharePoint › Contracts › SLA-HOST-03",
            "Sam Patel",
            Some(-14),
            &["8.3.3"],
        ),
        (
            "Incident priority matrix",
            "Ticketing tool › Knowledge base › KB-0042",
            "Maya Okafor",
            Some(150),
            &["8.6.1"],
        ),
        (
            "Backup restore test log",
            "Ops share › Backups › restore-tests.xlsx",
            "Sam Patel",
            Some(30),
            &["8.7.2"],
        ),
    ];
    for (title, reference, owner, review, requirements) in items {
        let Ok(id) = wb.evidence.add(title, req(requirements[0])) else {
            continue;
        };
        for r in &requirements[1..] {
            wb.evidence.link(id, &req(r));
        }
        if let Some(item) = wb.evidence.get_mut(id) {
            item.reference = reference.to_owned();
            item.owner = owner.to_owned();
            item.version = "1.0".to_owned();
            item.next_review = review.map(|d| today.add_days(d));
        }
    }
    let documents: [(&str, DocumentStatus, &str, &[u32]); 6] = [
        ("scope", DocumentStatus::Approved, "Priya Nair", &[1]),
        (
            "policy-objectives",
            DocumentStatus::Approved,
            "Tom Ellery",
            &[2],
        ),
        ("sm-plan", DocumentStatus::Draft, "Priya Nair", &[]),
        (
            "service-catalogue",
            DocumentStatus::Approved,
            "Daniel Brooks",
            &[4],
        ),
        ("slas", DocumentStatus::Draft, "Sam Patel", &[5]),
        ("change-policy", DocumentStatus::Draft, "Sam Patel", &[]),
    ];
    for (doc, status, owner, evidence) in documents {
        wb.documents.edit(doc, |record| {
            record.status = status;
            record.owner = owner.to_owned();
            record.review_date = Some(today.add_days(180));
            record.evidence = evidence.iter().map(|n| EvidenceId(*n)).collect();
        });
    }
}

/// How far an improvement item in the sample has gone round the cycle.
struct Story {
    title: &'static str,
    kind: Kind,
    source: Source,
    priority: Priority,
    owner: &'static str,
    requirements: &'static [&'static str],
    reached: Stage,
    raised_days_ago: i64,
}

const STORIES: &[Story] = &[
    Story {
        title: "No SMS risk register",
        kind: Kind::Nonconformity,
        source: Source::InternalAudit,
        priority: Priority::High,
        owner: "Priya Nair",
        requirements: &["6.1"],
        reached: Stage::Plan,
        raised_days_ago: 12,
    },
    Story {
        title: "Make standard requests self-service",
        kind: Kind::ImprovementOpportunity,
        source: Source::CustomerFeedback,
        priority: Priority::Low,
        owner: "Maya Okafor",
        requirements: &["8.6.2"],
        reached: Stage::Plan,
        raised_days_ago: 5,
    },
    Story {
        title: "Publish the policy on the intranet",
        kind: Kind::CorrectiveAction,
        source: Source::ManagementReview,
        priority: Priority::Medium,
        owner: "Tom Ellery",
        requirements: &["5.2.2"],
        reached: Stage::Do,
        raised_days_ago: 40,
    },
    Story {
        title: "SLAs for desktop support customers",
        kind: Kind::Nonconformity,
        source: Source::ExternalAudit,
        priority: Priority::High,
        owner: "Sam Patel",
        requirements: &["8.3.3"],
        reached: Stage::Do,
        raised_days_ago: 55,
    },
    Story {
        title: "Review every emergency change",
        kind: Kind::CorrectiveAction,
        source: Source::Incident,
        priority: Priority::High,
        owner: "Sam Patel",
        requirements: &["8.5.1.1"],
        reached: Stage::Check,
        raised_days_ago: 70,
    },
    Story {
        title: "Training records for the hosting team",
        kind: Kind::Nonconformity,
        source: Source::InternalAudit,
        priority: Priority::Medium,
        owner: "Maya Okafor",
        requirements: &["7.2"],
        reached: Stage::Check,
        raised_days_ago: 80,
    },
    Story {
        title: "Monthly backup restore tests",
        kind: Kind::ImprovementOpportunity,
        source: Source::Measurement,
        priority: Priority::Medium,
        owner: "Sam Patel",
        requirements: &["8.7.2"],
        reached: Stage::Act,
        raised_days_ago: 120,
    },
    Story {
        title: "Minute resourcing decisions",
        kind: Kind::CorrectiveAction,
        source: Source::ManagementReview,
        priority: Priority::Low,
        owner: "Tom Ellery",
        requirements: &["5.1"],
        reached: Stage::Act,
        raised_days_ago: 100,
    },
    Story {
        title: "Incident priorities aligned with SLAs",
        kind: Kind::Nonconformity,
        source: Source::ExternalAudit,
        priority: Priority::High,
        owner: "Maya Okafor",
        requirements: &["8.6.1"],
        reached: Stage::Closed,
        raised_days_ago: 200,
    },
    Story {
        title: "Publish the service catalogue on the portal",
        kind: Kind::ImprovementOpportunity,
        source: Source::CustomerFeedback,
        priority: Priority::Medium,
        owner: "Daniel Brooks",
        requirements: &["8.2.4"],
        reached: Stage::Closed,
        raised_days_ago: 160,
    },
];

fn add_improvements(wb: &mut Workbook, today: IsoDate, now: &Timestamp) {
    let log = &mut wb.improvements;
    for story in STORIES {
        let raised = today.add_days(-story.raised_days_ago);
        let new = NewItem {
            title: story.title.to_owned(),
            kind: story.kind,
            source: story.source,
            priority: story.priority,
            owner: story.owner.to_owned(),
            target_date: Some(raised.add_days(90)),
            requirements: story.requirements.iter().map(|r| req(r)).collect(),
            services: Vec::new(),
        };
        let Ok(id) = log.raise(new, raised, now.clone()) else {
            continue;
        };
        let _ = walk(log, id, story, today, now);
    }
}

/// Fills each stage's record and moves the item on until it reaches its stage.
fn walk(
    log: &mut crate::improvement::ImprovementLog,
    id: ImprovementId,
    story: &Story,
    today: IsoDate,
    now: &Timestamp,
) -> Result<(), crate::improvement::ImprovementError> {
    let order = [Stage::Do, Stage::Check, Stage::Act, Stage::Closed];
    log.edit_plan(id, |p| {
        p.problem = format!("Found during review: {}.", story.title.to_lowercase());
        p.root_cause = "The task had no named owner and no deadline.".to_owned();
        p.planned_actions = "Name an owner, agree the steps and a date, and report progress in the operations meeting.".to_owned();
        p.success_measure = "Evidence that the gap is closed".to_owned();
        p.success_target = "Confirmed at the next internal review".to_owned();
    })?;
    for stage in order {
        if story.reached < stage {
            break;
        }
        match stage {
            Stage::Do => {}
            Stage::Check => log.edit_do(id, |d| {
                d.actions_taken = "Owner named, steps carried out and recorded.".to_owned();
                d.done_on = Some(today.add_days(-20));
            })?,
            Stage::Act => log.edit_check(id, |c| {
                c.result = "The evidence now exists and was checked by a colleague.".to_owned();
                c.effective = Some(true);
                c.verified_by = "Priya Nair".to_owned();
                c.checked_on = Some(today.add_days(-10));
            })?,
            _ => log.edit_act(id, |a| {
                a.decision = Some(ActDecision::Standardise);
                a.lessons = "Give every action an owner and a date from the start.".to_owned();
            })?,
        }
        log.move_item(id, stage, today, now.clone())?;
    }
    Ok(())
}

fn decision(who: &str, why: &str, on: IsoDate) -> Decision {
    Decision {
        who: who.to_owned(),
        why: why.to_owned(),
        on,
    }
}

/// Moves a service along the given statuses, a week apart, ending before today.
fn advance(wb: &mut Workbook, id: ServiceId, path: &[Lifecycle], today: IsoDate, now: &Timestamp) {
    let start = -(7 * path.len() as i64) - 7;
    for (i, to) in path.iter().enumerate() {
        let on = today.add_days(start + 7 * (i as i64 + 1));
        let _ = wb.portfolio.move_service(
            id,
            *to,
            decision("Tom Ellery", "Agreed at the service review board.", on),
            now.clone(),
        );
    }
}

fn add_services(wb: &mut Workbook, today: IsoDate, now: &Timestamp) {
    use Lifecycle::*;
    // Each service walks the way forward to the status it stands at today.
    let services: [(&str, ServiceKind, Lifecycle); 9] = [
        ("Network and firewall", ServiceKind::Supporting, Live),
        ("Cloud hosting", ServiceKind::CustomerFacing, Live),
        ("Managed desktop support", ServiceKind::CustomerFacing, Live),
        ("Offsite backup", ServiceKind::CustomerFacing, Live),
        (
            "Microsoft 365 administration",
            ServiceKind::CustomerFacing,
            Proposed,
        ),
        (
            "Security awareness training",
            ServiceKind::CustomerFacing,
            Designed,
        ),
        (
            "Customer self-service portal",
            ServiceKind::CustomerFacing,
            InTransition,
        ),
        (
            "On-site server maintenance",
            ServiceKind::CustomerFacing,
            Retired,
        ),
        ("Fax to email gateway", ServiceKind::Supporting, Retiring),
    ];
    let mut ids = Vec::new();
    for (name, kind, _) in &services {
        let on = today.add_days(-400);
        if let Ok(id) = wb.portfolio.propose(
            name,
            *kind,
            decision(
                "Tom Ellery",
                "Requested by customers at the annual review.",
                on,
            ),
            now.clone(),
        ) {
            ids.push(id);
        }
    }
    let cancelled = wb.portfolio.propose(
        "Printer leasing",
        ServiceKind::CustomerFacing,
        decision(
            "Tom Ellery",
            "Suggested by a customer.",
            today.add_days(-300),
        ),
        now.clone(),
    );
    for (id, (_, _, status)) in ids.iter().zip(&services) {
        advance(wb, *id, status.way_forward(), today, now);
    }
    if let Ok(id) = cancelled {
        let _ = wb.portfolio.move_service(
            id,
            Cancelled,
            decision(
                "Tom Ellery",
                "Not profitable at our size.",
                today.add_days(-250),
            ),
            now.clone(),
        );
    }
    // Dependencies: the customer services run on the network; backup runs on hosting.
    let [
        network,
        hosting,
        desktop,
        backup,
        m365,
        training,
        portal,
        ..,
    ] = ids[..]
    else {
        return;
    };
    for (id, on) in [
        (hosting, network),
        (desktop, network),
        (backup, hosting),
        (portal, hosting),
        (m365, network),
    ] {
        let _ = wb.portfolio.add_dependency(id, on);
    }
    let owners = [
        (network, "Sam Patel", Criticality::Critical),
        (hosting, "Sam Patel", Criticality::High),
        (desktop, "Maya Okafor", Criticality::High),
        (backup, "Sam Patel", Criticality::High),
        (training, "Maya Okafor", Criticality::Low),
        (portal, "Daniel Brooks", Criticality::Medium),
    ];
    for (id, owner, criticality) in owners {
        let _ = wb.portfolio.edit(id, |s| {
            s.owner = owner.to_owned();
            s.criticality = criticality;
            s.service_hours = "Mon–Fri 08:00–18:00".to_owned();
            s.review_date = Some(today.add_days(120));
        });
    }
    for (id, customers) in [
        (hosting, "Hosting customers (about 15 firms)"),
        (desktop, "All managed-service customers"),
        (network, "Internal: all services"),
    ] {
        let _ = wb.portfolio.edit(id, |s| {
            s.customers = customers.to_owned();
            s.description = "Run and supported by the Harbour Street team.".to_owned();
            s.sla.availability = Some(99.5);
            s.sla.set_times(
                IncidentPriority::P1,
                Times {
                    response_minutes: Some(30),
                    resolution_minutes: Some(240),
                },
            );
        });
    }
    // Backup is live but has no customers or SLA written down: a gap to find.
    let _ = wb.portfolio.edit(portal, |s| {
        s.target_date = Some(today.add_days(21));
    });
    let framework = framework::iso20000();
    for (id, r) in [(hosting, "8.2.4"), (desktop, "8.6.1"), (backup, "8.7.2")] {
        let _ = wb.portfolio.link_requirement(id, &req(r), framework);
    }
}
