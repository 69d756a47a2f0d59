//! Moving to an address that only changes a page's own settings.

use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

/// Goes to `url` in place of the current history entry and keeps the
/// scroll: filters and sort orders live in the address, and each keystroke
/// or click on them must not add a step to Back or jump to the top.
pub fn use_replace_url() -> impl Fn(&str) + Clone + 'static {
    let navigate = use_navigate();
    move |url: &str| {
        navigate(
            url,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        )
    }
}
