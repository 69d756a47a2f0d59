//! Reports: their contents for a small hand-built workbook, Markdown and CSV
//! escaping, the management-review grouping, and an empty workbook.

use clausebook_core::assessment::{Capability, CapabilityLevel, Finding, Status};
use clausebook_core::calendar::{IsoDate, Timestamp};
use clausebook_core::evidence::DocumentStatus;
use clausebook_core::framework::{self, RequirementId};
use clausebook_core::improvement::{Kind, NewItem, Source, Stage};
use clausebook_core::report::{self, Conformity, ReportKind};
use clausebook_core::workbook::Workbook;

fn date(s: &str) -> IsoDate {
    s.parse().unwrap()
}

fn now() -> Timestamp {
    "2026-11-25T14:05:09.000Z".parse().unwrap()
}

fn req(id: &str) -> RequirementId {
    RequirementId(id.into())
}

const TODAY: &str = "2026-11-25";

/// 8.5.1.1 partial with a major NC and capability 1→3, 4.1 fully, evidence
/// for 8.5.1.1 (review overdue), a nonconformity, a review action, an
/// opportunity closed last month.
fn sample() -> Workbook {
    let fw = framework::iso20000();
    let mut wb = Workbook::create("Harbour Street IT", "Desktops", fw, now()).unwrap();
    wb.edit_assessment(&req("8.5.1.1"), now(), |a| {
        a.status = Status::PartiallyImplemented;
        a.finding = Finding::MajorNonconformity;
        a.owner = "Sam".into();
        a.notes = "Policy | draft\n# not approved".into();
        a.capability = Capability::default()
            .with_current(Some(CapabilityLevel::Performed))
            .unwrap()
            .with_target(Some(CapabilityLevel::Established))
            .unwrap();
    });
    wb.edit_assessment(&req("4.1"), now(), |a| {
        a.status = Status::FullyImplemented;
    });
    let ev = wb.evidence.add("Change policy", req("8.5.1.1")).unwrap();
    wb.evidence.get_mut(ev).unwrap().next_review = Some(date("2026-01-01"));
    wb.evidence.get_mut(ev).unwrap().owner = "=HYPERLINK(\"http://x\")".into();
    wb.documents.edit("scope", |d| {
        d.status = DocumentStatus::Approved;
        d.evidence.push(ev);
    });
    let log = &mut wb.improvements;
    let mut nc = NewItem::titled("Changes skip approval");
    nc.kind = Kind::Nonconformity;
    nc.source = Source::InternalAudit;
    nc.requirements = vec![req("8.5.1.1")];
    log.raise(nc, date("2026-10-03"), now()).unwrap();
    let mut action = NewItem::titled("Hire a change manager");
    action.kind = Kind::ManagementReviewAction;
    action.source = Source::ManagementReview;
    action.target_date = Some(date("2026-11-01"));
    log.raise(action, date("2026-11-02"), now()).unwrap();
    let ofi = log
        .raise(
            NewItem::titled("Automate reports"),
            date("2026-09-10"),
            now(),
        )
        .unwrap();
    let item = log.items.iter_mut().find(|i| i.id == ofi).unwrap();
    item.stage = Stage::Closed;
    item.closed_on = Some(date("2026-10-20"));
    wb
}

#[test]
fn every_report_has_a_slug_and_title() {
    for kind in ReportKind::ALL {
        assert_eq!(ReportKind::from_slug(kind.slug()), Some(kind));
        assert!(!kind.title().is_empty() && !kind.purpose().is_empty());
    }
    assert_eq!(ReportKind::from_slug("nope"), None);
}

#[test]
fn header_names_organisation_date_and_workbook_version() {
    let wb = sample();
    let h = report::ReportHeader::of(&wb, framework::iso20000(), date(TODAY));
    assert_eq!(h.organisation, "Harbour Street IT");
    assert_eq!(h.date, date(TODAY));
    assert_eq!(
        h.version_line(),
        format!(
            "Workbook as of 2026-11-25 14:05 UTC · Clausebook {}, schema {}",
            env!("CARGO_PKG_VERSION"),
            clausebook_core::file::schema::CURRENT_SCHEMA_VERSION
        )
    );
}

