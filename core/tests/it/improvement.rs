//! The improvement log: every stage rule and transition, follow-ups, history,
//! validation on import, filters and the CSV export.

use clausebook_core::calendar::{IsoDate, Timestamp};
use clausebook_core::file::schema;
use clausebook_core::framework::{self, RequirementId};
use clausebook_core::improvement::{
    self, ActDecision, CSV_COLUMNS, Filter, ImprovementError, ImprovementId, ImprovementLog, Kind,
    NewItem, Priority, SearchIndex, SortKey, Stage,
};
use clausebook_core::portfolio::{Decision, ServiceId, ServiceKind};
use clausebook_core::validation::ValidationError;
use clausebook_core::workbook::Workbook;

use crate::support::{assert_each_refused, assert_starts_with, walk, with};

fn at(n: u32) -> Timestamp {
    format!("2026-11-25T10:{:02}:00.000Z", n % 60)
        .parse()
        .unwrap()
}

fn day(text: &str) -> IsoDate {
    text.parse().unwrap()
}

const TODAY: &str = "2026-11-25";

fn log_with_one() -> (ImprovementLog, ImprovementId) {
    let mut log = ImprovementLog::default();
    let id = log
        .raise(
            NewItem::titled("Change approvals skipped"),
            day(TODAY),
            at(0),
        )
        .unwrap();
    (log, id)
}

fn fill_plan(log: &mut ImprovementLog, id: ImprovementId) {
    log.edit_plan(id, |p| {
        p.problem = "Three emergency changes went in without approval".into();
        p.root_cause = "No out-of-hours approver".into();
        p.planned_actions = "Name a deputy CAB chair".into();
        p.success_measure = "Unapproved changes per month".into();
        p.success_target = "0 for three months".into();
    })
    .unwrap();
}

fn to_check(log: &mut ImprovementLog, id: ImprovementId) {
    fill_plan(log, id);
    log.move_item(id, Stage::Do, day(TODAY), at(1)).unwrap();
    log.edit_do(id, |d| {
        d.actions_taken = "Deputy named; rota published".into();
        d.done_on = Some(day("2026-11-20"));
    })
    .unwrap();
    log.move_item(id, Stage::Check, day(TODAY), at(2)).unwrap();
}

/// One item, taken through Plan and Do into Check.
fn in_check() -> (ImprovementLog, ImprovementId) {
    let (mut log, id) = log_with_one();
    to_check(&mut log, id);
    (log, id)
}

fn record_check(log: &mut ImprovementLog, id: ImprovementId, effective: bool) {
    log.edit_check(id, |c| {
        c.result = "1 unapproved change in December".into();
        c.effective = Some(effective);
        c.verified_by = "Internal auditor".into();
    })
    .unwrap();
}

/// Takes an item whose check is recorded through Act to Closed with
/// `decision`, the two moves stamped at minutes `minute` and `minute + 1`.
fn close(log: &mut ImprovementLog, id: ImprovementId, decision: ActDecision, minute: u32) {
    log.move_item(id, Stage::Act, day(TODAY), at(minute))
        .unwrap();
    log.edit_act(id, |a| a.decision = Some(decision)).unwrap();
    log.move_item(id, Stage::Closed, day(TODAY), at(minute + 1))
        .unwrap();
}

fn workbook() -> Workbook {
    Workbook::create("Harbour Street IT", "", framework::iso20000(), at(0)).unwrap()
}

fn validate(wb: &Workbook) -> Result<(), ImprovementError> {
    wb.improvements
        .validate(framework::iso20000(), &wb.portfolio)
}

// --- ids -----------------------------------------------------------------

#[test]
fn ids_read_and_print_as_imp_numbers() {
    assert_eq!(ImprovementId(7).to_string(), "IMP-0007");
    assert_eq!(
        "IMP-0007".parse::<ImprovementId>().unwrap(),
        ImprovementId(7)
    );
    assert_eq!(
        "imp-12".parse::<ImprovementId>().unwrap(),
        ImprovementId(12)
    );
    assert_eq!("3".parse::<ImprovementId>().unwrap(), ImprovementId(3));
    assert_each_refused::<ImprovementId>(
        &[
            "",
            "IMP-",
            "IMP-0",
            "IMP-x1",
            "IMP-99999999999",
            "-1",
            "IMP-١",
        ],
        |e| matches!(e, ImprovementError::BadId(_)),
    );
}

