//! What is wrong with a workbook that breaks a rule, whether typed in, loaded
//! from storage or imported. Each type checks itself next to its definition
//! (`validate`), and `Workbook::validate` composes them.

use crate::improvement::ImprovementError;
use crate::limits::{self, MAX_NAME_CHARS, TextError};
use crate::portfolio::PortfolioError;
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ValidationError {
    #[error("Enter the organisation's name.")]
    MissingName,
    #[error("The {field} is {actual} characters long; the most Clausebook keeps is {max}.")]
    TooLong {
        field: String,
        actual: usize,
        max: usize,
    },
    #[error(
        "This workbook was made for the framework “{0}”, which this version of Clausebook does not know."
    )]
    UnknownFramework(String),
    #[error(
        "The workbook records requirement “{0}”, which is not an assessable requirement of this framework."
    )]
    UnknownRequirement(String),
    #[error("The {0} contains control characters that cannot be shown.")]
    ControlCharacters(String),
    #[error("Give the {0} a title.")]
    MissingTitle(String),
    #[error("Two items share the id {0}; ids must be unique.")]
    DuplicateId(String),
    #[error("The {from} links to {to}, which does not exist.")]
    DanglingLink { from: String, to: String },
    #[error("Requirement {requirement}: {detail}")]
    Capability { requirement: String, detail: String },
    #[error("The workbook is inconsistent: {0}.")]
    Inconsistent(String),
    #[error("{0}")]
    Improvement(#[from] ImprovementError),
    #[error("{0}")]
    Portfolio(#[from] PortfolioError),
}

/// A title as typed: trimmed, given, and no longer than a name may be.
/// `what` is the thing titled ("baseline"), `field` the text's name in a
/// message ("baseline name").
pub fn title<'a>(what: &str, field: &str, text: &'a str) -> Result<&'a str, ValidationError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ValidationError::MissingTitle(what.to_owned()));
    }
    limits::check_text(field, text, MAX_NAME_CHARS)?;
    Ok(text)
}

impl From<TextError> for ValidationError {
    fn from(e: TextError) -> Self {
        match e {
            TextError::TooLong { field, actual, max } => {
                ValidationError::TooLong { field, actual, max }
            }
            TextError::ControlCharacters(field) => ValidationError::ControlCharacters(field),
        }
    }
}
