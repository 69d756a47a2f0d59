//! Comparing participants' workbooks: loading, aggregation, differences.

use clausebook_core::assessment::Status;
use clausebook_core::calendar::Timestamp;
use clausebook_core::compare::{CompareError, Group};
use clausebook_core::file::export::ImportError;
use clausebook_core::file::schema;
use clausebook_core::framework;
use clausebook_core::workbook::Workbook;

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn export(name: &str, statuses: &[(&str, Status)]) -> String {
    let mut wb = Workbook::create(
        name,
        "",
        framework::iso20000(),
        at("2026-11-25T09:00:00.000Z"),
    )
    .unwrap();
    for (id, status) in statuses {
        wb.edit_assessment(&(*id).into(), at("2026-11-25T09:00:00.000Z"), |a| {
            a.status = *status
        });
    }
    schema::to_export_json(&wb, at("2026-11-25T10:00:00.000Z"))
}

fn three() -> Group {
    use Status::*;
    let fw = framework::iso20000();
    let mut group = Group::default();
    group
        .add_file(
            "alice.json",
            export(
                "Team A",
                &[("4.1", FullyImplemented), ("4.2", PartiallyImplemented)],
            )
            .as_bytes(),
            fw,
        )
        .unwrap();
    group
        .add_file(
            "bob.json",
            export(
                "Team B",
                &[("4.1", FullyImplemented), ("4.2", NotImplemented)],
            )
            .as_bytes(),
            fw,
        )
        .unwrap();
    group
        .add_file(
            "cara.json",
            export(
                "Team C",
                &[("4.1", FullyImplemented), ("4.3", LargelyImplemented)],
            )
            .as_bytes(),
            fw,
        )
        .unwrap();
    group
}

#[test]
fn rows_count_each_status_per_requirement() {
    let fw = framework::iso20000();
    let group = three();
    let rows = group.rows(fw);
    assert_eq!(rows.len(), fw.leaves().count());
    let row = |id: &str| rows.iter().find(|r| r.requirement.0 == id).unwrap();

    assert_eq!(row("4.1").count(Status::FullyImplemented), 3);
    assert!(!row("4.1").differs(), "all three agree");
    assert_eq!(row("4.1").most_common(), Some(Status::FullyImplemented));

    let r = row("4.2");
    assert_eq!(
        r.statuses,
        [
            Status::PartiallyImplemented,
            Status::NotImplemented,
            Status::NotAssessed
        ]
    );
    assert_eq!(r.counts, [1, 1, 1, 0, 0]);
    assert!(r.differs());
    assert_eq!(
        r.most_common(),
        Some(Status::NotAssessed),
        "ties go to the lower status"
    );

    assert_eq!(row("4.3").count(Status::NotAssessed), 2);
    assert!(row("4.3").differs());
    assert!(!row("4.4").differs(), "nobody assessed it: they agree");
    assert_eq!(rows.iter().filter(|r| r.differs()).count(), 2);
    assert_eq!(group.participants[1].label(), "bob.json (Team B)");
}

#[test]
fn bad_files_are_refused_by_name_and_leave_the_group_unchanged() {
    let fw = framework::iso20000();
    let mut group = three();
    let before = group.clone();
    let err = group
        .add_file(
            "broken.json",
            b"{\"format\": \"clausebook.workbook\", \"sch",
            fw,
        )
        .unwrap_err();
    assert!(
        matches!(err, CompareError::Unreadable { ref file, error: ImportError::Schema(_) } if file == "broken.json")
    );
    assert!(err.to_string().starts_with("broken.json: "));
    let err = group.add_file("empty.json", b"", fw).unwrap_err();
    assert!(matches!(
        err,
        CompareError::Unreadable {
            error: ImportError::Empty,
            ..
        }
    ));
    let err = group
        .add_file("alice.json", export("Again", &[]).as_bytes(), fw)
        .unwrap_err();
    assert_eq!(
        err,
        CompareError::AlreadyLoaded {
            file: "alice.json".into()
        }
    );
    let other = export("Other", &[]).replace("iso20000-1-2018", "fitsm-3.0");
    let err = group
        .add_file("other.json", other.as_bytes(), fw)
        .unwrap_err();
    assert!(
        matches!(
            err,
            CompareError::Unreadable { .. } | CompareError::OtherFramework { .. }
        ),
        "{err:?}"
    );
    assert_eq!(group, before);
}

#[test]
fn removing_a_participant_updates_the_counts() {
    let fw = framework::iso20000();
    let mut group = three();
    group.remove(1);
    group.remove(7);
    let rows = group.rows(fw);
    let r = rows.iter().find(|r| r.requirement.0 == "4.2").unwrap();
    assert_eq!(r.counts, [1, 0, 1, 0, 0]);
    assert_eq!(group.participants.len(), 2);
}
