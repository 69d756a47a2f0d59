//! Reports: the data of each printable report, the gap report as Markdown,
//! and a CSV for every register.
//!
//! Everything here is built from a `Workbook`, its `Framework` and today's
//! date, so the same figures appear on screen, on paper and in the files.
//! No HTML is made here; the UI decides how the structs look.

use crate::assessment::{Assessment, CapabilityLevel, Finding, Readiness, Status};
use crate::calendar::{IsoDate, Timestamp};
use crate::csv::CsvWriter;
use crate::evidence::{DocumentStatus, EvidenceId};
use crate::file::schema::{APP_VERSION, CURRENT_SCHEMA_VERSION};
use crate::framework::{Framework, Node, RequirementId};
use crate::improvement::{ImprovementItem, ImprovementLog, Kind, Source, Stage};
use crate::workbook::Workbook;
use std::collections::BTreeMap;

/// How many gaps the one-page summary lists; the rest are counted.
pub const SUMMARY_GAPS: usize = 8;
/// How many open nonconformities the one-page summary lists.
pub const SUMMARY_NONCONFORMITIES: usize = 6;

/// The reports Clausebook prints, with the address part of each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportKind {
    Summary,
    Gaps,
    Conformity,
    Evidence,
    Documents,
    Review,
}

impl ReportKind {
    pub const ALL: [ReportKind; 6] = [
        ReportKind::Summary,
        ReportKind::Gaps,
        ReportKind::Conformity,
        ReportKind::Evidence,
        ReportKind::Documents,
        ReportKind::Review,
    ];

    /// The last part of the report's address, `/reports/<slug>`.
    pub fn slug(self) -> &'static str {
        match self {
            ReportKind::Summary => "summary",
            ReportKind::Gaps => "gaps",
            ReportKind::Conformity => "conformity",
            ReportKind::Evidence => "evidence",
            ReportKind::Documents => "documents",
            ReportKind::Review => "review",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.slug() == slug)
    }

    pub fn title(self) -> &'static str {
        match self {
            ReportKind::Summary => "Executive summary",
            ReportKind::Gaps => "Gap analysis",
            ReportKind::Conformity => "Statement of conformity",
            ReportKind::Evidence => "Evidence register",
            ReportKind::Documents => "Documented-information checklist",
            ReportKind::Review => "Management review input pack",
        }
    }

    /// One line on the Reports page saying what the report is for.
    pub fn purpose(self) -> &'static str {
        match self {
            ReportKind::Summary => {
                "One page for leadership: readiness, progress per clause, the top gaps and open nonconformities."
            }
            ReportKind::Gaps => {
                "Every requirement with its status, capability, finding, evidence and open items."
            }
            ReportKind::Conformity => {
                "Per clause: whether it conforms, partly conforms or does not yet, and why."
            }
            ReportKind::Evidence => {
                "Every evidence item, what it supports and when it is reviewed."
            }
            ReportKind::Documents => {
                "The documents the standard expects, with status, owner and review date."
            }
            ReportKind::Review => {
                "The inputs for a management review (clause 9.3): actions, trends, audits, nonconformities, services and opportunities."
            }
        }
    }
}

/// What every printed page repeats: who, when, and which state of the workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportHeader {
    pub organisation: String,
    pub scope: String,
    pub framework: String,
    pub date: IsoDate,
    pub last_changed: Timestamp,
    pub app_version: String,
    pub schema_version: u32,
}

impl ReportHeader {
    pub fn of(workbook: &Workbook, framework: &Framework, today: IsoDate) -> Self {
        Self {
            organisation: workbook.organisation.name.clone(),
            scope: workbook.organisation.scope.clone(),
            framework: format!("{} {}", framework.name, framework.subtitle)
                .trim()
                .to_owned(),
            date: today,
            last_changed: workbook.updated_at.clone(),
            app_version: APP_VERSION.to_owned(),
            schema_version: CURRENT_SCHEMA_VERSION as u32,
        }
    }

