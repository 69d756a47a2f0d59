//! The workbook list, the write check between tabs and versions, snapshot
//! thinning, backup reminders, and undo/redo.

use clausebook_core::calendar::Timestamp;
use clausebook_core::history::{COALESCE_MS, History};
use clausebook_core::library::*;
use clausebook_core::limits::{MAX_SNAPSHOTS, MAX_WORKBOOK_NAME_CHARS};
use clausebook_core::retention::Retention::UntilCleared;

fn ts(s: &str) -> Timestamp {
    s.parse().expect("timestamp")
}

const DAY: i64 = 24 * 60 * 60 * 1000;

#[test]
fn timestamps_convert_to_and_from_epoch_milliseconds() {
    assert_eq!(ts("1970-01-01T00:00:00.000Z").epoch_ms(), 0);
    assert_eq!(ts("2026-11-25T19:35:57.123Z").epoch_ms(), 1_795_635_357_123);
    assert_eq!(ts("2000-02-29T12:00:00Z").epoch_ms(), 951_825_600_000);
    for ms in [0, 951_825_600_000, 1_795_635_357_123, 4_102_444_799_999] {
        assert_eq!(Timestamp::from_epoch_ms(ms).epoch_ms(), ms);
    }
}

#[test]
fn workbook_ids_are_safe_storage_key_parts() {
    let id = WorkbookId::generate(1_795_635_357_123, 0xdead_beef);
    assert_eq!(id.as_str(), "wb-1795635357123-deadbeef");
    for bad in ["", "WB-1", "wb 1", "wb.1", "a/b", &"x".repeat(41)] {
        assert!(
            WorkbookId::try_from(bad.to_owned()).is_err(),
            "{bad:?} must be refused"
        );
    }
}

fn library() -> (Library, WorkbookId, WorkbookId) {
    let mut lib = Library::default();
    let a = WorkbookId::generate(1, 1);
    let b = WorkbookId::generate(2, 2);
    lib.add(a.clone(), " Course 12 ", ts("2026-11-01T09:00:00Z"), false)
        .unwrap();
    lib.add(
        b.clone(),
        "Client: Harbour",
        ts("2026-11-02T09:00:00Z"),
        true,
    )
    .unwrap();
    (lib, a, b)
}

#[test]
fn workbooks_are_added_renamed_and_named_for_copies() {
    let (mut lib, a, b) = library();
    assert_eq!(lib.get(&a).unwrap().name, "Course 12");
    assert!(lib.get(&b).unwrap().sample);
    assert_eq!(
        lib.add(a.clone(), "Again", ts("2026-11-03T09:00:00Z"), false),
        Err(LibraryError::DuplicateId(a.to_string()))
    );
    assert_eq!(lib.rename(&a, "   "), Err(LibraryError::EmptyName));
    assert_eq!(
        lib.rename(&a, &"n".repeat(MAX_WORKBOOK_NAME_CHARS + 1)),
        Err(LibraryError::NameTooLong {
            max: MAX_WORKBOOK_NAME_CHARS
        })
    );
    assert_eq!(
        lib.rename(&a, "bad\u{7}"),
        Err(LibraryError::ControlCharacter)
    );
    lib.rename(&a, "Course 13").unwrap();
    assert_eq!(lib.get(&a).unwrap().name, "Course 13");
    assert_eq!(lib.copy_name("Course 13"), "Course 13 (copy)");
    let c = WorkbookId::generate(3, 3);
    lib.add(c, "Course 13 (copy)", ts("2026-11-03T09:00:00Z"), false)
        .unwrap();
    assert_eq!(lib.copy_name("Course 13"), "Course 13 (copy 2)");
}

#[test]
fn deletion_can_be_undone_until_the_window_passes() {
    let (mut lib, a, _) = library();
    let at = ts("2026-11-25T10:00:00Z");
    lib.delete(&a, at.clone()).unwrap();
    assert!(lib.get(&a).is_none(), "hidden from the list");
    assert_eq!(lib.live().count(), 1);
    assert!(lib.purgeable(at.epoch_ms() + UNDO_DELETE_MS - 1).is_empty());
    lib.restore(&a).unwrap();
    assert!(lib.get(&a).is_some(), "undo brings it back");
    lib.delete(&a, at.clone()).unwrap();
    assert_eq!(
        lib.purgeable(at.epoch_ms() + UNDO_DELETE_MS),
        vec![a.clone()]
    );
    lib.purge(&a);
    assert!(lib.restore(&a).is_err());
    assert!(lib.rename(&a, "x").is_err());
}

fn head(revision: u64, app: &str) -> Head {
    Head {
        revision,
        slot: Slot::A,
        schema_version: 4,
        app_version: app.to_owned(),
        saved_at: ts("2026-11-25T10:00:00Z"),
        bytes: 100,
        organisation: "Org".into(),
        writer: "tab-1".into(),
    }
}

