//! Property tests: generated workbooks survive export and import unchanged,
//! and no input, however broken, makes the import path panic.
#![cfg(not(target_arch = "wasm32"))]

use clausebook_core::assessment::{Capability, CapabilityLevel, Finding, Status};
use clausebook_core::calendar::{IsoDate, Timestamp};
use clausebook_core::evidence::DocumentStatus;
use clausebook_core::file::export;
use clausebook_core::file::schema;
use clausebook_core::framework::{self, Framework, RequirementId};
use clausebook_core::improvement::{NewItem, Stage};
use clausebook_core::portfolio::{Decision, ServiceId, ServiceKind};
use clausebook_core::workbook::Workbook;
use proptest::prelude::*;

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn today() -> IsoDate {
    IsoDate::new(2026, 11, 25).unwrap()
}

/// Free text: any printable character (markup, quotes, emoji, right-to-left
/// scripts), plus the newlines and tabs people type into notes.
fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("[\\PC\n\t]{{0,{max}}}")).unwrap()
}

/// A name: starts with a visible character so trimming leaves something.
fn name() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[\\p{L}\\p{N}<&\"][\\PC]{0,30}[\\p{L}\\p{N}>]").unwrap()
}

#[derive(Debug, Clone)]
struct AssessmentPlan {
    leaf: usize,
    status: usize,
    owner: String,
    notes: String,
    current: Option<usize>,
    raise: usize,
    finding: usize,
    target: Option<(u16, u8, u8)>,
}

fn assessment() -> impl Strategy<Value = AssessmentPlan> {
    (
        any::<usize>(),
        0..5usize,
        text(40),
        text(300),
        proptest::option::of(0..6usize),
        0..6usize,
        0..5usize,
        proptest::option::of((2020u16..2035, 1u8..=12, 1u8..=28)),
    )
        .prop_map(
            |(leaf, status, owner, notes, current, raise, finding, target)| AssessmentPlan {
                leaf,
                status,
                owner,
                notes,
                current,
                raise,
                finding,
                target,
            },
        )
}

#[derive(Debug, Clone)]
struct ServicePlan {
    name: String,
    supporting: bool,
    who: String,
    why: String,
    description: String,
    owner: String,
    hours: String,
    availability: Option<u32>,
    depends_on: Vec<usize>,
    requirements: Vec<usize>,
}

fn service() -> impl Strategy<Value = ServicePlan> {
    (
        (name(), any::<bool>(), text(30), text(100)),
        (text(200), text(40), text(40)),
        proptest::option::of(0..=10_000u32),
        proptest::collection::vec(any::<usize>(), 0..3),
        proptest::collection::vec(any::<usize>(), 0..3),
    )
        .prop_map(
            |(
                (name, supporting, who, why),
                (description, owner, hours),
                availability,
                depends_on,
                requirements,
            )| ServicePlan {
                name,
                supporting,
                who,
                why,
                description,
                owner,
                hours,
                availability,
                depends_on,
                requirements,
            },
        )
}

#[derive(Debug, Clone)]
struct ItemPlan {
    title: String,
    owner: String,
    problem: String,
    requirements: Vec<usize>,
    services: Vec<usize>,
    advance: usize,
}

fn item() -> impl Strategy<Value = ItemPlan> {
    (
        name(),
        text(40),
        text(300),
        proptest::collection::vec(any::<usize>(), 0..3),
        proptest::collection::vec(any::<usize>(), 0..2),
        0..3usize,
    )
        .prop_map(
            |(title, owner, problem, requirements, services, advance)| ItemPlan {
                title,
                owner,
                problem,
                requirements,
                services,
                advance,
            },
        )
}

#[derive(Debug, Clone)]
struct EvidencePlan {
    title: String,
    reference: String,
    owner: String,
    version: String,
    requirements: Vec<usize>,
    document: Option<(usize, usize)>,
}

fn evidence() -> impl Strategy<Value = EvidencePlan> {
    (
        name(),
        text(100),
        text(40),
        text(10),
        proptest::collection::vec(any::<usize>(), 1..4),
        proptest::option::of((any::<usize>(), 0..3usize)),
    )
        .prop_map(
            |(title, reference, owner, version, requirements, document)| EvidencePlan {
                title,
                reference,
                owner,
                version,
                requirements,
                document,
            },
        )
}

#[derive(Debug, Clone)]
struct Plan {
    name: String,
    scope: String,
    assessments: Vec<AssessmentPlan>,
    evidence: Vec<EvidencePlan>,
    services: Vec<ServicePlan>,
    items: Vec<ItemPlan>,
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        name(),
        text(200),
        proptest::collection::vec(assessment(), 0..8),
        proptest::collection::vec(evidence(), 0..4),
        proptest::collection::vec(service(), 0..4),
        proptest::collection::vec(item(), 0..4),
    )
        .prop_map(
            |(name, scope, assessments, evidence, services, items)| Plan {
                name,
                scope,
                assessments,
                evidence,
                services,
                items,
            },
        )
}