    /// "Workbook as of 2026-11-25 14:05 UTC · Clausebook 0.1.0, schema 4".
    pub fn version_line(&self) -> String {
        format!(
            "Workbook as of {} · Clausebook {}, schema {}",
            short_time(&self.last_changed),
            self.app_version,
            self.schema_version
        )
    }
}

/// "2026-11-25 14:05 UTC" from an ISO timestamp.
pub fn short_time(t: &Timestamp) -> String {
    let s = t.as_str();
    match s.get(11..16) {
        Some(hm) => format!("{} {hm} UTC", t.date()),
        None => t.date().to_string(),
    }
}

/// A requirement or clause as people read it: "8.5.1.1 Title".
fn label(node: &Node) -> String {
    format!("{} {}", node.number, node.title)
}

/// The readiness bar of one top-level clause.
#[derive(Debug, Clone, PartialEq)]
pub struct ClauseFigures {
    pub id: RequirementId,
    pub label: String,
    pub readiness: Readiness,
}

/// One gap line: which requirement, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GapLine {
    pub requirement: RequirementId,
    pub label: String,
    pub reason: String,
}

/// An improvement item as a report lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemLine {
    pub id: String,
    pub title: String,
    pub kind: Kind,
    pub stage: Stage,
    pub owner: String,
    pub raised_on: IsoDate,
    pub target_date: Option<IsoDate>,
    pub closed_on: Option<IsoDate>,
    pub overdue: bool,
    /// "Effective", "Not effective" or "" when not yet checked.
    pub effectiveness: String,
}

impl ItemLine {
    fn of(item: &ImprovementItem, today: IsoDate) -> Self {
        Self {
            id: item.id.to_string(),
            title: item.title.clone(),
            kind: item.kind,
            stage: item.stage,
            owner: item.owner.clone(),
            raised_on: item.raised_on,
            target_date: item.target_date,
            closed_on: item.closed_on,
            overdue: item.is_overdue(today),
            effectiveness: match item.check.effective {
                Some(true) => "Effective".into(),
                Some(false) => "Not effective".into(),
                None => String::new(),
            },
        }
    }
}

/// The one-page executive summary.
#[derive(Debug, Clone, PartialEq)]
pub struct ExecutiveSummary {
    pub header: ReportHeader,
    pub readiness: Readiness,
    pub clauses: Vec<ClauseFigures>,
    /// The first `SUMMARY_GAPS` gaps, in the Overview's order.
    pub top_gaps: Vec<GapLine>,
    pub more_gaps: usize,
    pub open_nonconformities: Vec<ItemLine>,
    pub more_nonconformities: usize,
    pub overdue_items: usize,
    pub open_items: usize,
    pub evidence_items: usize,
    pub documents_approved: usize,
    pub documents_expected: usize,
}

fn is_nonconformity(item: &ImprovementItem) -> bool {
    matches!(item.kind, Kind::Nonconformity | Kind::CorrectiveAction)
}

pub fn executive_summary(
    workbook: &Workbook,
    framework: &Framework,
    today: IsoDate,
) -> ExecutiveSummary {
    let gaps = gap_lines(workbook, framework, today);
    let open_ncs: Vec<ItemLine> = workbook
        .improvements
        .items
        .iter()
        .filter(|i| i.is_open() && is_nonconformity(i))
        .map(|i| ItemLine::of(i, today))
        .collect();
    let documents_approved = framework
        .documented_information
        .iter()
        .filter(|d| workbook.documents.record(&d.id).status == DocumentStatus::Approved)
        .count();
    ExecutiveSummary {
        header: ReportHeader::of(workbook, framework, today),
        readiness: Readiness::of(framework, &workbook.assessments),
        clauses: clause_figures(workbook, framework),
        more_gaps: gaps.len().saturating_sub(SUMMARY_GAPS),
        top_gaps: gaps.into_iter().take(SUMMARY_GAPS).collect(),
        more_nonconformities: open_ncs.len().saturating_sub(SUMMARY_NONCONFORMITIES),
        open_nonconformities: open_ncs.into_iter().take(SUMMARY_NONCONFORMITIES).collect(),
        overdue_items: workbook.improvements.overdue(today).len(),
        open_items: workbook
            .improvements
            .items
            .iter()
            .filter(|i| i.is_open())
            .count(),
        evidence_items: workbook.evidence.items.len(),
        documents_approved,
        documents_expected: framework.documented_information.len(),
    }
}

