//! One clause or requirement: guidance, and for requirements the assessment form.

mod evidence;
mod improvements;
mod portfolio_hints;

use crate::app::AppState;
use crate::app::route;
use crate::platform::browser;
use crate::widgets::{EnumSelect, FrameworkAttribution, Missing, choices, pick_variant};
use crate::widgets::{ErrorLine, TextField};
use clausebook_core::assessment::{Assessment, Status};
use clausebook_core::assessment::{Capability, CapabilityLevel, Finding};
use clausebook_core::calendar::IsoDate;
use clausebook_core::framework::{self, Framework, Node};
use clausebook_core::ims;
use clausebook_core::limits::{MAX_NOTES_CHARS, MAX_OWNER_CHARS};
use clausebook_core::walkthrough;
use evidence::{DocumentChecklist, EvidenceSection};
use improvements::RequirementImprovements;
use leptos::html;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::hooks::use_params_map;
use portfolio_hints::RequirementHints;

#[component]
pub fn RequirementPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    move || match framework.node_by_str(&id.get()) {
        Some(node) => view! { <RequirementView framework node /> }.into_any(),
        None => view! {
            <Missing
                title="No such clause"
                message=format!("{} has no clause “{}”.", framework.name, id.get())
                back_href="/clauses"
                back_text="See all clauses"
            />
        }
        .into_any(),
    }
}

