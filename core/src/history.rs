//! Undo and redo for a session: the states before each edit.
//!
//! Typing in one field is many edits a few hundred milliseconds apart; they
//! coalesce into one step, so Undo takes back the whole word or sentence
//! rather than one character. Any other edit (a click, another field, a
//! pause) starts a new step.

/// Past and undone states, newest last.
#[derive(Debug, Clone)]
pub struct History<T> {
    undo: Vec<T>,
    redo: Vec<T>,
    limit: usize,
    /// When the last edit was recorded, if it may be extended by the next one.
    open_until_ms: Option<f64>,
}

/// Edits closer together than this in the same field form one step.
pub const COALESCE_MS: f64 = 1000.0;
/// Steps kept; older ones are forgotten.
pub const DEFAULT_LIMIT: usize = 100;

impl<T> Default for History<T> {
    fn default() -> Self {
        Self::new(DEFAULT_LIMIT)
    }
}

impl<T> History<T> {
    pub fn new(limit: usize) -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            limit: limit.max(1),
            open_until_ms: None,
        }
    }

    /// Records the state `before` an edit. `same_field` says the edit
    /// continues typing in the field of the previous edit; then, within
    /// [`COALESCE_MS`], it joins the previous step.
    pub fn record(&mut self, before: T, same_field: bool, now_ms: f64) {
        let joins = same_field && self.open_until_ms.is_some_and(|until| now_ms <= until);
        if !joins {
            self.undo.push(before);
            if self.undo.len() > self.limit {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.open_until_ms = Some(now_ms + COALESCE_MS);
    }

    /// Whether an edit now would join the previous step (typing on in the
    /// same field): then its before-state need not be kept, or even copied.
    pub fn joins(&self, same_field: bool, now_ms: f64) -> bool {
        same_field && self.open_until_ms.is_some_and(|until| now_ms <= until) && self.can_undo()
    }

    /// Records an edit that joined the previous step.
    pub fn extend(&mut self, now_ms: f64) {
        self.redo.clear();
        self.open_until_ms = Some(now_ms + COALESCE_MS);
    }

    /// Takes back the last step: returns the state to go back to, and keeps
    /// `current` for Redo.
    pub fn undo(&mut self, current: T) -> Option<T> {
        let previous = self.undo.pop()?;
        self.redo.push(current);
        self.open_until_ms = None;
        Some(previous)
    }

    /// Re-applies the last undone step.
    pub fn redo(&mut self, current: T) -> Option<T> {
        let next = self.redo.pop()?;
        self.undo.push(current);
        self.open_until_ms = None;
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets everything (another workbook was opened).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.open_until_ms = None;
    }
}