/// Builds the workbook through the same domain methods the UI calls, so it
/// is a workbook a person could have made.
fn build(plan: &Plan, fw: &Framework) -> Workbook {
    let leaves: Vec<RequirementId> = fw.leaves().map(|n| n.id.clone()).collect();
    let leaf = |i: usize| leaves[i % leaves.len()].clone();
    let now = at("2026-11-25T10:00:00.000Z");
    let mut wb = Workbook::create(&plan.name, &plan.scope, fw, now.clone()).unwrap();
    for a in &plan.assessments {
        wb.edit_assessment(&leaf(a.leaf), now.clone(), |r| {
            r.status = Status::ALL[a.status];
            r.owner = a.owner.clone();
            r.notes = a.notes.clone();
            r.finding = Finding::ALL[a.finding];
            r.target_date = a.target.and_then(|(y, m, d)| IsoDate::new(y, m, d).ok());
            let current = a.current.map(|c| CapabilityLevel::ALL[c]);
            let target = a
                .current
                .map(|c| CapabilityLevel::ALL[(c + a.raise).min(5)]);
            r.capability = Capability::new(current, target).unwrap();
        });
    }
    for e in &plan.evidence {
        let id = wb.evidence.add(&e.title, leaf(e.requirements[0])).unwrap();
        for r in &e.requirements[1..] {
            wb.evidence.link(id, &leaf(*r));
        }
        let item = wb.evidence.get_mut(id).unwrap();
        item.reference = e.reference.clone();
        item.owner = e.owner.clone();
        item.version = e.version.clone();
        if let Some((doc, status)) = e.document {
            let doc = &fw.documented_information[doc % fw.documented_information.len()];
            wb.documents.edit(&doc.id, |d| {
                d.status = [
                    DocumentStatus::Missing,
                    DocumentStatus::Draft,
                    DocumentStatus::Approved,
                ][status];
                d.owner = e.owner.clone();
                d.evidence.push(id);
            });
        }
    }
    let mut services: Vec<ServiceId> = Vec::new();
    for s in &plan.services {
        let kind = if s.supporting {
            ServiceKind::Supporting
        } else {
            ServiceKind::CustomerFacing
        };
        let decision = Decision {
            who: s.who.clone(),
            why: s.why.clone(),
            on: today(),
        };
        // Generated names may collide; the portfolio refuses duplicates, as it should.
        let Ok(id) = wb.portfolio.propose(&s.name, kind, decision, now.clone()) else {
            continue;
        };
        wb.portfolio
            .edit(id, |svc| {
                svc.description = s.description.clone();
                svc.owner = s.owner.clone();
                svc.service_hours = s.hours.clone();
                svc.sla.availability = s.availability.map(|a| f64::from(a) / 100.0);
            })
            .unwrap();
        for d in &s.depends_on {
            if !services.is_empty() {
                // Refused links (cycles, duplicates) are simply not made.
                let _ = wb
                    .portfolio
                    .add_dependency(id, services[d % services.len()]);
            }
        }
        for r in &s.requirements {
            let _ = wb.portfolio.link_requirement(id, &leaf(*r), fw);
        }
        services.push(id);
    }
    for i in &plan.items {
        let mut new = NewItem::titled(&i.title);
        new.owner = i.owner.clone();
        new.requirements = i.requirements.iter().map(|r| leaf(*r)).collect();
        new.requirements.sort();
        new.requirements.dedup();
        if !services.is_empty() {
            new.services = i
                .services
                .iter()
                .map(|s| services[s % services.len()])
                .collect();
            new.services.sort();
            new.services.dedup();
        }
        let id = wb.improvements.raise(new, today(), now.clone()).unwrap();
        wb.improvements
            .edit_plan(id, |p| p.problem = i.problem.clone())
            .unwrap();
        for stage in [Stage::Do, Stage::Check].into_iter().take(i.advance) {
            let _ = wb.improvements.move_item(id, stage, today(), now.clone());
        }
    }
    wb
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn export_then_import_gives_back_the_same_workbook(plan in plan()) {
        let fw = framework::iso20000();
        let wb = build(&plan, fw);
        prop_assert!(wb.validate().is_ok(), "{:?}", wb.validate());
        let text = export::export_json(&wb, at("2026-11-25T11:00:00.000Z"));
        let back = export::read_import(text.as_bytes()).unwrap().envelope.workbook;
        prop_assert_eq!(&back, &wb);
        // The compact form local storage uses round-trips too.
        let stored = schema::to_stored_json(&wb, at("2026-11-25T11:00:00.000Z"));
        prop_assert_eq!(schema::decode(&stored).unwrap().workbook, wb);
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let _ = export::read_import(text.as_bytes());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2_000)) {
        let _ = export::read_import(&bytes);
    }

    /// The autosave's incremental text is the plain text, whatever the
    /// previous saves held: workbooks in turn through one cache (their ids
    /// repeat, their items differ), and back to the first.
    #[test]
    fn incremental_stored_text_is_the_plain_text(first in plan(), second in plan()) {
        let fw = framework::iso20000();
        let (a, b) = (build(&first, fw), build(&second, fw));
        let mut cache = clausebook_core::file::save_cache::Cache::default();
        for (wb, when) in [(&a, "2026-11-25T11:00:00.000Z"), (&b, "2026-11-25T11:00:01.000Z"), (&a, "2026-11-25T11:00:02.000Z")] {
            prop_assert_eq!(cache.to_stored_json(wb, at(when)), schema::to_stored_json(wb, at(when)));
        }
    }

    /// Damaged exports: cut short, a byte changed, or a span deleted. Either
    /// refused with an error or read as a valid workbook; never a panic.
    #[test]
    fn damaged_exports_never_panic(plan in plan(), cut in any::<usize>(), byte in any::<u8>(), span in 0..40usize) {
        let fw = framework::iso20000();
        let text = export::export_json(&build(&plan, fw), at("2026-11-25T11:00:00.000Z"));
        let bytes = text.into_bytes();
        let i = cut % bytes.len();
        let _ = export::read_import(&bytes[..i]);
        let mut changed = bytes.clone();
        changed[i] = byte;
        if let Ok(found) = export::read_import(&changed) {
            prop_assert!(found.envelope.workbook.validate().is_ok());
        }
        let mut shorter = bytes.clone();
        shorter.drain(i..(i + span).min(bytes.len()));
        if let Ok(found) = export::read_import(&shorter) {
            prop_assert!(found.envelope.workbook.validate().is_ok());
        }
    }
}
