//! Small components and helpers that several pages share.

mod badge;
mod bar;
mod card;
mod check_box;
mod confirm;
mod date_field;
mod enum_select;
mod error_line;
mod focus;
mod framework_choice;
mod item_page;
mod local_time;
mod missing;
mod radio_choices;
mod select_field;
mod table;
mod text_field;

pub use badge::{lifecycle_badge, stage_badge, stage_class, status_badge};
pub use bar::bar;
pub use card::Card;
pub use check_box::CheckBox;
pub use confirm::ConfirmInline;
pub use date_field::DateField;
pub use enum_select::{Choice, EnumSelect, choices, pick_variant, record_select};
pub use error_line::ErrorLine;
pub use focus::focus_later;
pub use framework_choice::{FrameworkAttribution, FrameworkChoice};
pub use item_page::{Absent, ItemHeading, id_param, item_page};
pub use local_time::{local_date_time, local_time};
pub use missing::{CreateWorkbookFirst, Missing, NeedsWorkbook, NoWorkbook};
pub use radio_choices::RadioChoices;
pub use select_field::SelectField;
pub use table::{action_column_heads, column_heads, scroll_table};
pub use text_field::TextField;