#[test]
fn raising_numbers_items_and_starts_in_plan_with_history() {
    let (mut log, id) = log_with_one();
    assert_eq!(id, ImprovementId(1));
    let item = log.get(id).unwrap();
    assert_eq!(item.stage, Stage::Plan);
    assert_eq!(item.raised_on, day(TODAY));
    assert_eq!(item.cycle, 1);
    assert_eq!(item.history.len(), 1);
    assert_eq!(item.history[0].from, None);
    assert_eq!(item.history[0].to, Stage::Plan);
    let second = log
        .raise(NewItem::titled("  Second  "), day(TODAY), at(1))
        .unwrap();
    assert_eq!(second, ImprovementId(2));
    assert_eq!(log.get(second).unwrap().title, "Second");
    assert_eq!(
        log.raise(NewItem::titled("   "), day(TODAY), at(2)),
        Err(ImprovementError::MissingTitle)
    );
    let long = NewItem::titled(&"x".repeat(201));
    assert!(matches!(
        log.raise(long, day(TODAY), at(2)),
        Err(ImprovementError::Text(_))
    ));
}

#[test]
fn next_id_never_reuses_a_number() {
    let mut log = ImprovementLog::default();
    for _ in 0..3 {
        log.raise(NewItem::titled("x"), day(TODAY), at(0)).unwrap();
    }
    log.items.remove(1);
    assert_eq!(log.next_id(), ImprovementId(4));
}

// --- stage rules -----------------------------------------------------------

#[test]
fn plan_to_do_needs_problem_and_planned_actions() {
    let (mut log, id) = log_with_one();
    let err = log.move_item(id, Stage::Do, day(TODAY), at(1)).unwrap_err();
    assert_eq!(err, ImprovementError::PlanIncomplete(id));
    assert!(err.to_string().contains("describe the problem"), "{err}");
    log.edit_plan(id, |p| p.problem = "Approvals skipped".into())
        .unwrap();
    assert_eq!(
        log.check_move(id, Stage::Do),
        Err(ImprovementError::PlanIncomplete(id))
    );
    fill_plan(&mut log, id);
    log.move_item(id, Stage::Do, day(TODAY), at(1)).unwrap();
    assert_eq!(log.get(id).unwrap().stage, Stage::Do);
}

#[test]
fn cannot_reach_check_without_recorded_actions() {
    let (mut log, id) = log_with_one();
    fill_plan(&mut log, id);
    log.move_item(id, Stage::Do, day(TODAY), at(1)).unwrap();
    let err = log
        .move_item(id, Stage::Check, day(TODAY), at(2))
        .unwrap_err();
    assert_eq!(err, ImprovementError::NoActionsRecorded(id));
    assert_eq!(
        err.to_string(),
        "IMP-0001 cannot reach Check without recorded actions: record the actions taken in Do first."
    );
    // Blank space is not an action.
    log.edit_do(id, |d| d.actions_taken = "  \n ".into())
        .unwrap();
    assert!(log.check_move(id, Stage::Check).is_err());
    log.edit_do(id, |d| d.actions_taken = "Rota published".into())
        .unwrap();
    log.move_item(id, Stage::Check, day(TODAY), at(2)).unwrap();
}

#[test]
fn act_needs_a_judged_check_result() {
    let (mut log, id) = in_check();
    assert_eq!(
        log.check_move(id, Stage::Act),
        Err(ImprovementError::NoCheckResult(id))
    );
    // A result without a judgement is not enough, nor the reverse.
    log.edit_check(id, |c| c.result = "0 unapproved".into())
        .unwrap();
    assert_eq!(
        log.check_move(id, Stage::Act),
        Err(ImprovementError::NoCheckResult(id))
    );
    log.edit_check(id, |c| {
        c.result.clear();
        c.effective = Some(true);
    })
    .unwrap();
    assert_eq!(
        log.check_move(id, Stage::Act),
        Err(ImprovementError::NoCheckResult(id))
    );
    record_check(&mut log, id, true);
    log.move_item(id, Stage::Act, day(TODAY), at(3)).unwrap();
}

#[test]
fn closing_needs_a_check_result_and_an_act_decision() {
    let (mut log, id) = in_check();
    record_check(&mut log, id, true);
    log.move_item(id, Stage::Act, day(TODAY), at(3)).unwrap();
    assert_eq!(
        log.check_move(id, Stage::Closed),
        Err(ImprovementError::NoActDecision(id))
    );
    log.edit_act(id, |a| {
        a.decision = Some(ActDecision::Standardise);
        a.lessons = "Deputies for every approval role".into();
    })
    .unwrap();
    log.move_item(id, Stage::Closed, day("2026-11-26"), at(4))
        .unwrap();
    let item = log.get(id).unwrap();
    assert_eq!(item.stage, Stage::Closed);
    assert_eq!(item.closed_on, Some(day("2026-11-26")));
    let stages: Vec<_> = item.history.iter().map(|h| (h.from, h.to)).collect();
    let cycle = [
        Stage::Plan,
        Stage::Do,
        Stage::Check,
        Stage::Act,
        Stage::Closed,
    ];
    assert_eq!(stages, walk(&cycle));
    assert_eq!(item.history[4].at, at(4));
}

