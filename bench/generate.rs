//! Builds a large, realistic workbook for the benchmark: what a service
//! provider's workbook looks like after a year of daily use. Everything goes
//! through the domain API (so the result obeys the same rules as typed-in
//! data) and a fixed-seed generator (so every run measures the same bytes).
//!
//! Shared by `examples/bench_workbook.rs` and the native test
//! `tests/bench_workbook.rs` through `#[path]`, so it is not part of the app.

use clausebook_core::assessment::{Capability, CapabilityLevel, Finding, Status};
use clausebook_core::calendar::{IsoDate, Timestamp};
use clausebook_core::evidence::{DocumentStatus, EvidenceId};
use clausebook_core::framework::{Framework, RequirementId};
use clausebook_core::improvement::{ActDecision, Kind, NewItem, Priority, Source, Stage};
use clausebook_core::portfolio::{Criticality, Decision, Lifecycle, ServiceId, ServiceKind, Times};
use clausebook_core::workbook::Workbook;

/// How much to generate. `full()` is the benchmark's size.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    pub evidence: usize,
    pub improvements: usize,
    pub services: usize,
}

impl Size {
    pub fn full() -> Self {
        Self {
            evidence: 400,
            improvements: 2_000,
            services: 300,
        }
    }
}

/// xorshift64*: tiny, deterministic on every platform, good enough for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const PEOPLE: &[&str] = &[
    "Sam Patel",
    "Alex Morgan",
    "Priya Shah",
    "Jordan Lee",
    "Chris O'Neill",
    "Maria Costa",
    "Tomasz Nowak",
    "Aisha Bello",
    "Lena Fischer",
    "Ken Watanabe",
    "Grace Okafor",
    "Dan Brooks",
];
const SUBJECTS: &[&str] = &[
    "the service desk",
    "the change advisory board",
    "incident management",
    "the backup job",
    "capacity planning",
    "the supplier review",
    "the CMDB",
    "release management",
    "the continuity plan",
    "problem management",
    "the customer survey",
    "the SLA report",
    "access reviews",
    "the asset register",
    "monitoring alerts",
    "the budget forecast",
];
const VERBS: &[&str] = &[
    "does not record",
    "records inconsistently",
    "was reviewed for",
    "now covers",
    "needs an owner for",
    "lacks evidence of",
    "was audited against",
    "partly documents",
    "missed the deadline for",
    "reports monthly on",
];
const OBJECTS: &[&str] = &[
    "escalation times",
    "approval decisions",
    "root causes",
    "customer complaints",
    "restore tests",
    "licence counts",
    "risk ratings",
    "lessons learned",
    "training records",
    "service targets",
    "emergency changes",
    "configuration baselines",
    "supplier penalties",
];

