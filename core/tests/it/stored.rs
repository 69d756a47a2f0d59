//! The autosave's incremental text (`stored::Cache`) is byte for byte the
//! plain `schema::to_stored_json`, whatever changed between two saves.

use crate::generate;

use clausebook_core::assessment::Status;
use clausebook_core::calendar::{IsoDate, Timestamp};
use clausebook_core::file::save_cache::{Cache, Piece};
use clausebook_core::file::schema;
use clausebook_core::framework::{self, RequirementId};
use clausebook_core::improvement::ImprovementId;
use clausebook_core::portfolio::ServiceId;
use clausebook_core::sample;
use clausebook_core::workbook::Workbook;

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn today() -> IsoDate {
    IsoDate::new(2026, 11, 25).unwrap()
}

fn sample_workbook() -> Workbook {
    sample::workbook(at("2026-01-05T09:00:00.000Z"), today())
}

fn large() -> Workbook {
    generate::workbook(
        framework::iso20000(),
        7,
        generate::Size {
            evidence: 60,
            improvements: 300,
            services: 40,
        },
    )
}

/// The large workbook, saved once through a fresh cache that now keeps it.
fn large_saved() -> (Workbook, Cache) {
    let wb = large();
    let mut cache = Cache::default();
    save(&mut cache, &wb, "2026-11-25T10:00:00.000Z");
    (wb, cache)
}