#[test]
fn a_closed_item_without_check_result_is_refused() {
    // Reached Act by the rules, then its check data removed by hand.
    let (mut log, id) = in_check();
    record_check(&mut log, id, true);
    log.move_item(id, Stage::Act, day(TODAY), at(3)).unwrap();
    log.edit_act(id, |a| a.decision = Some(ActDecision::Adjust))
        .unwrap();
    log.items[0].check.effective = None;
    let err = log.check_move(id, Stage::Closed).unwrap_err();
    assert_eq!(err, ImprovementError::CloseWithoutCheck(id));
    assert!(err.to_string().contains("without a Check result"));
}

#[test]
fn stages_cannot_be_skipped() {
    let (mut log, id) = log_with_one();
    fill_plan(&mut log, id);
    for to in [Stage::Check, Stage::Act, Stage::Closed] {
        let err = log.check_move(id, to).unwrap_err();
        assert_eq!(
            err,
            ImprovementError::NotAdjacent {
                id,
                from: Stage::Plan,
                to
            }
        );
        assert!(err.to_string().contains("one stage at a time"));
    }
    assert_eq!(
        log.check_move(id, Stage::Plan),
        Err(ImprovementError::AlreadyThere {
            id,
            stage: Stage::Plan
        })
    );
    assert_eq!(
        log.check_move(ImprovementId(9), Stage::Do),
        Err(ImprovementError::NotFound(ImprovementId(9)))
    );
}

#[test]
fn moving_back_one_stage_is_allowed_and_recorded() {
    let (mut log, id) = in_check();
    log.move_item(id, Stage::Do, day(TODAY), at(3)).unwrap();
    let item = log.get(id).unwrap();
    assert_eq!(item.stage, Stage::Do);
    assert_eq!(item.history.last().unwrap().from, Some(Stage::Check));
    log.move_item(id, Stage::Plan, day(TODAY), at(4)).unwrap();
    assert_eq!(log.get(id).unwrap().stage, Stage::Plan);
}

#[test]
fn reopening_a_closed_item_clears_its_closing_date() {
    let (mut log, id) = in_check();
    record_check(&mut log, id, true);
    close(&mut log, id, ActDecision::Standardise, 3);
    log.move_item(id, Stage::Act, day(TODAY), at(5)).unwrap();
    assert_eq!(log.get(id).unwrap().closed_on, None);
}

#[test]
fn only_the_current_stage_record_can_be_edited() {
    let (mut log, id) = log_with_one();
    let err = log
        .edit_do(id, |d| d.actions_taken = "x".into())
        .unwrap_err();
    assert_eq!(
        err,
        ImprovementError::SectionLocked {
            id,
            stage: Stage::Plan,
            section: Stage::Do
        }
    );
    assert!(err.to_string().contains("Move it back to Do"), "{err}");
    assert!(log.edit_check(id, |_| {}).is_err());
    assert!(log.edit_act(id, |_| {}).is_err());
    fill_plan(&mut log, id);
    log.move_item(id, Stage::Do, day(TODAY), at(1)).unwrap();
    assert!(log.edit_plan(id, |p| p.problem.clear()).is_err());
    assert!(!log.get(id).unwrap().plan.problem.is_empty());
}

#[test]
fn details_can_change_at_any_stage_but_not_stage_data() {
    let (mut log, id) = in_check();
    log.edit_details(id, |i| {
        i.title = "Renamed".into();
        i.owner = "Jo".into();
        i.priority = Priority::High;
        i.stage = Stage::Closed; // ignored
        i.doing.actions_taken.clear(); // ignored
    })
    .unwrap();
    let item = log.get(id).unwrap();
    assert_eq!(item.title, "Renamed");
    assert_eq!(item.priority, Priority::High);
    assert_eq!(item.stage, Stage::Check);
    assert!(!item.doing.actions_taken.is_empty());
    assert_eq!(
        log.edit_details(id, |i| i.title = " ".into()),
        Err(ImprovementError::MissingTitle)
    );
    assert_eq!(log.get(id).unwrap().title, "Renamed");
}

// --- ineffective checks ---------------------------------------------------

#[test]
fn an_ineffective_check_blocks_act_until_return_or_follow_up() {
    let (mut log, id) = in_check();
    record_check(&mut log, id, false);
    let err = log.check_move(id, Stage::Act).unwrap_err();
    assert_eq!(err, ImprovementError::IneffectiveNeedsFollowUp(id));
    assert!(err.to_string().contains("Return it to Plan"), "{err}");
}

#[test]
fn an_ineffective_check_returns_the_item_to_plan_for_a_new_cycle() {
    let (mut log, id) = in_check();
    record_check(&mut log, id, false);
    log.move_item(id, Stage::Plan, day(TODAY), at(3)).unwrap();
    let item = log.get(id).unwrap();
    assert_eq!(item.stage, Stage::Plan);
    assert_eq!(item.cycle, 2);
    assert_eq!(item.check.effective, None, "the next check starts fresh");
    let last = item.history.last().unwrap();
    assert_eq!((last.from, last.to), (Some(Stage::Check), Stage::Plan));
    assert!(last.note.contains("not effective"), "{}", last.note);
    assert!(last.note.contains("1 unapproved change"), "{}", last.note);
}

