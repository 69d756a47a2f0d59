//! The log's filters: search, kind, stage, priority, owner, clause, overdue.

use crate::app::AppState;
use crate::widgets::{
    Choice, ChooseSelect, EnumSelect, TextChoice, choices, requirement_choices, workbook_memo,
};
use clausebook_core::framework::RequirementId;
use clausebook_core::improvement::{Filter, Kind, Priority, Stage};
use leptos::prelude::*;

#[component]
pub(super) fn Filters(
    filter: Memo<Filter>,
    set_filter: impl Fn(Filter) + Copy + 'static,
) -> impl IntoView {
    let framework = expect_context::<AppState>().framework();
    let owners = workbook_memo(|w| {
        w.improvements
            .owners()
            .into_iter()
            .map(|o| (o.clone(), o))
            .collect::<Vec<TextChoice>>()
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
    // The owner filter matches whatever case it was typed in, so the option
    // it shows is the owner it matches.
    let owner_shown = Signal::derive(move || {
        owner.with(|o| {
            o.as_deref()
                .and_then(|o| {
                    owners.with(|list| {
                        list.iter()
                            .find(|(x, _)| x.eq_ignore_ascii_case(o))
                            .map(|(x, _)| x.clone())
                    })
                })
                .unwrap_or_default()
        })
    });
    let requirement_shown = Signal::derive(move || {
        requirement.with(|r| r.as_ref().map(|r| r.0.clone()).unwrap_or_default())
    });
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
                <ChooseSelect
                    id="filter-owner"
                    prompt="Anyone"
                    options=owners
                    current=owner_shown
                    on_pick=move |v: String| update(&|f| f.owner = (!v.is_empty()).then(|| v.clone()))
                />
            </div>
            <div class="field">
                <label for="filter-clause">"Linked clause"</label>
                <ChooseSelect
                    id="filter-clause"
                    prompt="Any clause"
                    options=Signal::stored(requirement_choices(framework))
                    current=requirement_shown
                    on_pick=move |v: String| {
                        update(&|f| f.requirement = (!v.is_empty()).then(|| RequirementId(v.clone())))
                    }
                />
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
