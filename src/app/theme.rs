//! The colour theme: the system's, or one the user picked. Applied at
//! start-up (`boot`), so the chosen theme is there from the first paint.

use super::records;
use leptos::prelude::*;

/// Where the chosen theme is remembered.
pub const THEME_KEY: &str = "clausebook.theme";

/// The colour theme: the system's, or one the user picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn key(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_key(key: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "System",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }
}

/// Sets `data-theme` on the root element; the stylesheet does the rest.
pub fn apply_theme(theme: Theme) {
    if let Some(root) = gloo_utils::document().document_element() {
        let _ = root.set_attribute("data-theme", theme.key());
    }
}

/// The theme in force: the one applied at start-up or picked since, which
/// the page itself records (`data-theme`).
pub fn current() -> Theme {
    gloo_utils::document()
        .document_element()
        .and_then(|root| root.get_attribute("data-theme"))
        .as_deref()
        .and_then(Theme::from_key)
        .unwrap_or(Theme::System)
}

/// Applies a theme the user picked, and remembers it.
pub fn choose(theme: Theme) {
    apply_theme(theme);
    // A preference, not work: if storage refuses, the theme still applies
    // for this visit.
    let _ = records::write(THEME_KEY, theme.key());
}

#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let theme = RwSignal::new(current());
    view! {
        <p class="theme-switch">
            <label for="theme">"Theme"</label>
            <select
                id="theme"
                on:change=move |ev| {
                    if let Some(t) = Theme::from_key(&event_target_value(&ev)) {
                        theme.set(t);
                        choose(t);
                    }
                }
            >
                {Theme::ALL
                    .into_iter()
                    .map(|t| {
                        view! {
                            <option value=t.key() prop:selected=move || theme.get() == t>
                                {t.label()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </p>
    }
}

/// The theme chosen earlier, or the system's.
pub fn stored() -> Theme {
    records::read(THEME_KEY)
        .as_deref()
        .and_then(Theme::from_key)
        .unwrap_or(Theme::System)
}