#[test]
fn only_an_ineffective_check_returns_to_plan() {
    let (mut log, id) = in_check();
    assert_eq!(
        log.check_move(id, Stage::Plan),
        Err(ImprovementError::ReturnNeedsIneffectiveCheck(id))
    );
    record_check(&mut log, id, true);
    assert_eq!(
        log.check_move(id, Stage::Plan),
        Err(ImprovementError::ReturnNeedsIneffectiveCheck(id))
    );
}

#[test]
fn a_follow_up_is_linked_and_lets_the_original_go_on() {
    let (mut log, id) = log_with_one();
    log.edit_details(id, |i| {
        i.requirements = vec!["8.5.1.2".into()];
        i.kind = Kind::Nonconformity;
    })
    .unwrap();
    to_check(&mut log, id);
    assert_eq!(
        log.open_follow_up(id, day(TODAY), at(3)),
        Err(ImprovementError::FollowUpNeedsIneffectiveCheck(id))
    );
    record_check(&mut log, id, false);
    let follow = log.open_follow_up(id, day(TODAY), at(3)).unwrap();
    assert_eq!(follow, ImprovementId(2));
    let f = log.get(follow).unwrap();
    assert_eq!(f.follow_up_of, Some(id));
    assert_eq!(f.stage, Stage::Plan);
    assert_eq!(f.kind, Kind::Nonconformity);
    assert_eq!(f.requirements, vec![RequirementId::from("8.5.1.2")]);
    assert!(f.title.starts_with("Follow-up to IMP-0001"));
    assert!(f.plan.problem.contains("1 unapproved change"));
    assert!(f.history[0].note.contains("follow-up of IMP-0001"));
    assert_eq!(
        log.follow_ups(id).map(|i| i.id).collect::<Vec<_>>(),
        vec![follow]
    );
    close(&mut log, id, ActDecision::NewCycle, 4);
}

// --- overdue and lists -----------------------------------------------------

#[test]
fn overdue_means_target_passed_and_not_closed() {
    let (mut log, id) = log_with_one();
    let today = day(TODAY);
    assert!(!log.get(id).unwrap().is_overdue(today), "no target date");
    log.edit_details(id, |i| i.target_date = Some(day("2026-11-25")))
        .unwrap();
    assert!(
        !log.get(id).unwrap().is_overdue(today),
        "due today is not late"
    );
    log.edit_details(id, |i| i.target_date = Some(day("2026-11-24")))
        .unwrap();
    assert!(log.get(id).unwrap().is_overdue(today));
    assert_eq!(log.overdue(today).len(), 1);
    to_check(&mut log, id);
    record_check(&mut log, id, true);
    close(&mut log, id, ActDecision::Standardise, 3);
    assert!(!log.get(id).unwrap().is_overdue(today));
    assert!(log.overdue(today).is_empty());
}

#[test]
fn requirement_pages_list_open_items_only() {
    let mut log = ImprovementLog::default();
    let mut new = NewItem::titled("A");
    new.requirements = vec!["10.2".into()];
    let a = log.raise(new.clone(), day(TODAY), at(0)).unwrap();
    let b = log.raise(new, day(TODAY), at(0)).unwrap();
    log.raise(NewItem::titled("other"), day(TODAY), at(0))
        .unwrap();
    log.items[1].stage = Stage::Closed;
    let req = RequirementId::from("10.2");
    let open: Vec<_> = log.open_for_requirement(&req).map(|i| i.id).collect();
    assert_eq!(open, vec![a]);
    assert_ne!(a, b);
}

// --- filters ---------------------------------------------------------------

fn sample_log() -> ImprovementLog {
    let mut log = ImprovementLog::default();
    let mut a = NewItem::titled("Backup restore test failed");
    a.kind = Kind::Nonconformity;
    a.priority = Priority::High;
    a.owner = "Priya".into();
    a.target_date = Some(day("2026-11-01"));
    a.requirements = vec!["8.7.1".into()];
    log.raise(a, day("2026-10-01"), at(0)).unwrap();
    let mut b = NewItem::titled("Customer survey ideas");
    b.kind = Kind::ImprovementOpportunity;
    b.priority = Priority::Low;
    b.owner = "Sam".into();
    b.target_date = Some(day("2027-01-31"));
    log.raise(b, day("2026-10-02"), at(1)).unwrap();
    let mut c = NewItem::titled("Audit: no CAB minutes");
    c.kind = Kind::AuditFinding;
    c.priority = Priority::Critical;
    c.owner = "priya".into();
    log.raise(c, day("2026-10-03"), at(2)).unwrap();
    log
}

fn ids(items: &[&clausebook_core::improvement::ImprovementItem]) -> Vec<u32> {
    items.iter().map(|i| i.id.0).collect()
}

