//! The log's changes as the pages ask for them: each goes through one of
//! the domain's methods, and a refusal comes back as the text to show.

use crate::app::AppState;
use crate::platform::browser;
use clausebook_core::improvement::{
    ImprovementError, ImprovementId, ImprovementLog, NewItem, Stage,
};
use leptos::prelude::*;

/// Tries a stage move; on refusal returns the reason to show.
pub(super) fn try_move(state: AppState, id: ImprovementId, to: Stage) -> Result<(), String> {
    let allowed = state
        .workbook
        .with_untracked(|w| w.as_ref().map(|w| w.improvements.check_move(id, to)));
    match allowed {
        None => return Err("Create a workbook on the Overview first.".to_owned()),
        Some(Err(e)) => return Err(e.to_string()),
        Some(Ok(())) => {}
    }
    let mut result = Ok(());
    state.edit(|w| {
        let now = browser::now();
        result = w
            .edit_improvements(now.clone(), |log| {
                log.move_item(id, to, browser::today(), now)
            })
            .map_err(|e| e.to_string());
    });
    result
}

/// Applies an edit to the log through one of the domain's edit methods.
pub(super) fn edit_log(
    state: AppState,
    f: impl FnOnce(&mut ImprovementLog) -> Result<(), ImprovementError>,
) -> Result<(), String> {
    let mut result = Ok(());
    state.edit(|w| {
        result = w
            .edit_improvements(browser::now(), f)
            .map_err(|e| e.to_string())
    });
    result
}

/// Raises an item and returns its id.
pub(crate) fn raise(state: AppState, new: NewItem) -> Result<ImprovementId, String> {
    let mut result = Err("Create a workbook on the Overview first.".to_owned());
    state.edit(|w| {
        let now = browser::now();
        result = w
            .edit_improvements(now.clone(), |log| log.raise(new, browser::today(), now))
            .map_err(|e| e.to_string());
    });
    result
}
