//! Native tests for the service portfolio: lifecycle rules, dependency
//! checks, derived portfolio parts, hints, validation and CSV.

use clausebook_core::calendar::{IsoDate, Timestamp};
use clausebook_core::file::export;
use clausebook_core::framework::{self, RequirementId};
use clausebook_core::limits;
use clausebook_core::portfolio::{
    self, Decision, Gap, Lifecycle, Part, Portfolio, PortfolioError, Priority, ServiceId,
    ServiceKind, Times,
};
use clausebook_core::validation::ValidationError;
use clausebook_core::workbook::Workbook;

use crate::support::{assert_each_refused, assert_starts_with};

fn now() -> Timestamp {
    "2026-11-25T10:00:00.000Z".parse().unwrap()
}

fn day(d: u8) -> IsoDate {
    IsoDate::new(2026, 11, d).unwrap()
}

fn decision(why: &str) -> Decision {
    Decision {
        who: "Sam Patel".into(),
        why: why.into(),
        on: day(25),
    }
}

fn propose(p: &mut Portfolio, name: &str, kind: ServiceKind) -> ServiceId {
    p.propose(name, kind, decision("New idea"), now()).unwrap()
}

/// Walks a service forward through the pipeline to `target`.
fn advance(p: &mut Portfolio, id: ServiceId, target: Lifecycle) {
    for &step in target.way_forward() {
        if p.get(id).unwrap().status == target {
            return;
        }
        move_to(p, id, step, "Next step").unwrap_or_else(|e| panic!("{e}"));
    }
}

/// Moves a service to `to`, decided by Sam Patel for `why`.
fn move_to(
    p: &mut Portfolio,
    id: ServiceId,
    to: Lifecycle,
    why: &str,
) -> Result<(), PortfolioError> {
    p.move_service(id, to, decision(why), now())
}

fn live(p: &mut Portfolio, name: &str, kind: ServiceKind) -> ServiceId {
    let id = propose(p, name, kind);
    advance(p, id, Lifecycle::Live);
    id
}

fn workbook_with(portfolio: Portfolio) -> Workbook {
    let mut wb = Workbook::create("Harbour Street IT", "", framework::iso20000(), now()).unwrap();
    wb.portfolio = portfolio;
    wb
}

#[test]
fn the_way_forward_is_each_legal_step_from_proposed_to_the_status() {
    for status in Lifecycle::ALL {
        let mut at = Lifecycle::Proposed;
        for &step in status.way_forward() {
            assert!(at.next().contains(&step), "{at:?} to {step:?}");
            at = step;
        }
        if status != Lifecycle::Cancelled {
            assert_eq!(at, status);
        }
    }
    assert!(Lifecycle::Cancelled.way_forward().is_empty());
    assert_eq!(Lifecycle::Retired.way_forward().len(), 7);
}

// ---------- ids ----------

#[test]
fn service_ids_display_and_parse() {
    assert_eq!(ServiceId(7).to_string(), "SVC-0007");
    assert_eq!("SVC-0007".parse::<ServiceId>().unwrap(), ServiceId(7));
    assert_eq!("svc-12".parse::<ServiceId>().unwrap(), ServiceId(12));
    assert_eq!("3".parse::<ServiceId>().unwrap(), ServiceId(3));
    assert_each_refused::<ServiceId>(
        &["", "SVC-", "SVC-x1", "catalogue", "-1", "SVC-99999999999"],
        |e| matches!(e, PortfolioError::BadServiceId(_)),
    );
}

#[test]
fn new_services_are_numbered_after_the_highest() {
    let mut p = Portfolio::default();
    assert_eq!(
        propose(&mut p, "Email", ServiceKind::CustomerFacing),
        ServiceId(1)
    );
    assert_eq!(
        propose(&mut p, "Directory", ServiceKind::Supporting),
        ServiceId(2)
    );
    p.services.remove(0);
    assert_eq!(p.next_id(), ServiceId(3));
}

// ---------- proposing ----------