fn clause_figures(workbook: &Workbook, framework: &Framework) -> Vec<ClauseFigures> {
    framework
        .roots()
        .map(|root| ClauseFigures {
            id: root.id.clone(),
            label: label(root),
            readiness: Readiness::of_clause(framework, &root.id, &workbook.assessments),
        })
        .collect()
}

fn gap_lines(workbook: &Workbook, framework: &Framework, today: IsoDate) -> Vec<GapLine> {
    workbook
        .gaps(framework, today)
        .into_iter()
        .map(|g| GapLine {
            label: framework
                .node(&g.requirement)
                .map(label)
                .unwrap_or_else(|| g.requirement.0.clone()),
            requirement: g.requirement,
            reason: g.reason.describe(),
        })
        .collect()
}

/// One requirement in the gap analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct GapRow {
    pub id: RequirementId,
    pub number: String,
    pub title: String,
    pub status: Status,
    pub current: Option<CapabilityLevel>,
    pub target: Option<CapabilityLevel>,
    pub finding: Finding,
    pub owner: String,
    pub target_date: Option<IsoDate>,
    pub notes: String,
    /// "EV-0001 Change policy", in id order.
    pub evidence: Vec<String>,
    /// Open improvement items linked to the requirement: "IMP-0001 Title (Do)".
    pub open_items: Vec<String>,
}

/// Requirements grouped under their top-level clause.
#[derive(Debug, Clone, PartialEq)]
pub struct ClauseSection<T> {
    pub id: RequirementId,
    pub label: String,
    pub rows: Vec<T>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GapReport {
    pub header: ReportHeader,
    pub readiness: Readiness,
    pub sections: Vec<ClauseSection<GapRow>>,
}

fn gap_row(workbook: &Workbook, node: &Node) -> GapRow {
    let a: Assessment = workbook.assessment(&node.id);
    GapRow {
        id: node.id.clone(),
        number: node.number.clone(),
        title: node.title.clone(),
        status: a.status,
        current: a.capability.current(),
        target: a.capability.target(),
        finding: a.finding,
        owner: a.owner.clone(),
        target_date: a.target_date,
        notes: a.notes.clone(),
        evidence: workbook
            .evidence
            .for_requirement(&node.id)
            .map(|e| format!("{} {}", e.id, e.title))
            .collect(),
        open_items: workbook
            .improvements
            .open_for_requirement(&node.id)
            .map(|i| format!("{} {} ({})", i.id, i.title, i.stage.label()))
            .collect(),
    }
}

pub fn gap_report(workbook: &Workbook, framework: &Framework, today: IsoDate) -> GapReport {
    GapReport {
        header: ReportHeader::of(workbook, framework, today),
        readiness: Readiness::of(framework, &workbook.assessments),
        sections: framework
            .roots()
            .map(|root| ClauseSection {
                id: root.id.clone(),
                label: label(root),
                rows: framework
                    .leaves_under(&root.id)
                    .map(|n| gap_row(workbook, n))
                    .collect(),
            })
            .collect(),
    }
}

/// The verdict on one clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conformity {
    /// Some requirement is not assessed yet, so no statement can be made.
    NotFullyAssessed,
    /// A requirement is not implemented or has a major nonconformity.
    DoesNotConform,
    /// Everything is in place in part: partial or large implementation, or minor findings.
    PartlyConforms,
    /// Every requirement fully implemented, with no nonconformity recorded.
    Conforms,
}

