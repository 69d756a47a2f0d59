//! Turns [`markup`] into DOM nodes. Deliberately small and not generic: it is
//! part of the start-up code (`boot`), where every function run for the first
//! time is compiled on the spot, before anything can be painted.

use crate::widgets::markup::{Element, Node};
use wasm_bindgen::JsCast;

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// The DOM node for `node` and everything below it.
pub fn build(node: &Node) -> web_sys::Node {
    build_in(&gloo_utils::document(), node, false)
}

fn build_in(doc: &web_sys::Document, node: &Node, in_svg: bool) -> web_sys::Node {
    match node {
        Node::Text(text) => doc.create_text_node(text).into(),
        Node::Element(e) => build_element(doc, e, in_svg || e.tag == "svg").into(),
    }
}

fn build_element(doc: &web_sys::Document, e: &Element, svg: bool) -> web_sys::Element {
    let created = if svg {
        doc.create_element_ns(Some(SVG_NS), e.tag)
    } else {
        doc.create_element(e.tag)
    };
    // Only refused for an invalid tag name, and tags are constants.
    let el = created.expect("a valid tag name");
    for (name, value) in &e.attrs {
        let _ = el.set_attribute(name, value);
    }
    if !e.styles.is_empty()
        && let Some(html) = el.dyn_ref::<web_sys::HtmlElement>()
    {
        let style = html.style();
        for (property, value) in &e.styles {
            let _ = style.set_property(property, value);
        }
    }
    for child in &e.children {
        let _ = el.append_child(&build_in(doc, child, svg));
    }
    el
}

/// Appends `nodes` to `parent`, one insertion for all of them.
pub fn append(parent: &web_sys::Element, nodes: &[Node]) {
    let fragment = gloo_utils::document().create_document_fragment();
    for node in nodes {
        let _ = fragment.append_child(&build(node));
    }
    let _ = parent.append_child(&fragment);
}

/// Brings `parent`'s children from `before` to `after`, rebuilding only the
/// top-level nodes that changed, so that an edit does not redraw the rest.
pub fn update(parent: &web_sys::Element, before: &[Node], after: &[Node]) {
    let children = parent.child_nodes();
    for (i, node) in after.iter().enumerate() {
        let old = children.item(i as u32);
        match (before.get(i), old) {
            (Some(was), Some(_)) if was == node => {}
            (_, Some(old)) => {
                let _ = parent.replace_child(&build(node), &old);
            }
            (_, None) => {
                let _ = parent.append_child(&build(node));
            }
        }
    }
    while children.length() as usize > after.len() {
        if let Some(last) = parent.last_child() {
            let _ = parent.remove_child(&last);
        }
    }
}
