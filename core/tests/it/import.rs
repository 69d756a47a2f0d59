//! Export, import, schema migration and reading what storage holds.

use clausebook_core::assessment::Status;
use clausebook_core::calendar::{IsoDate, Timestamp};
use clausebook_core::file::export::{self, ImportError};
use clausebook_core::file::schema::{self, CURRENT_SCHEMA_VERSION, LocalCopy, SchemaError};
use clausebook_core::framework;
use clausebook_core::limits::MAX_IMPORT_BYTES;
use clausebook_core::validation::ValidationError;
use clausebook_core::workbook::Workbook;
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
    export::read_import(text.as_bytes()).map(|p| p.envelope.workbook)
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
    let preview = export::read_import(text.as_bytes()).unwrap();
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
    match schema::read_local_copy(Some(text)) {
        LocalCopy::Ready(envelope) => assert_eq!(envelope.workbook, wb),
        other => panic!("expected a workbook, got {other:?}"),
    }
    assert_eq!(schema::read_local_copy(None), LocalCopy::Empty);
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

/// The workbook in `fixture`, imported as the app does, once it is known to
/// have come out at the current schema.
fn migrated(fixture: &str) -> Workbook {
    let text = std::fs::read_to_string(format!("tests/fixtures/{fixture}")).unwrap();
    let preview = export::read_import(text.as_bytes()).unwrap();
    assert_eq!(preview.envelope.schema_version, CURRENT_SCHEMA_VERSION);
    preview.envelope.workbook
}

#[test]
fn the_v1_fixture_migrates_to_the_current_schema() {
    let wb = migrated("workbook-v1.json");
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
    assert!(err.to_string().contains("(5.0 MB)"), "{err}");
    let big = vec![b' '; MAX_IMPORT_BYTES as usize + 1];
    assert!(matches!(
        export::read_import(&big),
        Err(ImportError::TooLarge { .. })
    ));
    assert!(export::check_size(MAX_IMPORT_BYTES).is_ok());
}

