//! Compare workbooks: load several participants' exports and see them side
//! by side. The files are held on this page only: nothing is written to
//! local storage and the user's own workbook is never touched.

use crate::app::{AppState, route};
use crate::widgets::CheckBox;
use crate::widgets::{Card, PageIntro, StatusLine, chosen_files, open_picker, status_badge};
use clausebook_core::assessment::Status;
use clausebook_core::compare::{Group, Row};
use clausebook_core::file::export;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ComparePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework();
    let group = RwSignal::new(Group::default());
    let errors = RwSignal::new(Vec::<String>::new());
    let message = RwSignal::new(None::<String>);
    let only_differences = RwSignal::new(false);
    let file_input = NodeRef::<html::Input>::new();

    let choose = move |_| open_picker(file_input);

    let files_chosen = move |_| {
        let files = chosen_files(file_input);
        errors.set(Vec::new());
        message.set(None);
        // One task reads them in order, so columns follow the order chosen.
        leptos::task::spawn_local(async move {
            let mut added = 0;
            for file in files {
                let name = file.name();
                if let Err(e) = export::check_size(file.size() as u64) {
                    errors.update(|list| list.push(format!("{name}: {e}")));
                    continue;
                }
                let file = gloo_file::File::from(file);
                match gloo_file::futures::read_as_bytes(&file).await {
                    Err(e) => errors.update(|list| {
                        list.push(format!(
                            "{name}: the browser could not read the file ({e})."
                        ))
                    }),
                    Ok(bytes) => {
                        let mut result = Ok(());
                        group.update(|g| result = g.add_file(&name, &bytes, framework));
                        match result {
                            Ok(()) => added += 1,
                            Err(e) => errors.update(|list| list.push(e.to_string())),
                        }
                    }
                }
            }
            let skipped = errors.with_untracked(Vec::len);
            message.set(Some(match (added, skipped) {
                (1, 0) => "Loaded 1 workbook.".to_owned(),
                (n, 0) => format!("Loaded {n} workbooks."),
                (n, s) => format!(
                    "Loaded {n} workbook{}; skipped {s} file{} (see above).",
                    if n == 1 { "" } else { "s" },
                    if s == 1 { "" } else { "s" },
                ),
            }));
        });
    };

    let rows = Memo::new(move |_| group.with(|g| g.rows(framework)));
    let labels = Memo::new(move |_| {
        group.with(|g| g.participants.iter().map(|p| p.label()).collect::<Vec<_>>())
    });
    let differing = Memo::new(move |_| rows.with(|r| r.iter().filter(|r| r.differs()).count()));

    let participant_list = move || {
        labels
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, label)| {
                let aria = format!("Remove {label} from the comparison");
                view! {
                    <li>
                        <span class="participant-label">{label}</span>
                        " "
                        <button
                            type="button"
                            aria-label=aria
                            on:click=move |_| group.update(|g| g.remove(i))
                        >
                            "Remove"
                        </button>
                    </li>
                }
            })
            .collect_view()
    };

    let row_view = move |row: Row| {
        let title = framework
            .node(&row.requirement)
            .map(|n| format!("{} {}", n.number, n.title))
            .unwrap_or_else(|| row.requirement.0.clone());
        let differs = row.differs();
        view! {
            <tr class:differs=differs>
                <th scope="row">
                    <A href=route(&format!("/clauses/{}", row.requirement))>{title}</A>
                </th>
                {row
                    .statuses
                    .iter()
                    .map(|s| {
                        view! {
                            <td>
                                {status_badge(*s)}
                            </td>
                        }
                    })
                    .collect_view()}
                <td class="agreement">
                    {if differs {
                        view! { <strong class="differs-marker">"≠ Differs"</strong> }.into_any()
                    } else {
                        view! { <span>"Agree"</span> }.into_any()
                    }}
                </td>
                {Status::ALL
                    .iter()
                    .map(|s| {
                        let n = row.count(*s);
                        view! { <td class="count" class:zero=n == 0>{n}</td> }
                    })
                    .collect_view()}
            </tr>
        }
    };

    view! {
        <PageIntro title="Compare workbooks">
            "Load several participants' exported workbooks to see them side by side: each participant's status per requirement, how many chose each status, and where they disagree."
        </PageIntro>
        <p class="hint">
            "The files stay on this page: they are checked like an import, shown read-only, and never replace or change your own workbook. Leaving the page forgets them. "
            <A href=route("/data")>"Back to Data"</A>
        </p>
        <Card heading_id="load-title" title="Workbooks to compare">
            <button type="button" class="primary" on:click=choose>
                "Choose exported files"
            </button>
            <input
                node_ref=file_input
                type="file"
                multiple
                accept=".json,application/json"
                aria-label="Exported Clausebook JSON files to compare"
                hidden
                on:change=files_chosen
            />
            <div role="alert">
                <ul class="compare-errors error" data-testid="compare-errors">
                    {move || {
                        errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()
                    }}
                </ul>
            </div>
            <StatusLine message=message class="success" />
            <ul class="participants">{participant_list}</ul>
        </Card>
        <Show
            when=move || !labels.with(Vec::is_empty)
            fallback=|| view! { <p>"No workbooks loaded yet."</p> }
        >
            {
                let heads = move || {
                    labels
                        .get()
                        .into_iter()
                        .map(|l| view! { <th scope="col">{l}</th> })
                        .collect_view()
                };
                view! {
                    <Card heading_id="side-title" title="Side by side">
                        <p data-testid="difference-summary">
                            {move || {
                                format!(
                                    "{} of {} requirements rated differently.",
                                    differing.get(),
                                    rows.with(Vec::len),
                                )
                            }}
                        </p>
                        <CheckBox id="only-differences" label="Only show differences" checked=only_differences />
                        <div class="table-scroll" tabindex="0" role="region" aria-label="Comparison table">
                            <table class="compare-table">
                                <caption class="visually-hidden">
                                    "Each participant's status per requirement, and how many chose each status"
                                </caption>
                                <thead>
                                    <tr>
                                        <th scope="col">"Requirement"</th>
                                        {heads}
                                        <th scope="col">"Agreement"</th>
                                        {Status::ALL
                                            .iter()
                                            .map(|s| {
                                                view! {
                                                    <th scope="col" class="count">
                                                        {format!("Count: {}", s.label())}
                                                    </th>
                                                }
                                            })
                                            .collect_view()}
                                    </tr>
                                </thead>
                                <tbody>
                                    {move || {
                                        rows.get()
                                            .into_iter()
                                            .filter(|r| !only_differences.get() || r.differs())
                                            .map(row_view)
                                            .collect_view()
                                    }}
                                </tbody>
                            </table>
                        </div>
                    </Card>
                }
            }
        </Show>
    }
    .into_any()
}