#[test]
fn executive_summary_figures() {
    let fw = framework::iso20000();
    let s = report::executive_summary(&sample(), fw, date(TODAY));
    assert_eq!(s.readiness.total, 57);
    assert_eq!(s.readiness.assessed(), 2);
    assert_eq!(s.clauses.len(), 7);
    let c4 = &s.clauses[0];
    assert!(c4.label.starts_with("4 "));
    assert_eq!(c4.readiness.count(Status::FullyImplemented), 1);
    // Major NC on 8.5.1.1, then the evidence past its review.
    let reasons: Vec<&str> = s.top_gaps.iter().map(|g| g.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "Major nonconformity",
            "Evidence EV-0001 “Change policy” is past its review date"
        ]
    );
    assert_eq!(s.top_gaps[0].requirement, req("8.5.1.1"));
    assert_eq!(s.more_gaps, 0);
    assert_eq!(s.open_nonconformities.len(), 1);
    assert_eq!(s.open_nonconformities[0].id, "IMP-0001");
    assert_eq!(s.open_items, 2);
    assert_eq!(s.overdue_items, 1, "the review action's target has passed");
    assert_eq!(s.evidence_items, 1);
    assert_eq!(s.documents_approved, 1);
    assert!(s.documents_expected > 1);
}

#[test]
fn executive_summary_caps_its_lists_and_counts_the_rest() {
    let fw = framework::iso20000();
    let mut wb = sample();
    for n in fw.leaves().map(|n| n.id.clone()).collect::<Vec<_>>() {
        wb.edit_assessment(&n, now(), |a| a.status = Status::NotImplemented);
    }
    let s = report::executive_summary(&wb, fw, date(TODAY));
    assert_eq!(s.top_gaps.len(), report::SUMMARY_GAPS);
    // 57 not implemented + 1 major + 1 evidence.
    assert_eq!(s.more_gaps, 59 - report::SUMMARY_GAPS);
}

#[test]
fn gap_report_lists_every_requirement_with_its_record() {
    let fw = framework::iso20000();
    let g = report::gap_report(&sample(), fw, date(TODAY));
    let rows: Vec<_> = g.sections.iter().flat_map(|s| &s.rows).collect();
    assert_eq!(rows.len(), 57);
    let row = rows.iter().find(|r| r.id == req("8.5.1.1")).unwrap();
    assert_eq!(row.status, Status::PartiallyImplemented);
    assert_eq!(row.current, Some(CapabilityLevel::Performed));
    assert_eq!(row.target, Some(CapabilityLevel::Established));
    assert_eq!(row.finding, Finding::MajorNonconformity);
    assert_eq!(row.evidence, ["EV-0001 Change policy"]);
    assert_eq!(row.open_items, ["IMP-0001 Changes skip approval (Plan)"]);
    let section8 = g.sections.iter().find(|s| s.id == req("8")).unwrap();
    assert!(section8.rows.iter().any(|r| r.id == req("8.5.1.1")));
    assert!(section8.rows.iter().all(|r| r.number.starts_with("8.")));
}

#[test]
fn conformity_is_judged_per_clause() {
    use clausebook_core::assessment::Assessment;
    let with = |status, finding| Assessment {
        status,
        finding,
        ..Assessment::default()
    };
    let full = with(Status::FullyImplemented, Finding::None);
    let observed = with(Status::FullyImplemented, Finding::Observation);
    let minor = with(Status::FullyImplemented, Finding::MinorNonconformity);
    let largely = with(Status::LargelyImplemented, Finding::None);
    let major = with(Status::FullyImplemented, Finding::MajorNonconformity);
    let missing = with(Status::NotImplemented, Finding::None);
    let blank = Assessment::default();
    let cases: [(&[&Assessment], Conformity); 7] = [
        (&[&full, &full], Conformity::Conforms),
        (&[&full, &observed], Conformity::Conforms),
        (&[&full, &minor], Conformity::PartlyConforms),
        (&[&largely], Conformity::PartlyConforms),
        (&[&largely, &major], Conformity::DoesNotConform),
        (&[&missing], Conformity::DoesNotConform),
        (&[&major, &blank], Conformity::NotFullyAssessed),
    ];
    for (records, verdict) in cases {
        assert_eq!(
            Conformity::judge(records.iter().copied()),
            verdict,
            "{records:?}"
        );
    }

    let fw = framework::iso20000();
    let mut wb = sample();
    for n in fw
        .leaves_under(&req("4"))
        .map(|n| n.id.clone())
        .collect::<Vec<_>>()
    {
        wb.edit_assessment(&n, now(), |a| a.status = Status::FullyImplemented);
    }
    let st = report::conformity_statement(&wb, fw, date(TODAY));
    assert_eq!(st.clauses[0].verdict, Conformity::Conforms);
    let c8 = st.clauses.iter().find(|c| c.id == req("8")).unwrap();
    assert_eq!(c8.verdict, Conformity::NotFullyAssessed);
    assert_eq!(c8.evidence, 1);
    assert_eq!(c8.open_nonconformities, 1);
    assert_eq!(st.overall, Conformity::NotFullyAssessed);
}

