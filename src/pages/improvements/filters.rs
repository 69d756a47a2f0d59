//! The log's filters: search, kind, stage, priority, owner, clause, overdue.

use crate::app::AppState;
use crate::widgets::{Choice, EnumSelect, choices};
use clausebook_core::framework::RequirementId;
use clausebook_core::improvement::{Filter, Kind, Priority, Stage};
use leptos::prelude::*;

#[component]
pub(super) fn Filters(
    filter: Memo<Filter>,
    set_filter: impl Fn(Filter) + Copy + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework();
    let owners = Memo::new(move |_| {
        state.workbook.with(|w| {
            w.as_ref()
                .map(|w| w.improvements.owners())
                .unwrap_or_default()
        })
    });
    // What the owner and clause options follow: these fields alone, so a
    // search keystroke does not revisit each of their many options.
    let owner = Memo::new(move |_| filter.with(|f| f.owner.clone()));
    let requirement = Memo::new(move |_| filter.with(|f| f.requirement.clone()));
    let update = move |f: &dyn Fn(&mut Filter)| {
        let mut next = filter.get_untracked();
        f(&mut next);
        set_filter(next);
    };
    let clause_options = framework
        .leaves()
        .map(|n| {
            let id = n.id.clone();
            let selected_id = id.clone();
            view! {
                <option
                    value=id.0.clone()
                    prop:selected=move || {
                        requirement.with(|r| r.as_ref() == Some(&selected_id))
                    }
                >
                    {format!("{} {}", n.number, n.title)}
                </option>
            }
        })
        .collect_view();
    // Kind, stage and priority: the key each reads from the filter, and how
    // a picked key is written back.
    let fields: [ChoiceFilter; 3] = [
        ChoiceFilter {
            id: "filter-kind",
            label: "Kind",
            any: "All kinds",
            options: choices(Kind::ALL, Kind::key, Kind::label),
            get: |f| f.kind.map(Kind::key),
            set: |f, key| f.kind = key.and_then(Kind::from_key),
        },
        ChoiceFilter {
            id: "filter-stage",
            label: "Stage",
            any: "All stages",
            options: choices(Stage::ALL, Stage::key, Stage::label),
            get: |f| f.stage.map(Stage::key),
            set: |f, key| f.stage = key.and_then(Stage::from_key),
        },
        ChoiceFilter {
            id: "filter-priority",
            label: "Priority",
            any: "All priorities",
            options: choices(Priority::ALL, Priority::key, Priority::label),
            get: |f| f.priority.map(Priority::key),
            set: |f, key| f.priority = key.and_then(Priority::from_key),
        },
    ];
    let choice_filters = fields
        .into_iter()
        .map(|field| {
            let ChoiceFilter {
                id,
                label,
                any,
                options,
                get,
                set,
            } = field;
            view! {
                <EnumSelect
                    id
                    label
                    any
                    options
                    current=Signal::derive(move || filter.with(get))
                    on_pick=UnsyncCallback::new(move |key: Option<&'static str>| {
                        update(&|f| set(f, key))
                    })
                />
            }
        })
        .collect_view();
    view! {
        <form class="filters" role="search" aria-label="Filter the log" on:submit=|ev| ev.prevent_default()>
            <div class="field search">
                <label for="filter-search">"Search"</label>
                <input
                    id="filter-search"
                    type="search"
                    autocomplete="off"
                    prop:value=move || filter.with(|f| f.search.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        update(&|f| f.search = text.clone());
                    }
                />
            </div>
            {choice_filters}
            <div class="field">
                <label for="filter-owner">"Owner"</label>
                <select
                    id="filter-owner"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        update(&|f| f.owner = (!v.is_empty()).then(|| v.clone()));
                    }
                >
                    <option value="" prop:selected=move || owner.with(Option::is_none)>
                        "Anyone"
                    </option>
                    {move || {
                        owners
                            .get()
                            .into_iter()
                            .map(|o| {
                                let selected = o.clone();
                                let value = o.clone();
                                view! {
                                    <option
                                        value=value
                                        prop:selected=move || {
                                            owner
                                                .with(|o| {
                                                    o.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(&selected))
                                                })
                                        }
                                    >
                                        {o}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <div class="field">
                <label for="filter-clause">"Linked clause"</label>
                <select
                    id="filter-clause"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        update(&|f| f.requirement = (!v.is_empty()).then(|| RequirementId(v.clone())));
                    }
                >
                    <option value="" prop:selected=move || requirement.with(Option::is_none)>
                        "Any clause"
                    </option>
                    {clause_options}
                </select>
            </div>
            <div class="check overdue-filter">
                <input
                    id="filter-overdue"
                    type="checkbox"
                    prop:checked=move || filter.with(|f| f.overdue)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        update(&|f| f.overdue = on);
                    }
                />
                <label for="filter-overdue">"Only overdue"</label>
            </div>
            <button
                type="button"
                class="clear-filters"
                on:click=move |_| {
                    update(&|f| {
                        *f = Filter {
                            sort: f.sort,
                            descending: f.descending,
                            ..Filter::default()
                        }
                    })
                }
                disabled=move || !filter.with(Filter::is_narrowing)
            >
                "Clear filters"
            </button>
        </form>
    }
}

/// One of the filters that choose among an enum's variants.
struct ChoiceFilter {
    id: &'static str,
    label: &'static str,
    any: &'static str,
    options: Vec<Choice>,
    get: fn(&Filter) -> Option<&'static str>,
    set: fn(&mut Filter, Option<&'static str>),
}
