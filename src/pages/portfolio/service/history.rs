//! The service's lifecycle moves, newest first.

use super::ServiceMemo;
use crate::widgets::Card;
use leptos::prelude::*;

#[component]
pub(super) fn HistoryCard(service: ServiceMemo) -> impl IntoView {
    let history = Memo::new(move |_| {
        service
            .with(|s| s.as_ref().map(|s| s.history.clone()))
            .unwrap_or_default()
    });
    view! {
        <Card heading_id="history-title" title="History">
            <ol class="history" reversed>
                {move || {
                    history
                        .get()
                        .into_iter()
                        .rev()
                        .map(|m| {
                            let step = match m.from {
                                Some(from) => format!("{from} → {}", m.to),
                                None => format!("{} (created)", m.to),
                            };
                            let who = if m.who.is_empty() { "—".to_owned() } else { m.who };
                            view! {
                                <li>
                                    <p class="history-step">
                                        <time datetime=m.on.to_string()>{m.on.to_string()}</time>
                                        " · "
                                        <strong>{step}</strong>
                                    </p>
                                    <p class="history-detail">
                                        {format!("By {who}")}
                                        {(!m.why.is_empty()).then(|| format!(": {}", m.why))}
                                    </p>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </Card>
    }
}