#[test]
fn filters_narrow_by_each_field() {
    let log = sample_log();
    let today = day(TODAY);
    // The ids an otherwise empty filter with what `set` sets keeps.
    let kept = |set: fn(&mut Filter)| ids(&with(set).apply(&log, today));
    assert_eq!(kept(|_| {}), [1, 2, 3]);
    assert_eq!(kept(|f| f.kind = Some(Kind::AuditFinding)), [3]);
    assert_eq!(kept(|f| f.priority = Some(Priority::Low)), [2]);
    assert_eq!(kept(|f| f.owner = Some("Priya".into())), [1, 3]);
    assert_eq!(kept(|f| f.overdue = true), [1]);
    assert_eq!(kept(|f| f.requirement = Some("8.7.1".into())), [1]);
    assert_eq!(kept(|f| f.stage = Some(Stage::Do)), [0_u32; 0]);
    assert_eq!(kept(|f| f.search = "SURVEY".into()), [2]);
    assert_eq!(kept(|f| f.search = "imp-0003".into()), [3]);
}

#[test]
fn sorting_by_columns_both_ways() {
    let log = sample_log();
    let today = day(TODAY);
    let sorted = |sort, descending| {
        ids(&Filter {
            sort,
            descending,
            ..Default::default()
        }
        .apply(&log, today))
    };
    assert_eq!(sorted(SortKey::Priority, false), vec![3, 1, 2]);
    assert_eq!(sorted(SortKey::Target, false), vec![1, 2, 3]);
    // No target date sorts last both ways.
    assert_eq!(sorted(SortKey::Target, true), vec![2, 1, 3]);
    assert_eq!(sorted(SortKey::Title, false), vec![3, 1, 2]);
    assert_eq!(sorted(SortKey::Id, true), vec![3, 2, 1]);
}

#[test]
fn filters_round_trip_through_the_query_string() {
    let filter = Filter {
        kind: Some(Kind::Complaint),
        stage: Some(Stage::Check),
        priority: Some(Priority::High),
        owner: Some("Sam & Jo".into()),
        requirement: Some("8.5.1.2".into()),
        overdue: true,
        search: "a=b c?".into(),
        sort: SortKey::Target,
        descending: true,
    };
    let query = filter.to_query();
    assert!(query.contains("owner=Sam%20%26%20Jo"), "{query}");
    let pairs: Vec<(String, String)> = query
        .split('&')
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap();
            (k.to_owned(), percent_decode(v))
        })
        .collect();
    let back = Filter::from_query(|k| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()));
    assert_eq!(back, filter);
    assert_eq!(Filter::default().to_query(), "");
    // Unknown values are ignored rather than failing.
    let odd = Filter::from_query(|k| (k == "stage" || k == "sort").then(|| "nonsense".into()));
    assert_eq!(odd, Filter::default());
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

// --- CSV -------------------------------------------------------------------

#[test]
fn csv_has_stable_columns_and_one_row_per_item() {
    let log = sample_log();
    let csv = log.to_csv(day(TODAY));
    let mut lines = csv.split("\r\n");
    let header = lines.next().unwrap();
    assert_eq!(header, format!("\u{feff}{}", CSV_COLUMNS.join(",")));
    assert!(header.starts_with("\u{feff}id,title,kind,source,priority,owner,stage,overdue,"));
    let rows: Vec<_> = lines.filter(|l| !l.is_empty()).collect();
    assert_eq!(rows.len(), 3);
    assert_starts_with(
        rows[0],
        "IMP-0001,Backup restore test failed,Nonconformity,Other,High,Priya,Plan,yes,2026-10-01,2026-11-01,,8.7.1,",
    );
    assert!(rows[1].contains(",Low,Sam,Plan,no,"), "{}", rows[1]);
}

#[test]
fn csv_escapes_commas_quotes_newlines_and_formulas() {
    let mut log = ImprovementLog::default();
    let mut new = NewItem::titled("=HYPERLINK(\"http://evil\",\"click\")");
    new.owner = "@admin".into();
    let id = log.raise(new, day(TODAY), at(0)).unwrap();
    log.edit_plan(id, |p| {
        p.problem = "Two lines,\nwith a \"quote\"".into();
        p.root_cause = "+1 more".into();
        p.planned_actions = "-5 minutes".into();
        p.success_measure = "plain".into();
    })
    .unwrap();
    let csv = log.to_csv(day(TODAY));
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\""),
        "{csv}"
    );
    assert!(csv.contains(",'@admin,"), "{csv}");
    assert!(
        csv.contains(",\"Two lines,\nwith a \"\"quote\"\"\","),
        "{csv}"
    );
    assert!(csv.contains(",'+1 more,'-5 minutes,plain,"), "{csv}");
    // Nothing in a data row starts a cell with a bare formula character.
    for cell in csv.split([',', '\n']) {
        let cell = cell.trim_start_matches('"');
        assert!(!cell.starts_with(['=', '+', '@']), "{cell}");
    }
}