impl Conformity {
    pub fn label(self) -> &'static str {
        match self {
            Conformity::NotFullyAssessed => "Not fully assessed",
            Conformity::DoesNotConform => "Does not conform yet",
            Conformity::PartlyConforms => "Partly conforms",
            Conformity::Conforms => "Conforms",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Conformity::NotFullyAssessed => "not-assessed",
            Conformity::DoesNotConform => "does-not-conform",
            Conformity::PartlyConforms => "partly-conforms",
            Conformity::Conforms => "conforms",
        }
    }

    /// Judges a clause from the records of its requirements.
    pub fn judge<'a>(records: impl IntoIterator<Item = &'a Assessment>) -> Self {
        let mut verdict = Conformity::Conforms;
        for a in records {
            let this = if !a.status.is_assessed() {
                Conformity::NotFullyAssessed
            } else if a.status == Status::NotImplemented || a.finding == Finding::MajorNonconformity
            {
                Conformity::DoesNotConform
            } else if a.status != Status::FullyImplemented
                || a.finding == Finding::MinorNonconformity
            {
                Conformity::PartlyConforms
            } else {
                Conformity::Conforms
            };
            verdict = verdict.min(this);
        }
        verdict
    }

    fn rank(self) -> u8 {
        match self {
            Conformity::NotFullyAssessed => 0,
            Conformity::DoesNotConform => 1,
            Conformity::PartlyConforms => 2,
            Conformity::Conforms => 3,
        }
    }

    fn min(self, other: Self) -> Self {
        if other.rank() < self.rank() {
            other
        } else {
            self
        }
    }
}

