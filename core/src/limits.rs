//! Every limit Clausebook keeps: the longest each text field may be, the most
//! items each list may hold, the largest file it reads. The one table that
//! the checks on typed, stored and imported data read, and that the app's
//! inputs read for their `maxlength`; nothing else defines a limit.
//!
//! The limits are far beyond any real workbook. They exist so that a crafted
//! or damaged file cannot make the app crawl, and so that what one browser
//! saved another can read.
//!
//! A leaf: it depends on no other module of the crate, so every type can
//! check itself against it.

use thiserror::Error;

// ---------------------------------------------------------------------------
// Text, in characters

/// An organisation's, item's, service's, evidence's or baseline's name or title.
pub const MAX_NAME_CHARS: usize = 200;
/// The organisation's scope statement (clause 4.3).
pub const MAX_SCOPE_CHARS: usize = 2_000;
/// An owner, or who verified a check.
pub const MAX_OWNER_CHARS: usize = 200;
/// An evidence item's reference (a link or where the document is kept).
pub const MAX_REFERENCE_CHARS: usize = 2_000;
/// Notes, and every long free-text record (plans, results, lessons).
pub const MAX_NOTES_CHARS: usize = 20_000;
/// A service's short text fields (customers, service hours, who decided a move).
pub const MAX_SHORT_CHARS: usize = 500;
/// A service's descriptive fields (outcome, continuity, security, costs).
pub const MAX_TEXT_CHARS: usize = 5_000;
/// The version of the framework a workbook names.
pub const MAX_FRAMEWORK_VERSION_CHARS: usize = 40;
/// The `app_version` a file carries; it is shown on the Data page.
pub const MAX_APP_VERSION_CHARS: usize = 40;
/// A workbook's name in the list: at first its organisation's name.
pub const MAX_WORKBOOK_NAME_CHARS: usize = MAX_NAME_CHARS;
/// A number typed as text (an availability, a number of hours): longer
/// than any value its check accepts.
pub const MAX_NUMBER_CHARS: usize = 12;
/// A study profile's name.
pub const MAX_PROFILE_NAME_CHARS: usize = 80;

// ---------------------------------------------------------------------------
// Counts

/// Items in one improvement log.
pub const MAX_IMPROVEMENTS: usize = 5_000;
/// Links of one kind (requirements, services) on one improvement item.
pub const MAX_IMPROVEMENT_LINKS: usize = 200;
/// Stage changes kept per improvement item.
pub const MAX_IMPROVEMENT_HISTORY: usize = 1_000;
/// Baselines one workbook keeps: one a week for years is far below it.
pub const MAX_BASELINES: usize = 500;
/// Snapshots kept per workbook in the list of workbooks.
pub const MAX_SNAPSHOTS: usize = 10;
/// Files compared at once; a training group is far smaller.
pub const MAX_PARTICIPANTS: usize = 30;
/// Study runs kept in a profile; older ones drop off so storage stays small.
pub const MAX_STUDY_RUNS: usize = 200;
/// Flashcard schedules kept in a profile: far above the deck's size, so a
/// damaged file cannot fill storage.
pub const MAX_CARD_REVIEWS: usize = 2000;

// ---------------------------------------------------------------------------
// Sizes

/// A service's response or resolution target: a year, in minutes.
pub const MAX_TARGET_MINUTES: u32 = 365 * 24 * 60;
/// The largest file an import reads; real workbooks are far smaller.
pub const MAX_IMPORT_BYTES: u64 = 5 * 1024 * 1024;
/// How deeply a file's arrays and objects may nest. A real workbook nests
/// about eight levels; the limit is checked before parsing so that a crafted
/// file cannot exhaust the stack or produce serde's terse "recursion limit"
/// message.
pub const MAX_NESTING: usize = 32;
/// What browsers give one site for local storage: WebKit's 5,242,880
/// bytes, one a character of the ASCII text the app stores (the file
/// module `ascii`); Chromium and Firefox take as many characters.
pub const LOCAL_STORAGE_QUOTA_BYTES: u64 = 5 * 1024 * 1024;

/// A text field that breaks its limit.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TextError {
    #[error("The {field} is {actual} characters long; the most Clausebook keeps is {max}.")]
    TooLong {
        field: String,
        actual: usize,
        max: usize,
    },
    #[error("The {0} contains control characters that cannot be shown.")]
    ControlCharacters(String),
}

/// Checks one text field: length in characters, and no stray control characters.
pub fn check_text(field: impl std::fmt::Display, text: &str, max: usize) -> Result<(), TextError> {
    // Every text field of every item passes through here on each start-up
    // and import, so the common case stays a single pass over the bytes and
    // the field's name is only formatted for an error.
    // Bytes ≥ chars, so a short enough byte length needs no counting.
    if text.len() > max {
        let actual = text.chars().count();
        if actual > max {
            return Err(TextError::TooLong {
                field: field.to_string(),
                actual,
                max,
            });
        }
    }
    // Newlines and tabs are ordinary in notes; other control characters only
    // come from corrupted or crafted files.
    if has_control_characters(text) {
        return Err(TextError::ControlCharacters(field.to_string()));
    }
    Ok(())
}

/// Checks the length of a list: `field` names it ("list of baselines").
pub fn check_count(field: &str, actual: usize, max: usize) -> Result<(), TextError> {
    if actual > max {
        return Err(TextError::TooLong {
            field: field.to_owned(),
            actual,
            max,
        });
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
