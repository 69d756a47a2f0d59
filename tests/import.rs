//! Export, import, schema migration and reading what storage holds.

use clausebook::assessment::Status;
use clausebook::calendar::{IsoDate, Timestamp};
use clausebook::export::{self, ImportError, MAX_IMPORT_BYTES};
use clausebook::framework;
use clausebook::schema::{self, CURRENT_SCHEMA_VERSION, SchemaError, Stored};
use clausebook::validation::ValidationError;
use clausebook::workbook::Workbook;
use serde_json::{Value, json};

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn sample() -> Workbook {
    let mut wb = Workbook::create(
        "Harbour Street IT",
        "Managed desktops, \"hosting\" and backups\nfor small offices",
        framework::iso20000(),
        at("2026-11-20T09:00:00.000Z"),
    )
    .unwrap();
    wb.edit_assessment(&"4.1".into(), at("2026-11-21T09:00:00.000Z"), |a| {
        a.status = Status::PartiallyImplemented;
        a.owner = "Sam Patel".into();
        a.notes = "Issues list drafted — see <wiki>/context & \u{1F4DD}".into();
        a.target_date = Some(IsoDate::new(2027, 1, 31).unwrap());
    });
    wb
}

fn import(text: &str) -> Result<Workbook, ImportError> {
    export::read_import(text.as_bytes(), framework::iso20000()).map(|p| p.envelope.workbook)
}

fn exported() -> Value {
    serde_json::from_str(&export::export_json(
        &sample(),
        at("2026-11-25T10:00:00.000Z"),
    ))
    .unwrap()
}

#[test]
fn export_then_import_gives_the_same_workbook() {
    let wb = sample();
    let text = export::export_json(&wb, at("2026-11-25T10:00:00.000Z"));
    assert!(
        text.contains("\n  \"schema_version\": 5"),
        "pretty-printed, versioned"
    );
    let preview = export::read_import(text.as_bytes(), framework::iso20000()).unwrap();
    assert_eq!(preview.envelope.workbook, wb);
    assert_eq!(preview.envelope.app_version, env!("CARGO_PKG_VERSION"));
    assert_eq!(
        preview.envelope.exported_at,
        Some(at("2026-11-25T10:00:00.000Z"))
    );
    assert_eq!(preview.summary.assessed, 1);
}

#[test]
fn stored_form_round_trips_too() {
    let wb = sample();
    let text = schema::to_stored_json(&wb, at("2026-11-25T10:00:00.000Z"));
    match schema::read_stored(Some(text)) {
        Stored::Ready(envelope) => assert_eq!(envelope.workbook, wb),
        other => panic!("expected a workbook, got {other:?}"),
    }
    assert_eq!(schema::read_stored(None), Stored::Empty);
}

#[test]
fn file_name_is_organisation_and_date() {
    let mut wb = sample();
    let date = IsoDate::new(2026, 11, 25).unwrap();
    assert_eq!(
        export::file_name(&wb, date),
        "harbour-street-it-2026-11-25.clausebook.json"
    );
    wb.organisation.name = "Ünïcode & Co. / <Ltd>".into();
    assert_eq!(
        export::file_name(&wb, date),
        "n-code-co-ltd-2026-11-25.clausebook.json"
    );
    wb.organisation.name = "日本".into();
    assert_eq!(
        export::file_name(&wb, date),
        "workbook-2026-11-25.clausebook.json"
    );
}

#[test]
fn the_v1_fixture_migrates_to_the_current_schema() {
    let text = std::fs::read_to_string("tests/fixtures/workbook-v1.json").unwrap();
    let preview = export::read_import(text.as_bytes(), framework::iso20000()).unwrap();
    let wb = preview.envelope.workbook;
    assert_eq!(preview.envelope.schema_version, CURRENT_SCHEMA_VERSION);
    assert_eq!(wb.organisation.name, "Harbour Street IT");
    assert!(wb.organisation.scope.starts_with("Managed desktop"));
    assert_eq!(wb.framework.id.0, "iso20000-1-2018");
    let a = wb.assessment(&"4.1".into());
    assert_eq!(a.status, Status::PartiallyImplemented);
    assert_eq!(a.target_date, Some(IsoDate::new(2026, 9, 30).unwrap()));
    assert_eq!(wb.assessment(&"10.2".into()).status, Status::NotImplemented);
    // And it exports as the current schema.
    let again = export::export_json(&wb, at("2026-11-25T10:00:00Z"));
    assert_eq!(import(&again).unwrap(), wb);
}

