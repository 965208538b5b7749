//! Calendar dates (`YYYY-MM-DD` on the wire), a thin validated wrapper over [`time::Date`].

use crate::error::{Error, ErrorKind};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date. Serialized as `"YYYY-MM-DD"`.
///
/// ```
/// let d: kehoach::Date = "2020-05-18".parse().unwrap();
/// assert_eq!((d.year(), d.month(), d.day()), (2020, 5, 18));
/// assert_eq!(d.to_string(), "2020-05-18");
/// assert!(kehoach::Date::from_ymd(2020, 2, 31).is_err());
/// ```
#[cfg_attr(feature = "ts", derive(tsify::Tsify), tsify(type = "string"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date(time::Date);

impl Date {
    /// A date from year, month (1–12) and day; `invalid-date` if it does not exist.
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Result<Self, Error> {
        let m = time::Month::try_from(month).map_err(|_| {
            Error::new(
                ErrorKind::InvalidDate,
                format!("month {month} does not exist"),
            )
        })?;
        time::Date::from_calendar_date(year, m, day)
            .map(Date)
            .map_err(|_| {
                Error::new(
                    ErrorKind::InvalidDate,
                    format!("date {year:04}-{month:02}-{day:02} does not exist"),
                )
            })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        u8::from(self.0.month())
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.0.day()
    }

    /// The last day of `month` in `year` (`None` for an impossible month or year).
    pub fn last_of_month(year: i32, month: u8) -> Option<Self> {
        let m = time::Month::try_from(month).ok()?;
        let days = m.length(year);
        time::Date::from_calendar_date(year, m, days).ok().map(Date)
    }

    /// The underlying [`time::Date`].
    pub fn as_time(self) -> time::Date {
        self.0
    }

    /// Wraps a [`time::Date`].
    pub fn from_time(d: time::Date) -> Self {
        Date(d)
    }

    /// The next day, if representable.
    pub fn next_day(self) -> Option<Self> {
        self.0.next_day().map(Date)
    }

    /// The previous day, if representable.
    pub fn previous_day(self) -> Option<Self> {
        self.0.previous_day().map(Date)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

/// Writes `s` as `{s:?}` does (quoted, `char::escape_debug`'s escapes except for `'`, which
/// `str`'s `Debug` leaves as it is), without `str`'s `Debug` (wasm size, issue 22).
fn push_debug_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        if c == '\'' {
            out.push(c);
        } else {
            out.extend(c.escape_debug());
        }
    }
    out.push('"');
}

impl std::str::FromStr for Date {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        let bad = || {
            let mut message = String::from("invalid date ");
            push_debug_str(&mut message, s);
            message.push_str(": expected YYYY-MM-DD");
            Error::new(ErrorKind::InvalidDate, message)
        };
        let t = s.trim();
        let mut it = t.splitn(3, '-');
        let (y, m, d) = (
            it.next().ok_or_else(bad)?,
            it.next().ok_or_else(bad)?,
            it.next().ok_or_else(bad)?,
        );
        if y.len() != 4 || m.is_empty() || m.len() > 2 || d.is_empty() || d.len() > 2 {
            return Err(bad());
        }
        let y: i32 = y.parse().map_err(|_| bad())?;
        let m: u8 = m.parse().map_err(|_| bad())?;
        let d: u8 = d.parse().map_err(|_| bad())?;
        Date::from_ymd(y, m, d)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::push_debug_str;

    #[test]
    fn push_debug_str_is_str_debug() {
        let debug = |s: &str| {
            let mut out = String::new();
            push_debug_str(&mut out, s);
            out
        };
        // Every scalar value alone, after a letter and before one (`Debug` escapes depend on
        // the char only, but check the context too).
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for s in [format!("{c}"), format!("a{c}"), format!("{c}b")] {
                assert_eq!(debug(&s), format!("{s:?}"), "U+{:04X}", c as u32);
            }
        }
        for s in [
            "",
            "2026-13-01",
            "it's \"x\"\\\n",
            "ngày 31/6/2021\u{301}\u{200b}",
        ] {
            assert_eq!(debug(s), format!("{s:?}"));
        }
    }
}