#[test]
fn a_proposal_starts_in_the_pipeline_with_its_history() {
    let mut p = Portfolio::default();
    let id = propose(&mut p, "  Email  ", ServiceKind::CustomerFacing);
    let s = p.get(id).unwrap();
    assert_eq!(s.name, "Email");
    assert_eq!(s.status, Lifecycle::Proposed);
    assert_eq!(s.part(), Part::Pipeline);
    assert_eq!(s.history.len(), 1);
    assert_eq!(s.history[0].from, None);
    assert_eq!(s.history[0].to, Lifecycle::Proposed);
    assert_eq!(s.history[0].who, "Sam Patel");
}

#[test]
fn names_are_required_and_unique() {
    let mut p = Portfolio::default();
    assert_eq!(
        p.propose("  ", ServiceKind::Supporting, decision("x"), now()),
        Err(PortfolioError::MissingName)
    );
    propose(&mut p, "Email", ServiceKind::CustomerFacing);
    let err = p
        .propose("email", ServiceKind::Supporting, decision("x"), now())
        .unwrap_err();
    assert!(matches!(err, PortfolioError::DuplicateName(_)));
    assert!(err.to_string().contains("already called"));
    let long = "x".repeat(limits::MAX_NAME_CHARS + 1);
    assert!(matches!(
        p.propose(&long, ServiceKind::Supporting, decision("x"), now()),
        Err(PortfolioError::Text { .. })
    ));
    let id = propose(&mut p, "Hosting", ServiceKind::CustomerFacing);
    assert!(p.rename(id, "EMAIL").is_err());
    p.rename(id, "Web hosting").unwrap();
    assert_eq!(p.get(id).unwrap().name, "Web hosting");
    // Renaming to its own name (other case) is fine.
    p.rename(id, "web hosting").unwrap();
}

// ---------- lifecycle ----------

#[test]
fn the_portfolio_part_is_derived_from_the_status() {
    use Lifecycle::*;
    for s in [Proposed, Approved, Designed, Built, InTransition] {
        assert_eq!(s.part(), Part::Pipeline, "{s}");
    }
    assert_eq!(Live.part(), Part::Catalogue);
    for s in [Retiring, Retired, Cancelled] {
        assert_eq!(s.part(), Part::Retired, "{s}");
    }
}

#[test]
fn the_transition_table_is_exactly_as_documented() {
    use Lifecycle::*;
    let allowed: Vec<(Lifecycle, Lifecycle)> = Lifecycle::ALL
        .into_iter()
        .flat_map(|from| Lifecycle::ALL.into_iter().map(move |to| (from, to)))
        .filter(|(from, to)| from.can_move_to(*to))
        .collect();
    assert_eq!(
        allowed,
        vec![
            (Proposed, Approved),
            (Proposed, Cancelled),
            (Approved, Designed),
            (Approved, Cancelled),
            (Designed, Built),
            (Designed, Cancelled),
            (Built, InTransition),
            (Built, Cancelled),
            (InTransition, Built),
            (InTransition, Live),
            (InTransition, Cancelled),
            (Live, Retiring),
            (Retiring, Live),
            (Retiring, Retired),
        ]
    );
}

#[test]
fn a_service_goes_from_proposed_to_live_and_each_move_is_recorded() {
    let mut p = Portfolio::default();
    let id = propose(&mut p, "Email", ServiceKind::CustomerFacing);
    advance(&mut p, id, Lifecycle::Live);
    let s = p.get(id).unwrap();
    assert_eq!(s.status, Lifecycle::Live);
    assert_eq!(s.part(), Part::Catalogue);
    let steps: Vec<_> = s.history.iter().map(|m| (m.from, m.to)).collect();
    assert_eq!(
        steps,
        vec![
            (None, Lifecycle::Proposed),
            (Some(Lifecycle::Proposed), Lifecycle::Approved),
            (Some(Lifecycle::Approved), Lifecycle::Designed),
            (Some(Lifecycle::Designed), Lifecycle::Built),
            (Some(Lifecycle::Built), Lifecycle::InTransition),
            (Some(Lifecycle::InTransition), Lifecycle::Live),
        ]
    );
    assert!(s.history.iter().all(|m| m.who == "Sam Patel"));
    assert_eq!(s.live_since(), Some(day(25)));
    assert_eq!(p.catalogue().len(), 1);
}