#[test]
fn a_tab_writes_only_over_the_revision_it_loaded() {
    assert_eq!(check_write(0, None, "0.1.0"), Ok(()), "a new workbook");
    assert_eq!(check_write(3, Some(&head(3, "0.1.0")), "0.1.0"), Ok(()));
    assert!(matches!(
        check_write(3, Some(&head(4, "0.1.0")), "0.1.0"),
        Err(Conflict::OtherTab { .. })
    ));
    assert_eq!(check_write(3, None, "0.1.0"), Err(Conflict::Removed));
    assert_eq!(
        check_write(3, Some(&head(3, "0.2.0")), "0.1.9"),
        Err(Conflict::NewerApp {
            app_version: "0.2.0".into()
        }),
        "an older app never writes over a newer one's data"
    );
    assert_eq!(check_write(3, Some(&head(3, "0.1.0")), "0.2.0"), Ok(()));
    assert!(is_newer_version("0.10.0", "0.9.9"));
    assert!(!is_newer_version("0.1.0", "0.1.0"));
    assert!(
        Conflict::OtherTab {
            saved_at: "x".into()
        }
        .to_string()
        .contains("Reload")
    );
}

fn snap(id: i64) -> SnapshotMeta {
    SnapshotMeta {
        id,
        taken_at: Timestamp::from_epoch_ms(id),
        bytes: 10,
        revision: 1,
        reason: SnapshotReason::Interval,
    }
}

#[test]
fn snapshots_are_thinned_by_age_to_ten() {
    let now = 1_800_000_000_000;
    // One every ten minutes for a day, then one a day for a month before.
    let mut snaps: Vec<SnapshotMeta> = (0..144).map(|i| snap(now - i * 600_000)).collect();
    snaps.extend((2..32).map(|d| snap(now - d * DAY)));
    let dropped = thin(&snaps, now);
    let kept: Vec<i64> = snaps
        .iter()
        .map(|s| s.id)
        .filter(|id| !dropped.contains(id))
        .collect();
    assert_eq!(kept.len(), MAX_SNAPSHOTS);
    assert!(kept.contains(&now), "the newest stays");
    assert!(kept.contains(&(now - 31 * DAY)), "the oldest stays");
    let within_day = kept.iter().filter(|&&id| now - id < DAY).count();
    let older = kept.len() - within_day;
    assert!(within_day >= 3, "recent ones stay close together: {kept:?}");
    assert!(older >= 3, "the older month is still represented: {kept:?}");
    assert!(thin(&snaps[..MAX_SNAPSHOTS], now).is_empty());
}

#[test]
fn snapshots_are_due_at_session_start_then_every_interval() {
    assert!(snapshot_due(None, 5));
    assert!(!snapshot_due(Some(0), SNAPSHOT_INTERVAL_MS - 1));
    assert!(snapshot_due(Some(0), SNAPSHOT_INTERVAL_MS));
}

#[test]
fn backups_are_labelled_and_reminded_after_a_week_of_changes() {
    let created = ts("2026-11-01T09:00:00Z");
    let now = ts("2026-11-25T12:00:00Z").epoch_ms();
    assert_eq!(
        backup_label(None, 12, now, "13:00"),
        "Never saved to a file"
    );
    let backup = Backup {
        exported_at: ts("2026-11-22T11:00:00Z"),
        revision: 10,
        saved_to: SavedTo::Download,
        encrypted: false,
    };
    assert_eq!(
        backup_label(Some(&backup), 13, now, "12:00"),
        "Downloaded 3 days ago · 3 changes since"
    );
    let today = Backup {
        exported_at: ts("2026-11-25T08:00:00Z"),
        revision: 10,
        saved_to: SavedTo::Download,
        encrypted: false,
    };
    assert_eq!(
        backup_label(Some(&today), 10, now, "09:00"),
        "Downloaded today · no changes since"
    );
    assert!(backup_reminder_due(
        None,
        5,
        &created,
        now,
        None,
        UntilCleared
    ));
    assert!(
        !backup_reminder_due(None, 0, &created, now, None, UntilCleared),
        "nothing to back up"
    );
    assert!(
        !backup_reminder_due(Some(&backup), 20, &created, now, None, UntilCleared),
        "three days is not a week"
    );
    let old = Backup {
        exported_at: ts("2026-11-10T11:00:00Z"),
        revision: 10,
        saved_to: SavedTo::Download,
        encrypted: false,
    };
    assert!(backup_reminder_due(
        Some(&old),
        11,
        &created,
        now,
        None,
        UntilCleared
    ));
    assert!(
        !backup_reminder_due(Some(&old), 10, &created, now, None, UntilCleared),
        "no changes since"
    );
    assert!(
        !backup_reminder_due(Some(&old), 11, &created, now, Some(now + 1), UntilCleared),
        "snoozed"
    );
    assert_eq!(usage_label(1024 * 1024), "1.0 MB of about 5.0 MB (20%)");
}

