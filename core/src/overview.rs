//! The Overview: everything the Overview page shows, worked out from a
//! workbook in one go and ready to display (text already composed). Gaps
//! and overdue items depend on the date, so it is worked out for a day.

use crate::assessment::{Readiness, Status, clause_capability};
use crate::calendar::IsoDate;
use crate::framework::{Framework, Phase};
use crate::workbook::Workbook;

/// At most this many gaps and overdue items are listed; the rest are counted.
pub const LISTED: usize = 12;

/// The Overview's contents for one workbook on one day.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overview {
    pub organisation: String,
    pub framework_name: String,
    pub readiness: Readiness,
    /// The first requirement not yet assessed, in framework order.
    pub next_unassessed: Option<String>,
    /// The first [`LISTED`] gaps, and how many there are in all.
    pub gaps: Vec<Line>,
    pub gaps_total: usize,
    /// The first [`LISTED`] overdue improvement items, and how many in all.
    pub overdue: Vec<Line>,
    pub overdue_total: usize,
    pub phases: Vec<PhaseRow>,
    /// The convention the phases follow, named wherever they are shown.
    pub pdca_convention: String,
    pub clauses: Vec<ClauseRow>,
    /// The top of the framework's capability scale.
    pub capability_max: u8,
    pub radar: Radar,
}