#[test]
fn skipping_steps_is_refused_with_the_allowed_moves() {
    let mut p = Portfolio::default();
    let id = propose(&mut p, "Email", ServiceKind::CustomerFacing);
    let err = move_to(&mut p, id, Lifecycle::Live, "Hurry").unwrap_err();
    assert_eq!(
        err.to_string(),
        "SVC-0001 Email cannot move from Proposed to Live. From Proposed it can move to: Approved, Cancelled."
    );
    assert_eq!(p.get(id).unwrap().status, Lifecycle::Proposed);
    assert_eq!(p.get(id).unwrap().history.len(), 1);
}

#[test]
fn moving_to_the_same_status_is_refused() {
    let mut p = Portfolio::default();
    let id = propose(&mut p, "Email", ServiceKind::CustomerFacing);
    assert!(matches!(
        move_to(&mut p, id, Lifecycle::Proposed, "x"),
        Err(PortfolioError::AlreadyThere { .. })
    ));
}

#[test]
fn retired_and_cancelled_are_final() {
    let mut p = Portfolio::default();
    let a = propose(&mut p, "Fax", ServiceKind::CustomerFacing);
    advance(&mut p, a, Lifecycle::Retired);
    let b = propose(&mut p, "Blockchain", ServiceKind::CustomerFacing);
    move_to(&mut p, b, Lifecycle::Cancelled, "No business case").unwrap();
    assert_eq!(p.get(b).unwrap().part(), Part::Retired);
    for id in [a, b] {
        let err = move_to(&mut p, id, Lifecycle::Proposed, "Again").unwrap_err();
        assert!(matches!(err, PortfolioError::Final { .. }));
        assert!(err.to_string().contains("final"), "{err}");
    }
}

#[test]
fn a_live_service_cannot_be_cancelled_only_retired() {
    let mut p = Portfolio::default();
    let id = live(&mut p, "Email", ServiceKind::CustomerFacing);
    assert!(matches!(
        move_to(&mut p, id, Lifecycle::Cancelled, "x"),
        Err(PortfolioError::NotAllowed { .. })
    ));
    move_to(&mut p, id, Lifecycle::Retiring, "Replaced").unwrap();
    assert_eq!(p.get(id).unwrap().part(), Part::Retired);
    // Retirement can be called off.
    move_to(&mut p, id, Lifecycle::Live, "Replacement late").unwrap();
    assert_eq!(p.get(id).unwrap().part(), Part::Catalogue);
}

#[test]
fn a_transition_can_be_backed_out() {
    let mut p = Portfolio::default();
    let id = propose(&mut p, "Email", ServiceKind::CustomerFacing);
    advance(&mut p, id, Lifecycle::InTransition);
    move_to(&mut p, id, Lifecycle::Built, "Failed acceptance").unwrap();
    assert_eq!(p.get(id).unwrap().status, Lifecycle::Built);
}

#[test]
fn every_move_needs_who_and_why() {
    let mut p = Portfolio::default();
    let id = propose(&mut p, "Email", ServiceKind::CustomerFacing);
    let mut d = decision("Approved by board");
    d.who = "  ".into();
    assert_eq!(
        p.move_service(id, Lifecycle::Approved, d, now())
            .unwrap_err()
            .to_string(),
        "Say who decided to move SVC-0001 Email."
    );
    let mut d = decision(" ");
    d.who = "Sam".into();
    assert!(matches!(
        p.move_service(id, Lifecycle::Approved, d, now()),
        Err(PortfolioError::MissingWhy(_))
    ));
    assert_eq!(p.get(id).unwrap().history.len(), 1);
}

#[test]
fn a_move_cannot_take_effect_before_the_previous_one() {
    let mut p = Portfolio::default();
    let id = propose(&mut p, "Email", ServiceKind::CustomerFacing);
    let mut d = decision("Backdated");
    d.on = day(1);
    let err = p
        .move_service(id, Lifecycle::Approved, d, now())
        .unwrap_err();
    assert!(matches!(err, PortfolioError::BeforePreviousMove { .. }));
    assert!(err.to_string().contains("2026-11-25"), "{err}");
}

#[test]
fn moving_an_unknown_service_is_refused() {
    let mut p = Portfolio::default();
    assert_eq!(
        move_to(&mut p, ServiceId(9), Lifecycle::Approved, "x"),
        Err(PortfolioError::UnknownService(ServiceId(9)))
    );
}