#[test]
fn typing_coalesces_into_one_undo_step_and_clicks_do_not() {
    let mut h = History::new(100);
    h.record("", false, 0.0); // before typing "a"
    h.record("a", true, 300.0);
    h.record("ab", true, 600.0);
    // A click on a button: a step of its own even if quick.
    h.record("abc", false, 700.0);
    let current = "abc+deleted";
    assert_eq!(h.undo(current), Some("abc"));
    assert_eq!(h.undo("abc"), Some(""), "the typing is one step");
    assert!(!h.can_undo());
    assert_eq!(h.redo(""), Some("abc"));
    assert_eq!(h.redo("abc"), Some("abc+deleted"));
    assert!(!h.can_redo());
    // A pause longer than the window starts a new step in the same field.
    let mut h = History::new(100);
    h.record("", false, 0.0);
    h.record("a", true, COALESCE_MS + 1.0);
    assert_eq!(h.undo("ab"), Some("a"));
    // A new edit after undo clears redo.
    h.record("a", false, 5000.0);
    assert!(!h.can_redo());
}

#[test]
fn history_keeps_at_most_its_limit() {
    let mut h = History::new(3);
    for i in 0..10 {
        h.record(i, false, f64::from(i) * 5000.0);
    }
    assert_eq!(h.undo(10), Some(9));
    assert_eq!(h.undo(9), Some(8));
    assert_eq!(h.undo(8), Some(7));
    assert_eq!(h.undo(7), None);
}

#[test]
fn an_edit_joins_only_an_open_step_in_the_same_field() {
    let mut h = History::new(10);
    assert!(!h.joins(true, 0.0), "nothing to join yet");
    h.record(0, false, 0.0);
    assert!(h.joins(true, 500.0));
    assert!(!h.joins(false, 500.0), "another field or a click");
    h.extend(900.0);
    assert!(
        h.joins(true, 1800.0),
        "the window runs from the last keystroke"
    );
    assert!(!h.joins(true, 1901.0));
    assert_eq!(h.undo(5), Some(0), "joined edits are one step");
}

#[test]
fn the_other_tab_conflict_names_the_time_of_its_save() {
    let err = check_write(3, Some(&head(4, "0.1.0")), "0.1.0").unwrap_err();
    assert_eq!(
        err,
        Conflict::OtherTab {
            saved_at: "10:00 UTC".into()
        }
    );
    assert!(err.to_string().contains("saved at 10:00 UTC"), "{err}");
}

/// A new or imported workbook is listed under its organisation's name, so
/// every name the organisation field accepts must be a name the list keeps
/// (a longer one once made the save fail, and the workbook was lost).
#[test]
fn the_longest_organisation_name_is_a_workbook_name() {
    use clausebook_core::limits::MAX_NAME_CHARS;
    let mut lib = Library::default();
    let longest = "n".repeat(MAX_NAME_CHARS);
    let id = WorkbookId::generate(1, 1);
    lib.add(id.clone(), &longest, ts("2026-01-01T00:00:00Z"), false)
        .expect("the longest organisation name is a workbook name");
    assert_eq!(
        lib.get(&id).map(|e| e.name.as_str()),
        Some(longest.as_str())
    );
    // A copy of it still fits, with its suffix.
    let copy = lib.copy_name(&longest);
    assert!(check_name(&copy).is_ok(), "{copy} is a workbook name");
}

#[test]
fn the_backup_line_names_the_file_and_counts_changes_since_the_last_save() {
    let now = ts("2026-11-25T14:30:00Z").epoch_ms();
    let file = |at: &str, encrypted| Backup {
        exported_at: ts(at),
        revision: 7,
        saved_to: SavedTo::File {
            name: "harbour.clausebook.json".into(),
        },
        encrypted,
    };
    assert_eq!(
        backup_label(Some(&file("2026-11-25T14:02:00Z", false)), 10, now, "14:02"),
        "Saved to file harbour.clausebook.json at 14:02 · 3 changes since"
    );
    assert_eq!(
        backup_label(Some(&file("2026-11-25T14:02:00Z", false)), 8, now, "14:02"),
        "Saved to file harbour.clausebook.json at 14:02 · 1 change since"
    );
    assert_eq!(
        backup_label(Some(&file("2026-11-24T09:00:00Z", true)), 7, now, "09:00"),
        "Saved to file harbour.clausebook.json yesterday, encrypted · no changes since"
    );
    // A revision behind the save (another tab's older head) is not negative.
    assert_eq!(
        backup_label(Some(&file("2026-11-25T14:02:00Z", false)), 3, now, "14:02"),
        "Saved to file harbour.clausebook.json at 14:02 · no changes since"
    );
}

#[test]
fn a_backup_record_from_before_file_saves_still_reads_as_a_download() {
    let old: Backup =
        serde_json::from_str(r#"{"exported_at":"2026-11-22T11:00:00Z","revision":4}"#).unwrap();
    assert_eq!(old.saved_to, SavedTo::Download);
    assert!(!old.encrypted);
    assert_eq!(old.revision, 4);
    let new = Backup {
        saved_to: SavedTo::File {
            name: "a.clausebook.json".into(),
        },
        encrypted: true,
        ..old
    };
    let text = serde_json::to_string(&new).unwrap();
    assert_eq!(serde_json::from_str::<Backup>(&text).unwrap(), new);
}
