//! One labelled `<select>` for every choice among a domain enum's variants:
//! the filters (kind, stage, part, status…) and the forms' choice fields.
//!
//! The component is not generic: it takes the variants as `(key, label)`
//! pairs and reports the chosen key, so the wasm holds one copy of it
//! however many enums use it. Callers turn the key back into their variant
//! with the enum's own `from_key`.

use leptos::prelude::*;

/// One option: the key the form carries and the text it shows.
pub type Choice = (&'static str, &'static str);

/// The options for all of an enum's variants, in their order.
pub fn choices<T: Copy>(
    all: &[T],
    key: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<Choice> {
    all.iter().map(|&v| (key(v), label(v))).collect()
}

/// What a select without an "any" option does with a pick: the variant of
/// the chosen key goes to `pick`.
pub fn pick_variant<T: 'static>(
    from_key: fn(&str) -> Option<T>,
    pick: impl Fn(T) + 'static,
) -> UnsyncCallback<Option<&'static str>> {
    UnsyncCallback::new(move |key: Option<&'static str>| {
        if let Some(v) = key.and_then(from_key) {
            pick(v);
        }
    })
}

/// A field with a label and a select over `options`. With `any`, the first
/// option (that text, an empty value) stands for no choice, as a filter that
/// lets everything through; `on_pick` then receives `None` for it. A `hint`
/// shows under the select, which it describes.
#[component]
pub fn EnumSelect(
    id: &'static str,
    label: &'static str,
    options: Vec<Choice>,
    /// The key of the current choice; `None` while nothing is chosen.
    #[prop(into)]
    current: Signal<Option<&'static str>>,
    on_pick: UnsyncCallback<Option<&'static str>>,
    #[prop(optional)] any: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    // The options follow this one choice rather than whatever it is read
    // from, so a change elsewhere (a search keystroke) revisits none of them.
    let current = Memo::new(move |_| current.get());
    let keys: Vec<&'static str> = options.iter().map(|(key, _)| *key).collect();
    let hint_id = hint.map(|_| format!("{id}-hint"));
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                aria-describedby=hint_id.clone()
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    on_pick.run(keys.iter().copied().find(|key| *key == value));
                }
            >
                {any
                    .map(|text| {
                        view! {
                            <option value="" prop:selected=move || current.get().is_none()>
                                {text}
                            </option>
                        }
                    })}
                {options
                    .into_iter()
                    .map(|(key, text)| {
                        view! {
                            <option value=key prop:selected=move || current.get() == Some(key)>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            {hint.map(|text| view! { <p id=hint_id class="hint">{text}</p> })}
        </div>
    }
}

/// A select over one enum field of the record a memo holds (an improvement
/// item, a service): it shows the key `current` reads from the record, and
/// saves a pick through `edit` with `set`, which turns the key back into
/// the field's variant.
pub fn record_select<R: Send + Sync + 'static>(
    record: Memo<Option<R>>,
    edit: impl Fn(&dyn Fn(&mut R)) + 'static,
    id: &'static str,
    label: &'static str,
    options: Vec<Choice>,
    current: fn(&R) -> &'static str,
    set: fn(&mut R, &str),
) -> impl IntoView {
    view! {
        <EnumSelect
            id
            label
            options
            current=Signal::derive(move || record.with(|r| r.as_ref().map(current)))
            on_pick=UnsyncCallback::new(move |key: Option<&'static str>| {
                if let Some(key) = key {
                    edit(&|r| set(r, key));
                }
            })
        />
    }
}

/// A select over an enum a form holds in its own signal until it is sent
/// (a new item's kind, a new service's type): it shows the variant's key
/// and sets the variant picked.
pub fn signal_select<T: Copy + Send + Sync + 'static>(
    value: RwSignal<T>,
    id: &'static str,
    label: &'static str,
    options: Vec<Choice>,
    key: fn(T) -> &'static str,
    from_key: fn(&str) -> Option<T>,
) -> impl IntoView {
    view! {
        <EnumSelect
            id
            label
            options
            current=Signal::derive(move || Some(key(value.get())))
            on_pick=pick_variant(from_key, move |v| value.set(v))
        />
    }
}
