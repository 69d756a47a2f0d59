//! Rules every workbook obeys, whether typed in, loaded from storage or imported.

use crate::framework::{self, Framework};
use crate::improvement::ImprovementError;
use crate::portfolio::PortfolioError;
use crate::workbook::{Organisation, Workbook};
use thiserror::Error;

pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_SCOPE_CHARS: usize = 2_000;
pub const MAX_OWNER_CHARS: usize = 200;
pub const MAX_NOTES_CHARS: usize = 20_000;

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

pub fn check_organisation(org: &Organisation) -> Result<(), ValidationError> {
    if org.name.trim().is_empty() {
        return Err(ValidationError::MissingName);
    }
    check_text("organisation name", &org.name, MAX_NAME_CHARS)?;
    check_text("scope statement", &org.scope, MAX_SCOPE_CHARS)
}

/// Checks a whole workbook against the framework it names.
pub fn check_workbook(workbook: &Workbook) -> Result<&'static Framework, ValidationError> {
    check_organisation(&workbook.organisation)?;
    check_text("framework version", &workbook.framework.version, 40)?;
    let framework = framework::by_id(&workbook.framework.id)
        .ok_or_else(|| ValidationError::UnknownFramework(workbook.framework.id.0.clone()))?;
    for (id, record) in &workbook.assessments {
        if !framework.is_leaf(id) {
            return Err(ValidationError::UnknownRequirement(id.0.clone()));
        }
        check_text(
            format_args!("owner of {id}"),
            &record.owner,
            MAX_OWNER_CHARS,
        )?;
        check_text(
            format_args!("notes of {id}"),
            &record.notes,
            MAX_NOTES_CHARS,
        )?;
        // Deserialisation bypasses the constructor, so check the rules again,
        // against this framework's scale (FitSM stops at 4).
        record
            .capability
            .check(&framework.capability_scale)
            .map_err(|e| ValidationError::Capability {
                requirement: id.0.clone(),
                detail: e.to_string(),
            })?;
    }
    crate::evidence::validate(&workbook.evidence, &workbook.documents, framework)?;
    crate::improvement::validate(workbook, framework)?;
    crate::portfolio::validate(workbook, framework)?;
    crate::baseline::validate(&workbook.baselines, framework)?;
    crate::trainer::validate(&workbook.trainer_notes, framework)?;
    Ok(framework)
}

/// Checks one text field: length in characters, and no stray control characters.
pub fn check_text(
    field: impl std::fmt::Display,
    text: &str,
    max: usize,
) -> Result<(), ValidationError> {
    // Every text field of every item passes through here on each start-up
    // and import, so the common case stays a single pass over the bytes and
    // the field's name is only formatted for an error.
    // Bytes ≥ chars, so a short enough byte length needs no counting.
    if text.len() > max {
        let actual = text.chars().count();
        if actual > max {
            return Err(ValidationError::TooLong {
                field: field.to_string(),
                actual,
                max,
            });
        }
    }
    // Newlines and tabs are ordinary in notes; other control characters only
    // come from corrupted or crafted files.
    if has_control_characters(text) {
        return Err(ValidationError::ControlCharacters(field.to_string()));
    }
    Ok(())
}

/// Unicode's control characters other than newline, return and tab:
/// U+0000–U+001F and U+007F as single bytes, U+0080–U+009F as 0xC2 0x80–0x9F.
fn has_control_characters(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\n' | b'\r' | b'\t' => false,
        0x00..=0x1f | 0x7f => true,
        0xc2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
        _ => false,
    })
}