// ---------- dependencies ----------

#[test]
fn a_supporting_service_cannot_be_retired_while_a_live_service_depends_on_it() {
    let mut p = Portfolio::default();
    let dir = live(&mut p, "Directory", ServiceKind::Supporting);
    let email = live(&mut p, "Email", ServiceKind::CustomerFacing);
    let web = live(&mut p, "Web hosting", ServiceKind::CustomerFacing);
    p.add_dependency(email, dir).unwrap();
    p.add_dependency(web, dir).unwrap();
    let err = move_to(&mut p, dir, Lifecycle::Retiring, "Old").unwrap_err();
    assert_eq!(
        err.to_string(),
        "SVC-0001 Directory cannot be retired while live services depend on it: SVC-0002 Email, SVC-0003 Web hosting. Move them to other services or retire them first."
    );
    assert_eq!(p.get(dir).unwrap().status, Lifecycle::Live);
    // Once the dependants are retiring, it can go.
    for id in [email, web] {
        move_to(&mut p, id, Lifecycle::Retiring, "Replaced").unwrap();
    }
    move_to(&mut p, dir, Lifecycle::Retiring, "Old").unwrap();
}

#[test]
fn a_service_cannot_go_live_before_what_it_depends_on() {
    let mut p = Portfolio::default();
    let dir = propose(&mut p, "Directory", ServiceKind::Supporting);
    let email = propose(&mut p, "Email", ServiceKind::CustomerFacing);
    p.add_dependency(email, dir).unwrap();
    advance(&mut p, email, Lifecycle::InTransition);
    let err = move_to(&mut p, email, Lifecycle::Live, "Go").unwrap_err();
    assert!(matches!(err, PortfolioError::DependencyNotLive { .. }));
    assert!(
        err.to_string().contains("SVC-0001 Directory (Proposed)"),
        "{err}"
    );
    advance(&mut p, dir, Lifecycle::Live);
    move_to(&mut p, email, Lifecycle::Live, "Go").unwrap();
}

#[test]
fn cycles_are_refused_naming_the_services() {
    let mut p = Portfolio::default();
    let a = propose(&mut p, "A", ServiceKind::CustomerFacing);
    let b = propose(&mut p, "B", ServiceKind::Supporting);
    let c = propose(&mut p, "C", ServiceKind::Supporting);
    p.add_dependency(a, b).unwrap();
    p.add_dependency(b, c).unwrap();
    let err = p.add_dependency(c, a).unwrap_err();
    assert_eq!(
        err.to_string(),
        "That dependency would make a cycle: SVC-0003 C → SVC-0001 A → SVC-0002 B → SVC-0003 C. Services cannot depend on each other in a circle."
    );
    assert!(p.get(c).unwrap().depends_on.is_empty());
    assert_eq!(p.find_cycle(), None);
}

/// A cycle that only an imported file can contain is found, wherever the
/// walk starts, and named from one service back to itself; shared
/// dependencies (a diamond) are not mistaken for a cycle.
#[test]
fn imported_cycles_are_found_and_diamonds_are_not() {
    let mut p = Portfolio::default();
    let ids: Vec<_> = ["A", "B", "C", "D", "E"]
        .into_iter()
        .map(|n| propose(&mut p, n, ServiceKind::Supporting))
        .collect();
    let [a, b, c, d, e] = ids[..] else {
        unreachable!()
    };
    // A → B → D and A → C → D: a diamond, no cycle.
    p.add_dependency(a, b).unwrap();
    p.add_dependency(a, c).unwrap();
    p.add_dependency(b, d).unwrap();
    p.add_dependency(c, d).unwrap();
    assert_eq!(p.find_cycle(), None);
    // D → E → C closes C → D → E → C, as a hand-edited file could.
    p.add_dependency(d, e).unwrap();
    p.services
        .iter_mut()
        .find(|s| s.id == e)
        .unwrap()
        .depends_on
        .push(c);
    let cycle = p.find_cycle().expect("a cycle");
    assert_eq!(cycle.first(), cycle.last());
    let mut members = cycle[1..].to_vec();
    members.sort();
    assert_eq!(members, vec![c, d, e]);
    // A self-dependency is the shortest cycle.
    let mut q = Portfolio::default();
    let s = propose(&mut q, "S", ServiceKind::Supporting);
    q.services[0].depends_on.push(s);
    assert_eq!(q.find_cycle(), Some(vec![s, s]));
}

