//! The versioned file format shared by local storage and JSON exports, and
//! the migrations that bring older files up to date.
//!
//! Every file is an envelope: `format`, `schema_version`, `app_version`, a
//! timestamp, and the `workbook`. Decoding never trusts the input: it checks
//! the envelope, migrates step by step, deserialises, then validates.

use crate::calendar::Timestamp;
use crate::limits::{self, MAX_APP_VERSION_CHARS, MAX_NESTING};
use crate::validation::ValidationError;
use crate::workbook::Workbook;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use thiserror::Error;

/// The schema this build writes.
pub const CURRENT_SCHEMA_VERSION: u64 = 5;
/// Marks a JSON file as a Clausebook workbook.
pub const FORMAT: &str = "clausebook.workbook";
/// The version of the app, written into every file for support questions.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub format: String,
    pub schema_version: u64,
    pub app_version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved_at: Option<Timestamp>,
    pub workbook: Workbook,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SchemaError {
    #[error(
        "The text is not valid JSON (line {line}, column {column}): {detail}. The file may be damaged or cut short."
    )]
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    #[error(
        "This is JSON, but not a Clausebook workbook: it lacks \"format\": \"clausebook.workbook\". Choose a file exported from Clausebook's Data page."
    )]
    NotAWorkbook,
    #[error(
        "The file has no valid \"schema_version\" (a whole number from 1 up), so Clausebook cannot tell how to read it."
    )]
    BadVersion,
    #[error(
        "This workbook was written by a newer Clausebook (schema {found}; this version reads up to {supported}). Open it with the newer version, or update this one."
    )]
    NewerSchema { found: u64, supported: u64 },
    #[error(
        "The file nests lists and objects more than {limit} levels deep. Clausebook files never do, so this one is damaged or was made by another program."
    )]
    TooDeep { limit: usize },
    #[error(
        "The file lacks the field “{field}” in {at}. It may have been cut short or edited by hand; export it again from Clausebook."
    )]
    MissingField { field: String, at: String },
    #[error(
        "The value of {at} has the wrong type: {detail}. The file may have been edited by hand; correct that value or export it again from Clausebook."
    )]
    WrongType { at: String, detail: String },
    #[error(
        "The value of {at} is {found}, which is not one of its choices: {choices}. The file may have been edited by hand; correct that value or export it again from Clausebook."
    )]
    NotAChoice {
        at: String,
        found: String,
        choices: String,
    },
    #[error("The workbook in this file is incomplete or damaged: {0}.")]
    Malformed(String),
    #[error("{0}")]
    Invalid(#[from] ValidationError),
}

/// `Envelope` for writing: borrows the workbook, because cloning a large one
/// for every autosave cost as much as serialising it. The workbook is any
/// type that serialises like one, so that the autosave's cache can write one
/// whose unchanged items are text kept from the previous save.
#[derive(Serialize)]
struct EnvelopeRef<'a, W> {
    format: &'static str,
    schema_version: u64,
    app_version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    exported_at: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    saved_at: Option<Timestamp>,
    workbook: &'a W,
}

impl<'a, W: Serialize> EnvelopeRef<'a, W> {
    fn new(workbook: &'a W) -> Self {
        Self {
            format: FORMAT,
            schema_version: CURRENT_SCHEMA_VERSION,
            app_version: APP_VERSION,
            exported_at: None,
            saved_at: None,
            workbook,
        }
    }
}

/// Writes the envelope for local storage: compact, since machines read it,
/// and ASCII only, so that it costs the same in every browser
/// ([`super::ascii`]).
pub fn to_stored_json(workbook: &Workbook, saved_at: Timestamp) -> String {
    let mut out = Vec::new();
    // Serialising plain structs with string keys cannot fail, and the text
    // is ASCII.
    let _ = write_stored_json(&mut out, workbook, saved_at);
    String::from_utf8(out).unwrap_or_default()
}

/// [`to_stored_json`] of anything that serialises as a workbook, into `out`.
pub(crate) fn write_stored_json<W: Serialize>(
    out: impl std::io::Write,
    workbook: &W,
    saved_at: Timestamp,
) -> Result<(), serde_json::Error> {
    let envelope = EnvelopeRef {
        saved_at: Some(saved_at),
        ..EnvelopeRef::new(workbook)
    };
    super::ascii::to_writer(out, &envelope)
}

/// Writes the envelope for export (pretty-printed: people open these files).
pub fn to_export_json(workbook: &Workbook, exported_at: Timestamp) -> String {
    let envelope = EnvelopeRef {
        exported_at: Some(exported_at),
        ..EnvelopeRef::new(workbook)
    };
    serde_json::to_string_pretty(&envelope).unwrap_or_default()
}

