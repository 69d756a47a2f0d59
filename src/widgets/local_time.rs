//! Times shown in the user's own time zone.

/// "25 Nov 2026, 14:05" in the user's time zone.
pub fn local_date_time(timestamp: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(timestamp));
    format!(
        "{} {} {}, {:02}:{:02}",
        date.get_date(),
        MONTHS.get(date.get_month() as usize).unwrap_or(&""),
        date.get_full_year(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// "14:05" in the user's time zone.
pub fn local_time(timestamp: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(timestamp));
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}
