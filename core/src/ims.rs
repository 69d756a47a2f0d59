//! Integrated management systems: outlines of the other Annex SL standards
//! (ISO 9001:2015, ISO/IEC 27001:2022) and a topic mapping from
//! ISO/IEC 20000-1 requirements to their counterparts there, so an answer
//! written once can be seen to serve several standards.
//!
//! Outlines are numbers and titles only, compiled in as data.

use crate::framework::{RequirementId, compare_numbers};
use serde::Deserialize;
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;
use thiserror::Error;

/// The clause numbers and titles of another standard.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Outline {
    pub id: String,
    pub name: String,
    pub source_note: String,
    clauses: Vec<OutlineClause>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct OutlineClause {
    pub number: String,
    pub title: String,
}

/// One ISO/IEC 20000-1 requirement's counterparts, per other standard.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Link {
    pub requirement: RequirementId,
    #[serde(rename = "iso9001-2015", default)]
    pub iso9001: Vec<String>,
    #[serde(rename = "iso27001-2022", default)]
    pub iso27001: Vec<String>,
}

/// The topic mapping from one framework to the outlines.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Mapping {
    pub from: String,
    pub note: String,
    links: Vec<Link>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImsError {
    #[error("The outline or mapping is not valid JSON: {0}")]
    Json(String),
    #[error("{standard} lists clause {number} twice, or out of order.")]
    OutlineOrder { standard: String, number: String },
    #[error(
        "The mapping points {requirement} to {standard} clause {number}, which the outline does not list."
    )]
    UnknownCounterpart {
        requirement: String,
        standard: String,
        number: String,
    },
    #[error("The mapping lists {0} more than once.")]
    DuplicateRequirement(String),
    #[error("The mapping pairs {requirement} with {standard} clause {number} twice.")]
    DuplicatePair {
        requirement: String,
        standard: String,
        number: String,
    },
}

const ISO_9001: &str = include_str!("framework/iso9001-2015-outline.json");
const ISO_27001: &str = include_str!("framework/iso27001-2022-outline.json");
const MAPPING: &str = include_str!("framework/ims-mapping.json");

/// The compiled-in outlines and mapping.
pub struct Ims {
    pub iso9001: Outline,
    pub iso27001: Outline,
    pub mapping: Mapping,
}

pub fn ims() -> &'static Ims {
    static CELL: OnceLock<Ims> = OnceLock::new();
    CELL.get_or_init(|| {
        // Compiled in and checked by tests/ims_mapping.rs: a failure is a
        // build defect, not user input.
        Ims::from_json(ISO_9001, ISO_27001, MAPPING).expect("built-in IMS data is valid")
    })
}

impl Outline {
    pub fn from_json(text: &str) -> Result<Self, ImsError> {
        let outline: Outline =
            serde_json::from_str(text).map_err(|e| ImsError::Json(e.to_string()))?;
        for pair in outline.clauses.windows(2) {
            if compare_numbers(&pair[0].number, &pair[1].number) != Ordering::Less {
                return Err(ImsError::OutlineOrder {
                    standard: outline.name.clone(),
                    number: pair[1].number.clone(),
                });
            }
        }
        Ok(outline)
    }

    pub fn clauses(&self) -> &[OutlineClause] {
        &self.clauses
    }

    pub fn clause(&self, number: &str) -> Option<&OutlineClause> {
        self.clauses.iter().find(|c| c.number == number)
    }
}

impl Ims {
    /// Parses the outlines and the mapping, and checks every counterpart
    /// exists and no pair is listed twice.
    pub fn from_json(iso9001: &str, iso27001: &str, mapping: &str) -> Result<Self, ImsError> {
        let ims = Ims {
            iso9001: Outline::from_json(iso9001)?,
            iso27001: Outline::from_json(iso27001)?,
            mapping: serde_json::from_str(mapping).map_err(|e| ImsError::Json(e.to_string()))?,
        };
        let mut seen = HashSet::new();
        for link in &ims.mapping.links {
            if !seen.insert(&link.requirement) {
                return Err(ImsError::DuplicateRequirement(link.requirement.0.clone()));
            }
            for (outline, numbers) in ims.sides(link) {
                let mut pairs = HashSet::new();
                for number in numbers {
                    if outline.clause(number).is_none() {
                        return Err(ImsError::UnknownCounterpart {
                            requirement: link.requirement.0.clone(),
                            standard: outline.name.clone(),
                            number: number.clone(),
                        });
                    }
                    if !pairs.insert(number) {
                        return Err(ImsError::DuplicatePair {
                            requirement: link.requirement.0.clone(),
                            standard: outline.name.clone(),
                            number: number.clone(),
                        });
                    }
                }
            }
        }
        Ok(ims)
    }

    fn sides<'a>(&'a self, link: &'a Link) -> [(&'a Outline, &'a Vec<String>); 2] {
        [
            (&self.iso9001, &link.iso9001),
            (&self.iso27001, &link.iso27001),
        ]
    }

    pub fn outlines(&self) -> [&Outline; 2] {
        [&self.iso9001, &self.iso27001]
    }

    pub fn links(&self) -> &[Link] {
        &self.mapping.links
    }

    pub fn link(&self, requirement: &RequirementId) -> Option<&Link> {
        self.mapping
            .links
            .iter()
            .find(|l| l.requirement == *requirement)
    }

    /// The counterparts of a requirement of the mapped framework, per
    /// standard in outline order; standards without one are left out.
    pub fn counterparts(
        &self,
        framework: &str,
        requirement: &RequirementId,
    ) -> Vec<(&Outline, Vec<&OutlineClause>)> {
        if framework != self.mapping.from {
            return Vec::new();
        }
        let Some(link) = self.link(requirement) else {
            return Vec::new();
        };
        self.sides(link)
            .into_iter()
            .filter(|(_, numbers)| !numbers.is_empty())
            .map(|(outline, numbers)| {
                let clauses = numbers.iter().filter_map(|n| outline.clause(n)).collect();
                (outline, clauses)
            })
            .collect()
    }

    /// For one other standard, the ISO/IEC 20000-1 requirements that serve
    /// each of its clauses (the reverse view).
    pub fn served_by(&self, outline_id: &str) -> BTreeMap<String, Vec<RequirementId>> {
        let mut out: BTreeMap<String, Vec<RequirementId>> = BTreeMap::new();
        for link in &self.mapping.links {
            for (outline, numbers) in self.sides(link) {
                if outline.id == outline_id {
                    for n in numbers {
                        out.entry(n.clone())
                            .or_default()
                            .push(link.requirement.clone());
                    }
                }
            }
        }
        out
    }
}