#[test]
fn dependency_links_are_checked() {
    let mut p = Portfolio::default();
    let a = live(&mut p, "A", ServiceKind::CustomerFacing);
    let b = propose(&mut p, "B", ServiceKind::Supporting);
    let ended = propose(&mut p, "Old", ServiceKind::Supporting);
    move_to(&mut p, ended, Lifecycle::Cancelled, "x").unwrap();
    assert!(matches!(
        p.add_dependency(a, a),
        Err(PortfolioError::SelfDependency(_))
    ));
    assert_eq!(
        p.add_dependency(a, ServiceId(99)),
        Err(PortfolioError::UnknownService(ServiceId(99)))
    );
    assert!(matches!(
        p.add_dependency(a, b),
        Err(PortfolioError::LiveOnNotLive { .. })
    ));
    assert!(matches!(
        p.add_dependency(b, ended),
        Err(PortfolioError::DependsOnEnded { .. })
    ));
    p.add_dependency(b, a).unwrap();
    assert!(matches!(
        p.add_dependency(b, a),
        Err(PortfolioError::AlreadyDepends { .. })
    ));
    assert_eq!(p.dependants(a).map(|s| s.id).collect::<Vec<_>>(), vec![b]);
    p.remove_dependency(b, a).unwrap();
    assert_eq!(p.dependants(a).count(), 0);
}

// ---------- editing, hints ----------

#[test]
fn edit_keeps_status_history_and_dependencies() {
    let mut p = Portfolio::default();
    let a = propose(&mut p, "A", ServiceKind::CustomerFacing);
    let b = propose(&mut p, "B", ServiceKind::Supporting);
    p.add_dependency(a, b).unwrap();
    p.edit(a, |s| {
        s.owner = "Jo".into();
        s.status = Lifecycle::Live;
        s.history.clear();
        s.depends_on.clear();
        s.id = ServiceId(42);
    })
    .unwrap();
    let s = p.get(a).unwrap();
    assert_eq!(s.owner, "Jo");
    assert_eq!(s.status, Lifecycle::Proposed);
    assert_eq!(s.history.len(), 1);
    assert_eq!(s.depends_on, vec![b]);
}

#[test]
fn live_services_without_owner_customers_or_sla_are_flagged() {
    let mut p = Portfolio::default();
    let planned = propose(&mut p, "Planned", ServiceKind::CustomerFacing);
    let bare = live(&mut p, "Bare", ServiceKind::CustomerFacing);
    let full = live(&mut p, "Full", ServiceKind::CustomerFacing);
    p.edit(full, |s| {
        s.owner = "Jo".into();
        s.customers = "All staff".into();
        s.sla.availability = Some(99.5);
    })
    .unwrap();
    assert!(p.get(planned).unwrap().gaps().is_empty());
    assert_eq!(
        p.get(bare).unwrap().gaps(),
        vec![Gap::NoOwner, Gap::NoCustomers, Gap::NoSlaTargets]
    );
    let hints = p.hints();
    assert_eq!(hints.len(), 1);
    assert_eq!(hints[0].id, bare);
    let catalogue = p.hints_for(&RequirementId::from("8.2.4"));
    assert_eq!(catalogue[0].gaps, vec![Gap::NoOwner, Gap::NoCustomers]);
    let levels = p.hints_for(&RequirementId::from("8.3.3"));
    assert_eq!(levels[0].gaps, vec![Gap::NoSlaTargets]);
    assert!(p.hints_for(&RequirementId::from("4.1")).is_empty());
    // Response times alone count as SLA targets.
    p.edit(bare, |s| {
        s.sla.set_times(
            Priority::P1,
            Times {
                response_minutes: Some(30),
                resolution_minutes: None,
            },
        )
    })
    .unwrap();
    assert!(p.hints_for(&RequirementId::from("8.3.3")).is_empty());
    // Both gap requirements exist as leaves of the framework.
    for gap in [Gap::NoOwner, Gap::NoSlaTargets] {
        assert!(framework::iso20000().is_leaf(&RequirementId::from(gap.requirement())));
    }
}