/// One requirement line in the statement of conformity.
#[derive(Debug, Clone, PartialEq)]
pub struct ConformityRow {
    pub id: RequirementId,
    pub label: String,
    pub status: Status,
    pub finding: Finding,
    pub evidence: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClauseConformity {
    pub id: RequirementId,
    pub label: String,
    pub verdict: Conformity,
    pub readiness: Readiness,
    pub evidence: usize,
    pub open_nonconformities: usize,
    pub rows: Vec<ConformityRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ConformityStatement {
    pub header: ReportHeader,
    pub overall: Conformity,
    pub clauses: Vec<ClauseConformity>,
}

pub fn conformity_statement(
    workbook: &Workbook,
    framework: &Framework,
    today: IsoDate,
) -> ConformityStatement {
    let clauses: Vec<ClauseConformity> = framework
        .roots()
        .map(|root| {
            let leaves: Vec<&Node> = framework.leaves_under(&root.id).collect();
            let records: Vec<Assessment> =
                leaves.iter().map(|n| workbook.assessment(&n.id)).collect();
            let linked = |n: &Node| workbook.evidence.for_requirement(&n.id).count();
            ClauseConformity {
                id: root.id.clone(),
                label: label(root),
                verdict: Conformity::judge(&records),
                readiness: Readiness::of_clause(framework, &root.id, &workbook.assessments),
                evidence: workbook
                    .evidence
                    .items
                    .iter()
                    .filter(|e| {
                        e.requirements
                            .iter()
                            .any(|r| leaves.iter().any(|n| n.id == *r))
                    })
                    .count(),
                open_nonconformities: workbook
                    .improvements
                    .items
                    .iter()
                    .filter(|i| {
                        i.is_open()
                            && is_nonconformity(i)
                            && i.requirements
                                .iter()
                                .any(|r| leaves.iter().any(|n| n.id == *r))
                    })
                    .count(),
                rows: leaves
                    .iter()
                    .zip(&records)
                    .map(|(n, a)| ConformityRow {
                        id: n.id.clone(),
                        label: label(n),
                        status: a.status,
                        finding: a.finding,
                        evidence: linked(n),
                    })
                    .collect(),
            }
        })
        .collect();
    let overall = clauses
        .iter()
        .map(|c| c.verdict)
        .fold(Conformity::Conforms, Conformity::min);
    ConformityStatement {
        header: ReportHeader::of(workbook, framework, today),
        overall,
        clauses,
    }
}

/// One item of the evidence register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceRow {
    pub id: EvidenceId,
    pub title: String,
    pub reference: String,
    pub owner: String,
    pub version: String,
    pub next_review: Option<IsoDate>,
    pub review_overdue: bool,
    /// Requirement numbers it supports.
    pub requirements: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceReport {
    pub header: ReportHeader,
    pub rows: Vec<EvidenceRow>,
    pub overdue: usize,
}

pub fn evidence_report(
    workbook: &Workbook,
    framework: &Framework,
    today: IsoDate,
) -> EvidenceReport {
    let mut rows: Vec<EvidenceRow> = workbook
        .evidence
        .items
        .iter()
        .map(|e| EvidenceRow {
            id: e.id,
            title: e.title.clone(),
            reference: e.reference.clone(),
            owner: e.owner.clone(),
            version: e.version.clone(),
            next_review: e.next_review,
            review_overdue: e.next_review.is_some_and(|d| d < today),
            requirements: e
                .requirements
                .iter()
                .map(|r| {
                    framework
                        .node(r)
                        .map(|n| n.number.clone())
                        .unwrap_or_else(|| r.0.clone())
                })
                .collect(),
        })
        .collect();
    rows.sort_by_key(|r| r.id);
    EvidenceReport {
        header: ReportHeader::of(workbook, framework, today),
        overdue: rows.iter().filter(|r| r.review_overdue).count(),
        rows,
    }
}

/// One line of the documented-information checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRow {
    pub id: String,
    pub title: String,
    pub status: DocumentStatus,
    pub owner: String,
    pub review_date: Option<IsoDate>,
    pub review_overdue: bool,
    /// "EV-0001 Change policy" for each linked item that still exists.
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DocumentReport {
    pub header: ReportHeader,
    pub rows: Vec<DocumentRow>,
    /// Count per status, in `DocumentStatus::ALL` order.
    pub counts: [usize; 3],
}

pub fn document_report(
    workbook: &Workbook,
    framework: &Framework,
    today: IsoDate,
) -> DocumentReport {
    let rows: Vec<DocumentRow> = framework
        .documented_information
        .iter()
        .map(|d| {
            let record = workbook.documents.record(&d.id);
            DocumentRow {
                id: d.id.clone(),
                title: d.title.clone(),
                status: record.status,
                owner: record.owner.clone(),
                review_date: record.review_date,
                review_overdue: record.review_date.is_some_and(|r| r < today),
                evidence: record
                    .evidence
                    .iter()
                    .filter_map(|e| workbook.evidence.get(*e))
                    .map(|e| format!("{} {}", e.id, e.title))
                    .collect(),
            }
        })
        .collect();
    let mut counts = [0; 3];
    for (i, s) in DocumentStatus::ALL.iter().enumerate() {
        counts[i] = rows.iter().filter(|r| r.status == *s).count();
    }
    DocumentReport {
        header: ReportHeader::of(workbook, framework, today),
        rows,
        counts,
    }
}

/// Items raised and closed in one calendar month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthTrend {
    /// "2026-11".
    pub month: String,
    pub raised: usize,
    pub closed: usize,
}

/// How many items of one kind stand in each stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindStages {
    pub kind: Kind,
    /// Per stage, in `Stage::ALL` order.
    pub stages: Vec<usize>,
    pub total: usize,
}

/// A requirement with an audit finding recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingLine {
    pub requirement: RequirementId,
    pub label: String,
    pub finding: Finding,
    pub status: Status,
}

/// A live service as the review sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceLine {
    pub id: String,
    pub name: String,
    pub owner: String,
    pub criticality: String,
    pub availability: String,
    /// Gaps in its catalogue entry, e.g. "No SLA targets".
    pub gaps: Vec<String>,
    /// Open improvement items that name the service.
    pub open_items: Vec<String>,
}