#[test]
fn oversized_files_are_refused_before_reading() {
    let err = export::check_size(MAX_IMPORT_BYTES + 1).unwrap_err();
    assert!(matches!(err, ImportError::TooLarge { .. }));
    assert!(err.to_string().contains("5.0 MB"), "{err}");
    let big = vec![b' '; MAX_IMPORT_BYTES as usize + 1];
    assert!(matches!(
        export::read_import(&big, framework::iso20000()),
        Err(ImportError::TooLarge { .. })
    ));
    assert!(export::check_size(MAX_IMPORT_BYTES).is_ok());
}

#[test]
fn empty_and_binary_files_are_refused() {
    assert_eq!(import("").unwrap_err(), ImportError::Empty);
    let err = export::read_import(&[0xff, 0xfe, 0x00, 0x7b], framework::iso20000()).unwrap_err();
    assert_eq!(err, ImportError::NotText);
}

#[test]
fn malformed_json_says_where() {
    let mut text = export::export_json(&sample(), at("2026-11-25T10:00:00Z"));
    text.truncate(text.len() / 2);
    match import(&text).unwrap_err() {
        ImportError::Schema(SchemaError::NotJson { line, .. }) => assert!(line > 1),
        other => panic!("{other:?}"),
    }
}

#[test]
fn json_that_is_not_a_workbook_is_refused() {
    for text in [
        "[]",
        "42",
        "{\"name\":\"x\"}",
        "{\"format\":\"other\",\"schema_version\":2}",
    ] {
        assert_eq!(
            import(text).unwrap_err(),
            ImportError::Schema(SchemaError::NotAWorkbook),
            "{text}"
        );
    }
}

#[test]
fn bad_and_newer_schema_versions_are_refused() {
    for version in [json!(0), json!(-1), json!("2"), json!(1.5), Value::Null] {
        let mut v = exported();
        v["schema_version"] = version.clone();
        assert_eq!(
            import(&v.to_string()).unwrap_err(),
            ImportError::Schema(SchemaError::BadVersion),
            "{version}"
        );
    }
    let mut v = exported();
    v["schema_version"] = json!(CURRENT_SCHEMA_VERSION + 5);
    let err = import(&v.to_string()).unwrap_err();
    assert!(matches!(
        err,
        ImportError::Schema(SchemaError::NewerSchema { .. })
    ));
    assert!(err.to_string().contains("newer Clausebook"));
}

#[test]
fn wrong_shapes_and_values_are_refused() {
    type Mutation = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Mutation)> = vec![
        (
            "missing workbook",
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("workbook");
            }),
        ),
        (
            "unknown status",
            Box::new(|v| v["workbook"]["assessments"]["4.1"]["status"] = json!("not_applicable")),
        ),
        (
            "bad date",
            Box::new(|v| v["workbook"]["assessments"]["4.1"]["target_date"] = json!("2027-02-30")),
        ),
        (
            "number as notes",
            Box::new(|v| v["workbook"]["assessments"]["4.1"]["notes"] = json!(7)),
        ),
        (
            "bad timestamp",
            Box::new(|v| v["workbook"]["created_at"] = json!("yesterday")),
        ),
        (
            "organisation missing",
            Box::new(|v| {
                v["workbook"]
                    .as_object_mut()
                    .unwrap()
                    .remove("organisation");
            }),
        ),
    ];
    for (what, mutate) in cases {
        let mut v = exported();
        mutate(&mut v);
        let err = import(&v.to_string()).unwrap_err();
        assert!(
            matches!(err, ImportError::Schema(SchemaError::Malformed(_))),
            "{what}: {err:?}"
        );
    }
}

