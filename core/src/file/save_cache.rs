//! The text of a workbook in local storage, written again by every autosave.
//!
//! A large workbook is megabytes of JSON, and serialising all of it on every
//! save cost more than the browser's own write of the result. Between two
//! saves usually one item changed, so a [`Cache`] keeps the text of every
//! item of the big collections (requirement records, evidence, improvement
//! items, services, baselines) from the previous save, with a copy of the
//! item it was made from. The next save compares each item with its copy,
//! which is much cheaper than serialising it, and serialises only the items
//! that differ. The result is byte for byte what
//! [`schema::to_stored_json`] writes; the tests compare the two.
//!
//! Kept text is used only for an item equal to the copy it was made from,
//! so what the cache holds never decides what is written, only how fast:
//! an empty, stale or foreign cache gives the same bytes.
//!
//! The text comes in [`Piece`]s, each item's text apart, so that the browser
//! side can keep its own copy of each item's text too: converting megabytes
//! of UTF-8 into a JS string on every save cost as much as serialising them.

use crate::assessment::Assessment;
use crate::baseline::{Baseline, BaselineId};
use crate::calendar::Timestamp;
use crate::evidence::{EvidenceId, EvidenceItem, EvidenceRegister};
use crate::file::schema;
use crate::framework::RequirementId;
use crate::improvement::{ImprovementId, ImprovementItem, ImprovementLog};
use crate::portfolio::{Portfolio, Service, ServiceId};
use crate::workbook::Workbook;
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;
use std::collections::HashMap;
use std::hash::Hash;
use std::io;
use std::sync::atomic::{AtomicU64, Ordering};

/// The stored text of one save, in pieces, in order.
pub struct Text<'a> {
    pieces: Vec<Piece<'a>>,
    len: usize,
}

/// A part of the stored text.
pub enum Piece<'a> {
    /// Written for this save: the envelope, the fields outside the big
    /// collections, the punctuation between items.
    Written(String),
    /// One item's text. A `serial` stands for the same text for the life of
    /// the program (no two texts ever get the same one, whichever cache made
    /// them), so a copy of the text kept under it elsewhere can stand in.
    Item { serial: u64, text: &'a str },
}

impl Piece<'_> {
    pub fn as_str(&self) -> &str {
        match self {
            Piece::Written(text) => text,
            Piece::Item { text, .. } => text,
        }
    }
}

impl<'a> Text<'a> {
    pub fn pieces(&self) -> &[Piece<'a>] {
        &self.pieces
    }

    /// The length of the whole text in bytes (UTF-8).
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The whole text.
    pub fn concat(&self) -> String {
        let mut out = String::with_capacity(self.len);
        for piece in &self.pieces {
            out.push_str(piece.as_str());
        }
        out
    }
}

/// Serials of item texts: one counter for every cache, see [`Piece::Item`].
static SERIALS: AtomicU64 = AtomicU64::new(0);

/// The text of the last save's items, for the next save to reuse.
#[derive(Default)]
pub struct Cache {
    assessments: Fragments<RequirementId, Assessment>,
    evidence: Fragments<EvidenceId, EvidenceItem>,
    improvements: Fragments<ImprovementId, ImprovementItem>,
    services: Fragments<ServiceId, Service>,
    baselines: Fragments<BaselineId, Baseline>,
}

impl Cache {
    /// Exactly [`schema::to_stored_json`]`(workbook, saved_at)`, serialising
    /// only the items that changed since this cache's last call.
    pub fn to_stored_json(&mut self, workbook: &Workbook, saved_at: Timestamp) -> String {
        match self.text(workbook, saved_at.clone()) {
            Ok(text) => text.concat(),
            // Not expected (the items serialise like the whole workbook
            // does), but if an item ever could not be written on its own,
            // the plain way still writes the workbook.
            Err(_) => schema::to_stored_json(workbook, saved_at),
        }
    }

