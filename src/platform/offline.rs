//! Offline support: registers the service worker (`public/sw.js`), reports
//! when a new build has installed beside the running one, and switches to it
//! when the user agrees.

use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

fn service_workers() -> Option<ServiceWorkerContainer> {
    let navigator = gloo_utils::window().navigator();
    // Absent on insecure origins and in some private modes: then the app
    // simply works online only.
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// Registers the worker; `on_update_ready` runs when a newer build is
/// installed and waiting for this page to let it take over.
pub fn register(on_update_ready: impl Fn() + 'static) {
    let Some(container) = service_workers() else {
        leptos::logging::warn!("Offline use is unavailable: no service workers here.");
        return;
    };
    let ready = Rc::new(on_update_ready);
    leptos::task::spawn_local(async move {
        // Relative to <base href>, so it works under a sub-path too.
        let registration = match JsFuture::from(container.register("sw.js")).await {
            Ok(registration) => registration,
            Err(e) => {
                leptos::logging::warn!("Offline use is unavailable: {e:?}");
                return;
            }
        };
        // Where service workers are blocked (a policy, an extension, a test
        // driver), `register` may resolve to nothing at all.
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else {
            leptos::logging::warn!(
                "Offline use is unavailable: the service worker was not registered."
            );
            return;
        };
        let controlled = move || service_workers().and_then(|c| c.controller()).is_some();
        // A build that finished installing while no page listened.
        if registration.waiting().is_some() && controlled() {
            ready();
        }
        let watched = registration.clone();
        let on_update_found = Closure::<dyn Fn()>::new(move || {
            let Some(worker) = watched.installing() else {
                return;
            };
            let ready = ready.clone();
            let installing = worker.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                // Without a controller this is the first install, not an update.
                if installing.state() == ServiceWorkerState::Installed && controlled() {
                    ready();
                }
            });
            worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
    });
}

/// Lets the waiting build take over, then reloads into it.
pub fn apply_update() {
    let Some(container) = service_workers() else {
        return;
    };
    let reload = Closure::once_into_js(|| {
        let _ = gloo_utils::window().location().reload();
    });
    container.set_oncontrollerchange(Some(reload.unchecked_ref()));
    leptos::task::spawn_local(async move {
        if let Ok(registration) = JsFuture::from(container.get_registration()).await
            && let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>()
            && let Some(waiting) = registration.waiting()
        {
            let _ = waiting.post_message(&"skip-waiting".into());
        }
    });
}