#[test]
fn the_catalogue_lists_only_live_services_by_name() {
    let mut p = Portfolio::default();
    live(&mut p, "Zebra", ServiceKind::CustomerFacing);
    propose(&mut p, "Planned", ServiceKind::CustomerFacing);
    live(&mut p, "alpha", ServiceKind::Supporting);
    let names: Vec<_> = p.catalogue().iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, vec!["alpha", "Zebra"]);
    assert_eq!(p.count(Part::Pipeline), 1);
    assert_eq!(p.count(Part::Catalogue), 2);
    assert_eq!(p.count(Part::Retired), 0);
}

#[test]
fn requirement_links_must_be_leaves() {
    let fw = framework::iso20000();
    let mut p = Portfolio::default();
    let a = propose(&mut p, "A", ServiceKind::CustomerFacing);
    p.link_requirement(a, &"8.2.4".into(), fw).unwrap();
    assert!(matches!(
        p.link_requirement(a, &"8.2.4".into(), fw),
        Err(PortfolioError::AlreadyLinked { .. })
    ));
    assert!(matches!(
        p.link_requirement(a, &"8.2".into(), fw),
        Err(PortfolioError::UnknownRequirement { .. })
    ));
    assert!(p.link_requirement(a, &"99.1".into(), fw).is_err());
    p.unlink_requirement(a, &"8.2.4".into()).unwrap();
    assert!(p.get(a).unwrap().requirements.is_empty());
}

// ---------- SLA parsing ----------

#[test]
fn availability_is_parsed_with_clear_errors() {
    assert_eq!(portfolio::parse_availability(""), Ok(None));
    assert_eq!(portfolio::parse_availability("99.9"), Ok(Some(99.9)));
    assert_eq!(portfolio::parse_availability(" 99,5 % "), Ok(Some(99.5)));
    assert_eq!(portfolio::parse_availability("100"), Ok(Some(100.0)));
    for bad in ["101", "-1", "abc", "NaN", "inf"] {
        let err = portfolio::parse_availability(bad).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("Availability must be a percentage from 0 to 100"),
            "{err}"
        );
    }
}

#[test]
fn hours_are_parsed_into_minutes() {
    let p = |t| portfolio::parse_hours(t, "response target", Priority::P1);
    assert_eq!(p(""), Ok(None));
    assert_eq!(p("4"), Ok(Some(240)));
    assert_eq!(p("0.5"), Ok(Some(30)));
    assert_eq!(p("1,5"), Ok(Some(90)));
    let err = p("two").unwrap_err();
    assert_eq!(
        err.to_string(),
        "The response target for P1 must be a number of hours, such as 4 or 0.5, up to one year; “two” is not."
    );
    assert!(p("-1").is_err());
    assert!(p("9000").is_err());
    assert_eq!(portfolio::format_hours(240), "4");
    assert_eq!(portfolio::format_hours(90), "1.5");
    assert_eq!(portfolio::format_hours(20), "0.33");
    assert_eq!(portfolio::format_percent(99.90), "99.9");
    assert_eq!(portfolio::format_percent(100.0), "100");
}

#[test]
fn resolution_cannot_be_shorter_than_response() {
    let mut p = Portfolio::default();
    let a = propose(&mut p, "A", ServiceKind::CustomerFacing);
    p.edit(a, |s| {
        s.sla.set_times(
            Priority::P2,
            Times {
                response_minutes: Some(120),
                resolution_minutes: Some(60),
            },
        )
    })
    .unwrap();
    assert_eq!(
        p.get(a).unwrap().sla.check(),
        Err(PortfolioError::ResolutionBeforeResponse(Priority::P2))
    );
    let err = workbook_with(p).validate().unwrap_err();
    assert!(err.to_string().contains("P2"), "{err}");
}

// ---------- validation on import ----------

fn import_error(p: Portfolio) -> String {
    let wb = workbook_with(p);
    let text = export::export_json(&wb, now());
    export::read_import(text.as_bytes())
        .unwrap_err()
        .to_string()
}