    /// [`Cache::to_stored_json`] in pieces.
    pub fn text(
        &mut self,
        workbook: &Workbook,
        saved_at: Timestamp,
    ) -> Result<Text<'_>, serde_json::Error> {
        // Every field is named (no `..`): a field added to these structs
        // stops the build here until it is written below too, in the same
        // place as the struct declares it.
        let Workbook {
            organisation,
            framework,
            assessments,
            evidence,
            documents,
            improvements,
            portfolio,
            baselines,
            trainer_notes,
            created_at,
            updated_at,
        } = workbook;
        let EvidenceRegister { items: evidence } = evidence;
        let ImprovementLog {
            items: improvements,
        } = improvements;
        let Portfolio { services } = portfolio;

        self.assessments.update(assessments.iter())?;
        self.evidence.update(evidence.iter().map(|e| (&e.id, e)))?;
        self.improvements
            .update(improvements.iter().map(|i| (&i.id, i)))?;
        self.services.update(services.iter().map(|s| (&s.id, s)))?;
        self.baselines
            .update(baselines.iter().map(|b| (&b.id, b)))?;

        let workbook = WorkbookText {
            organisation,
            framework,
            assessments: Map(&self.assessments),
            evidence: EvidenceText {
                items: Seq(&self.evidence),
            },
            documents,
            improvements: ImprovementsText {
                items: Seq(&self.improvements),
            },
            portfolio: PortfolioText {
                services: Seq(&self.services),
            },
            baselines: Seq(&self.baselines),
            trainer_notes,
            created_at,
            updated_at,
        };
        // The items' text is met in the order of the fields above.
        let items = self
            .assessments
            .list
            .iter()
            .map(Fragment::text)
            .chain(self.evidence.list.iter().map(Fragment::text))
            .chain(self.improvements.list.iter().map(Fragment::text))
            .chain(self.services.list.iter().map(Fragment::text))
            .chain(self.baselines.list.iter().map(Fragment::text));
        let mut split = Split {
            items: items.peekable(),
            written: Vec::new(),
            text: Text {
                pieces: Vec::new(),
                len: 0,
            },
        };
        schema::write_stored_json(&mut split, &workbook, saved_at)?;
        split.end().map_err(serde_json::Error::io)?;
        Ok(split.text)
    }
}

/// Receives the serialiser's output and cuts it into pieces: a write of
/// exactly the next item's kept text (serde_json writes a `RawValue` in
/// one write of its own bytes) becomes that item's piece, and everything
/// between is written text. Were the serialiser ever to write a kept text
/// otherwise, it would only become written text: the same bytes, converted
/// again.
struct Split<'a, I: Iterator<Item = (u64, &'a str)>> {
    items: std::iter::Peekable<I>,
    written: Vec<u8>,
    text: Text<'a>,
}

impl<'a, I: Iterator<Item = (u64, &'a str)>> Split<'a, I> {
    /// Ends the written text so far as a piece.
    fn end(&mut self) -> io::Result<()> {
        if self.written.is_empty() {
            return Ok(());
        }
        let written = String::from_utf8(std::mem::take(&mut self.written))
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        self.text.len += written.len();
        self.text.pieces.push(Piece::Written(written));
        Ok(())
    }
}

impl<'a, I: Iterator<Item = (u64, &'a str)>> io::Write for Split<'a, I> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self.items.peek() {
            Some(&(serial, text))
                if std::ptr::eq(buf.as_ptr(), text.as_ptr()) && buf.len() == text.len() =>
            {
                self.end()?;
                self.items.next();
                self.text.len += text.len();
                self.text.pieces.push(Piece::Item { serial, text });
            }
            _ => self.written.extend_from_slice(buf),
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// The workbook, written from the kept text. Field names and order are those
// of `Workbook` and its collections (serde writes fields in declared order).

#[derive(Serialize)]
struct WorkbookText<'a> {
    organisation: &'a crate::workbook::Organisation,
    framework: &'a crate::workbook::FrameworkRef,
    assessments: Map<'a, RequirementId, Assessment>,
    evidence: EvidenceText<'a>,
    documents: &'a crate::evidence::DocumentChecklist,
    improvements: ImprovementsText<'a>,
    portfolio: PortfolioText<'a>,
    baselines: Seq<'a, BaselineId, Baseline>,
    trainer_notes: &'a crate::trainer::TrainerNotes,
    created_at: &'a Timestamp,
    updated_at: &'a Timestamp,
}