/// Reads any supported version of the format into a validated, current envelope.
pub fn decode(text: &str) -> Result<Envelope, SchemaError> {
    // First, for every file: the fast path skips fields it does not know
    // without looking at them, and they could nest to any depth.
    if nests_deeper_than(text, MAX_NESTING) {
        return Err(SchemaError::TooDeep { limit: MAX_NESTING });
    }
    // Fast path for files of the current schema (every start-up and almost
    // every import): straight into the structs, with no tree in between and
    // no path bookkeeping. Anything else (older schemas, damaged files)
    // takes the general path below, which explains what is wrong.
    let envelope = match serde_json::from_str::<Envelope>(text) {
        Ok(envelope)
            if envelope.format == FORMAT && envelope.schema_version == CURRENT_SCHEMA_VERSION =>
        {
            envelope
        }
        _ => decode_slowly(text)?,
    };
    limits::check_text(
        "app version in the file",
        &envelope.app_version,
        MAX_APP_VERSION_CHARS,
    )
    .map_err(ValidationError::from)?;
    envelope.workbook.validate()?;
    Ok(envelope)
}

/// Checks the envelope, migrates, then reads the structs from text again
/// (one deserialiser for the workbook types keeps the wasm smaller).
fn decode_slowly(text: &str) -> Result<Envelope, SchemaError> {
    let value: Value = serde_json::from_str(text).map_err(|e| SchemaError::NotJson {
        line: e.line(),
        column: e.column(),
        detail: e
            .to_string()
            .split(" at line")
            .next()
            .unwrap_or("")
            .to_owned(),
    })?;
    let migrated = migrate(value)?.to_string();
    serde_json::from_str(&migrated).map_err(|e| data_error(&migrated, e))
}

/// True if arrays and objects nest deeper than `limit` anywhere in `text`.
/// A linear scan that skips string contents, so brackets inside text don't count.
pub fn nests_deeper_than(text: &str, limit: usize) -> bool {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for b in text.bytes() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// Turns serde's message into one that names where in the file the problem is.
fn data_error(text: &str, error: serde_json::Error) -> SchemaError {
    // serde's " at line L column C" is replaced by the path, which says
    // where more readably.
    let message = error.to_string();
    let detail = match message.rfind(" at line ") {
        Some(i) if error.line() > 0 => message[..i].to_owned(),
        _ => message,
    };
    let mut offset = byte_offset(text, error.line(), error.column());
    // serde_json's "expected value" comes from a field of choices (an enum)
    // given something that is neither a string nor an object. Its offset
    // includes the value's first byte, which may open a list.
    let not_a_name = detail == "expected value";
    if not_a_name {
        offset = offset.saturating_sub(1);
    }
    let missing = detail.strip_prefix("missing field `");
    // A missing field is reported after the object's closing brace; the
    // object itself is where it is missing.
    let steps = path_at(text, offset, missing.is_some());
    let path = path_text(&steps);
    let at = if path.is_empty() {
        "the top level of the file".to_owned()
    } else {
        format!("“{path}”")
    };
    let choices = if not_a_name {
        choices_at(text, offset)
    } else {
        detail
            .strip_prefix("unknown variant `")
            .and_then(|rest| rest.split_once("`, expected one of "))
            .map(|(_, list)| list.replace('`', ""))
    };
    if let Some(choices) = choices {
        return SchemaError::NotAChoice {
            at,
            found: found_at(text, &steps),
            choices,
        };
    }
    if let Some(rest) = missing {
        let field = rest.split('`').next().unwrap_or(rest).to_owned();
        return SchemaError::MissingField { field, at };
    }
    if let Some(rest) = detail.strip_prefix("invalid type: ") {
        return SchemaError::WrongType {
            at,
            detail: rest.to_owned(),
        };
    }
    SchemaError::Malformed(format!("{detail} (at {at})"))
}

/// serde_json's line (from 1) and column (bytes into the line) as a byte offset.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let start = text
        .bytes()
        .enumerate()
        .filter(|(_, b)| *b == b'\n')
        .nth(line.saturating_sub(2))
        .map_or(0, |(i, _)| if line > 1 { i + 1 } else { 0 });
    (start + column).min(text.len())
}