#[test]
fn content_that_breaks_the_rules_is_refused() {
    let mut v = exported();
    v["workbook"]["assessments"]["99.9"] = json!({"status": "fully_implemented"});
    assert_eq!(
        import(&v.to_string()).unwrap_err(),
        ImportError::Schema(SchemaError::Invalid(ValidationError::UnknownRequirement(
            "99.9".into()
        )))
    );
    // A parent clause is not assessable either.
    let mut v = exported();
    v["workbook"]["assessments"]["8.5"] = json!({"status": "fully_implemented"});
    assert!(matches!(
        import(&v.to_string()),
        Err(ImportError::Schema(SchemaError::Invalid(
            ValidationError::UnknownRequirement(_)
        )))
    ));
    let mut v = exported();
    v["workbook"]["framework"]["id"] = json!("iso27001-2022");
    assert!(matches!(
        import(&v.to_string()),
        Err(ImportError::Schema(SchemaError::Invalid(
            ValidationError::UnknownFramework(_)
        )))
    ));
    let mut v = exported();
    v["workbook"]["organisation"]["name"] = json!("");
    assert_eq!(
        import(&v.to_string()).unwrap_err(),
        ImportError::Schema(SchemaError::Invalid(ValidationError::MissingName))
    );
    let mut v = exported();
    v["workbook"]["assessments"]["4.1"]["notes"] = json!("x".repeat(20_001));
    assert!(matches!(
        import(&v.to_string()),
        Err(ImportError::Schema(SchemaError::Invalid(
            ValidationError::TooLong { .. }
        )))
    ));
    let mut v = exported();
    v["workbook"]["organisation"]["name"] = json!("Evil\u{0007}Corp");
    assert!(matches!(
        import(&v.to_string()),
        Err(ImportError::Schema(SchemaError::Invalid(
            ValidationError::ControlCharacters(_)
        )))
    ));
}

#[test]
fn hostile_nesting_is_refused_without_crashing() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(
        import(&deep),
        Err(ImportError::Schema(SchemaError::NotJson { .. }))
    ));
    let mut v = exported();
    v["workbook"]["organisation"]["scope"] = json!({"nested": [[[[["deep"]]]]]});
    assert!(matches!(
        import(&v.to_string()),
        Err(ImportError::Schema(SchemaError::Malformed(_)))
    ));
}

#[test]
fn markup_in_text_is_kept_as_text() {
    let mut v = exported();
    v["workbook"]["organisation"]["name"] = json!("<img src=x onerror=alert(1)>");
    let wb = import(&v.to_string()).unwrap();
    assert_eq!(wb.organisation.name, "<img src=x onerror=alert(1)>");
}

#[test]
fn byte_order_mark_is_accepted() {
    let text = format!(
        "\u{feff}{}",
        export::export_json(&sample(), at("2026-11-25T10:00:00Z"))
    );
    assert_eq!(import(&text).unwrap(), sample());
}

