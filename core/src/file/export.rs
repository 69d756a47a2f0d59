//! Export and import of whole workbooks as JSON files.

use crate::calendar::{IsoDate, Timestamp};
use crate::file::name;
use crate::file::schema::{self, Envelope, SchemaError};
use crate::framework::Framework;
use crate::limits::MAX_IMPORT_BYTES;
use crate::workbook::{Summary, Workbook};
use thiserror::Error;

/// What an import file holds, shown to the user before anything is replaced.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    pub envelope: Envelope,
    pub summary: Summary,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    #[error(
        "The file is {size} — larger than the {limit} Clausebook imports. Choose a file exported from Clausebook's Data page."
    )]
    TooLarge { size: String, limit: String },
    #[error("The file is empty. Choose a file exported from Clausebook's Data page.")]
    Empty,
    #[error("The file is not UTF-8 text, so it cannot be a Clausebook export.")]
    NotText,
    #[error("{0}")]
    Schema(#[from] SchemaError),
}

/// The export file's content.
pub fn export_json(workbook: &Workbook, exported_at: Timestamp) -> String {
    schema::to_export_json(workbook, exported_at)
}

/// `harbour-street-it-2026-11-25.clausebook.json` from the organisation's name and the date.
pub fn file_name(workbook: &Workbook, date: IsoDate) -> String {
    format!(
        "{}-{date}.clausebook.json",
        name::stem(&workbook.organisation.name)
    )
}

/// Checks the size before reading a file of `size` bytes.
pub fn check_size(size: u64) -> Result<(), ImportError> {
    if size > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            size: human_size(size),
            limit: human_size(MAX_IMPORT_BYTES),
        });
    }
    if size == 0 {
        return Err(ImportError::Empty);
    }
    Ok(())
}

/// Validates an import file completely, without touching the current workbook.
pub fn read_import(bytes: &[u8], framework: &Framework) -> Result<ImportPreview, ImportError> {
    check_size(bytes.len() as u64)?;
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    // Editors on Windows like to add a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let envelope = schema::decode(text)?;
    let summary = envelope.workbook.summary(framework);
    Ok(ImportPreview { envelope, summary })
}

/// "1.2 MB", "830 KB", "12 bytes".
pub fn human_size(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    } else if bytes >= KB {
        format!("{} KB", bytes.div_ceil(KB))
    } else {
        format!("{bytes} bytes")
    }
}