/// The choices of the field whose value starts at byte `start`, which held
/// neither a name nor an object: serde lists them for a name it does not
/// know, so ask it with one in the value's place.
fn choices_at(text: &str, start: usize) -> Option<String> {
    let end = value_end(text.as_bytes(), start)?;
    let probe = format!("{}\"\\u0001\"{}", &text[..start], &text[end..]);
    let error = serde_json::from_str::<Envelope>(&probe).err()?.to_string();
    let list = error.split_once("`, expected one of ")?.1;
    let list = list.split(" at line ").next().unwrap_or(list);
    Some(list.replace('`', ""))
}

/// Where the JSON value starting at byte `start` ends (one past it).
fn value_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in bytes.iter().enumerate().skip(start) {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => {
                    in_string = false;
                    if depth == 0 {
                        return Some(i + 1);
                    }
                }
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => depth += 1,
            b']' | b'}' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            b',' | b']' | b'}' if depth == 0 => return Some(i),
            b if depth == 0 && b.is_ascii_whitespace() && i > start => return Some(i),
            _ => {}
        }
    }
    (depth == 0 && !in_string).then_some(bytes.len())
}

/// What the file holds at `steps`, as the message shows it: `3`, `true`,
/// `“not_applicable”`, "a list", "an object".
fn found_at(text: &str, steps: &[PathStep]) -> String {
    let mut value = serde_json::from_str::<Value>(text).ok();
    for step in steps {
        value = value.and_then(|v| match (step, v) {
            (PathStep::Key(key), Value::Object(mut map)) => map.remove(key),
            (PathStep::Index(i), Value::Array(mut list)) if *i < list.len() => {
                Some(list.swap_remove(*i))
            }
            _ => None,
        });
    }
    match value {
        Some(Value::String(s)) => {
            let shown: String = s.chars().take(40).collect();
            let more = if shown.len() < s.len() { "…" } else { "" };
            format!("“{shown}{more}”")
        }
        Some(Value::Array(_)) => "a list".to_owned(),
        Some(Value::Object(_)) => "an object".to_owned(),
        Some(other) => other.to_string(),
        None => "something else".to_owned(),
    }
}

/// One step of a path into the document: a field or a list position.
enum PathStep {
    Key(String),
    Index(usize),
}

/// One open array or object while scanning.
enum Frame {
    Array { index: usize },
    Object { key: Option<String> },
}

/// Where in the document byte `offset` lies, as `workbook.items[3].title`
/// (the notation of the import error messages). With `enclosing`, the path
/// of the object that was just closed at `offset` instead.
///
/// Only called for a file that failed to load, so it rescans the text
/// rather than making every successful load keep track of paths.
pub fn json_path_at(text: &str, offset: usize, enclosing: bool) -> String {
    path_text(&path_at(text, offset, enclosing))
}

/// [`json_path_at`] as steps.
fn path_at(text: &str, offset: usize, enclosing: bool) -> Vec<PathStep> {
    let bytes = &text.as_bytes()[..offset.min(text.len())];
    let mut stack: Vec<Frame> = Vec::new();
    let mut closed: Option<Frame> = None;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let mut end = i + 1;
                let mut raw = Vec::new();
                while end < bytes.len() && bytes[end] != b'"' {
                    if bytes[end] == b'\\' {
                        end += 1;
                    }
                    if let Some(&b) = bytes.get(end) {
                        raw.push(b);
                    }
                    end += 1;
                }
                // A string followed by a colon is a key.
                let rest = bytes.get(end + 1..).unwrap_or_default();
                let is_key = rest.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b':');
                if is_key && let Some(Frame::Object { key }) = stack.last_mut() {
                    *key = Some(String::from_utf8_lossy(&raw).into_owned());
                }
                i = end;
            }
            b'{' => {
                stack.push(Frame::Object { key: None });
                closed = None;
            }
            b'[' => {
                stack.push(Frame::Array { index: 0 });
                closed = None;
            }
            b'}' | b']' => closed = stack.pop(),
            b',' => {
                closed = None;
                match stack.last_mut() {
                    Some(Frame::Array { index }) => *index += 1,
                    Some(Frame::Object { key }) => *key = None,
                    None => {}
                }
            }
            _ => {}
        }
        i += 1;
    }
    if enclosing {
        match closed {
            // Reopen the object that just closed, with no field selected.
            Some(Frame::Object { .. }) => stack.push(Frame::Object { key: None }),
            Some(array) => stack.push(array),
            None => {
                if let Some(Frame::Object { key }) = stack.last_mut() {
                    *key = None;
                }
            }
        }
    }
    stack
        .into_iter()
        .filter_map(|frame| match frame {
            Frame::Array { index } => Some(PathStep::Index(index)),
            Frame::Object { key } => key.map(PathStep::Key),
        })
        .collect()
}