/// One entry of a list: a link into the app and what follows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line {
    /// An in-app path ("/clauses/8.1"), without the base path.
    pub path: String,
    pub link: String,
    pub detail: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct PhaseRow {
    pub key: String,
    pub label: String,
    pub assessed: usize,
    pub total: usize,
    pub ready_percent: u32,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClauseRow {
    pub path: String,
    /// The clause number and title, as one line.
    pub title: String,
    pub pdca: String,
    pub assessed: usize,
    pub total: usize,
    pub ready_percent: u32,
    /// Average capability, one decimal ("2.5"), or "not rated".
    pub current: String,
    pub target: String,
}

/// The capability radar, as SVG point lists.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Radar {
    /// One ring per level, 1 to the top of the scale.
    pub rings: Vec<String>,
    pub labels: Vec<RadarLabel>,
    pub current: String,
    pub target: String,
    pub first: String,
    pub last: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct RadarLabel {
    pub x: String,
    pub y: String,
    pub text: String,
}

/// A clause's average capability: current and target.
type Capability = (Option<f32>, Option<f32>);

/// The radar's size in SVG units: centre and radius.
const CENTRE: f32 = 150.0;
const RADIUS: f32 = 105.0;

impl Overview {
    pub fn of(workbook: &Workbook, framework: &Framework, today: IsoDate) -> Self {
        let assessments = &workbook.assessments;
        let next_unassessed = framework
            .leaves()
            .find(|n| !workbook.assessment(&n.id).status.is_assessed())
            .map(|n| n.id.0.clone());
        let all_gaps = workbook.gaps(framework, today);
        let gaps = all_gaps
            .iter()
            .take(LISTED)
            .map(|g| Line {
                path: format!("/clauses/{}", g.requirement),
                link: framework
                    .node(&g.requirement)
                    .map(|n| format!("{} {}", n.number, n.title))
                    .unwrap_or_default(),
                detail: format!(" — {}", g.reason.describe()),
            })
            .collect();
        let all_overdue = workbook.improvements.overdue(today);
        let overdue = all_overdue
            .iter()
            .take(LISTED)
            .map(|i| Line {
                path: format!("/improvements/{}", i.id),
                link: format!("{} {}", i.id, i.title),
                detail: format!(
                    " — due {}, in {}{}",
                    i.target_date.map(|d| d.to_string()).unwrap_or_default(),
                    i.stage,
                    if i.owner.is_empty() {
                        String::new()
                    } else {
                        format!(", {}", i.owner)
                    },
                ),
            })
            .collect();
        let phases = Phase::ALL
            .into_iter()
            .map(|phase| {
                let r = Readiness::of_phase(framework, phase, assessments);
                PhaseRow {
                    key: phase.key().to_owned(),
                    label: phase.label().to_owned(),
                    assessed: r.assessed(),
                    total: r.total,
                    ready_percent: r.ready_percent,
                }
            })
            .collect();
        let capability: Vec<Capability> = framework
            .roots()
            .map(|n| clause_capability(framework, &n.id, assessments))
            .collect();
        let rated = |v: Option<f32>| {
            v.map(|v| format!("{v:.1}"))
                .unwrap_or_else(|| "not rated".into())
        };
        let clauses = framework
            .roots()
            .zip(&capability)
            .map(|(root, (current, target))| {
                let r = Readiness::of_clause(framework, &root.id, assessments);
                ClauseRow {
                    path: format!("/clauses/{}", root.id),
                    title: format!("{} {}", root.number, root.title),
                    pdca: root.pdca.label().to_owned(),
                    assessed: r.assessed(),
                    total: r.total,
                    ready_percent: r.ready_percent,
                    current: rated(*current),
                    target: rated(*target),
                }
            })
            .collect();
        let capability_max = framework.capability_scale.max();
        Self {
            organisation: workbook.organisation.name.clone(),
            framework_name: framework.name.clone(),
            pdca_convention: framework.pdca_convention.clone(),
            readiness: Readiness::of(framework, assessments),
            next_unassessed,
            gaps,
            gaps_total: all_gaps.len(),
            overdue,
            overdue_total: all_overdue.len(),
            phases,
            clauses,
            capability_max,
            radar: Radar::of(framework, &capability, capability_max),
        }
    }

    /// The readiness count for one status.
    pub fn count(&self, status: Status) -> usize {
        self.readiness.count(status)
    }
}

impl Radar {
    fn of(framework: &Framework, capability: &[Capability], max: u8) -> Self {
        let top = f32::from(max);
        let numbers: Vec<&str> = framework.roots().map(|n| n.number.as_str()).collect();
        let axes = numbers.len();
        let rings = (1..=max)
            .map(|level| radar_points(&vec![f32::from(level); axes], top, RADIUS, CENTRE))
            .collect();
        let labels = numbers
            .iter()
            .enumerate()
            .map(|(i, number)| {
                let mut v = vec![0.0; axes];
                v[i] = top;
                let points = radar_points(&v, top, RADIUS + 22.0, CENTRE);
                let (x, y) = points
                    .split(' ')
                    .nth(i)
                    .and_then(|xy| xy.split_once(','))
                    .map(|(x, y)| (x.to_owned(), y.to_owned()))
                    .unwrap_or_default();
                RadarLabel {
                    x,
                    y,
                    text: (*number).to_owned(),
                }
            })
            .collect();
        let series = |pick: fn(&Capability) -> Option<f32>| {
            let values: Vec<f32> = capability.iter().map(|c| pick(c).unwrap_or(0.0)).collect();
            radar_points(&values, top, RADIUS, CENTRE)
        };
        Self {
            rings,
            labels,
            current: series(|c| c.0),
            target: series(|c| c.1),
            first: numbers.first().map(|n| (*n).to_owned()).unwrap_or_default(),
            last: numbers.last().map(|n| (*n).to_owned()).unwrap_or_default(),
        }
    }
}

/// Points of a radar polygon: one axis per value, 0..=max mapped to 0..=radius.
pub fn radar_points(values: &[f32], max: f32, radius: f32, centre: f32) -> String {
    let n = values.len().max(1) as f32;
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let angle = std::f32::consts::TAU * i as f32 / n - std::f32::consts::FRAC_PI_2;
            let r = radius * (v.clamp(0.0, max) / max);
            format!(
                "{:.1},{:.1}",
                centre + r * angle.cos(),
                centre + r * angle.sin()
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::radar_points;

    #[test]
    fn radar_axes_start_at_the_top_and_scale_to_the_radius() {
        let p = radar_points(&[5.0, 0.0, 2.5, 0.0], 5.0, 100.0, 150.0);
        let points: Vec<&str> = p.split(' ').collect();
        assert_eq!(points[0], "150.0,50.0", "first axis points straight up");
        assert_eq!(points[1], "150.0,150.0", "zero is the centre");
        assert_eq!(points[2], "150.0,200.0", "half way down the third axis");
        assert_eq!(
            radar_points(&[9.0], 5.0, 100.0, 150.0),
            "150.0,50.0",
            "clamped"
        );
    }
}