#[test]
fn empty_and_binary_files_are_refused() {
    assert_eq!(import("").unwrap_err(), ImportError::Empty);
    let err = export::read_import(&[0xff, 0xfe, 0x00, 0x7b]).unwrap_err();
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

/// Each wrong shape gets a message that names the field and where it is.
#[test]
fn wrong_shapes_and_values_are_refused() {
    type Mutation = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Mutation, SchemaError)> = vec![
        (
            "missing workbook",
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("workbook");
            }),
            SchemaError::MissingField {
                field: "workbook".into(),
                at: "the top level of the file".into(),
            },
        ),
        (
            "organisation missing",
            Box::new(|v| {
                v["workbook"]
                    .as_object_mut()
                    .unwrap()
                    .remove("organisation");
            }),
            SchemaError::MissingField {
                field: "organisation".into(),
                at: "“workbook”".into(),
            },
        ),
        (
            "evidence item without a title",
            Box::new(|v| v["workbook"]["evidence"] = json!({"items": [{"id": 1}]})),
            SchemaError::MissingField {
                field: "title".into(),
                at: "“workbook.evidence.items[0]”".into(),
            },
        ),
        (
            "number as notes",
            Box::new(|v| v["workbook"]["assessments"]["4.1"]["notes"] = json!(7)),
            SchemaError::WrongType {
                at: "“workbook.assessments.4.1.notes”".into(),
                detail: "integer `7`, expected a string".into(),
            },
        ),
        (
            "object as scope",
            Box::new(|v| {
                v["workbook"]["organisation"]["scope"] = json!({"nested": [[[[["deep"]]]]]})
            }),
            SchemaError::WrongType {
                at: "“workbook.organisation.scope”".into(),
                detail: "map, expected a string".into(),
            },
        ),
        (
            "string as service list",
            Box::new(|v| v["workbook"]["portfolio"]["services"] = json!("none")),
            SchemaError::WrongType {
                at: "“workbook.portfolio.services”".into(),
                detail: "string \"none\", expected a sequence".into(),
            },
        ),
        (
            "negative evidence id",
            Box::new(|v| v["workbook"]["evidence"] = json!({"items": [{"id": -3, "title": "x"}]})),
            SchemaError::Malformed(
                "invalid value: integer `-3`, expected u32 (at “workbook.evidence.items[0].id”)"
                    .into(),
            ),
        ),
    ];
    for (what, mutate, expected) in cases {
        let mut v = exported();
        mutate(&mut v);
        let err = import(&v.to_string()).unwrap_err();
        assert_eq!(err, ImportError::Schema(expected), "{what}: {err}");
    }
    // Values of the right type but not one Clausebook knows are refused too,
    // naming the field.
    for (what, pointer, value) in [
        (
            "bad date",
            "/workbook/assessments/4.1/target_date",
            json!("2027-02-30"),
        ),
        ("bad timestamp", "/workbook/created_at", json!("yesterday")),
    ] {
        let mut v = exported();
        *v.pointer_mut(pointer).unwrap() = value;
        match import(&v.to_string()).unwrap_err() {
            ImportError::Schema(SchemaError::Malformed(m)) => {
                let field = pointer.trim_start_matches('/').replace('/', ".");
                assert!(m.contains(&format!("“{field}”")), "{what}: {m}");
            }
            other => panic!("{what}: {other:?}"),
        }
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
    let too_deep = ImportError::Schema(SchemaError::TooDeep {
        limit: clausebook_core::limits::MAX_NESTING,
    });
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(import(&deep).unwrap_err(), too_deep);
    // Unclosed nesting is refused for its depth before the missing brackets.
    assert_eq!(import(&"{\"a\":".repeat(10_000)).unwrap_err(), too_deep);
    assert!(too_deep.to_string().contains("32 levels"), "{too_deep}");
    // Depth inside a real workbook: a note holding many brackets is just text,
    // while a field nested 40 levels deep is refused.
    let mut v = exported();
    v["workbook"]["assessments"]["4.1"]["notes"] = json!("[[[{{{".repeat(100));
    assert!(import(&v.to_string()).is_ok());
    let mut v = exported();
    let mut deep = json!("x");
    for _ in 0..40 {
        deep = json!([deep]);
    }
    v["workbook"]["organisation"]["scope"] = deep;
    assert_eq!(import(&v.to_string()).unwrap_err(), too_deep);
    // Just inside the limit, the nesting is fine and the type error is reported instead.
    let exactly = format!("{}{}", "[".repeat(32), "]".repeat(32));
    assert!(!schema::nests_deeper_than(&exactly, 32));
    assert!(schema::nests_deeper_than(&format!("[{exactly}]"), 32));
    // Escaped quotes inside strings do not end the string early.
    assert!(!schema::nests_deeper_than(
        &format!("\"\\\"{}\"", "[".repeat(40)),
        32
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
    match schema::read_local_copy(Some(raw.clone())) {
        LocalCopy::Unreadable { raw: kept, error } => {
            assert_eq!(kept, raw);
            assert!(matches!(error, SchemaError::NotJson { .. }));
        }
        other => panic!("{other:?}"),
    }
    let mut newer = exported();
    newer["schema_version"] = json!(99);
    match schema::read_local_copy(Some(newer.to_string())) {
        LocalCopy::Unreadable { error, .. } => {
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

/// One message for each way an import can be refused.
fn every_refusal_message() -> Vec<String> {
    vec![
        ImportError::TooLarge {
            size: 6_000_000,
            limit: 5_242_880,
        }
        .to_string(),
        ImportError::Empty.to_string(),
        ImportError::NotText.to_string(),
        import("{").unwrap_err().to_string(),
        // Not an object: `SchemaError::NotAWorkbook`.
        import("[]").unwrap_err().to_string(),
        import(&"[".repeat(40)).unwrap_err().to_string(),
        SchemaError::BadVersion.to_string(),
        SchemaError::NewerSchema {
            found: 9,
            supported: 4,
        }
        .to_string(),
        SchemaError::MissingField {
            field: "f".into(),
            at: "a".into(),
        }
        .to_string(),
        SchemaError::WrongType {
            at: "a".into(),
            detail: "d".into(),
        }
        .to_string(),
    ]
}

#[test]
fn every_error_message_tells_the_user_what_to_do() {
    assert!(every_refusal_message().contains(&SchemaError::NotAWorkbook.to_string()));
    for e in every_refusal_message() {
        assert!(e.ends_with('.'), "{e}");
        assert!(e.len() > 40, "too terse: {e}");
    }
}

#[test]
fn the_v2_fixture_migrates_with_empty_registers() {
    let wb = migrated("workbook-v2.json");
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
    let wb = migrated("workbook-v3.json");
    assert!(wb.evidence.items.is_empty());
    assert!(wb.documents.0.is_empty());
    let a = wb.assessment(&"4.1".into());
    assert_eq!(a.capability.current(), None);
    assert_eq!(a.finding, clausebook_core::assessment::Finding::None);
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
        Err(ImportError::Schema(SchemaError::NotAChoice { found, .. })) if found == "“catastrophe”"
    ));
}

/// A workbook with something in every register: services and improvement
/// items from the schema 3 fixtures, plus evidence and a checklist entry.
fn full() -> Value {
    let mut wb = migrated("workbook-v3-portfolio.json");
    wb.improvements = migrated("workbook-v3-improvements.json").improvements;
    let mut v: Value =
        serde_json::from_str(&export::export_json(&wb, at("2026-11-25T10:00:00Z"))).unwrap();
    v["workbook"]["assessments"]["4.1"] =
        json!({"status": "fully_implemented", "owner": "Sam", "notes": "n"});
    v["workbook"]["evidence"] = json!({"items": [
        {"id": 1, "title": "Policy", "reference": "DMS/1", "owner": "Sam", "version": "2", "requirements": ["4.1"]}
    ]});
    v["workbook"]["documents"] =
        json!({"service-requirements": {"status": "draft", "owner": "Jo", "evidence": [1]}});
    import(&v.to_string()).expect("the full workbook is valid");
    v
}

/// Every free-text field has a limit; a million characters in any of them is
/// refused with a message naming the field and both lengths.
#[test]
fn absurd_text_in_any_field_is_refused_naming_the_field() {
    let absurd = "x".repeat(1_000_000);
    for (pointer, field) in [
        ("/app_version", "app version"),
        ("/workbook/organisation/name", "organisation name"),
        ("/workbook/organisation/scope", "scope statement"),
        ("/workbook/framework/version", "framework version"),
        ("/workbook/assessments/4.1/owner", "owner of 4.1"),
        ("/workbook/assessments/4.1/notes", "notes of 4.1"),
        ("/workbook/evidence/items/0/title", "EV-0001"),
        (
            "/workbook/evidence/items/0/reference",
            "reference of EV-0001",
        ),
        ("/workbook/evidence/items/0/owner", "EV-0001"),
        ("/workbook/evidence/items/0/version", "EV-0001"),
        ("/workbook/documents/service-requirements/owner", "owner"),
        ("/workbook/improvements/items/0/title", "title of IMP-0001"),
        ("/workbook/improvements/items/0/owner", "owner of IMP-0001"),
        ("/workbook/improvements/items/0/plan/problem", "IMP-0001"),
        ("/workbook/improvements/items/0/plan/root_cause", "IMP-0001"),
        (
            "/workbook/improvements/items/0/plan/planned_actions",
            "IMP-0001",
        ),
        (
            "/workbook/improvements/items/0/plan/success_measure",
            "IMP-0001",
        ),
        (
            "/workbook/improvements/items/0/plan/success_target",
            "IMP-0001",
        ),
        (
            "/workbook/improvements/items/0/do/actions_taken",
            "IMP-0001",
        ),
        ("/workbook/improvements/items/0/check/result", "IMP-0001"),
        (
            "/workbook/improvements/items/0/check/verified_by",
            "IMP-0001",
        ),
        ("/workbook/improvements/items/0/act/lessons", "IMP-0001"),
        ("/workbook/improvements/items/0/history/0/note", "IMP-0001"),
        ("/workbook/portfolio/services/0/name", "name"),
        ("/workbook/portfolio/services/0/description", "description"),
        ("/workbook/portfolio/services/0/owner", "owner"),
        ("/workbook/portfolio/services/0/customers", "customers"),
        (
            "/workbook/portfolio/services/0/service_hours",
            "service hours",
        ),
        ("/workbook/portfolio/services/0/suppliers", "suppliers"),
        ("/workbook/portfolio/services/0/continuity", "continuity"),
        ("/workbook/portfolio/services/0/security", "security"),
        ("/workbook/portfolio/services/0/cost_notes", "cost notes"),
        (
            "/workbook/portfolio/services/0/history/0/who",
            "who moved it",
        ),
        ("/workbook/portfolio/services/0/history/0/why", "reason"),
    ] {
        let mut v = full();
        *v.pointer_mut(pointer)
            .unwrap_or_else(|| panic!("{pointer} not in the sample")) = json!(absurd);
        // Not `expect_err`: its message would print the million characters.
        let Err(err) = import(&v.to_string()) else {
            panic!("{pointer}: accepted");
        };
        let err = err.to_string();
        assert!(
            err.contains("1000000 characters long") && err.contains(field),
            "{pointer}: {err}"
        );
    }
}

#[test]
fn duplicate_ids_and_dangling_links_in_every_register_are_refused() {
    type Mutation = fn(&mut Value);
    let cases: [(&str, Mutation, &str); 6] = [
        (
            "two services with one id",
            |v| {
                let first = v["workbook"]["portfolio"]["services"][0].clone();
                v["workbook"]["portfolio"]["services"][1]["id"] = first["id"].clone();
            },
            "SVC-0001",
        ),
        (
            "two improvement items with one id",
            |v| v["workbook"]["improvements"]["items"][1]["id"] = json!(1),
            "IMP-0001",
        ),
        (
            "a service depending on a missing service",
            |v| v["workbook"]["portfolio"]["services"][1]["depends_on"] = json!([99]),
            "SVC-0099",
        ),
        (
            "an improvement item naming a missing service",
            |v| v["workbook"]["improvements"]["items"][0]["services"] = json!([42]),
            "SVC-0042",
        ),
        (
            "an improvement item following up a missing item",
            |v| v["workbook"]["improvements"]["items"][0]["follow_up_of"] = json!(77),
            "IMP-0077",
        ),
        (
            "a service giving evidence for an unknown requirement",
            |v| v["workbook"]["portfolio"]["services"][0]["requirements"] = json!(["12.9"]),
            "12.9",
        ),
    ];
    for (what, mutate, names) in cases {
        let mut v = full();
        mutate(&mut v);
        let Err(err) = import(&v.to_string()) else {
            panic!("{what}: accepted");
        };
        assert!(
            matches!(err, ImportError::Schema(SchemaError::Invalid(_))),
            "{what}: {err:?}"
        );
        assert!(err.to_string().contains(names), "{what}: {err}");
    }
}

/// Every variant has its own message, so people (and the e2e test) can tell them apart.
#[test]
fn every_refusal_reads_differently() {
    let messages = every_refusal_message();
    let starts: std::collections::BTreeSet<_> = messages
        .iter()
        .map(|m| m.chars().take(25).collect::<String>())
        .collect();
    assert_eq!(starts.len(), messages.len(), "{messages:#?}");
}

/// The path finder behind import errors: the value at a byte offset, or the
/// object that closed there (for a missing field). Keys may contain dots
/// and escaped quotes; brackets inside strings do not count.
#[test]
fn error_paths_name_the_value_at_an_offset() {
    let text =
        r#"{"workbook": {"items": [{"id": 1}, {"t\"x": "a]b", "n": 7}], "4.1": {"notes": 3}}}"#;
    // Where each needle ends, whether an object closes there, and the path.
    let cases = [
        ("\"n\": 7", false, "workbook.items[1].n"),
        ("\"a]b\"", false, "workbook.items[1].t\"x"),
        ("\"notes\": 3", false, "workbook.4.1.notes"),
        // Just after the second item's closing brace: that item is the object.
        ("\"n\": 7}", true, "workbook.items[1]"),
        ("{\"id\": 1}", true, "workbook.items[0]"),
        // The whole file closed: the top level.
        (text, true, ""),
    ];
    for (needle, closing, path) in cases {
        let offset = text.find(needle).unwrap() + needle.len();
        assert_eq!(
            clausebook_core::file::schema::json_path_at(text, offset, closing),
            path,
            "{needle}"
        );
    }
}

/// One byte over the limit: the message says both sizes in the unit the
/// limit is checked in, so they cannot read as equal.
#[test]
fn a_file_one_byte_too_large_says_both_sizes_in_bytes() {
    let message = export::check_size(MAX_IMPORT_BYTES + 1)
        .unwrap_err()
        .to_string();
    assert!(message.contains("5,242,881 bytes"), "{message}");
    assert!(message.contains("5,242,880 bytes"), "{message}");
    assert!(export::check_size(MAX_IMPORT_BYTES).is_ok());
}

/// A value that is not one of a field's choices, whatever its type, names
/// the field, what it holds, and the values it may take.
#[test]
fn a_value_that_is_not_a_choice_names_the_field_and_the_choices() {
    let statuses = "not_assessed, not_implemented, partially_implemented, largely_implemented, fully_implemented";
    for (bad, found) in [
        (json!(3), "3"),
        (json!(true), "true"),
        (json!(["x"]), "a list"),
        (json!({"a": 1}), "an object"),
        (json!("not_applicable"), "“not_applicable”"),
        (json!(null), "null"),
    ] {
        let mut v = exported();
        v["workbook"]["assessments"]["4.1"]["status"] = bad.clone();
        let err = import(&v.to_string()).unwrap_err();
        assert_eq!(
            err,
            ImportError::Schema(SchemaError::NotAChoice {
                at: "“workbook.assessments.4.1.status”".into(),
                found: found.into(),
                choices: statuses.into(),
            }),
            "{bad}"
        );
        let message = err.to_string();
        assert!(!message.contains("expected value"), "{message}");
    }
    let mut v = exported();
    v["workbook"]["assessments"]["4.1"]["finding"] = json!(2);
    match import(&v.to_string()).unwrap_err() {
        ImportError::Schema(SchemaError::NotAChoice { at, found, choices }) => {
            assert_eq!(at, "“workbook.assessments.4.1.finding”");
            assert_eq!(found, "2");
            assert!(choices.contains("major_nonconformity"), "{choices}");
        }
        other => panic!("{other:?}"),
    }
}

/// The nesting limit holds for a file of the current schema too, where
/// fields Clausebook does not know would otherwise be skipped unread.
#[test]
fn deep_unknown_fields_in_a_current_file_are_refused() {
    let mut deep = json!("x");
    for _ in 0..40 {
        deep = json!({ "more": deep });
    }
    let mut v = exported();
    v["workbook"]["from_another_program"] = deep.clone();
    assert_eq!(
        import(&v.to_string()).unwrap_err(),
        ImportError::Schema(SchemaError::TooDeep {
            limit: clausebook_core::limits::MAX_NESTING
        })
    );
    let mut v = exported();
    v["extra"] = deep;
    assert!(matches!(
        import(&v.to_string()),
        Err(ImportError::Schema(SchemaError::TooDeep { .. }))
    ));
}

/// The preview counts a file's requirements by the file's own framework,
/// whatever workbook is open.
#[test]
fn the_preview_counts_by_the_files_own_framework() {
    let fitsm = framework::by_key("fitsm-1-3.0").expect("FitSM-1 is compiled in");
    let wb = Workbook::create("Fit Ltd", "Desk", fitsm, at("2026-11-20T09:00:00.000Z")).unwrap();
    let text = export::export_json(&wb, at("2026-11-25T10:00:00.000Z"));
    let preview = export::read_import(text.as_bytes()).unwrap();
    assert_eq!(preview.summary.requirements, fitsm.leaves().count());
    assert_ne!(
        preview.summary.requirements,
        framework::iso20000().leaves().count()
    );
}