/// `workbook.items[3].title`.
fn path_text(steps: &[PathStep]) -> String {
    let mut path = String::new();
    for step in steps {
        match step {
            PathStep::Index(index) => path.push_str(&format!("[{index}]")),
            PathStep::Key(key) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
        }
    }
    path
}

/// Brings an envelope of any older schema version up to the current one.
pub fn migrate(mut value: Value) -> Result<Value, SchemaError> {
    let object = value.as_object().ok_or(SchemaError::NotAWorkbook)?;
    if object.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(SchemaError::NotAWorkbook);
    }
    let mut version = object
        .get("schema_version")
        .and_then(Value::as_u64)
        .filter(|v| *v >= 1)
        .ok_or(SchemaError::BadVersion)?;
    if version > CURRENT_SCHEMA_VERSION {
        return Err(SchemaError::NewerSchema {
            found: version,
            supported: CURRENT_SCHEMA_VERSION,
        });
    }
    while version < CURRENT_SCHEMA_VERSION {
        // Every version below CURRENT has a step; a missing one means someone
        // bumped CURRENT without writing the step.
        let step = usize::try_from(version - 1)
            .ok()
            .and_then(|at| STEPS.get(at))
            .ok_or(SchemaError::BadVersion)?;
        let workbook = value
            .get_mut("workbook")
            .and_then(Value::as_object_mut)
            .ok_or_else(|| SchemaError::Malformed("missing field `workbook`".into()))?;
        step(workbook)?;
        version += 1;
        value["schema_version"] = json!(version);
    }
    Ok(value)
}

/// One migration: it changes the workbook object of one schema version into
/// the next.
type Step = fn(&mut Map<String, Value>) -> Result<(), SchemaError>;

/// The migration from each schema version to the next, from schema 1.
const STEPS: [Step; 4] = [v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5];

/// Schema 1 was the first draft format: one framework only, so the workbook
/// named no framework, and the organisation was a bare `organisation_name`
/// with `scope` beside it. Schema 2 names the framework so that other
/// frameworks can share the engine.
fn v1_to_v2(workbook: &mut Map<String, Value>) -> Result<(), SchemaError> {
    let name = workbook
        .remove("organisation_name")
        .ok_or_else(|| SchemaError::Malformed("missing field `organisation_name`".into()))?;
    let scope = workbook.remove("scope").unwrap_or(json!(""));
    workbook.insert(
        "organisation".into(),
        json!({ "name": name, "scope": scope }),
    );
    workbook.insert(
        "framework".into(),
        json!({ "id": "iso20000-1-2018", "version": "1.0.0" }),
    );
    Ok(())
}

/// The workbook's copy in local storage, as the app found it on starting.
#[derive(Debug, Clone, PartialEq)]
pub enum LocalCopy {
    /// Nothing stored yet: a first visit.
    Empty,
    Ready(Box<Envelope>),
    /// Something is stored but cannot be used. It is kept untouched and
    /// offered for download: it may be the only copy of months of work.
    Unreadable {
        raw: String,
        error: SchemaError,
    },
}

/// Classifies what was read from storage under the workbook key.
pub fn read_local_copy(raw: Option<String>) -> LocalCopy {
    match raw {
        None => LocalCopy::Empty,
        Some(raw) => match decode(&raw) {
            Ok(envelope) => LocalCopy::Ready(Box::new(envelope)),
            Err(error) => LocalCopy::Unreadable { raw, error },
        },
    }
}

/// Schema 3 adds the improvement log and the service portfolio; a schema 2
/// workbook has neither, so both start empty.
fn v2_to_v3(workbook: &mut Map<String, Value>) -> Result<(), SchemaError> {
    workbook.insert("improvements".into(), json!({ "items": [] }));
    workbook.insert("portfolio".into(), json!({ "services": [] }));
    Ok(())
}

/// Schema 4 adds the evidence register and the documented-information
/// checklist, and capability levels and findings per requirement (which
/// default to unset, so assessments need no change).
fn v3_to_v4(workbook: &mut Map<String, Value>) -> Result<(), SchemaError> {
    workbook.insert("evidence".into(), json!({ "items": [] }));
    workbook.insert("documents".into(), json!({}));
    Ok(())
}

/// Schema 5 adds dated baselines (progress over time) and trainer notes;
/// a schema 4 workbook has neither, so both start empty and unlocked.
fn v4_to_v5(workbook: &mut Map<String, Value>) -> Result<(), SchemaError> {
    workbook.insert("baselines".into(), json!([]));
    workbook.insert(
        "trainer_notes".into(),
        json!({ "locked": false, "notes": {} }),
    );
    Ok(())
}
