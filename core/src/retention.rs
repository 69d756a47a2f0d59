//! How long the browser the app runs in keeps this site's data, read from
//! plain inputs (its user-agent string and whether it runs as an installed
//! app), so that the rule is tested natively with real user agents.
//!
//! WebKit's tracking prevention caps script-writable storage (local storage,
//! the service worker's cache, IndexedDB) at seven days of browser use
//! without a visit, for sites not added to the Home Screen or the Dock. For
//! Clausebook that is every workbook, its snapshots and the offline copy at
//! once. Chromium and Firefox keep a site's data until the person clears it
//! or the disk runs short.

/// How long this browser keeps the site's data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Retention {
    /// Kept until the person clears it, or the browser needs the space:
    /// Chromium, Firefox, and any installed web app.
    #[default]
    UntilCleared,
    /// WebKit outside an installed app: deleted after seven days without a visit.
    SevenDays(WebKit),
}

/// Which WebKit: it decides how the app can be installed, which is the way out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WebKit {
    /// Safari on a Mac, and every browser on an iPhone or iPad (Chrome,
    /// Firefox and Edge there are WebKit underneath, with Safari's rule).
    Apple,
    /// WebKit on another system: WebKitGTK (Epiphany, GNOME Web) or WPE.
    Other,
}

/// The week of the reminder where nothing deletes the data on a schedule.
const WEEK_MS: i64 = 7 * DAY_MS;
/// Two days in a browser that deletes after seven: the person is reminded
/// on a visit at least five days before the deletion could happen, which
/// leaves room for a weekend and a few days away, while someone who works
/// in the workbook daily is asked at most every other day ("Remind me
/// tomorrow" postpones it further). A week would come too late: the visit
/// that shows it may be the last one before the data is gone.
const BEFORE_DELETION_MS: i64 = 2 * DAY_MS;
const DAY_MS: i64 = 24 * 60 * 60 * 1000;

impl Retention {
    /// The rule of the browser with this user-agent string, running as an
    /// installed app (display mode "standalone", or iOS's
    /// `navigator.standalone`) or in a tab.
    ///
    /// Every Chromium and Android browser names "Safari" in its user agent
    /// too, so "Safari" alone proves nothing: a WebKit browser is one that
    /// names AppleWebKit and no other engine, or any browser on an iPhone,
    /// iPad or iPod (Apple allows no other engine there; `CriOS`, `FxiOS`,
    /// `EdgiOS` are WebKit). iPadOS Safari presents itself as a Mac, which is
    /// the same rule.
    ///
    /// WebKitGTK (GNOME Web, and the MiniBrowser the WebKit end-to-end tests
    /// drive, whose UA is "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15
    /// (KHTML, like Gecko) Version/60.5 Safari/605.1.15") is classed with
    /// Safari: it is the same engine, GNOME Web turns the same tracking
    /// prevention (and so the same seven-day cap) on by default, and a UA
    /// cannot tell whether a given WebKitGTK browser has. A warning that
    /// proves unneeded costs a saved file; a missing one can cost every
    /// workbook.
    pub fn of(user_agent: &str, installed: bool) -> Self {
        if installed {
            // Home Screen and Dock apps are exempt from the cap; an
            // installed Chromium or Firefox app keeps its data anyway.
            return Self::UntilCleared;
        }
        let ua = user_agent.to_ascii_lowercase();
        let apple_mobile = ["iphone", "ipad", "ipod"].iter().any(|d| ua.contains(d));
        if apple_mobile {
            return Self::SevenDays(WebKit::Apple);
        }
        // Engines that carry "AppleWebKit" and "Safari" in their UA for
        // compatibility, and Android's old WebKit browser (not Safari's rule).
        let other_engine = [
            "chrome/",
            "chromium/",
            "edg/",
            "opr/",
            "firefox/",
            "gecko/",
            "android",
        ]
        .iter()
        .any(|e| ua.contains(e));
        if other_engine || !ua.contains("applewebkit/") {
            return Self::UntilCleared;
        }
        if ua.contains("macintosh") || ua.contains("mac os x") {
            Self::SevenDays(WebKit::Apple)
        } else {
            Self::SevenDays(WebKit::Other)
        }
    }

    /// Whether this browser deletes the site's data after a week unvisited.
    pub fn deletes_when_unvisited(self) -> bool {
        matches!(self, Self::SevenDays(_))
    }

    /// How long changes may go without a file save before the reminder.
    pub fn reminder_after_ms(self) -> i64 {
        match self {
            Self::UntilCleared => WEEK_MS,
            Self::SevenDays(_) => BEFORE_DELETION_MS,
        }
    }

    /// The reminder's words: why a file matters in this browser.
    pub fn reminder_text(self) -> &'static str {
        match self {
            Self::UntilCleared => {
                "It has been more than a week since this workbook was last saved to a file, and it has changed since. The file is your copy if this browser's data is ever cleared."
            }
            Self::SevenDays(WebKit::Apple) => {
                "This workbook has changed since it was last saved to a file, two or more days ago. Safari deletes this site's data after 7 days without a visit: the file is the copy that survives."
            }
            Self::SevenDays(WebKit::Other) => {
                "This workbook has changed since it was last saved to a file, two or more days ago. This browser is built on WebKit, which can delete this site's data after 7 days without a visit: the file is the copy that survives."
            }
        }
    }
}
