//! Clausebook's app: the domain (`clausebook-core`) drawn with Leptos and
//! kept in the browser.
//!
//! `platform` touches the browser, `app` holds the shared state, the shell
//! and the routes, `pages` draws one page a module, and `widgets` holds the
//! components pages share. ARCHITECTURE.md is the map.

pub mod app;
pub mod pages;
pub mod platform;
pub mod widgets;
