//! Which browsers delete the site's data after a week unvisited, read from
//! real user agents, and the file-save reminder that follows from it.

use clausebook_core::calendar::Timestamp;
use clausebook_core::library::{Backup, SavedTo, backup_reminder_due};
use clausebook_core::retention::{Retention, WebKit};

const SAFARI_MAC: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15";
const SAFARI_IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const SAFARI_IPAD_MOBILE: &str = "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1";
const CHROME_IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/123.0.6312.52 Mobile/15E148 Safari/604.1";
const FIREFOX_IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/124.0 Mobile/15E148 Safari/605.1.15";
const EDGE_IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 EdgiOS/123.2420.56 Mobile/15E148 Safari/605.1.15";
const CHROME_WINDOWS: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36";
const CHROME_MAC: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36";
const HEADLESS_CHROMIUM_LINUX: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36";
const CHROME_ANDROID: &str = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Mobile Safari/537.36";
const ANDROID_WEBVIEW: &str = "Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230805.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/123.0.6312.99 Mobile Safari/537.36";
const SAMSUNG_INTERNET: &str = "Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36";
const EDGE_WINDOWS: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36 Edg/123.0.2420.81";
const OPERA_MAC: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36 OPR/108.0.0.0";
const FIREFOX_LINUX: &str =
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
const FIREFOX_MAC: &str =
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.4; rv:124.0) Gecko/20100101 Firefox/124.0";
const FIREFOX_ANDROID: &str =
    "Mozilla/5.0 (Android 14; Mobile; rv:124.0) Gecko/124.0 Firefox/124.0";
/// The MiniBrowser of Debian's WebKitGTK 2.50, as the WebKit end-to-end tests see it
/// (read from `navigator.userAgent` there).
const WEBKITGTK_MINIBROWSER: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/60.5 Safari/605.1.15";

#[test]
fn safari_and_every_ios_browser_delete_after_seven_days_outside_an_installed_app() {
    for ua in [
        SAFARI_MAC,
        SAFARI_IPHONE,
        SAFARI_IPAD_MOBILE,
        CHROME_IPHONE,
        FIREFOX_IPHONE,
        EDGE_IPHONE,
    ] {
        assert_eq!(
            Retention::of(ua, false),
            Retention::SevenDays(WebKit::Apple),
            "{ua}"
        );
        assert!(Retention::of(ua, false).deletes_when_unvisited());
        assert_eq!(
            Retention::of(ua, true),
            Retention::UntilCleared,
            "added to the Home Screen or Dock: {ua}"
        );
    }
}

#[test]
fn chromium_firefox_and_android_browsers_keep_the_data_though_they_name_safari() {
    for ua in [
        CHROME_WINDOWS,
        CHROME_MAC,
        HEADLESS_CHROMIUM_LINUX,
        CHROME_ANDROID,
        ANDROID_WEBVIEW,
        SAMSUNG_INTERNET,
        EDGE_WINDOWS,
        OPERA_MAC,
        FIREFOX_LINUX,
        FIREFOX_MAC,
        FIREFOX_ANDROID,
        "",
        "curl/8.0",
    ] {
        assert_eq!(Retention::of(ua, false), Retention::UntilCleared, "{ua}");
        assert!(!Retention::of(ua, false).deletes_when_unvisited());
    }
}

#[test]
fn webkitgtk_is_classed_with_safari_as_the_same_engine() {
    assert_eq!(
        Retention::of(WEBKITGTK_MINIBROWSER, false),
        Retention::SevenDays(WebKit::Other)
    );
    assert_eq!(
        Retention::of(WEBKITGTK_MINIBROWSER, true),
        Retention::UntilCleared
    );
}

const DAY: i64 = 24 * 60 * 60 * 1000;

fn ts(s: &str) -> Timestamp {
    s.parse().expect("timestamp")
}

#[test]
fn the_file_save_reminder_comes_after_two_days_in_safari_and_a_week_elsewhere() {
    let safari = Retention::of(SAFARI_IPHONE, false);
    let chrome = Retention::of(CHROME_WINDOWS, false);
    let saved = ts("2026-11-20T09:00:00Z");
    let backup = Backup {
        exported_at: saved.clone(),
        revision: 4,
        saved_to: SavedTo::Download,
        encrypted: false,
    };
    let at = |days: i64, hours: i64| saved.epoch_ms() + days * DAY + hours * 60 * 60 * 1000;
    let due = |retention, now, revision| {
        backup_reminder_due(Some(&backup), revision, &saved, now, None, retention)
    };
    // Only elapsed time passes between these checks: no edit, no save.
    assert!(!due(safari, at(1, 23), 5), "under two days");
    assert!(due(safari, at(2, 0), 5), "two days in Safari");
    assert!(
        !due(chrome, at(2, 0), 5),
        "two days elsewhere is not a week"
    );
    assert!(!due(chrome, at(6, 23), 5));
    assert!(due(chrome, at(7, 0), 5), "a week elsewhere");
    assert!(
        !due(safari, at(6, 0), 4),
        "nothing changed since the file save"
    );
    // Never saved to a file: counted from the workbook's creation.
    assert!(backup_reminder_due(None, 1, &saved, at(2, 0), None, safari));
    assert!(!backup_reminder_due(
        None,
        1,
        &saved,
        at(2, 0),
        None,
        chrome
    ));
    // A snooze still holds in Safari.
    assert!(!backup_reminder_due(
        Some(&backup),
        5,
        &saved,
        at(3, 0),
        Some(at(3, 1)),
        safari
    ));
}

#[test]
fn the_reminder_says_why_in_the_browser_that_deletes() {
    assert!(
        Retention::of(SAFARI_MAC, false)
            .reminder_text()
            .contains("Safari deletes this site's data after 7 days without a visit")
    );
    assert!(
        Retention::of(WEBKITGTK_MINIBROWSER, false)
            .reminder_text()
            .contains("WebKit")
    );
    assert!(
        Retention::of(FIREFOX_LINUX, false)
            .reminder_text()
            .contains("more than a week")
    );
}
