//! Calendar dates and timestamps as validated types.
//!
//! The domain never asks the clock: callers pass the current time in, which
//! keeps every rule testable natively and deterministic.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use thiserror::Error;

/// A calendar date written as `YYYY-MM-DD`, the format of `<input type="date">`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate {
    year: u16,
    month: u8,
    day: u8,
}

/// A moment in time in RFC 3339 UTC form, e.g. `2026-11-25T17:18:04.000Z`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(String);

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DateError {
    #[error("“{0}” is not a date in the form YYYY-MM-DD.")]
    Format(String),
    #[error("“{0}” is not a real calendar date.")]
    OutOfRange(String),
    #[error("“{0}” is not a timestamp in the form YYYY-MM-DDThh:mm:ssZ.")]
    Timestamp(String),
}

impl IsoDate {
    pub fn new(year: u16, month: u8, day: u8) -> Result<Self, DateError> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            // Formatted only here: every date of a large workbook passes
            // through on loading, so a valid one must not pay for the text.
            return Err(DateError::OutOfRange(format!(
                "{year:04}-{month:02}-{day:02}"
            )));
        }
        Ok(Self { year, month, day })
    }

    pub fn year(self) -> u16 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Parses an optional date field: empty text means "no date".
    /// The date `days` whole days later (earlier if negative), kept within
    /// the years 1 to 9999 that a date can have.
    pub fn add_days(self, days: i64) -> Self {
        let days = days_from_civil(
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        ) + days;
        let (y, m, d) = civil_from_days(days);
        // Within years 1..9999 the parts always form a real date.
        match IsoDate::new(y.clamp(1, 9999) as u16, m as u8, d as u8) {
            Ok(date) => date,
            Err(_) => unreachable!("day arithmetic always yields a real date"),
        }
    }

    pub fn parse_optional(text: &str) -> Result<Option<Self>, DateError> {
        let text = text.trim();
        if text.is_empty() {
            Ok(None)
        } else {
            text.parse().map(Some)
        }
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

impl FromStr for IsoDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bytes = s.as_bytes();
        let well_formed = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !well_formed {
            return Err(DateError::Format(s.to_owned()));
        }
        let num = |range: std::ops::Range<usize>| s[range].parse::<u16>().unwrap_or(0);
        let (year, month, day) = (num(0..4), num(5..7), num(8..10));
        // month and day are two digits, so they always fit in u8.
        IsoDate::new(year, month as u8, day as u8)
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

// Written by hand, with no formatting machinery or copies: a large
// workbook has thousands of dates to write on every save.
impl Serialize for IsoDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.year > 9999 {
            return s.collect_str(self);
        }
        let mut out = [0u8; 10];
        let mut put = |at: usize, width: usize, mut n: u16| {
            for i in (at..at + width).rev() {
                out[i] = b'0' + (n % 10) as u8;
                n /= 10;
            }
        };
        put(0, 4, self.year);
        put(5, 2, u16::from(self.month));
        put(8, 2, u16::from(self.day));
        out[4] = b'-';
        out[7] = b'-';
        // Only ASCII digits and hyphens were written.
        s.serialize_str(std::str::from_utf8(&out).unwrap_or_default())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(Parsed(std::marker::PhantomData))
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(Parsed(std::marker::PhantomData))
    }
}

/// Reads a value through `FromStr` from the borrowed text. Unlike serde's
/// `try_from = "String"`, a value that does not parse is reported at the
/// value itself (so an import error can name the field, not just the
/// object around it), and no `String` is allocated per date.
pub(crate) struct Parsed<T>(pub(crate) std::marker::PhantomData<T>);

impl<T> serde::de::Visitor<'_> for Parsed<T>
where
    T: FromStr,
    T::Err: std::fmt::Display,
{
    type Value = T;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        v.parse().map_err(E::custom)
    }
}

impl Timestamp {
    /// The calendar date part of the timestamp (UTC).
    pub fn date(&self) -> IsoDate {
        // Validated on construction, so the prefix is always a date.
        self.0[..10].parse().unwrap_or(IsoDate {
            year: 1970,
            month: 1,
            day: 1,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Milliseconds since 1970-01-01T00:00:00Z, for working out how long ago
    /// something happened (backups, snapshots).
    pub fn epoch_ms(&self) -> i64 {
        let date = self.date();
        let days = days_from_civil(
            i64::from(date.year()),
            i64::from(date.month()),
            i64::from(date.day()),
        );
        // "hh:mm:ss(.fff)" between the 'T' and the 'Z'; validated on construction.
        let time = &self.0[11..self.0.len() - 1];
        let mut parts = time.split(':');
        let mut field = || {
            parts
                .next()
                .and_then(|p| p.parse::<f64>().ok())
                .unwrap_or(0.0)
        };
        let (h, m, s) = (field(), field(), field());
        days * 86_400_000 + ((h * 3600.0 + m * 60.0 + s) * 1000.0).round() as i64
    }

    /// The timestamp `ms` milliseconds since 1970 (the inverse of `epoch_ms`).
    pub fn from_epoch_ms(ms: i64) -> Self {
        let days = ms.div_euclid(86_400_000);
        let rest = ms.rem_euclid(86_400_000);
        let (y, m, d) = civil_from_days(days);
        Self(format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
            rest / 3_600_000,
            rest / 60_000 % 60,
            rest / 1000 % 60,
            rest % 1000
        ))
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

impl FromStr for Timestamp {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let ok = s.len() >= 20
            && s.len() <= 35
            && s.is_char_boundary(10)
            && s[..10].parse::<IsoDate>().is_ok()
            && s.as_bytes()[10] == b'T'
            && s.ends_with('Z')
            && s[11..s.len() - 1]
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b':' || b == b'.');
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(DateError::Timestamp(s.to_owned()))
        }
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_dates() {
        let d: IsoDate = "2024-02-29".parse().unwrap();
        assert_eq!(d.to_string(), "2024-02-29");
        assert_eq!(IsoDate::parse_optional("  ").unwrap(), None);
    }

    #[test]
    fn rejects_impossible_dates() {
        for text in ["2023-02-29", "2023-13-01"] {
            assert!(
                matches!(text.parse::<IsoDate>(), Err(DateError::OutOfRange(_))),
                "{text}"
            );
        }
        for text in ["2023-1-01", "２０２３-01-01"] {
            assert!(
                matches!(text.parse::<IsoDate>(), Err(DateError::Format(_))),
                "{text}"
            );
        }
    }

    #[test]
    fn timestamps_are_validated() {
        let t: Timestamp = "2026-11-25T17:18:04.000Z".parse().unwrap();
        assert_eq!(t.date().to_string(), "2026-11-25");
        assert!("2026-11-25 17:18".parse::<Timestamp>().is_err());
        assert!("2026-11-25T17:18:04+01:00".parse::<Timestamp>().is_err());
        assert!("2026-11-25T<script>Z".parse::<Timestamp>().is_err());
    }
}