#[test]
fn csv_file_is_named_after_organisation_and_date() {
    let wb = workbook();
    assert_eq!(
        improvement::csv_file_name(&wb.organisation.name, day(TODAY)),
        "harbour-street-it-2026-11-25-improvements.csv"
    );
}

// --- validation on import --------------------------------------------------

fn workbook_with_closed_item() -> Workbook {
    let mut wb = workbook();
    let log = &mut wb.improvements;
    let (mut l, id) = in_check();
    record_check(&mut l, id, true);
    close(&mut l, id, ActDecision::Standardise, 3);
    *log = l;
    wb
}

#[test]
fn a_workbook_the_app_writes_is_valid_and_round_trips() {
    let mut wb = workbook_with_closed_item();
    let hosting = wb
        .portfolio
        .propose(
            "Hosting",
            ServiceKind::CustomerFacing,
            Decision {
                who: "Sam".into(),
                why: "Customers asked for it".into(),
                on: day(TODAY),
            },
            at(1),
        )
        .unwrap();
    assert_eq!(hosting, ServiceId(1));
    wb.improvements.items[0].services = vec![ServiceId(1)];
    wb.improvements.items[0].requirements = vec!["8.5.1.2".into()];
    validate(&wb).unwrap();
    let text = schema::to_export_json(&wb, at(9));
    let back = schema::decode(&text).unwrap().workbook;
    assert_eq!(back, wb);
    assert!(text.contains("\"stage\": \"closed\""));
    assert!(text.contains("\"do\": {"));
}

#[test]
fn the_empty_register_of_schema_3_still_reads() {
    let json = r#"{"items": []}"#;
    let log: ImprovementLog = serde_json::from_str(json).unwrap();
    assert!(log.items.is_empty());
    // A minimal item: the optional parts default.
    let json = r#"{"items": [{"id": 1, "title": "Minimal", "raised_on": "2026-11-25",
        "history": [{"at": "2026-11-25T10:00:00.000Z", "to": "plan"}]}]}"#;
    let log: ImprovementLog = serde_json::from_str(json).unwrap();
    let item = &log.items[0];
    assert_eq!(item.stage, Stage::Plan);
    assert_eq!(item.cycle, 1);
    assert_eq!(item.priority, Priority::Medium);
    let mut wb = workbook();
    wb.improvements = log;
    validate(&wb).unwrap();
}

fn refused(edit: impl FnOnce(&mut Workbook)) -> String {
    let mut wb = workbook_with_closed_item();
    edit(&mut wb);
    let err = validate(&wb).unwrap_err();
    // Through the whole import path too.
    let text = schema::to_export_json(&wb, at(9));
    match schema::decode(&text) {
        Err(schema::SchemaError::Invalid(ValidationError::Improvement(e))) => {
            assert_eq!(e, err)
        }
        other => panic!("expected an improvement error, got {other:?}"),
    }
    err.to_string()
}

#[test]
fn validation_refuses_duplicates_and_dangling_links() {
    let msg = refused(|wb| {
        let copy = wb.improvements.items[0].clone();
        wb.improvements.items.push(copy);
    });
    assert_eq!(msg, "Improvement item IMP-0001 appears more than once.");
    let msg = refused(|wb| wb.improvements.items[0].requirements = vec!["99.9".into()]);
    assert!(
        msg.contains("“99.9”, which is not an assessable requirement"),
        "{msg}"
    );
    // A parent clause is not a leaf.
    let msg = refused(|wb| wb.improvements.items[0].requirements = vec!["8.5".into()]);
    assert!(msg.contains("“8.5”"), "{msg}");
    let msg =
        refused(|wb| wb.improvements.items[0].requirements = vec!["4.1".into(), "4.1".into()]);
    assert!(msg.contains("more than once"), "{msg}");
    let msg = refused(|wb| wb.improvements.items[0].services = vec![ServiceId(4)]);
    assert_eq!(
        msg,
        "IMP-0001 links service SVC-0004, which is not in the portfolio."
    );
    let msg = refused(|wb| wb.improvements.items[0].follow_up_of = Some(ImprovementId(7)));
    assert!(msg.contains("follow-up of IMP-0007"), "{msg}");
    // A follow-up of itself (or of a later item) would be a loop.
    let msg = refused(|wb| wb.improvements.items[0].follow_up_of = Some(ImprovementId(1)));
    assert!(msg.contains("follow-up of IMP-0001"), "{msg}");
}

#[test]
fn validation_refuses_bad_text() {
    let msg = refused(|wb| wb.improvements.items[0].title = "x".repeat(201));
    assert!(msg.contains("title of IMP-0001 is 201 characters"), "{msg}");
    let msg = refused(|wb| wb.improvements.items[0].plan.root_cause = "x".repeat(20_001));
    assert!(msg.contains("root cause of IMP-0001"), "{msg}");
    let msg = refused(|wb| wb.improvements.items[0].owner = "Jo\u{0000}".into());
    assert!(msg.contains("control characters"), "{msg}");
    let msg = refused(|wb| wb.improvements.items[0].title = "  ".into());
    assert!(msg.contains("no title"), "{msg}");
}

