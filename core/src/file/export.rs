//! Export and import of whole workbooks as JSON files.

use crate::calendar::{IsoDate, Timestamp};
use crate::file::name;
use crate::file::schema::{self, Envelope, SchemaError};
use crate::framework;
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
    /// Both sizes in bytes, the unit the limit is checked in: rounded to
    /// megabytes, a file one byte over would read as no larger than the limit.
    #[error(
        "The file is {} bytes: more than the {} bytes ({}) that Clausebook imports. Choose a file exported from Clausebook's Data page.",
        grouped(*size),
        grouped(*limit),
        human_size(*limit)
    )]
    TooLarge { size: u64, limit: u64 },
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
            size,
            limit: MAX_IMPORT_BYTES,
        });
    }
    if size == 0 {
        return Err(ImportError::Empty);
    }
    Ok(())
}

/// Validates an import file completely, without touching the current
/// workbook. The preview counts by the file's own framework, which may not
/// be the open workbook's.
pub fn read_import(bytes: &[u8]) -> Result<ImportPreview, ImportError> {
    check_size(bytes.len() as u64)?;
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    // Editors on Windows like to add a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let envelope = schema::decode(text)?;
    // Validation has refused a framework that is not compiled in.
    let framework =
        framework::by_id(&envelope.workbook.framework.id).unwrap_or_else(framework::iso20000);
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

/// "5,242,880": digits in groups of three, as sizes in bytes are written.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}
