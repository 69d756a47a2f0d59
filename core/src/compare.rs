//! Comparing several participants' workbooks side by side, for workshops:
//! who rated each requirement how, how many chose each status, and where
//! they disagree.
//!
//! Every file goes through the same checks as an import; a comparison is
//! read-only and never touches the user's own workbook.

use crate::assessment::Status;
use crate::file::export::{self, ImportError};
use crate::framework::{Framework, FrameworkId, RequirementId};
use crate::limits::MAX_PARTICIPANTS;
use crate::workbook::Workbook;
use thiserror::Error;

/// One loaded file.
#[derive(Debug, Clone, PartialEq)]
pub struct Participant {
    pub file_name: String,
    pub workbook: Workbook,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CompareError {
    #[error("{file}: {error}")]
    Unreadable { file: String, error: ImportError },
    #[error(
        "{file}: this workbook uses the framework “{found}”, but the others use “{expected}”. Only workbooks of the same framework can be compared."
    )]
    OtherFramework {
        file: String,
        found: String,
        expected: String,
    },
    #[error("{file}: already loaded. Each file is compared once.")]
    AlreadyLoaded { file: String },
    #[error("{file}: at most {max} workbooks can be compared at once.")]
    TooMany { file: String, max: usize },
}

/// One requirement across all participants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub requirement: RequirementId,
    /// Each participant's status, in participant order.
    pub statuses: Vec<Status>,
    /// How many chose each status, in `Status::ALL` order.
    pub counts: [usize; 5],
}

impl Participant {
    /// "alice.json (Harbour Street IT)": the file tells participants apart,
    /// the organisation says whose it is.
    pub fn label(&self) -> String {
        format!("{} ({})", self.file_name, self.workbook.organisation.name)
    }
}

impl Row {
    /// Participants disagree when they chose more than one status.
    pub fn differs(&self) -> bool {
        self.counts.iter().filter(|&&c| c > 0).count() > 1
    }

    pub fn count(&self, status: Status) -> usize {
        Status::ALL
            .iter()
            .position(|s| *s == status)
            .map_or(0, |i| self.counts[i])
    }

    /// The status most participants chose; ties go to the lower status, the
    /// cautious reading for an audit.
    pub fn most_common(&self) -> Option<Status> {
        let max = *self.counts.iter().max()?;
        (max > 0).then(|| Status::ALL[self.counts.iter().position(|&c| c == max).unwrap_or(0)])
    }
}

/// The files loaded for a comparison, all of one framework.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Group {
    pub participants: Vec<Participant>,
}

impl Group {
    pub fn framework(&self) -> Option<&FrameworkId> {
        self.participants.first().map(|p| &p.workbook.framework.id)
    }

    /// Reads and checks one file and adds it, or says why not. Nothing is
    /// added when anything is wrong.
    pub fn add_file(
        &mut self,
        file_name: &str,
        bytes: &[u8],
        framework: &Framework,
    ) -> Result<(), CompareError> {
        let file = file_name.to_owned();
        if self.participants.iter().any(|p| p.file_name == file_name) {
            return Err(CompareError::AlreadyLoaded { file });
        }
        if self.participants.len() >= MAX_PARTICIPANTS {
            return Err(CompareError::TooMany {
                file,
                max: MAX_PARTICIPANTS,
            });
        }
        let preview = export::read_import(bytes).map_err(|error| CompareError::Unreadable {
            file: file.clone(),
            error,
        })?;
        let workbook = preview.envelope.workbook;
        let expected = self.framework().unwrap_or(&framework.id);
        if &workbook.framework.id != expected {
            return Err(CompareError::OtherFramework {
                file,
                found: workbook.framework.id.0.clone(),
                expected: expected.0.clone(),
            });
        }
        self.participants.push(Participant {
            file_name: file,
            workbook,
        });
        Ok(())
    }

    pub fn remove(&mut self, index: usize) {
        if index < self.participants.len() {
            self.participants.remove(index);
        }
    }

    /// One row per requirement, in framework order.
    pub fn rows(&self, framework: &Framework) -> Vec<Row> {
        framework
            .leaves()
            .map(|node| {
                let statuses: Vec<Status> = self
                    .participants
                    .iter()
                    .map(|p| p.workbook.assessment(&node.id).status)
                    .collect();
                let mut counts = [0; 5];
                for s in &statuses {
                    if let Some(i) = Status::ALL.iter().position(|x| x == s) {
                        counts[i] += 1;
                    }
                }
                Row {
                    requirement: node.id.clone(),
                    statuses,
                    counts,
                }
            })
            .collect()
    }
}
