//! Trainer notes: a trainer's own instructions per requirement, handed out
//! inside a starting workbook.
//!
//! The model is deliberately small: one text per requirement and one `locked`
//! flag for all of them. While unlocked ("trainer mode") the notes can be
//! edited; the trainer locks them before exporting the workbook for the
//! participants, who then see them read-only beside each requirement.
//! The lock guards against accidental edits, not against a determined
//! participant: the workbook is theirs, in their browser, and the Data page
//! lets anyone unlock it again.

use crate::framework::{Framework, RequirementId};
use crate::limits::{self, MAX_NOTES_CHARS};
use crate::validation::ValidationError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use thiserror::Error;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TrainerNotes {
    /// Locked notes are shown read-only.
    pub locked: bool,
    /// Only requirements with a note are stored.
    pub notes: BTreeMap<RequirementId, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TrainerError {
    #[error(
        "The trainer notes are locked. Unlock them under Trainer notes on the Data page to change them."
    )]
    Locked,
    #[error("{0}")]
    Invalid(#[from] ValidationError),
}

impl TrainerNotes {
    pub fn get(&self, id: &RequirementId) -> Option<&str> {
        self.notes
            .get(id)
            .map(String::as_str)
            .filter(|t| !t.trim().is_empty())
    }

    pub fn is_empty(&self) -> bool {
        self.notes.is_empty()
    }

    /// Sets or (with blank text) removes the note of a requirement, unless locked.
    pub fn set(
        &mut self,
        framework: &Framework,
        id: &RequirementId,
        text: &str,
    ) -> Result<(), TrainerError> {
        if self.locked {
            return Err(TrainerError::Locked);
        }
        if !framework.is_leaf(id) {
            return Err(ValidationError::UnknownRequirement(id.0.clone()).into());
        }
        limits::check_text(format_args!("trainer note of {id}"), text, MAX_NOTES_CHARS)
            .map_err(ValidationError::from)?;
        if text.trim().is_empty() {
            self.notes.remove(id);
        } else {
            self.notes.insert(id.clone(), text.to_owned());
        }
        Ok(())
    }

    pub fn lock(&mut self) {
        self.locked = true;
    }

    pub fn unlock(&mut self) {
        self.locked = false;
    }
}

impl TrainerNotes {
    /// Import-time rules: notes of real requirements, sane text.
    pub fn validate(&self, framework: &Framework) -> Result<(), ValidationError> {
        for (id, text) in &self.notes {
            if !framework.is_leaf(id) {
                return Err(ValidationError::DanglingLink {
                    from: "trainer notes".into(),
                    to: format!("requirement {id}"),
                });
            }
            limits::check_text(format_args!("trainer note of {id}"), text, MAX_NOTES_CHARS)?;
        }
        Ok(())
    }
}
