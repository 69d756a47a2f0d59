//! Markup as plain data: elements, their attributes and text, built in
//! plain Rust and turned into the page by `ui::dom`.
//!
//! Used for what must be drawn before the reactive renderer has even
//! loaded: the start-up preview draws the Overview and the header from this
//! (see `ui::boot`), and the Overview page draws from the same description,
//! so the two cannot drift apart. Text is always a text node: nothing here
//! is ever parsed as HTML.

/// One node of markup.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Element(Element),
    Text(String),
}

/// An element, with its attributes, inline style properties and children.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub tag: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    /// Set through the style object, as a content security policy without
    /// `unsafe-inline` refuses `style` attributes.
    pub styles: Vec<(&'static str, String)>,
    pub children: Vec<Node>,
}

/// A new element without attributes or children.
pub fn el(tag: &'static str) -> Element {
    Element {
        tag,
        attrs: Vec::new(),
        styles: Vec::new(),
        children: Vec::new(),
    }
}

/// A text node.
pub fn text(text: impl Into<String>) -> Node {
    Node::Text(text.into())
}

impl Element {
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.attrs.push((name, value.into()));
        self
    }

    /// The attribute when `value` is given, else nothing.
    pub fn attr_opt(self, name: &'static str, value: Option<impl Into<String>>) -> Self {
        match value {
            Some(value) => self.attr(name, value),
            None => self,
        }
    }

    pub fn class(self, class: impl Into<String>) -> Self {
        self.attr("class", class)
    }

    pub fn style(mut self, property: &'static str, value: impl Into<String>) -> Self {
        self.styles.push((property, value.into()));
        self
    }

    pub fn child(mut self, child: impl Into<Node>) -> Self {
        self.children.push(child.into());
        self
    }

    /// Adds `child` when there is one.
    pub fn child_opt(self, child: Option<impl Into<Node>>) -> Self {
        match child {
            Some(child) => self.child(child),
            None => self,
        }
    }

    pub fn children<N: Into<Node>>(mut self, children: impl IntoIterator<Item = N>) -> Self {
        self.children.extend(children.into_iter().map(Into::into));
        self
    }

    pub fn text(self, text: impl Into<String>) -> Self {
        self.child(Node::Text(text.into()))
    }

    /// The value of an attribute.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl Node {
    /// All text below this node, in document order.
    pub fn text_content(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        match self {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => e.children.iter().for_each(|c| c.collect_text(out)),
        }
    }

    /// Every element at or below this node with this tag, in document order.
    pub fn find_all<'a>(&'a self, tag: &str) -> Vec<&'a Element> {
        let mut found = Vec::new();
        self.walk(&mut |e| {
            if e.tag == tag {
                found.push(e);
            }
        });
        found
    }

    /// Every element at or below this node, in document order.
    pub fn elements(&self) -> Vec<&Element> {
        let mut found = Vec::new();
        self.walk(&mut |e| found.push(e));
        found
    }

    /// The node as compact JSON, for drawing without this code (the
    /// start-up preview, `startup.js`): text is a string; an element is
    /// `[tag, [name, value, …], [property, value, …], child, …]`.
    pub fn to_json(&self) -> String {
        // Serialising strings and sequences cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    fn walk<'a>(&'a self, f: &mut impl FnMut(&'a Element)) {
        if let Node::Element(e) = self {
            f(e);
            e.children.iter().for_each(|c| c.walk(f));
        }
    }
}

impl From<Element> for Node {
    fn from(e: Element) -> Self {
        Node::Element(e)
    }
}

impl From<String> for Node {
    fn from(t: String) -> Self {
        Node::Text(t)
    }
}

impl From<&str> for Node {
    fn from(t: &str) -> Self {
        Node::Text(t.to_owned())
    }
}

impl serde::Serialize for Node {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        /// Name–value pairs as one flat list.
        struct Flat<'a>(&'a [(&'static str, String)]);
        impl serde::Serialize for Flat<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut seq = s.serialize_seq(Some(self.0.len() * 2))?;
                for (name, value) in self.0 {
                    seq.serialize_element(name)?;
                    seq.serialize_element(value)?;
                }
                seq.end()
            }
        }
        match self {
            Node::Text(text) => s.serialize_str(text),
            Node::Element(e) => {
                let mut seq = s.serialize_seq(Some(3 + e.children.len()))?;
                seq.serialize_element(e.tag)?;
                seq.serialize_element(&Flat(&e.attrs))?;
                seq.serialize_element(&Flat(&e.styles))?;
                for child in &e.children {
                    seq.serialize_element(child)?;
                }
                seq.end()
            }
        }
    }
}