/// The inputs to a management review (ISO/IEC 20000-1 clause 9.3).
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewPack {
    pub header: ReportHeader,
    pub readiness: Readiness,
    /// Actions from previous management reviews: kind or source says so.
    pub review_actions: Vec<ItemLine>,
    pub trends: Vec<MonthTrend>,
    pub by_kind: Vec<KindStages>,
    /// Items from internal or external audits, or recorded as audit findings.
    pub audit_items: Vec<ItemLine>,
    /// Requirements graded by an auditor (any finding but none).
    pub findings: Vec<FindingLine>,
    pub open_nonconformities: Vec<ItemLine>,
    pub closed_nonconformities: Vec<ItemLine>,
    pub services: Vec<ServiceLine>,
    /// Open improvement opportunities, and requirements graded as such.
    pub opportunities: Vec<ItemLine>,
    pub opportunity_findings: Vec<FindingLine>,
}

/// Whether an item is an action from a management review.
pub fn is_review_action(item: &ImprovementItem) -> bool {
    item.kind == Kind::ManagementReviewAction || item.source == Source::ManagementReview
}

fn is_audit_item(item: &ImprovementItem) -> bool {
    item.kind == Kind::AuditFinding
        || matches!(item.source, Source::InternalAudit | Source::ExternalAudit)
}

/// Raised and closed counts per month, oldest month first, months without
/// activity left out.
pub fn monthly_trends(log: &ImprovementLog) -> Vec<MonthTrend> {
    let month = |d: IsoDate| format!("{:04}-{:02}", d.year(), d.month());
    let mut months: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for item in &log.items {
        months.entry(month(item.raised_on)).or_default().0 += 1;
        if let Some(closed) = item.closed_on {
            months.entry(month(closed)).or_default().1 += 1;
        }
    }
    months
        .into_iter()
        .map(|(month, (raised, closed))| MonthTrend {
            month,
            raised,
            closed,
        })
        .collect()
}

/// Items per kind and stage; kinds with no items are left out.
pub fn kinds_by_stage(log: &ImprovementLog) -> Vec<KindStages> {
    Kind::ALL
        .iter()
        .filter_map(|&kind| {
            let stages: Vec<usize> = Stage::ALL
                .iter()
                .map(|&s| {
                    log.items
                        .iter()
                        .filter(|i| i.kind == kind && i.stage == s)
                        .count()
                })
                .collect();
            let total: usize = stages.iter().sum();
            (total > 0).then_some(KindStages {
                kind,
                stages,
                total,
            })
        })
        .collect()
}

pub fn review_pack(workbook: &Workbook, framework: &Framework, today: IsoDate) -> ReviewPack {
    let log = &workbook.improvements;
    let lines = |keep: &dyn Fn(&ImprovementItem) -> bool| -> Vec<ItemLine> {
        log.items
            .iter()
            .filter(|i| keep(i))
            .map(|i| ItemLine::of(i, today))
            .collect()
    };
    let findings = |keep: &dyn Fn(Finding) -> bool| -> Vec<FindingLine> {
        framework
            .leaves()
            .filter_map(|n| {
                let a = workbook.assessment(&n.id);
                keep(a.finding).then(|| FindingLine {
                    requirement: n.id.clone(),
                    label: label(n),
                    finding: a.finding,
                    status: a.status,
                })
            })
            .collect()
    };
    let services = workbook
        .portfolio
        .catalogue()
        .into_iter()
        .map(|s| ServiceLine {
            id: s.id.to_string(),
            name: s.name.clone(),
            owner: s.owner.clone(),
            criticality: s.criticality.label().to_owned(),
            availability: s
                .sla
                .availability
                .map(crate::portfolio::format_percent)
                .unwrap_or_default(),
            gaps: s.gaps().into_iter().map(|g| g.label().to_owned()).collect(),
            open_items: log
                .items
                .iter()
                .filter(|i| i.is_open() && i.services.contains(&s.id))
                .map(|i| format!("{} {}", i.id, i.title))
                .collect(),
        })
        .collect();
    ReviewPack {
        header: ReportHeader::of(workbook, framework, today),
        readiness: Readiness::of(framework, &workbook.assessments),
        review_actions: lines(&is_review_action),
        trends: monthly_trends(log),
        by_kind: kinds_by_stage(log),
        audit_items: lines(&is_audit_item),
        findings: findings(&|f| f != Finding::None),
        open_nonconformities: lines(&|i| i.is_open() && is_nonconformity(i)),
        closed_nonconformities: lines(&|i| !i.is_open() && is_nonconformity(i)),
        services,
        opportunities: lines(&|i| i.is_open() && i.kind == Kind::ImprovementOpportunity),
        opportunity_findings: findings(&|f| f == Finding::OpportunityForImprovement),
    }
}