#[component]
fn RequirementView(framework: &'static Framework, node: &'static Node) -> impl IntoView {
    let leaf = framework.is_leaf(&node.id);
    let mut trail: Vec<&Node> = framework.ancestors(&node.id).collect();
    trail.reverse();
    let children: Vec<&'static Node> = framework.children(&node.id).collect();
    view! {
        <nav class="breadcrumb" aria-label="Breadcrumb">
            <ol>
                <li>
                    <A href=route("/clauses")>"Clauses"</A>
                </li>
                {trail
                    .into_iter()
                    .map(|a| {
                        view! {
                            <li>
                                <A href=route(&format!("/clauses/{}", a.id))>{a.number.clone()}</A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
        <h1>
            <span class="num">{node.number.clone()}</span>
            " "
            {node.title.clone()}
        </h1>
        <p class="meta">
            <span class=format!("badge phase-{}", node.pdca.label().to_lowercase())>
                {format!("PDCA: {}", node.pdca.label())}
            </span>
            " "
            {node.pdca.meaning()}
        </p>
        {leaf.then(|| view! { <GuidedNav framework node /> })}
        {(!node.text.is_empty()).then(|| view! { <RequirementText framework node /> })}
        <div class="requirement-layout">
            <div class="requirement-work">
                {leaf.then(|| view! { <crate::pages::trainer::TrainerNote node /> })}
                {leaf.then(|| view! { <AssessmentForm framework node /> })}
                {leaf.then(|| view! { <EvidenceSection node /> })}
                {leaf.then(|| view! { <RequirementImprovements node /> })}
                <RequirementHints node />
                <AlsoServes framework node />
            </div>
            <Guidance framework node />
        </div>
        {(framework.documented_information_clause.as_ref() == Some(&node.id))
            .then(|| view! { <DocumentChecklist framework /> })}
        {(!children.is_empty())
            .then(|| {
                view! {
                    <section class="card" aria-labelledby="children-title">
                        <h2 id="children-title">"In this clause"</h2>
                        <ul class="child-list">
                            {children
                                .into_iter()
                                .map(|c| {
                                    view! {
                                        <li>
                                            <A href=route(&format!("/clauses/{}", c.id))>
                                                {format!("{} {}", c.number, c.title)}
                                            </A>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </section>
                }
            })}
    }
}

#[component]
fn AssessmentForm(framework: &'static Framework, node: &'static Node) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = &node.id;
    let has_workbook = Memo::new(move |_| state.workbook.with(Option::is_some));
    let record = Memo::new(move |_| {
        state
            .workbook
            .with(|w| w.as_ref().map(|w| w.assessment(id)).unwrap_or_default())
    });
    let edit = move |f: &dyn Fn(&mut Assessment)| {
        state.edit(|w| w.edit_assessment(id, browser::now(), f));
    };
    let date_error = RwSignal::new(None::<String>);
    // The note names ISO/IEC 20000-1 clauses, so only its workbooks get it.
    let is_iso = framework.id == framework::iso20000().id;
    let exclusions_note = (!framework.allows_exclusions && is_iso).then(|| {
        view! {
            <p class="hint">
                "ISO/IEC 20000-1 allows no exclusions, so there is no “not applicable”. Limit what the system covers in the scope (4.3), and record work done by other parties under 8.2.3."
            </p>
        }
    });
    move || {
        if !has_workbook.get() {
            return view! {
                <section class="card form" aria-labelledby="assessment-title">
                    <h2 id="assessment-title">"Your assessment"</h2>
                    <p>
                        "To record a status, owner and notes, first "
                        <A href=route("/")>"create a workbook on the Overview"</A> "."
                    </p>
                </section>
            }
            .into_any();
        }
        view! {
            <section class="card form" aria-labelledby="assessment-title">
                <h2 id="assessment-title">"Your assessment"</h2>
                <EnumSelect
                    id="status"
                    label="Status"
                    options=choices(&Status::ALL, Status::key, Status::label)
                    current=Signal::derive(move || Some(record.with(|r| r.status.key())))
                    on_pick=pick_variant(Status::from_key, move |status| edit(&|a| a.status = status))
                />
                {exclusions_note.clone()}
                <CapabilityFields framework id />
                <EnumSelect
                    id="finding"
                    label="Finding"
                    options=choices(&Finding::ALL, Finding::key, Finding::label)
                    current=Signal::derive(move || Some(record.with(|r| r.finding.key())))
                    on_pick=pick_variant(Finding::from_key, move |f| edit(&|a| a.finding = f))
                    hint="The grade an auditor would give, from your last audit or your own judgement."
                />
                <TextField
                    id="owner"
                    label="Owner"
                    max=MAX_OWNER_CHARS
                    value=Signal::derive(move || record.with(|r| r.owner.clone()))
                    on_input=UnsyncCallback::new(move |v: String| edit(&|a| a.owner = v.clone()))
                />
                <div class="field">
                    <label for="target-date">"Target date"</label>
                    <input
                        id="target-date"
                        type="date"
                        aria-describedby="target-date-error"
                        prop:value=move || {
                            record.with(|r| r.target_date.map(|d| d.to_string()).unwrap_or_default())
                        }
                        on:change=move |ev| {
                            match IsoDate::parse_optional(&event_target_value(&ev)) {
                                Ok(date) => {
                                    date_error.set(None);
                                    edit(&|a| a.target_date = date);
                                }
                                Err(e) => date_error.set(Some(e.to_string())),
                            }
                        }
                    />
                    <ErrorLine error=date_error id="target-date-error" />
                </div>
                <TextField
                    id="notes"
                    label="Notes"
                    multiline=true
                    rows="8"
                    max=MAX_NOTES_CHARS
                    value=Signal::derive(move || record.with(|r| r.notes.clone()))
                    on_input=UnsyncCallback::new(move |v: String| edit(&|a| a.notes = v.clone()))
                />
            </section>
        }
        .into_any()
    }
}

/// The requirement's own text, where its licence lets us show it (FitSM,
/// CC BY 4.0), with the attribution the licence asks for.
#[component]
fn RequirementText(framework: &'static Framework, node: &'static Node) -> impl IntoView {
    view! {
        <section class="card requirement-text" aria-labelledby="requirement-text-title">
            <h2 id="requirement-text-title">{format!("{} text", framework.name)}</h2>
            <blockquote>
                <p>{node.text.clone()}</p>
            </blockquote>
            <FrameworkAttribution framework />
        </section>
    }
}

/// For ISO/IEC 20000-1 requirements shared through Annex SL: the ISO 9001
/// and ISO/IEC 27001 clauses the same answer also serves.
#[component]
fn AlsoServes(framework: &'static Framework, node: &'static Node) -> impl IntoView {
    let data = ims::ims();
    let standards = data.counterparts(&framework.id.0, &node.id);
    (!standards.is_empty()).then(|| {
        view! {
            <section class="card also-serves" aria-labelledby="also-serves-title">
                <h2 id="also-serves-title">"Also serves"</h2>
                <p class="hint">
                    "In an integrated management system, what you record here also answers these clauses (matched by topic, not number)."
                </p>
                {standards
                    .into_iter()
                    .map(|(outline, clauses)| {
                        view! {
                            <h3>{outline.name.clone()}</h3>
                            <ul>
                                {clauses
                                    .into_iter()
                                    .map(|c| {
                                        view! {
                                            <li>
                                                <span class="num">{c.number.clone()}</span>
                                                " "
                                                {c.title.clone()}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })
                    .collect_view()}
            </section>
        }
    })
}

/// The guidance parts, always in the same order.
#[component]
fn Guidance(framework: &'static Framework, node: &'static Node) -> impl IntoView {
    let g = &node.guidance;
    let fitsm = framework::fitsm();
    let list = |items: &'static [String]| {
        view! { <ul>{items.iter().map(|i| view! { <li>{i.clone()}</li> }).collect_view()}</ul> }
    };
    let section = |title: &'static str, body: AnyView| {
        view! {
            <section class="guidance-part">
                <h3>{title}</h3>
                {body}
            </section>
        }
    };
    let related = g
        .related
        .iter()
        .filter_map(|r| framework.node(r))
        .map(|r| {
            view! {
                <li>
                    <A href=route(&format!("/clauses/{}", r.id))>{format!("{} {}", r.number, r.title)}</A>
                </li>
            }
        })
        .collect_view();
    let documents = g
        .documents
        .iter()
        .filter_map(|d| framework.document(d))
        .map(|d| view! { <li>{d.title.clone()}</li> })
        .collect_view();
    let documents_heading = framework
        .documented_information_clause
        .as_ref()
        .and_then(|id| framework.node(id))
        .map(|n| format!("{} {}", n.number, n.title))
        .unwrap_or_default();
    let fitsm_items: Vec<_> = g.fitsm.iter().filter_map(|id| fitsm.item(id)).collect();
    let has_fitsm = !fitsm_items.is_empty();
    let fitsm_view = fitsm_items
        .into_iter()
        .map(|(group, item)| {
            view! {
                <li>
                    <strong>{item.id.clone()}</strong>
                    {format!(" ({group}): ")}
                    {item.text.clone()}
                </li>
            }
        })
        .collect_view();
    let empty = g.intro.is_empty() && g.plain.is_empty();
    view! {
        <section class="card guidance" aria-labelledby="guidance-title">
            <h2 id="guidance-title">"Guidance"</h2>
            {empty
                .then(|| {
                    if node.text.is_empty() {
                        view! { <p>"Guidance for this clause is being written."</p> }.into_any()
                    } else {
                        view! {
                            <p>
                                {format!(
                                    "Clausebook has no guidance of its own for this {} requirement yet: work from the requirement text above.",
                                    framework.name,
                                )}
                            </p>
                        }
                            .into_any()
                    }
                })}
            {(!g.intro.is_empty()).then(|| view! { <p>{g.intro.clone()}</p> })}
            {(!g.plain.is_empty())
                .then(|| section("In plain words", view! { <p>{g.plain.clone()}</p> }.into_any()))}
            {(!g.evidence.is_empty())
                .then(|| section("Evidence an auditor usually looks for", list(&g.evidence).into_any()))}
            {(!g.questions.is_empty())
                .then(|| section("Questions to ask yourself", list(&g.questions).into_any()))}
            {(!g.tip.is_empty())
                .then(|| section("Small-organisation tip", view! { <p>{g.tip.clone()}</p> }.into_any()))}
            {(!g.related.is_empty() || !g.documents.is_empty() || has_fitsm)
                .then(|| {
                    view! {
                        <section class="guidance-part">
                            <h3>"Related"</h3>
                            {(!g.related.is_empty())
                                .then(|| {
                                    view! {
                                        <h4>"Requirements"</h4>
                                        <ul>{related}</ul>
                                    }
                                })}
                            {(!g.documents.is_empty())
                                .then(|| {
                                    view! {
                                        <h4>{documents_heading.clone()}</h4>
                                        <ul>{documents}</ul>
                                    }
                                })}
                            {has_fitsm
                                .then(|| {
                                    view! {
                                        <h4>"FitSM-1 requirements"</h4>
                                        <ul class="fitsm">{fitsm_view}</ul>
                                        <p class="attribution">
                                            {fitsm.attribution.clone()}
                                        </p>
                                    }
                                })}
                        </section>
                    }
                })}
        </section>
    }
}

/// Previous / Next through the requirements in order, with keyboard
/// shortcuts (n, p, ?) and a help dialog that lists them.
#[component]
fn GuidedNav(framework: &'static Framework, node: &'static Node) -> impl IntoView {
    let Some(position) = walkthrough::position(framework, &node.id) else {
        return ().into_any();
    };
    let navigate = use_navigate();
    let help = NodeRef::<html::Dialog>::new();
    let go = {
        let navigate = navigate.clone();
        move |target: &Option<clausebook_core::framework::RequirementId>| {
            if let Some(t) = target {
                navigate(&format!("/clauses/{t}"), NavigateOptions::default());
            }
        }
    };
    let (previous, next) = (position.previous.clone(), position.next.clone());
    let open_help = move || {
        if let Some(d) = help.get() {
            let _ = d.show_modal();
        }
    };
    let handle = {
        let go = go.clone();
        let (previous, next) = (previous.clone(), next.clone());
        window_event_listener(leptos::ev::keydown, move |ev| {
            if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || typing_in_a_field(&ev) {
                return;
            }
            match ev.key().as_str() {
                "n" => go(&next),
                "p" => go(&previous),
                "?" => open_help(),
                _ => return,
            }
            ev.prevent_default();
        })
    };
    on_cleanup(move || handle.remove());
    view! {
        <nav class="guided" aria-label="Walk through the requirements">
            <button
                type="button"
                disabled=previous.is_none()
                aria-keyshortcuts="p"
                on:click={
                    let go = go.clone();
                    move |_| go(&previous)
                }
            >
                "Previous requirement"
            </button>
            <span class="guided-position">{format!("{} of {}", position.index, position.total)}</span>
            <button
                type="button"
                disabled=next.is_none()
                aria-keyshortcuts="n"
                on:click=move |_| go(&next)
            >
                "Next requirement"
            </button>
            <button type="button" class="link-button" aria-keyshortcuts="?" on:click=move |_| open_help()>
                "Keyboard shortcuts"
            </button>
        </nav>
        <dialog node_ref=help aria-labelledby="help-title" class="help-dialog">
            <h2 id="help-title">"Keyboard shortcuts"</h2>
            <dl class="facts">
                <dt><kbd>"n"</kbd></dt>
                <dd>"Next requirement"</dd>
                <dt><kbd>"p"</kbd></dt>
                <dd>"Previous requirement"</dd>
                <dt><kbd>"?"</kbd></dt>
                <dd>"Show this help"</dd>
                <dt><kbd>"Tab"</kbd></dt>
                <dd>"Move between fields; every field saves as you type"</dd>
                <dt><kbd>"Esc"</kbd></dt>
                <dd>"Close this help"</dd>
            </dl>
            <p class="hint">"The letter shortcuts work when you are not typing in a field."</p>
            <form method="dialog">
                <button type="submit" class="primary">"Close help"</button>
            </form>
        </dialog>
    }
    .into_any()
}

fn typing_in_a_field(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.has_attribute("contenteditable")
        })
}

/// Current and target capability, with the meaning of each level.
#[component]
fn CapabilityFields(
    framework: &'static Framework,
    id: &'static clausebook_core::framework::RequirementId,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let scale = &framework.capability_scale;
    // Only the framework's own levels are offered: FitSM stops at 4.
    let levels = move || {
        CapabilityLevel::ALL
            .into_iter()
            .filter_map(move |l| scale.level(l.number()).map(|s| (l, s)))
    };
    let capability = Memo::new(move |_| {
        state.workbook.with(|w| {
            w.as_ref()
                .map(|w| w.assessment(id).capability)
                .unwrap_or_default()
        })
    });
    let error = RwSignal::new(None::<String>);
    let apply = move |change: &dyn Fn(
        Capability,
    ) -> Result<
        Capability,
        clausebook_core::assessment::CapabilityError,
    >| {
        match change(capability.get_untracked()) {
            Ok(c) => {
                error.set(None);
                state.edit(|w| w.edit_assessment(id, browser::now(), |a| a.capability = c));
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let select = move |which: &'static str, label: &'static str| {
        let current = which == "current";
        let value = move || capability.with(|c| if current { c.current() } else { c.target() });
        view! {
            <div class="field">
                <label for=format!("capability-{which}")>{label}</label>
                <select
                    id=format!("capability-{which}")
                    aria-describedby=format!("capability-{which}-meaning")
                    on:change=move |ev| {
                        let level = event_target_value(&ev).parse::<u8>().ok().and_then(|n| CapabilityLevel::try_from(n).ok());
                        if current {
                            apply(&|c| c.with_current(level));
                        } else {
                            apply(&|c| c.with_target(level));
                        }
                    }
                >
                    <option value="" prop:selected=move || value().is_none()>"Not rated"</option>
                    {levels()
                        .map(|(l, s)| {
                            view! {
                                <option value=l.number().to_string() prop:selected=move || value() == Some(l)>
                                    {scale.label(s.level)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <p id=format!("capability-{which}-meaning") class="hint">
                    {move || value().and_then(|l| scale.level(l.number())).map(|s| s.meaning.clone())}
                </p>
            </div>
        }
    };
    view! {
        <fieldset class="capability">
            <legend>{format!("Capability ({})", scale.name)}</legend>
            <div class="two-up">
                {select("current", "Current capability")}
                {select("target", "Target capability")}
            </div>
            <ErrorLine error=error />
            <details>
                <summary>"What the levels mean"</summary>
                <dl class="facts compact">
                    {scale
                        .levels
                        .iter()
                        .map(|s| view! { <dt>{scale.label(s.level)}</dt> <dd>{s.meaning.clone()}</dd> })
                        .collect_view()}
                </dl>
            </details>
        </fieldset>
    }
}
