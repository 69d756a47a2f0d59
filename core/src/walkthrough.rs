//! The guided walk through a framework's requirements, and the filters of the
//! clause tree. Plain data, so the URL can carry it and tests can check it.

use crate::assessment::{Assessment, Status};
use crate::framework::{Framework, Node, Phase, RequirementId};

/// Where a requirement sits in the walk from the first to the last leaf.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    /// 1-based.
    pub index: usize,
    pub total: usize,
    pub previous: Option<RequirementId>,
    pub next: Option<RequirementId>,
}

/// Filters for the clause tree; empty fields match everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClauseFilter {
    pub status: Option<Status>,
    pub owner: String,
    pub phase: Option<Phase>,
    pub text: String,
}

/// The position of a requirement in the walk, or `None` for a parent clause.
pub fn position(framework: &Framework, id: &RequirementId) -> Option<Position> {
    let leaves: Vec<&Node> = framework.leaves().collect();
    let i = leaves.iter().position(|n| n.id == *id)?;
    Some(Position {
        index: i + 1,
        total: leaves.len(),
        previous: i.checked_sub(1).map(|p| leaves[p].id.clone()),
        next: leaves.get(i + 1).map(|n| n.id.clone()),
    })
}

impl ClauseFilter {
    pub fn is_empty(&self) -> bool {
        *self == ClauseFilter::default()
    }

    /// Whether a requirement passes every filter that is set.
    pub fn matches(&self, node: &Node, record: &Assessment) -> bool {
        let text = self.text.trim().to_lowercase();
        let owner = self.owner.trim().to_lowercase();
        self.status.is_none_or(|s| record.status == s)
            && self.phase.is_none_or(|p| node.pdca == p)
            && (owner.is_empty() || record.owner.to_lowercase().contains(&owner))
            && (text.is_empty()
                // FitSM numbers have letters ("PR12"), and its requirement
                // text may be shown, so both are searched.
                || node.number.to_lowercase().starts_with(&text)
                || node.title.to_lowercase().contains(&text)
                || node.text.to_lowercase().contains(&text)
                || record.notes.to_lowercase().contains(&text))
    }

    /// Reads the filter from URL query pairs; unknown values are ignored.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        Self {
            status: get("status").and_then(|s| Status::from_key(&s)),
            owner: get("owner").unwrap_or_default(),
            phase: get("phase").and_then(|p| Phase::from_key(&p)),
            text: get("q").unwrap_or_default(),
        }
    }

    /// The query pairs for the set filters, in a stable order.
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(s) = self.status {
            pairs.push(("status", s.key().to_owned()));
        }
        if !self.owner.is_empty() {
            pairs.push(("owner", self.owner.clone()));
        }
        if let Some(p) = self.phase {
            pairs.push(("phase", p.key().to_owned()));
        }
        if !self.text.is_empty() {
            pairs.push(("q", self.text.clone()));
        }
        pairs
    }
}