/// Saves `workbook` through the cache and checks the text against the plain
/// serialiser's.
fn save(cache: &mut Cache, workbook: &Workbook, when: &str) {
    let cached = cache.to_stored_json(workbook, at(when));
    let plain = schema::to_stored_json(workbook, at(when));
    assert!(
        cached == plain,
        "cached text differs from plain at byte {}",
        cached
            .bytes()
            .zip(plain.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(cached.len().min(plain.len()))
    );
}

#[test]
fn the_first_and_an_unchanged_save_match_the_plain_text() {
    for wb in [sample_workbook(), large()] {
        let mut cache = Cache::default();
        save(&mut cache, &wb, "2026-11-25T10:00:00.000Z");
        save(&mut cache, &wb, "2026-11-25T10:00:01.000Z");
        save(&mut cache, &wb, "2026-11-25T10:00:02.000Z");
    }
}

#[test]
fn every_field_of_the_workbook_is_written() {
    // The sample fills every part of a workbook; the guard against a part
    // the cache would leave out is this test together with the exhaustive
    // destructuring in `stored.rs`.
    let mut wb = sample_workbook();
    let fw = framework::iso20000();
    let leaf = fw.leaves().next().unwrap().id.clone();
    wb.trainer_notes
        .set(fw, &leaf, "Ask about the CAB.")
        .unwrap();
    wb.trainer_notes.lock();
    assert!(!wb.organisation.scope.is_empty());
    assert!(!wb.assessments.is_empty());
    assert!(!wb.evidence.items.is_empty());
    assert!(!wb.documents.0.is_empty());
    assert!(!wb.improvements.items.is_empty());
    assert!(!wb.portfolio.services.is_empty());
    assert!(!wb.baselines.is_empty());
    assert!(!wb.trainer_notes.notes.is_empty());
    wb.updated_at = at("2026-11-20T16:30:00.000Z");
    let mut cache = Cache::default();
    save(&mut cache, &wb, "2026-11-25T10:00:00.000Z");
    // And against a fresh workbook with nothing in it.
    let empty = Workbook::create("Empty Ltd", "", fw, at("2026-11-25T10:00:00.000Z")).unwrap();
    save(&mut cache, &empty, "2026-11-25T10:00:01.000Z");
    save(&mut Cache::default(), &empty, "2026-11-25T10:00:02.000Z");
}

#[test]
fn edits_of_every_collection_are_written() {
    let fw = framework::iso20000();
    let (mut wb, mut cache) = large_saved();

    // One character typed into a requirement's notes, as the benchmark does.
    let leaf = fw.leaves().nth(3).unwrap().id.clone();
    wb.edit_assessment(&leaf, at("2026-11-25T10:00:01.000Z"), |a| a.notes.push('x'));
    save(&mut cache, &wb, "2026-11-25T10:00:01.000Z");

    // A record added, then one made blank (which removes it).
    let fresh = fw
        .leaves()
        .map(|n| n.id.clone())
        .find(|id| !wb.assessments.contains_key(id));
    if let Some(fresh) = fresh {
        wb.edit_assessment(&fresh, at("2026-11-25T10:00:02.000Z"), |a| {
            a.status = Status::PartiallyImplemented
        });
        save(&mut cache, &wb, "2026-11-25T10:00:02.000Z");
    }
    let first: RequirementId = wb.assessments.keys().next().unwrap().clone();
    wb.edit_assessment(&first, at("2026-11-25T10:00:03.000Z"), |a| {
        *a = Default::default()
    });
    save(&mut cache, &wb, "2026-11-25T10:00:03.000Z");

    // Evidence, improvement items and services edited in the middle.
    wb.evidence.items[10].title.push_str(" (rev. 2)");
    wb.improvements.items[150].plan.problem = "Quotes \" and \\ and\nnewlines".into();
    wb.portfolio.services[5].description = "Now with “typographic” quotes".into();
    save(&mut cache, &wb, "2026-11-25T10:00:04.000Z");

    // And edited back: the text kept before the edit is gone, the new one is right.
    wb.evidence.items[10] = large().evidence.items[10].clone();
    save(&mut cache, &wb, "2026-11-25T10:00:05.000Z");

    // Top-level fields outside the cached collections.
    wb.organisation.name = "Renamed Ltd".into();
    wb.documents.edit(&fw.documented_information[0].id, |d| {
        d.owner = "Someone".into()
    });
    wb.trainer_notes.set(fw, &leaf, "A note").unwrap();
    save(&mut cache, &wb, "2026-11-25T10:00:06.000Z");

    // A baseline marked, then deleted.
    let id = wb
        .mark_baseline(fw, "Stage 1 audit", today(), at("2026-11-25T10:00:07.000Z"))
        .unwrap();
    save(&mut cache, &wb, "2026-11-25T10:00:07.000Z");
    wb.delete_baseline(id, at("2026-11-25T10:00:08.000Z"));
    save(&mut cache, &wb, "2026-11-25T10:00:08.000Z");
}

#[test]
fn insertions_deletions_and_reordering_are_written() {
    let (mut wb, mut cache) = large_saved();

    // Inserted at the front, in the middle and at the end.
    let mut item = wb.improvements.items[3].clone();
    item.id = ImprovementId(9_001);
    item.title = "Inserted".into();
    wb.improvements.items.insert(0, item.clone());
    item.id = ImprovementId(9_002);
    wb.improvements.items.insert(100, item.clone());
    item.id = ImprovementId(9_003);
    wb.improvements.items.push(item);
    save(&mut cache, &wb, "2026-11-25T10:00:01.000Z");

    // Deleted.
    wb.improvements.items.remove(50);
    wb.portfolio.services.remove(0);
    wb.evidence.items.pop();
    save(&mut cache, &wb, "2026-11-25T10:00:02.000Z");

    // Reordered: reversed, swapped, rotated.
    wb.improvements.items.reverse();
    wb.portfolio.services.swap(1, 7);
    wb.evidence.items.rotate_left(5);
    save(&mut cache, &wb, "2026-11-25T10:00:03.000Z");

    // Two items under one id (a damaged workbook): both written as they are.
    let mut twin = wb.improvements.items[0].clone();
    twin.title = "Twin".into();
    wb.improvements.items.insert(1, twin);
    save(&mut cache, &wb, "2026-11-25T10:00:04.000Z");
    wb.improvements.items.swap(0, 1);
    save(&mut cache, &wb, "2026-11-25T10:00:05.000Z");

    // Emptied, then filled again.
    let items = std::mem::take(&mut wb.improvements.items);
    save(&mut cache, &wb, "2026-11-25T10:00:06.000Z");
    wb.improvements.items = items;
    save(&mut cache, &wb, "2026-11-25T10:00:07.000Z");
}

#[test]
fn an_item_moved_to_another_ones_id_is_written_again() {
    // The cache finds kept text by id; an item that now carries another
    // item's id must still be compared, not trusted.
    let (mut wb, mut cache) = large_saved();
    let (a, b) = (wb.portfolio.services[0].id, wb.portfolio.services[1].id);
    wb.portfolio.services[0].id = b;
    wb.portfolio.services[1].id = a;
    save(&mut cache, &wb, "2026-11-25T10:00:01.000Z");
    wb.portfolio.services[2].id = ServiceId(99_999);
    save(&mut cache, &wb, "2026-11-25T10:00:02.000Z");
}

#[test]
fn a_negative_zero_availability_is_not_taken_for_zero() {
    // `-0.0 == 0.0`, yet serde_json writes them differently.
    let mut wb = sample_workbook();
    let mut cache = Cache::default();
    wb.portfolio.services[0].sla.availability = Some(0.0);
    save(&mut cache, &wb, "2026-11-25T10:00:00.000Z");
    wb.portfolio.services[0].sla.availability = Some(-0.0);
    save(&mut cache, &wb, "2026-11-25T10:00:01.000Z");
    wb.portfolio.services[0].sla.availability = Some(0.0);
    save(&mut cache, &wb, "2026-11-25T10:00:02.000Z");
}

#[test]
fn one_cache_across_different_workbooks() {
    // Ids repeat between workbooks (every log starts at IMP-0001), so a
    // cache used for another workbook compares and rewrites what differs.
    let mut cache = Cache::default();
    save(&mut cache, &large(), "2026-11-25T10:00:00.000Z");
    save(&mut cache, &sample_workbook(), "2026-11-25T10:00:01.000Z");
    let other = generate::workbook(
        framework::iso20000(),
        8,
        generate::Size {
            evidence: 10,
            improvements: 50,
            services: 10,
        },
    );
    save(&mut cache, &other, "2026-11-25T10:00:02.000Z");
    save(&mut cache, &large(), "2026-11-25T10:00:03.000Z");
}

#[test]
fn the_benchmark_workbook_matches_after_typing() {
    // The full-size benchmark workbook, with a keystroke between saves.
    let mut wb = generate::workbook(framework::iso20000(), 42, generate::Size::full());
    let leaf = wb.assessments.keys().nth(10).unwrap().clone();
    let mut cache = Cache::default();
    save(&mut cache, &wb, "2026-11-25T10:00:00.000Z");
    for (i, when) in ["2026-11-25T10:00:01.000Z", "2026-11-25T10:00:02.000Z"]
        .into_iter()
        .enumerate()
    {
        wb.edit_assessment(&leaf, at(when), |a| a.notes.push_str(&i.to_string()));
        wb.improvements.items[1_000 + i].title.push('!');
        save(&mut cache, &wb, when);
    }
}

/// The serials of the item pieces of one save, in order.
fn serials(cache: &mut Cache, workbook: &Workbook, when: &str) -> Vec<u64> {
    let text = cache.text(workbook, at(when)).unwrap();
    let whole: String = text.pieces().iter().map(Piece::as_str).collect();
    assert_eq!(whole, schema::to_stored_json(workbook, at(when)));
    assert_eq!(text.len(), whole.len());
    text.pieces()
        .iter()
        .filter_map(|p| match p {
            Piece::Item { serial, .. } => Some(*serial),
            Piece::Written(_) => None,
        })
        .collect()
}

#[test]
fn every_item_is_a_piece_of_its_own_kept_under_its_serial_until_it_changes() {
    // What lets the browser keep a JS string per item: if the serialiser
    // stopped writing kept text in one piece, the text would still be
    // right but every save would convert all of it again.
    let mut wb = large();
    let items = wb.assessments.len()
        + wb.evidence.items.len()
        + wb.improvements.items.len()
        + wb.portfolio.services.len()
        + wb.baselines.len();
    let mut cache = Cache::default();
    let first = serials(&mut cache, &wb, "2026-11-25T10:00:00.000Z");
    assert_eq!(first.len(), items);
    let again = serials(&mut cache, &wb, "2026-11-25T10:00:01.000Z");
    assert_eq!(again, first, "unchanged items keep their serials");

    wb.improvements.items[7].title.push('!');
    let edited = serials(&mut cache, &wb, "2026-11-25T10:00:02.000Z");
    let improvement = wb.assessments.len() + wb.evidence.items.len() + 7;
    let changed: Vec<usize> = (0..items).filter(|&i| edited[i] != first[i]).collect();
    assert_eq!(changed, vec![improvement], "only the edited item is new");
    assert!(
        !first.contains(&edited[improvement]),
        "a new serial, never reused"
    );

    // Another cache never hands out a serial already given.
    let other = serials(&mut Cache::default(), &wb, "2026-11-25T10:00:03.000Z");
    assert!(
        other
            .iter()
            .all(|s| !first.contains(s) && !edited.contains(s))
    );
}

/// Text that costs more in some browsers' local storage than in others:
/// WebKit charges two bytes a character for a whole value once it holds one
/// character above U+00FF.
const DEAR: &str = "Owner’s note: Zürich – naïve 東京 😀 \"quoted\" \\ and a\nnewline";

/// The stored text is ASCII, whatever was typed, so that it costs one unit a
/// character in every engine; it reads back to exactly what was typed.
#[test]
fn stored_text_is_ascii_and_reads_back_every_character() {
    let mut workbook = sample_workbook();
    let id = RequirementId("4.1".to_owned());
    workbook.assessments.entry(id.clone()).or_default().notes = DEAR.to_owned();
    let mut organisation = workbook.organisation.clone();
    organisation.name = "Café Nord’s IT 東京".to_owned();
    workbook.set_organisation(organisation, at("2026-02-01T10:00:00.000Z"));

    let text = schema::to_stored_json(&workbook, at("2026-02-01T10:00:00.000Z"));
    assert!(text.is_ascii(), "non-ASCII in the stored text");
    assert!(text.contains(r"\u2019"), "’ is escaped: {}", &text[..200]);
    assert!(
        text.contains(r"\ud83d\ude00"),
        "an emoji is a surrogate pair"
    );
    let back = schema::decode(&text).expect("reads back").workbook;
    assert_eq!(back.assessments[&id].notes, DEAR);
    assert_eq!(back.organisation.name, "Café Nord’s IT 東京");

    // The autosave's incremental text is the same ASCII.
    let mut cache = Cache::default();
    let saved = cache
        .text(&workbook, at("2026-02-01T10:00:00.000Z"))
        .expect("serialises");
    assert_eq!(saved.concat(), text);
}
