//! A minimal Leptos page: a heading and a counter button.

use leptos::prelude::*;

fn main() {
    mount_to_body(|| {
        let count = RwSignal::new(0);
        view! {
            <main>
                <h1>"Hello, world"</h1>
                <button on:click=move |_| count.update(|n| *n += 1)>
                    "Clicked " {move || count.get()} " times"
                </button>
            </main>
        }
    })
}
