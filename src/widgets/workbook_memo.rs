//! What a page derives from the open workbook, read as empty without one.

use crate::app::AppState;
use clausebook_core::workbook::Workbook;
use leptos::prelude::*;

/// `read` over the open workbook, or the default (nothing listed, nothing
/// counted) while none is open. As a memo, what reads it reruns only when
/// the derived value itself changes.
pub fn workbook_memo<T>(read: impl Fn(&Workbook) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: Default + PartialEq + Send + Sync + 'static,
{
    let state = expect_context::<AppState>();
    Memo::new(move |_| {
        state
            .workbook
            .with(|w| w.as_ref().map(&read).unwrap_or_default())
    })
}