#[test]
fn evidence_and_document_registers() {
    let fw = framework::iso20000();
    let wb = sample();
    let e = report::evidence_report(&wb, fw, date(TODAY));
    assert_eq!(e.rows.len(), 1);
    assert_eq!(e.rows[0].requirements, ["8.5.1.1"]);
    assert!(e.rows[0].review_overdue);
    assert_eq!(e.overdue, 1);
    let d = report::document_report(&wb, fw, date(TODAY));
    assert_eq!(d.rows.len(), fw.documented_information.len());
    let scope = d.rows.iter().find(|r| r.id == "scope").unwrap();
    assert_eq!(scope.status, DocumentStatus::Approved);
    assert_eq!(scope.evidence, ["EV-0001 Change policy"]);
    assert_eq!(d.counts, [d.rows.len() - 1, 0, 1]);
}

#[test]
fn review_pack_groups_items() {
    let fw = framework::iso20000();
    let p = report::review_pack(&sample(), fw, date(TODAY));
    let ids = |v: &[report::ItemLine]| v.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&p.review_actions), ["IMP-0002"]);
    assert!(p.review_actions[0].overdue);
    assert_eq!(ids(&p.audit_items), ["IMP-0001"]);
    assert_eq!(ids(&p.open_nonconformities), ["IMP-0001"]);
    assert!(p.closed_nonconformities.is_empty());
    assert!(p.opportunities.is_empty(), "the only opportunity is closed");
    assert_eq!(p.findings.len(), 1);
    assert_eq!(p.findings[0].requirement, req("8.5.1.1"));
    assert!(p.opportunity_findings.is_empty());
    // Raised Sep, Oct, Nov; one closed in Oct.
    let trends: Vec<(String, usize, usize)> = p
        .trends
        .iter()
        .map(|t| (t.month.clone(), t.raised, t.closed))
        .collect();
    assert_eq!(
        trends,
        [
            ("2026-09".to_owned(), 1, 0),
            ("2026-10".to_owned(), 1, 1),
            ("2026-11".to_owned(), 1, 0)
        ]
    );
    let kinds: Vec<(Kind, Vec<usize>)> = p
        .by_kind
        .iter()
        .map(|k| (k.kind, k.stages.clone()))
        .collect();
    assert_eq!(
        kinds,
        [
            (Kind::Nonconformity, vec![1, 0, 0, 0, 0]),
            (Kind::ImprovementOpportunity, vec![0, 0, 0, 0, 1]),
            (Kind::ManagementReviewAction, vec![1, 0, 0, 0, 0]),
        ]
    );
}

#[test]
fn markdown_escapes_user_text() {
    assert_eq!(report::escape_markdown("a | b"), "a \\| b");
    assert_eq!(report::escape_markdown("# head"), "\\# head");
    assert_eq!(
        report::escape_markdown("<img src=x onerror=alert(1)>"),
        "\\<img src=x onerror=alert(1)\\>"
    );
    assert_eq!(
        report::escape_markdown("[x](javascript:y)"),
        "\\[x\\](javascript:y)"
    );
    assert_eq!(
        report::escape_markdown("*bold* _it_ `c`"),
        "\\*bold\\* \\_it\\_ \\`c\\`"
    );
    assert_eq!(report::escape_markdown("- item"), "\\- item");
    assert_eq!(report::escape_markdown("one\r\ntwo"), "one<br>two");
    assert_eq!(report::escape_markdown("a-b"), "a-b", "only a leading dash");
    assert_eq!(report::escape_markdown("\\"), "\\\\");
}