#[derive(Serialize)]
struct EvidenceText<'a> {
    items: Seq<'a, EvidenceId, EvidenceItem>,
}

#[derive(Serialize)]
struct ImprovementsText<'a> {
    items: Seq<'a, ImprovementId, ImprovementItem>,
}

#[derive(Serialize)]
struct PortfolioText<'a> {
    services: Seq<'a, ServiceId, Service>,
}

/// A list, as the items' kept text in order.
struct Seq<'a, K, T>(&'a Fragments<K, T>);

impl<K, T> Serialize for Seq<'_, K, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.list.iter().map(|f| &*f.json))
    }
}

/// A map, as its keys and the values' kept text in order.
struct Map<'a, K, T>(&'a Fragments<K, T>);

impl<K: Serialize, T> Serialize for Map<'_, K, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.list.iter().map(|f| (&f.key, &*f.json)))
    }
}

// ---------------------------------------------------------------------------
// The kept text of one collection

/// Items whose kept text may be reused for an item that is [`Same::same`].
trait Same: Serialize + Clone + PartialEq {
    /// True only if the two are written as the same JSON: equality, unless
    /// equal values can be written differently.
    fn same(&self, other: &Self) -> bool {
        self == other
    }
}

impl Same for Assessment {}
impl Same for EvidenceItem {}
impl Same for ImprovementItem {}
impl Same for Baseline {}

impl Same for Service {
    fn same(&self, other: &Self) -> bool {
        // `-0.0 == 0.0`, but they are written "-0.0" and "0.0", and "-0" is
        // an availability a person can type; the bits tell them apart.
        self == other
            && self.sla.availability.map(f64::to_bits) == other.sla.availability.map(f64::to_bits)
    }
}

/// One item's text, with the copy of the item it was made from.
struct Fragment<K, T> {
    key: K,
    item: T,
    json: Box<RawValue>,
    serial: u64,
}

impl<K, T> Fragment<K, T> {
    fn text(&self) -> (u64, &str) {
        (self.serial, self.json.get())
    }
}

/// The fragments of one collection as of the last save.
struct Fragments<K, T> {
    /// In the collection's order at the last save.
    list: Vec<Fragment<K, T>>,
    /// Where each key's fragment is in `list`, to find an item that moved.
    index: HashMap<K, usize>,
}

impl<K, T> Default for Fragments<K, T> {
    fn default() -> Self {
        Self {
            list: Vec::new(),
            index: HashMap::new(),
        }
    }
}

impl<K: Clone + Eq + Hash, T: Same> Fragments<K, T> {
    /// Brings the fragments up to date with `items` (keyed, in order):
    /// an item the same as the copy kept under its key keeps its text; any
    /// other item (new, changed, or a second one under the same key) is
    /// serialised and copied.
    fn update<'a>(
        &mut self,
        items: impl ExactSizeIterator<Item = (&'a K, &'a T)>,
    ) -> Result<(), serde_json::Error>
    where
        K: 'a,
        T: 'a,
    {
        let mut old: Vec<Option<Fragment<K, T>>> = std::mem::take(&mut self.list)
            .into_iter()
            .map(Some)
            .collect();
        let old_index = std::mem::take(&mut self.index);
        self.list.reserve(items.len());
        self.index.reserve(items.len());
        for (key, item) in items {
            let kept = old_index
                .get(key)
                .and_then(|&i| old.get_mut(i)?.take())
                .filter(|f| f.item.same(item));
            let fragment = match kept {
                Some(fragment) => fragment,
                None => Fragment {
                    key: key.clone(),
                    item: item.clone(),
                    // ASCII, as the rest of the stored text.
                    json: RawValue::from_string(super::ascii::to_string(item)?)?,
                    serial: SERIALS.fetch_add(1, Ordering::Relaxed),
                },
            };
            self.index.insert(key.clone(), self.list.len());
            self.list.push(fragment);
        }
        Ok(())
    }
}