#[test]
fn a_valid_portfolio_passes_validation_and_round_trips() {
    let mut p = Portfolio::default();
    let dir = live(&mut p, "Directory", ServiceKind::Supporting);
    let email = live(&mut p, "Email", ServiceKind::CustomerFacing);
    p.add_dependency(email, dir).unwrap();
    p.link_requirement(email, &"8.2.4".into(), framework::iso20000())
        .unwrap();
    p.edit(email, |s| {
        s.sla.availability = Some(99.9);
        s.target_date = Some(day(30));
    })
    .unwrap();
    let wb = workbook_with(p);
    wb.validate().unwrap();
    let text = export::export_json(&wb, now());
    let back = export::read_import(text.as_bytes()).unwrap();
    assert_eq!(back.envelope.workbook.portfolio, wb.portfolio);
}

#[test]
fn the_empty_register_of_schema_3_still_reads() {
    let p: Portfolio = serde_json::from_str(r#"{"services": []}"#).unwrap();
    assert!(p.services.is_empty());
    // A minimal service from before the lifecycle fields existed.
    let p: Portfolio = serde_json::from_str(
        r#"{"services": [{"id": 1, "name": "Email", "history": [{"from": null, "to": "proposed", "on": "2026-11-01", "recorded_at": "2026-11-01T09:00:00Z", "who": "Jo", "why": "Idea"}]}]}"#,
    )
    .unwrap();
    assert_eq!(p.services[0].status, Lifecycle::Proposed);
    assert_eq!(p.services[0].kind, ServiceKind::CustomerFacing);
    workbook_with(p).validate().unwrap();
}

#[test]
fn the_portfolio_fixture_imports() {
    let text = std::fs::read_to_string("tests/fixtures/workbook-v3-portfolio.json").unwrap();
    let preview = export::read_import(text.as_bytes()).unwrap();
    let p = preview.envelope.workbook.portfolio;
    assert_eq!(p.services.len(), 3);
    assert_eq!(p.count(Part::Catalogue), 2);
    assert_eq!(p.count(Part::Pipeline), 1);
    let email = p.get(ServiceId(2)).unwrap();
    assert_eq!(email.depends_on, vec![ServiceId(1)]);
    assert_eq!(email.sla.times(Priority::P1).response_minutes, Some(30));
}

#[test]
fn validation_refuses_duplicate_ids() {
    let mut p = Portfolio::default();
    propose(&mut p, "A", ServiceKind::CustomerFacing);
    let mut copy = p.services[0].clone();
    copy.name = "B".into();
    p.services.push(copy);
    assert!(import_error(p).contains("Service SVC-0001 appears more than once."));
}

#[test]
fn validation_refuses_dangling_dependencies() {
    let mut p = Portfolio::default();
    let a = propose(&mut p, "A", ServiceKind::CustomerFacing);
    p.services[0].depends_on.push(ServiceId(7));
    let _ = a;
    assert_eq!(
        import_error(p),
        "Service SVC-0001 depends on SVC-0007, which is not in the portfolio."
    );
}

#[test]
fn validation_refuses_cycles_and_names_them() {
    let mut p = Portfolio::default();
    let a = propose(&mut p, "A", ServiceKind::CustomerFacing);
    let b = propose(&mut p, "B", ServiceKind::Supporting);
    p.add_dependency(a, b).unwrap();
    p.services[1].depends_on.push(a);
    let err = import_error(p);
    assert!(err.contains("cycle"), "{err}");
    assert!(
        err.contains("SVC-0001 A → SVC-0002 B → SVC-0001 A"),
        "{err}"
    );
    let mut p = Portfolio::default();
    propose(&mut p, "Self", ServiceKind::CustomerFacing);
    p.services[0].depends_on.push(ServiceId(1));
    assert!(import_error(p).contains("cannot depend on itself"));
}

#[test]
fn validation_refuses_over_long_or_control_text() {
    let mut p = Portfolio::default();
    propose(&mut p, "A", ServiceKind::CustomerFacing);
    p.services[0].description = "x".repeat(limits::MAX_TEXT_CHARS + 1);
    let err = import_error(p);
    assert!(
        err.starts_with("Service SVC-0001: The description is"),
        "{err}"
    );
    let mut p = Portfolio::default();
    propose(&mut p, "A", ServiceKind::CustomerFacing);
    p.services[0].owner = "Jo\u{0007}".into();
    assert!(import_error(p).contains("control characters"));
    let mut p = Portfolio::default();
    propose(&mut p, "A", ServiceKind::CustomerFacing);
    p.services[0].name = " ".into();
    assert!(import_error(p).contains("Give the service a name."));
}

#[test]
fn validation_refuses_bad_requirements_history_and_availability() {
    let mut p = Portfolio::default();
    propose(&mut p, "A", ServiceKind::CustomerFacing);
    p.services[0].requirements.push("8.2".into());
    assert!(import_error(p).contains("requirement “8.2”"));

    let mut p = Portfolio::default();
    propose(&mut p, "A", ServiceKind::CustomerFacing);
    p.services[0].status = Lifecycle::Live;
    assert_eq!(
        import_error(p),
        "Service SVC-0001 is Live, but its history ends at Proposed."
    );

    let mut p = Portfolio::default();
    let a = propose(&mut p, "A", ServiceKind::CustomerFacing);
    advance(&mut p, a, Lifecycle::Designed);
    p.services[0].history.remove(1);
    assert_eq!(
        import_error(p),
        "The history of service SVC-0001 is broken: a move from Approved follows a move to Proposed."
    );

    let mut p = Portfolio::default();
    propose(&mut p, "A", ServiceKind::CustomerFacing);
    p.services[0].history.clear();
    assert!(import_error(p).contains("no lifecycle history"));

    let mut p = Portfolio::default();
    propose(&mut p, "A", ServiceKind::CustomerFacing);
    p.services[0].sla.availability = Some(150.0);
    assert!(import_error(p).starts_with("Availability must be a percentage"));
}

#[test]
fn portfolio_errors_surface_through_validation() {
    let err: ValidationError = PortfolioError::DuplicateId(ServiceId(1)).into();
    assert_eq!(err.to_string(), "Service SVC-0001 appears more than once.");
}

// ---------- CSV ----------

#[test]
fn csv_export_has_one_row_per_service_with_every_column() {
    let mut p = Portfolio::default();
    let dir = live(&mut p, "Directory", ServiceKind::Supporting);
    let email = live(&mut p, "Email, calendar", ServiceKind::CustomerFacing);
    p.add_dependency(email, dir).unwrap();
    p.link_requirement(email, &"8.3.3".into(), framework::iso20000())
        .unwrap();
    p.edit(email, |s| {
        s.owner = "Jo".into();
        s.sla.availability = Some(99.9);
        s.sla.set_times(
            Priority::P1,
            Times {
                response_minutes: Some(30),
                resolution_minutes: Some(240),
            },
        );
    })
    .unwrap();
    let csv = p.to_csv();
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(lines.len(), 4, "header, two rows and the final empty line");
    assert!(lines[0].starts_with(
        "id,name,type,status,portfolio part,owner,customers,criticality,service hours,availability %,P1 response (hours),P1 resolution (hours)"
    ));
    assert!(lines[0].ends_with("target date,review date,live since"));
    assert!(lines[1].starts_with("SVC-0001,Directory,Supporting,Live,Catalogue,"));
    assert_starts_with(
        lines[2],
        "SVC-0002,\"Email, calendar\",Customer-facing,Live,Catalogue,Jo,,Medium,,99.9,0.5,4,",
    );
    assert!(lines[2].contains(",SVC-0001,,8.3.3,"), "{}", lines[2]);
    assert!(lines[2].ends_with(",2026-11-25"));
    let columns = lines[0].split(',').count();
    assert_eq!(columns, 28);
}

#[test]
fn csv_export_neutralises_formulas_in_service_text() {
    let mut p = Portfolio::default();
    let a = propose(
        &mut p,
        "=HYPERLINK(\"http://x\")",
        ServiceKind::CustomerFacing,
    );
    p.edit(a, |s| s.owner = "@SUM(A1)".into()).unwrap();
    let csv = p.to_csv();
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{csv}");
    assert!(csv.contains(",'@SUM(A1),"), "{csv}");
}

#[test]
fn csv_file_names_follow_the_organisation() {
    assert_eq!(
        portfolio::csv_file_name("Harbour Street IT", day(25)),
        "harbour-street-it-portfolio-2026-11-25.csv"
    );
    assert_eq!(
        portfolio::csv_file_name("!!!", day(25)),
        "portfolio-2026-11-25.csv"
    );
}