#[test]
fn unreadable_storage_is_kept_for_recovery() {
    let raw = "{\"format\":\"clausebook.workbook\",\"schema_version\":2,\"work".to_owned();
    match schema::read_stored(Some(raw.clone())) {
        Stored::Unreadable { raw: kept, error } => {
            assert_eq!(kept, raw);
            assert!(matches!(error, SchemaError::NotJson { .. }));
        }
        other => panic!("{other:?}"),
    }
    let mut newer = exported();
    newer["schema_version"] = json!(99);
    match schema::read_stored(Some(newer.to_string())) {
        Stored::Unreadable { error, .. } => {
            assert_eq!(
                error,
                SchemaError::NewerSchema {
                    found: 99,
                    supported: CURRENT_SCHEMA_VERSION
                }
            )
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn every_error_message_tells_the_user_what_to_do() {
    let errors: Vec<String> = vec![
        ImportError::Empty.to_string(),
        ImportError::NotText.to_string(),
        SchemaError::NotAWorkbook.to_string(),
        SchemaError::BadVersion.to_string(),
        SchemaError::NewerSchema {
            found: 9,
            supported: 2,
        }
        .to_string(),
    ];
    for e in errors {
        assert!(e.ends_with('.'), "{e}");
        assert!(e.len() > 40, "too terse: {e}");
    }
}

#[test]
fn the_v2_fixture_migrates_with_empty_registers() {
    let text = std::fs::read_to_string("tests/fixtures/workbook-v2.json").unwrap();
    let preview = export::read_import(text.as_bytes(), framework::iso20000()).unwrap();
    let wb = preview.envelope.workbook;
    assert_eq!(preview.envelope.schema_version, CURRENT_SCHEMA_VERSION);
    assert_eq!(wb.organisation.name, "Harbour Street IT");
    assert_eq!(
        wb.assessment(&"8.5.1.2".into()).status,
        Status::LargelyImplemented
    );
    assert!(wb.improvements.items.is_empty());
    assert!(wb.portfolio.services.is_empty());
}

#[test]
fn the_v3_fixture_migrates_with_empty_evidence_and_checklist() {
    let text = std::fs::read_to_string("tests/fixtures/workbook-v3.json").unwrap();
    let preview = export::read_import(text.as_bytes(), framework::iso20000()).unwrap();
    let wb = preview.envelope.workbook;
    assert_eq!(preview.envelope.schema_version, CURRENT_SCHEMA_VERSION);
    assert!(wb.evidence.items.is_empty());
    assert!(wb.documents.0.is_empty());
    let a = wb.assessment(&"4.1".into());
    assert_eq!(a.capability.current(), None);
    assert_eq!(a.finding, clausebook::assessment::Finding::None);
}

#[test]
fn evidence_and_capability_rules_hold_on_import() {
    let mut v = exported();
    v["workbook"]["evidence"] = json!({"items": [
        {"id": 1, "title": "Context analysis", "requirements": ["4.1", "4.2"]},
        {"id": 1, "title": "Duplicate", "requirements": []}
    ]});
    assert!(matches!(
        import(&v.to_string()),
        Err(ImportError::Schema(SchemaError::Invalid(
            ValidationError::DuplicateId(_)
        )))
    ));
    let mut v = exported();
    v["workbook"]["evidence"] = json!({"items": [
        {"id": 1, "title": "Context analysis", "requirements": ["4.1", "12.3"]}
    ]});
    assert!(matches!(
        import(&v.to_string()),
        Err(ImportError::Schema(SchemaError::Invalid(
            ValidationError::DanglingLink { .. }
        )))
    ));
    let mut v = exported();
    v["workbook"]["documents"] = json!({"scope": {"status": "approved", "evidence": [7]}});
    assert!(matches!(
        import(&v.to_string()),
        Err(ImportError::Schema(SchemaError::Invalid(
            ValidationError::DanglingLink { .. }
        )))
    ));
    let mut v = exported();
    v["workbook"]["documents"] = json!({"no-such-document": {"status": "draft"}});
    assert!(matches!(
        import(&v.to_string()),
        Err(ImportError::Schema(SchemaError::Invalid(
            ValidationError::DanglingLink { .. }
        )))
    ));
    let mut v = exported();
    v["workbook"]["assessments"]["4.1"]["capability"] = json!({"current": 4, "target": 2});
    assert!(matches!(
        import(&v.to_string()),
        Err(ImportError::Schema(SchemaError::Invalid(
            ValidationError::Capability { .. }
        )))
    ));
    let mut v = exported();
    v["workbook"]["assessments"]["4.1"]["capability"] = json!({"current": 6});
    assert!(matches!(
        import(&v.to_string()),
        Err(ImportError::Schema(SchemaError::Malformed(_)))
    ));
    let mut v = exported();
    v["workbook"]["assessments"]["4.1"]["finding"] = json!("catastrophe");
    assert!(matches!(
        import(&v.to_string()),
        Err(ImportError::Schema(SchemaError::Malformed(_)))
    ));
}
