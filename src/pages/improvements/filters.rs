//! The log's filters: search, kind, stage, priority, owner, clause, overdue.

use crate::app::AppState;
use clausebook_core::framework::RequirementId;
use clausebook_core::improvement::{Filter, Kind, Priority, Stage};
use leptos::prelude::*;

/// A select over one of the domain's choice enums, with an "any" option.
#[allow(clippy::too_many_arguments)]
fn filter_select<T: Copy + PartialEq + Send + Sync + 'static>(
    id: &'static str,
    label: &'static str,
    any: &'static str,
    all: &'static [T],
    key: fn(T) -> &'static str,
    text: fn(T) -> &'static str,
    current: impl Fn() -> Option<T> + Copy + Send + Sync + 'static,
    pick: impl Fn(Option<T>) + 'static,
) -> impl IntoView {
    // The options follow this one field, not the whole filter, so a search
    // keystroke does not revisit every option.
    let current = Memo::new(move |_| current());
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    pick(all.iter().copied().find(|v| key(*v) == value));
                }
            >
                <option value="" prop:selected=move || current.get().is_none()>
                    {any}
                </option>
                {all
                    .iter()
                    .copied()
                    .map(|v| {
                        view! {
                            <option value=key(v) prop:selected=move || current.get() == Some(v)>
                                {text(v)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

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
            {filter_select(
                "filter-kind",
                "Kind",
                "All kinds",
                Kind::ALL,
                Kind::key,
                Kind::label,
                move || filter.with(|f| f.kind),
                move |v| update(&|f| f.kind = v),
            )}
            {filter_select(
                "filter-stage",
                "Stage",
                "All stages",
                Stage::ALL,
                Stage::key,
                Stage::label,
                move || filter.with(|f| f.stage),
                move |v| update(&|f| f.stage = v),
            )}
            {filter_select(
                "filter-priority",
                "Priority",
                "All priorities",
                Priority::ALL,
                Priority::key,
                Priority::label,
                move || filter.with(|f| f.priority),
                move |v| update(&|f| f.priority = v),
            )}
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
