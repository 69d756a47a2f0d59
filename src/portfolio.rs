//! The service portfolio: pipeline, catalogue and retired services with their
//! lifecycle (clause 8.2).
//!
//! SKELETON: the service model, lifecycle rules and dependency graph are issue #6.

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

/// Every service the organisation plans, runs or has retired.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Portfolio {
    #[serde(default)]
    pub services: Vec<Service>,
}

/// One service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Service {
    pub id: ServiceId,
    pub name: String,
}

/// Identifies a service; people see it as `SVC-0001`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ServiceId(pub u32);

impl fmt::Display for ServiceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SVC-{:04}", self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PortfolioError {
    #[error("Service {0} appears more than once.")]
    DuplicateId(ServiceId),
}

/// Import-time rules for the portfolio: unique ids, links that resolve, no cycles.
pub fn validate(
    workbook: &crate::workbook::Workbook,
    _framework: &crate::framework::Framework,
) -> Result<(), PortfolioError> {
    let mut seen = std::collections::HashSet::new();
    for service in &workbook.portfolio.services {
        if !seen.insert(service.id) {
            return Err(PortfolioError::DuplicateId(service.id));
        }
    }
    Ok(())
}
