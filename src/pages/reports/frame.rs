//! The page around a report: toolbar, title block, and the running header
//! and footer that print on every page.

use super::export::{Export, ExportButtons};
use crate::app::route;
use clausebook_core::report::{ReportHeader, ReportKind};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub(super) fn ReportFrame(kind: ReportKind, header: ReportHeader, body: AnyView) -> impl IntoView {
    let print = move |_| {
        let _ = gloo_utils::window().print();
    };
    let running = format!("{} · {}", header.organisation, kind.title());
    let date = header.date.to_string();
    let version = header.version_line();
    view! {
        <article class=format!("report report-{}", kind.slug())>
            // Fixed elements repeat on every printed page in Chromium; the
            // frame table's empty head and foot rows repeat too and keep the
            // page's content clear of them. On screen both are hidden.
            <div class="report-running-head" aria-hidden="true">
                <span>{running}</span>
                <span>{format!("Report date {date}")}</span>
            </div>
            <div class="report-running-foot" aria-hidden="true">
                <span>{version.clone()}</span>
                <span>"Clausebook · ISO/IEC 20000-1:2018"</span>
            </div>
            <table class="report-frame" role="presentation">
                <thead>
                    <tr>
                        <td></td>
                    </tr>
                </thead>
                <tfoot>
                    <tr>
                        <td></td>
                    </tr>
                </tfoot>
                <tbody>
                    <tr>
                        <td>
                            <div class="report-toolbar no-print">
                                <A href=route("/reports")>"All reports"</A>
                                <button type="button" class="primary" on:click=print>
                                    "Print"
                                </button>
                                <ExportButtons exports=Export::for_report(kind) />
                            </div>
                            <header class="report-head">
                                <p class="report-org">{header.organisation.clone()}</p>
                                <h1>{kind.title()}</h1>
                                <p class="report-meta">
                                    {header.framework.clone()} " · Report date "
                                    <time datetime=date.clone()>{date.clone()}</time> " · "
                                    {version}
                                </p>
                                {(!header.scope.trim().is_empty())
                                    .then(|| {
                                        view! { <p class="report-scope">"Scope: " {header.scope.clone()}</p> }
                                    })}
                            </header>
                            {body}
                            <p class="report-note">
                                "ISO/IEC 20000-1 clause numbers and titles are shown for reference; the requirement text is © ISO and is not reproduced."
                            </p>
                        </td>
                    </tr>
                </tbody>
            </table>
        </article>
    }
}
