//! Small components and helpers that several pages share.

mod badge;
mod bar;
mod enum_select;
mod focus;
mod framework_choice;
mod item_page;
mod local_time;
mod missing;

pub use badge::{lifecycle_badge, stage_badge, stage_class, status_badge};
pub use bar::bar;
pub use enum_select::{Choice, EnumSelect, choices, pick_variant};
pub use focus::focus_later;
pub use framework_choice::{FrameworkAttribution, FrameworkChoice};
pub use item_page::{ItemHeading, id_param};
pub use local_time::{local_date_time, local_time};
pub use missing::{Missing, NoWorkbook};