/// A sentence of plausible workbook prose.
fn sentence(rng: &mut Rng) -> String {
    let s = format!(
        "{} {} {} ({} {}).",
        rng.pick(SUBJECTS),
        rng.pick(VERBS),
        rng.pick(OBJECTS),
        rng.pick(&[
            "see ticket",
            "ref.",
            "per minutes of",
            "checked by",
            "raised by"
        ]),
        rng.pick(PEOPLE)
    );
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A short clause for the stage records of improvement items.
fn short(rng: &mut Rng) -> String {
    title(rng) + "."
}

fn prose(rng: &mut Rng, sentences: usize) -> String {
    (0..sentences)
        .map(|_| sentence(rng))
        .collect::<Vec<_>>()
        .join(" ")
}

fn title(rng: &mut Rng) -> String {
    let s = format!(
        "{} {} {}",
        rng.pick(SUBJECTS),
        rng.pick(VERBS),
        rng.pick(OBJECTS)
    );
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A date within the year of use (2025-12 … 2026-11), day `n` of it.
fn day(n: usize) -> IsoDate {
    let n = n % 360;
    let (year, month) = if n < 30 {
        (2025, 12)
    } else {
        (2026, (n / 30) as u8)
    };
    // 30 days per "month" squeezed onto 1–28 keeps dates in order and valid.
    IsoDate::new(year, month, ((n % 30) * 28 / 30) as u8 + 1)
        .expect("days 1–28 exist in every month")
}

fn stamp(n: usize, minute: usize) -> Timestamp {
    format!(
        "{}T{:02}:{:02}:00.000Z",
        day(n),
        8 + minute / 60 % 10,
        minute % 60
    )
    .parse()
    .expect("well-formed timestamp")
}

/// Builds the workbook. Panics only if the domain API refuses data this
/// generator believes valid, which the native test turns into a failure.
pub fn workbook(framework: &Framework, seed: u64, size: Size) -> Workbook {
    let mut rng = Rng::new(seed);
    let mut wb = Workbook::create(
        "Harbour Street IT",
        "Managed desktops, hosting, backups and a 24/7 service desk for 140 small offices in the north-west.",
        framework,
        stamp(0, 0),
    )
    .expect("valid organisation");
    let leaves: Vec<RequirementId> = framework.leaves().map(|n| n.id.clone()).collect();

    // Every requirement assessed, with notes of a few paragraphs.
    for (i, id) in leaves.iter().enumerate() {
        let status = *rng.pick(&[
            Status::NotImplemented,
            Status::PartiallyImplemented,
            Status::LargelyImplemented,
            Status::FullyImplemented,
            Status::FullyImplemented,
        ]);
        let notes = (0..3)
            .map(|_| prose(&mut rng, 4))
            .collect::<Vec<_>>()
            .join("\n\n");
        let owner = rng.pick(PEOPLE).to_string();
        let current = CapabilityLevel::try_from(rng.below(3) as u8).ok();
        let target = CapabilityLevel::try_from(3 + rng.below(3) as u8).ok();
        let finding = *rng.pick(&[
            Finding::None,
            Finding::None,
            Finding::MinorNonconformity,
            Finding::Observation,
            Finding::OpportunityForImprovement,
            Finding::MajorNonconformity,
        ]);
        let target_date = Some(day(200 + i * 3));
        wb.edit_assessment(id, stamp(i, i), |a| {
            a.status = status;
            a.owner = owner;
            a.notes = notes;
            a.target_date = target_date;
            a.finding = finding;
            a.capability = Capability::new(current, target).expect("target above current");
        });
    }

    // Evidence, each linked to one to three requirements.
    let mut evidence_ids: Vec<EvidenceId> = Vec::new();
    for i in 0..size.evidence {
        let first = rng.pick(&leaves).clone();
        let id = wb
            .evidence
            .add(&format!("{} — {}", title(&mut rng), i + 1), first)
            .expect("valid evidence");
        for _ in 0..rng.below(3) {
            let other = rng.pick(&leaves).clone();
            wb.evidence.link(id, &other);
        }
        let owner = rng.pick(PEOPLE).to_string();
        let review = day(rng.below(360));
        if let Some(item) = wb.evidence.get_mut(id) {
            item.reference = format!("https://intranet.example/docs/{}/{}", i / 40, i + 1);
            item.owner = owner;
            item.version = format!("{}.{}", 1 + i % 4, i % 7);
            item.next_review = Some(review);
        }
        evidence_ids.push(id);
    }
    let documents: Vec<String> = framework
        .documented_information
        .iter()
        .map(|d| d.id.clone())
        .collect();
    for (i, doc) in documents.iter().enumerate() {
        let status = *rng.pick(&[
            DocumentStatus::Missing,
            DocumentStatus::Draft,
            DocumentStatus::Approved,
        ]);
        let owner = rng.pick(PEOPLE).to_string();
        let linked: Vec<EvidenceId> = (0..2)
            .filter_map(|_| {
                evidence_ids
                    .get(rng.below(evidence_ids.len().max(1)))
                    .copied()
            })
            .collect();
        wb.documents.edit(doc, |r| {
            r.status = status;
            r.owner = owner;
            r.review_date = Some(day(100 + i * 5));
            r.evidence = linked;
            r.evidence.dedup();
        });
    }

    // Services: propose all, link dependencies on earlier services (no
    // cycles), then walk each through its lifecycle as far as the rules allow.
    let mut service_ids: Vec<ServiceId> = Vec::new();
    for i in 0..size.services {
        let decision = Decision {
            who: rng.pick(PEOPLE).to_string(),
            why: prose(&mut rng, 1),
            on: day(i % 60),
        };
        let kind = *rng.pick(&[ServiceKind::CustomerFacing, ServiceKind::Supporting]);
        let id = wb
            .portfolio
            .propose(
                &format!("{} service {}", rng.pick(SUBJECTS), i + 1),
                kind,
                decision,
                stamp(i % 60, i),
            )
            .expect("unique service name");
        let owner = rng.pick(PEOPLE).to_string();
        let description = prose(&mut rng, 2);
        let requirements: Vec<RequirementId> = (0..2).map(|_| rng.pick(&leaves).clone()).collect();
        let criticality = *rng.pick(&[Criticality::Low, Criticality::Medium, Criticality::High]);
        wb.portfolio
            .edit(id, |s| {
                s.owner = owner;
                s.description = description;
                s.customers = "All managed-desktop customers".into();
                s.criticality = criticality;
                s.service_hours = "Mon–Fri 08:00–18:00".into();
                s.sla.availability = Some(99.5);
                for p in clausebook_core::portfolio::Priority::ALL {
                    s.sla.set_times(
                        p,
                        Times {
                            response_minutes: Some(30),
                            resolution_minutes: Some(480),
                        },
                    );
                }
                s.suppliers = "Northwind Hosting Ltd".into();
                s.continuity = "Restore from the nightly backup; tested quarterly.".into();
                s.review_date = Some(day(300));
            })
            .expect("service exists");
        for r in &requirements {
            let _ = wb.portfolio.link_requirement(id, r, framework);
        }
        if i > 0 {
            for _ in 0..1 + rng.below(3) {
                let on = service_ids[rng.below(service_ids.len())];
                // Duplicates are refused by the API, and that is fine here.
                let _ = wb.portfolio.add_dependency(id, on);
            }
        }
        service_ids.push(id);
    }
    let path = [
        Lifecycle::Approved,
        Lifecycle::Designed,
        Lifecycle::Built,
        Lifecycle::InTransition,
        Lifecycle::Live,
    ];
    for (i, id) in service_ids.iter().enumerate() {
        // Most services are live; the rest stop somewhere in the pipeline.
        let steps = if rng.chance(75) {
            path.len()
        } else {
            rng.below(path.len())
        };
        for (step, to) in path.iter().take(steps).enumerate() {
            let decision = Decision {
                who: rng.pick(PEOPLE).to_string(),
                why: prose(&mut rng, 1),
                on: day(60 + step * 20 + i % 20),
            };
            if wb
                .portfolio
                .move_service(*id, *to, decision, stamp(60 + step * 20, i))
                .is_err()
            {
                break; // a dependency is not live yet: stays where it is
            }
        }
    }

    // Improvements spread over all PDCA stages, with history.
    for i in 0..size.improvements {
        let raised = rng.below(300);
        let mut new = NewItem::titled(&title(&mut rng));
        new.kind = *rng.pick(Kind::ALL);
        new.source = *rng.pick(Source::ALL);
        new.priority = *rng.pick(Priority::ALL);
        new.owner = rng.pick(PEOPLE).to_string();
        new.target_date = Some(day(raised + 30 + rng.below(90)));
        new.requirements = (0..1 + rng.below(2))
            .map(|_| rng.pick(&leaves).clone())
            .collect();
        if !service_ids.is_empty() && rng.chance(60) {
            new.services = vec![service_ids[rng.below(service_ids.len())]];
        }
        let log = &mut wb.improvements;
        let id = log
            .raise(new, day(raised), stamp(raised, i))
            .expect("valid new item");
        // Where it ends: Plan 15%, Do 20%, Check 15%, Act 10%, Closed 40%.
        let end = match rng.below(100) {
            0..15 => Stage::Plan,
            15..35 => Stage::Do,
            35..50 => Stage::Check,
            50..60 => Stage::Act,
            _ => Stage::Closed,
        };
        let mut t = raised;
        let step =
            |log: &mut clausebook_core::improvement::ImprovementLog, to: Stage, t: &mut usize| {
                *t += 5 + i % 10;
                log.move_item(id, to, day(*t), stamp(*t, i))
                    .expect("allowed move");
            };
        let plan = |log: &mut clausebook_core::improvement::ImprovementLog, rng: &mut Rng| {
            let (p, r, a) = (short(rng), short(rng), short(rng));
            log.edit_plan(id, |plan| {
                plan.problem = p;
                plan.root_cause = r;
                plan.planned_actions = a;
                plan.success_measure = "Repeat incidents per month".into();
                plan.success_target = "Fewer than 2".into();
            })
            .expect("in Plan");
        };
        if end == Stage::Plan {
            if rng.chance(50) {
                plan(log, &mut rng);
            }
            continue;
        }
        plan(log, &mut rng);
        step(log, Stage::Do, &mut t);
        if end == Stage::Do {
            continue;
        }
        let actions = short(&mut rng);
        log.edit_do(id, |d| {
            d.actions_taken = actions;
            d.done_on = Some(day(t + 3));
        })
        .expect("in Do");
        step(log, Stage::Check, &mut t);
        // One in five checks finds the actions not effective: back to Plan
        // for a second cycle, which leaves a longer history.
        if rng.chance(20) {
            let result = short(&mut rng);
            log.edit_check(id, |c| {
                c.result = result;
                c.effective = Some(false);
                c.verified_by = "Internal audit".into();
            })
            .expect("in Check");
            step(log, Stage::Plan, &mut t);
            plan(log, &mut rng);
            step(log, Stage::Do, &mut t);
            let actions = short(&mut rng);
            log.edit_do(id, |d| d.actions_taken = actions)
                .expect("in Do");
            step(log, Stage::Check, &mut t);
        }
        if end == Stage::Check {
            continue;
        }
        let result = short(&mut rng);
        log.edit_check(id, |c| {
            c.result = result;
            c.effective = Some(true);
            c.verified_by = "Quality manager".into();
            c.checked_on = Some(day(t + 2));
        })
        .expect("in Check");
        step(log, Stage::Act, &mut t);
        let lessons = short(&mut rng);
        log.edit_act(id, |a| {
            a.decision = Some(ActDecision::Standardise);
            a.lessons = lessons;
        })
        .expect("in Act");
        if end == Stage::Closed {
            step(log, Stage::Closed, &mut t);
        }
    }
    wb.updated_at = stamp(330, 0);
    wb
}