#[test]
fn validation_refuses_inconsistent_stage_data() {
    type Breakage = Box<dyn FnOnce(&mut Workbook)>;
    let cases: Vec<(Breakage, &str)> = vec![
        (
            Box::new(|wb| wb.improvements.items[0].doing.actions_taken.clear()),
            "no actions are recorded in Do",
        ),
        (
            Box::new(|wb| wb.improvements.items[0].plan.planned_actions.clear()),
            "Plan has no problem or planned actions",
        ),
        (
            Box::new(|wb| wb.improvements.items[0].check.effective = None),
            "has no Check result",
        ),
        (
            Box::new(|wb| wb.improvements.items[0].check.effective = Some(false)),
            "ineffective check but has no follow-up",
        ),
        (
            Box::new(|wb| wb.improvements.items[0].act.decision = None),
            "Act records no decision",
        ),
        (
            Box::new(|wb| wb.improvements.items[0].closed_on = None),
            "no closing date",
        ),
        (
            Box::new(|wb| {
                let item = &mut wb.improvements.items[0];
                item.stage = Stage::Act;
                item.closed_on = None;
            }),
            "history ends in Closed",
        ),
        (
            Box::new(|wb| wb.improvements.items[0].history.clear()),
            "history is empty",
        ),
        (
            Box::new(|wb| {
                wb.improvements.items[0].history.remove(2);
            }),
            "out of order",
        ),
        (
            Box::new(|wb| wb.improvements.items[0].id = ImprovementId(0)),
            "number is 0",
        ),
    ];
    for (edit, expected) in cases {
        let msg = refused(edit);
        assert!(msg.contains(expected), "{msg} ≠ {expected}");
        assert!(msg.contains("export it again"), "{msg}");
    }
    // Unknown stage names are a shape error, caught by deserialising.
    let mut wb = workbook_with_closed_item();
    let mut v = serde_json::to_value(&wb).unwrap();
    v["improvements"]["items"][0]["stage"] = "done".into();
    assert!(serde_json::from_value::<Workbook>(v).is_err());
    wb.improvements.items[0].closed_on = Some(day(TODAY));
    validate(&wb).unwrap();
}

#[test]
fn stages_and_choices_have_stable_keys() {
    let keys: Vec<_> = Stage::ALL.iter().map(|s| s.key()).collect();
    assert_eq!(keys, ["plan", "do", "check", "act", "closed"]);
    assert_eq!(Stage::Plan.next(), Some(Stage::Do));
    assert_eq!(Stage::Closed.next(), None);
    assert_eq!(Stage::Plan.previous(), None);
    assert_eq!(Kind::ALL.len(), 6);
    assert_eq!(clausebook_core::improvement::Source::ALL.len(), 7);
    for k in Kind::ALL {
        assert_eq!(Kind::from_key(k.key()), Some(*k));
    }
}

#[test]
fn the_v3_fixture_with_a_log_reads_and_validates() {
    let text = std::fs::read_to_string("tests/fixtures/workbook-v3-improvements.json").unwrap();
    let wb = schema::decode(&text).unwrap().workbook;
    let log = &wb.improvements;
    assert_eq!(log.items.len(), 2);
    let first = log.get(ImprovementId(1)).unwrap();
    assert_eq!(first.stage, Stage::Act);
    assert_eq!(first.check.effective, Some(false));
    assert_eq!(first.history.len(), 4);
    let second = log.get(ImprovementId(2)).unwrap();
    assert_eq!(second.follow_up_of, Some(ImprovementId(1)));
    assert_eq!(second.cycle, 1, "cycle defaults to the first");
    assert!(second.services.is_empty());
    assert!(log.get(ImprovementId(1)).unwrap().is_overdue(day(TODAY)));
    // Without its follow-up, the first item could not be in Act.
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["workbook"]["improvements"]["items"]
        .as_array_mut()
        .unwrap()
        .pop();
    let err = schema::decode(&v.to_string()).unwrap_err().to_string();
    assert!(
        err.contains("ineffective check but has no follow-up"),
        "{err}"
    );
}

#[test]
fn the_table_pages_rows_and_shows_the_last_page_when_the_list_shrinks() {
    use clausebook_core::improvement::{TABLE_PAGE_SIZE, page_count, page_rows};
    assert_eq!(TABLE_PAGE_SIZE, 100);
    assert_eq!(page_count(0), 1, "an empty table is page 1 of 1");
    assert_eq!(page_count(100), 1);
    assert_eq!(page_count(101), 2);
    assert_eq!(page_count(2_000), 20);
    assert_eq!(page_rows(0, 0), 0..0);
    assert_eq!(page_rows(250, 0), 0..100);
    assert_eq!(page_rows(250, 1), 100..200);
    assert_eq!(page_rows(250, 2), 200..250);
    assert_eq!(page_rows(250, 7), 200..250, "past the end: the last page");
}

