//! The PDCA improvement log: nonconformities, corrective actions and
//! improvements that go round Plan, Do, Check and Act (clause 10).
//!
//! SKELETON: the item model, stage rules and CSV export are issue #5.

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

/// The log of all improvement items in a workbook.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ImprovementLog {
    #[serde(default)]
    pub items: Vec<ImprovementItem>,
}

/// One improvement item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImprovementItem {
    pub id: ImprovementId,
    pub title: String,
}

/// Identifies an item; people see it as `IMP-0001`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ImprovementId(pub u32);

impl fmt::Display for ImprovementId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IMP-{:04}", self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImprovementError {
    #[error("Improvement item {0} appears more than once.")]
    DuplicateId(ImprovementId),
}

/// Import-time rules for the log: unique ids, links that resolve, sane text.
pub fn validate(
    workbook: &crate::workbook::Workbook,
    _framework: &crate::framework::Framework,
) -> Result<(), ImprovementError> {
    let mut seen = std::collections::HashSet::new();
    for item in &workbook.improvements.items {
        if !seen.insert(item.id) {
            return Err(ImprovementError::DuplicateId(item.id));
        }
    }
    Ok(())
}