impl Finding {
    /// The grade as a report prints it; "" for no finding.
    pub fn report_label(self) -> &'static str {
        match self {
            Finding::None => "",
            Finding::MajorNonconformity => "Major nonconformity",
            Finding::MinorNonconformity => "Minor nonconformity",
            Finding::Observation => "Observation",
            Finding::OpportunityForImprovement => "Opportunity for improvement",
        }
    }
}

/// "2 Managed" (named on the framework's own scale) or "".
pub fn level_text(
    scale: &crate::framework::CapabilityScale,
    level: Option<CapabilityLevel>,
) -> String {
    level.map(|l| scale.label(l.number())).unwrap_or_default()
}

fn date_text(d: Option<IsoDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// Escapes text for Markdown so that user text stays text: it cannot start
/// a heading, list, link, emphasis, HTML tag or table cell, and a line
/// break cannot end the table row.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut line_start = true;
    for c in text.trim().chars() {
        match c {
            '\r' => {}
            '\n' => {
                // A break inside a table cell would end the row; <br> is
                // ours, never the user's (their `<` is escaped below).
                out.push_str("<br>");
                line_start = true;
                continue;
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '!' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if line_start => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
        line_start = false;
    }
    out
}

/// The gap analysis as Markdown: a heading per clause and a table of its requirements.
pub fn gap_report_markdown(workbook: &Workbook, framework: &Framework, today: IsoDate) -> String {
    let report = gap_report(workbook, framework, today);
    let h = &report.header;
    let r = &report.readiness;
    let mut md = String::new();
    md.push_str(&format!(
        "# Gap analysis: {}\n\n",
        escape_markdown(&h.organisation)
    ));
    if !h.scope.trim().is_empty() {
        md.push_str(&format!("Scope: {}\n\n", escape_markdown(&h.scope)));
    }
    md.push_str(&format!(
        "{} · Report date {} · {}\n\n",
        escape_markdown(&h.framework),
        h.date,
        escape_markdown(&h.version_line())
    ));
    md.push_str(&format!(
        "Readiness: {}% of {} requirements at Largely or Fully implemented; weighted score {}/100; {} assessed.\n\n",
        r.ready_percent,
        r.total,
        r.score,
        r.assessed()
    ));
    for section in &report.sections {
        md.push_str(&format!("## {}\n\n", escape_markdown(&section.label)));
        md.push_str("| Requirement | Status | Capability (current → target) | Finding | Owner | Target date | Notes | Evidence | Open items |\n");
        md.push_str("|---|---|---|---|---|---|---|---|---|\n");
        for row in &section.rows {
            let capability = match (row.current, row.target) {
                (None, None) => String::new(),
                (c, t) => format!(
                    "{} → {}",
                    level_text(&framework.capability_scale, c),
                    level_text(&framework.capability_scale, t)
                ),
            };
            let cells = [
                escape_markdown(&format!("{} {}", row.number, row.title)),
                row.status.label().to_owned(),
                escape_markdown(&capability),
                row.finding.report_label().to_owned(),
                escape_markdown(&row.owner),
                date_text(row.target_date),
                escape_markdown(&row.notes),
                row.evidence
                    .iter()
                    .map(|e| escape_markdown(e))
                    .collect::<Vec<_>>()
                    .join("<br>"),
                row.open_items
                    .iter()
                    .map(|e| escape_markdown(e))
                    .collect::<Vec<_>>()
                    .join("<br>"),
            ];
            md.push_str("| ");
            md.push_str(&cells.join(" | "));
            md.push_str(" |\n");
        }
        md.push('\n');
    }
    md.push_str("ISO/IEC 20000-1 clause numbers and titles are shown for reference; the requirement text is © ISO and is not reproduced.\n");
    md
}

/// The requirements register with its gap analysis, one row per requirement.
pub fn requirements_csv(workbook: &Workbook, framework: &Framework, today: IsoDate) -> String {
    let mut csv = CsvWriter::new(&[
        "requirement",
        "title",
        "clause",
        "status",
        "capability_current",
        "capability_target",
        "finding",
        "owner",
        "target_date",
        "notes",
        "evidence",
        "open_items",
    ]);
    for section in gap_report(workbook, framework, today).sections {
        for row in section.rows {
            let cells = [
                row.number,
                row.title,
                section.id.0.clone(),
                row.status.label().to_owned(),
                row.current
                    .map(|l| l.number().to_string())
                    .unwrap_or_default(),
                row.target
                    .map(|l| l.number().to_string())
                    .unwrap_or_default(),
                row.finding.report_label().to_owned(),
                row.owner,
                date_text(row.target_date),
                row.notes,
                row.evidence.join("; "),
                row.open_items.join("; "),
            ];
            csv.row(cells.iter().map(String::as_str));
        }
    }
    csv.finish()
}

pub fn evidence_csv(workbook: &Workbook, framework: &Framework, today: IsoDate) -> String {
    let mut csv = CsvWriter::new(&[
        "id",
        "title",
        "reference",
        "owner",
        "version",
        "next_review",
        "review_overdue",
        "requirements",
    ]);
    for row in evidence_report(workbook, framework, today).rows {
        let cells = [
            row.id.to_string(),
            row.title,
            row.reference,
            row.owner,
            row.version,
            date_text(row.next_review),
            yes_no(row.review_overdue),
            row.requirements.join("; "),
        ];
        csv.row(cells.iter().map(String::as_str));
    }
    csv.finish()
}

pub fn documents_csv(workbook: &Workbook, framework: &Framework, today: IsoDate) -> String {
    let mut csv = CsvWriter::new(&[
        "document",
        "title",
        "status",
        "owner",
        "review_date",
        "review_overdue",
        "evidence",
    ]);
    for row in document_report(workbook, framework, today).rows {
        let cells = [
            row.id,
            row.title,
            row.status.label().to_owned(),
            row.owner,
            date_text(row.review_date),
            yes_no(row.review_overdue),
            row.evidence.join("; "),
        ];
        csv.row(cells.iter().map(String::as_str));
    }
    csv.finish()
}

/// Actions from management reviews, in the improvement log's own columns.
pub fn review_actions_csv(workbook: &Workbook, today: IsoDate) -> String {
    let actions = ImprovementLog {
        items: workbook
            .improvements
            .items
            .iter()
            .filter(|i| is_review_action(i))
            .cloned()
            .collect(),
    };
    actions.to_csv(today)
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_owned()
}

/// `harbour-street-it-gap-analysis-2026-11-25.csv`: organisation, what, date.
pub fn file_name(workbook: &Workbook, what: &str, date: IsoDate, extension: &str) -> String {
    let org = crate::file::name::stem(&workbook.organisation.name);
    format!("{org}-{what}-{date}.{extension}")
}