#[test]
fn search_matches_as_lowercased_text_contains_the_lowercased_needle() {
    // The search compares ASCII text in place; every answer must be the
    // one lowercasing both sides and `contains` would give.
    let texts = [
        "",
        "Backup RESTORE test",
        "backup",
        "ÄRGER über Öl",
        "\u{212A}elvin sign",
        "İstanbul office",
        "ΣΊΣΥΦΟΣ",
        "tab\there",
    ];
    let needles = [
        "",
        "r",
        "R",
        "rest",
        "RESTORE TEST",
        "ärger",
        "Ä",
        "k",
        "K",
        "i̇",
        "i",
        "σ",
        "ς",
        "\t",
        "backup restore test and more",
        "ß",
    ];
    for text in texts {
        for needle in needles {
            let needle = needle.to_lowercase();
            assert_eq!(
                improvement::contains_lowercased(text, &needle),
                text.to_lowercase().contains(&needle),
                "{text:?} / {needle:?}"
            );
        }
    }
}

#[test]
fn positions_point_at_the_filtered_items_in_order() {
    let log = sample_log();
    let today = day(TODAY);
    for sort in SortKey::ALL {
        for descending in [false, true] {
            for search in ["", "  PRIYA ", "survey", "imp-000", "nothing like it"] {
                let filter = Filter {
                    sort,
                    descending,
                    search: search.into(),
                    ..Default::default()
                };
                let by_position: Vec<u32> = filter
                    .positions(&log, today)
                    .into_iter()
                    .map(|n| log.items[n].id.0)
                    .collect();
                assert_eq!(by_position, ids(&filter.apply(&log, today)));
                let matching: Vec<u32> = log
                    .items
                    .iter()
                    .filter(|i| filter.matches(i, today))
                    .map(|i| i.id.0)
                    .collect();
                let mut sorted = by_position.clone();
                sorted.sort_unstable();
                assert_eq!(sorted, matching, "{sort:?} {descending} {search:?}");
            }
        }
    }
}

#[test]
fn the_search_index_finds_what_the_fields_do() {
    let mut log = sample_log();
    log.items[0].plan.problem = "ΟΔΥΣΣΕΥΣ restore failed".into();
    log.items[0].act.lessons = "Test the restore\nevery quarter".into();
    log.items[1].plan.root_cause = "İstanbul office ärger".into();
    log.items[1].doing.actions_taken = format!("split{}here", SearchIndex::SEPARATOR);
    log.items[2].check.result = "CAB minutes kept from now on".into();
    let index = SearchIndex::new(&log);
    let today = day(TODAY);
    let needles = [
        "",
        "r",
        "R",
        "imp-0002",
        "IMP-000",
        "priya",
        "σ",
        "ς",
        "οδυσσευς",
        "i̇",
        "ärger",
        "ÄRGER",
        "restore\nevery",
        "d\nnot",
        "split",
        "t\u{1f}h",
        "minutes kept",
        "quarter",
        "nothing like it",
        "  cab ",
    ];
    for needle in needles {
        for kind in [None, Some(Kind::Nonconformity)] {
            for sort in [SortKey::Id, SortKey::Title] {
                let filter = Filter {
                    search: needle.into(),
                    kind,
                    sort,
                    ..Default::default()
                };
                assert_eq!(
                    filter.positions_indexed(&log, today, &index),
                    filter.positions(&log, today),
                    "{needle:?} {kind:?} {sort:?}"
                );
            }
        }
    }
    // An index of another log is not trusted: the search reads the fields.
    let stale = SearchIndex::new(&ImprovementLog::default());
    let filter = Filter {
        search: "survey".into(),
        ..Default::default()
    };
    assert_eq!(filter.positions_indexed(&log, today, &stale), vec![1]);
}

#[test]
fn title_and_owner_sorts_ignore_case() {
    let mut log = ImprovementLog::default();
    for (title, owner) in [("beta", "Zoe"), ("Alpha", "anna"), ("ALPHA two", "Bob")] {
        let mut new = NewItem::titled(title);
        new.owner = owner.into();
        log.raise(new, day("2026-10-01"), at(0)).unwrap();
    }
    let sorted = |sort, descending| {
        ids(&Filter {
            sort,
            descending,
            ..Default::default()
        }
        .apply(&log, day(TODAY)))
    };
    assert_eq!(sorted(SortKey::Title, false), vec![2, 3, 1]);
    assert_eq!(sorted(SortKey::Title, true), vec![1, 3, 2]);
    assert_eq!(sorted(SortKey::Owner, false), vec![2, 3, 1]);
    assert_eq!(sorted(SortKey::Owner, true), vec![1, 3, 2]);
}
