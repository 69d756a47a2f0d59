//! Now compared with a baseline, requirement by requirement.

use crate::app::{AppState, route};
use crate::widgets::{Card, CheckBox, SelectField, status_badge};
use crate::widgets::{column_heads, scroll_table};
use clausebook_core::baseline::{BaselineId, Change, Direction, Snapshot};
use leptos::prelude::*;
use leptos_router::components::A;

/// The arrow and word for a change; the word carries the meaning, the
/// colour only repeats it.
fn change_text(direction: Direction) -> &'static str {
    match direction {
        Direction::Improved => "↑ Improved",
        Direction::Worsened => "↓ Worsened",
        Direction::Unchanged => "Unchanged",
    }
}

#[component]
pub(super) fn CompareWithBaseline(chosen: RwSignal<Option<BaselineId>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework();
    let only_changes = RwSignal::new(true);
    let options = Memo::new(move |_| {
        state.workbook.with(|w| {
            w.as_ref()
                .map(|w| {
                    w.baselines
                        .iter()
                        .map(|b| (b.id, format!("{} ({})", b.name, b.date)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    // The chosen baseline, or the most recently marked one.
    let current = Memo::new(move |_| {
        let list = options.get();
        chosen
            .get()
            .filter(|id| list.iter().any(|(b, _)| b == id))
            .or_else(|| list.last().map(|(id, _)| *id))
    });
    let changes = Memo::new(move |_| {
        let id = current.get()?;
        state.workbook.with(|w| {
            let w = w.as_ref()?;
            Some(w.compare(framework, w.baseline(id)?))
        })
    });
    let row = move |c: Change| {
        let node = framework.node(&c.requirement);
        let title = node
            .map(|n| format!("{} {}", n.number, n.title))
            .unwrap_or_else(|| c.requirement.0.clone());
        let href = route(&format!("/clauses/{}", c.requirement));
        // Where a requirement stood at one moment: its status and capability.
        let standing = |s: Snapshot| {
            let capability = s
                .capability
                .map(|l| format!(" · capability {}", l.number()))
                .unwrap_or_default();
            view! { <td>{status_badge(s.status)}{capability}</td> }
        };
        view! {
            <tr class=format!("change-{}", c.direction.key())>
                <th scope="row">
                    <A href=href>{title}</A>
                </th>
                {standing(c.then)}
                {standing(c.now)}
                <td class="change">{change_text(c.direction)}</td>
            </tr>
        }
    };
    view! {
        <Card heading_id="compare-baseline-title" title="Now compared with a baseline">
            {move || {
                if options.with(Vec::is_empty) {
                    return view! { <p>"Mark a baseline to compare against it."</p> }.into_any();
                }
                let summary = changes
                    .with(|c| {
                        c.as_ref()
                            .map(|c| {
                                let n = |d| c.iter().filter(|x| x.direction == d).count();
                                format!(
                                    "{} improved, {} worsened, {} unchanged.",
                                    n(Direction::Improved),
                                    n(Direction::Worsened),
                                    n(Direction::Unchanged),
                                )
                            })
                    });
                let choices = options
                    .get()
                    .into_iter()
                    .map(|(id, label)| {
                        view! {
                            <option
                                value=id.0.to_string()
                                prop:selected=move || current.get() == Some(id)
                            >
                                {label}
                            </option>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="inline-form">
                        <SelectField
                            id="compare-baseline"
                            label="Compare now with"
                            on_change=move |v: String| chosen.set(v.parse().ok().map(BaselineId))
                        >
                            {choices}
                        </SelectField>
                        <CheckBox id="only-changes" label="Only requirements that changed" checked=only_changes />
                    </div>
                    <p role="status" data-testid="change-summary">
                        {summary}
                    </p>
                    {scroll_table(
                        "change-table",
                        view! {
                            <caption class="visually-hidden">
                                "Each requirement at the baseline and now"
                            </caption>
                            {column_heads(&["Requirement", "At the baseline", "Now", "Change"])}
                        },
                        move || {
                            changes
                                .get()
                                .unwrap_or_default()
                                .into_iter()
                                .filter(|c| !only_changes.get() || c.direction != Direction::Unchanged)
                                .map(row)
                                .collect_view()
                        },
                    )}
                }
                    .into_any()
            }}
        </Card>
    }
}