#[test]
fn gap_markdown_has_one_table_row_per_requirement_and_survives_hostile_notes() {
    let fw = framework::iso20000();
    let md = report::gap_report_markdown(&sample(), fw, date(TODAY));
    assert!(md.starts_with("# Gap analysis: Harbour Street IT\n"));
    assert!(md.contains("Readiness: 2% of 57 requirements"));
    let headings = md.lines().filter(|l| l.starts_with("## ")).count();
    assert_eq!(headings, 7);
    let rows: Vec<&str> = md
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| Requirement"))
        .collect();
    assert_eq!(rows.len(), 57);
    let row = rows.iter().find(|l| l.starts_with("| 8.5.1.1 ")).unwrap();
    // Nine cells: the note's pipe and line break are escaped.
    let unescaped_pipes = row
        .char_indices()
        .filter(|&(i, c)| c == '|' && (i == 0 || row.as_bytes()[i - 1] != b'\\'))
        .count();
    assert_eq!(unescaped_pipes, 10, "{row}");
    assert!(row.contains("Policy \\| draft<br>\\# not approved"));
    assert!(row.contains("1 Performed → 3 Established"));
    assert!(row.contains("EV-0001 Change policy"));
    assert!(row.contains("IMP-0001 Changes skip approval (Plan)"));
}

#[test]
fn csv_registers_are_escaped_and_neutralised() {
    let fw = framework::iso20000();
    let wb = sample();
    let today = date(TODAY);
    let req_csv = report::requirements_csv(&wb, fw, today);
    assert!(req_csv.starts_with("\u{feff}requirement,title,clause,status,"));
    assert_eq!(
        req_csv.lines().count(),
        1 + 57 + 1,
        "header, rows, and one line break inside a note"
    );
    assert!(req_csv.contains(
        "Partially implemented,1,3,Major nonconformity,Sam,,\"Policy | draft\n# not approved\",EV-0001 Change policy,IMP-0001 Changes skip approval (Plan)\r\n"
    ));
    let ev = report::evidence_csv(&wb, fw, today);
    assert_eq!(
        ev,
        "\u{feff}id,title,reference,owner,version,next_review,review_overdue,requirements\r\nEV-0001,Change policy,,\"'=HYPERLINK(\"\"http://x\"\")\",,2026-01-01,yes,8.5.1.1\r\n"
    );
    let docs = report::documents_csv(&wb, fw, today);
    assert!(docs.contains("\r\nscope,"));
    assert!(docs.contains(",Approved,,,no,EV-0001 Change policy\r\n"));
    assert_eq!(docs.lines().count(), 1 + fw.documented_information.len());
    let actions = report::review_actions_csv(&wb, today);
    assert_eq!(actions.lines().count(), 2);
    assert!(actions.contains("\r\nIMP-0002,Hire a change manager,"));
}

#[test]
fn file_names_carry_organisation_report_and_date() {
    let wb = sample();
    assert_eq!(
        report::file_name(&wb, "gap-analysis", date(TODAY), "csv"),
        "harbour-street-it-gap-analysis-2026-11-25.csv"
    );
    assert_eq!(
        report::file_name(&wb, "gap-analysis", date(TODAY), "md"),
        "harbour-street-it-gap-analysis-2026-11-25.md"
    );
}

#[test]
fn an_empty_workbook_gives_empty_but_complete_reports() {
    let fw = framework::iso20000();
    let wb = Workbook::create("Empty Co", "", fw, now()).unwrap();
    let today = date(TODAY);
    let s = report::executive_summary(&wb, fw, today);
    assert_eq!(s.readiness.assessed(), 0);
    assert!(s.top_gaps.is_empty() && s.open_nonconformities.is_empty());
    assert_eq!(s.documents_approved, 0);
    let g = report::gap_report(&wb, fw, today);
    assert_eq!(g.sections.iter().map(|s| s.rows.len()).sum::<usize>(), 57);
    assert_eq!(
        report::conformity_statement(&wb, fw, today).overall,
        Conformity::NotFullyAssessed
    );
    assert!(report::evidence_report(&wb, fw, today).rows.is_empty());
    let p = report::review_pack(&wb, fw, today);
    assert!(p.trends.is_empty() && p.by_kind.is_empty() && p.services.is_empty());
    assert_eq!(report::evidence_csv(&wb, fw, today).lines().count(), 1);
    assert_eq!(report::review_actions_csv(&wb, today).lines().count(), 1);
    assert!(report::gap_report_markdown(&wb, fw, today).contains("| 4.1 "));
}
