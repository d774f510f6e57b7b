//! The spec's time arithmetic (ECMA-262 §21.4.1): Day, TimeWithinDay, YearFromTime,
//! MonthFromTime, DateFromTime, WeekDay, the hour/minute/second/ms projections, MakeTime,
//! MakeDay, MakeDate, TimeClip, and the string formats of `Date.prototype.toString` and
//! friends. Everything works on `f64` time values, as the spec's Number arithmetic does.

/// Milliseconds per day.
pub const MS_PER_DAY: f64 = 86_400_000.0;
/// Milliseconds per hour.
pub const MS_PER_HOUR: f64 = 3_600_000.0;
/// Milliseconds per minute.
pub const MS_PER_MINUTE: f64 = 60_000.0;
/// Milliseconds per second.
pub const MS_PER_SECOND: f64 = 1000.0;
/// The largest time value magnitude (8.64e15 ms, 100 million days).
pub const MAX_TIME: f64 = 8.64e15;

/// ToIntegerOrInfinity of a Number (NaN → 0, -0 → 0).
pub fn to_integer(x: f64) -> f64 {
    if x.is_nan() {
        0.0
    } else {
        x.trunc() + 0.0
    }
}

/// Day(t) = floor(t / msPerDay).
pub fn day(t: f64) -> f64 {
    (t / MS_PER_DAY).floor()
}

/// TimeWithinDay(t) = t modulo msPerDay (in [0, msPerDay)).
pub fn time_within_day(t: f64) -> f64 {
    t.rem_euclid(MS_PER_DAY) + 0.0
}

/// DayFromYear(y) for an integral year: the day number of January 1st of `y`.
pub fn day_from_year(y: f64) -> f64 {
    365.0 * (y - 1970.0) + ((y - 1969.0) / 4.0).floor() - ((y - 1901.0) / 100.0).floor() + ((y - 1601.0) / 400.0).floor()
}

/// DaysInYear(y).
pub fn days_in_year(y: f64) -> f64 {
    if in_leap_year(y) {
        366.0
    } else {
        365.0
    }
}

fn in_leap_year(y: f64) -> bool {
    y % 4.0 == 0.0 && (y % 100.0 != 0.0 || y % 400.0 == 0.0)
}

/// YearFromTime(t) for finite `t`.
pub fn year_from_time(t: f64) -> f64 {
    let d = day(t);
    let mut y = (d / 365.2425).floor() + 1970.0;
    while day_from_year(y) > d {
        y -= 1.0;
    }
    while day_from_year(y + 1.0) <= d {
        y += 1.0;
    }
    y
}

/// Cumulative days before each month in a common year.
const MONTH_START: [f64; 13] = [0.0, 31.0, 59.0, 90.0, 120.0, 151.0, 181.0, 212.0, 243.0, 273.0, 304.0, 334.0, 365.0];

/// The first day (within the year, 0-based) of month `m` (0..=12) of a year.
fn month_start(m: usize, leap: bool) -> f64 {
    MONTH_START[m] + if leap && m >= 2 { 1.0 } else { 0.0 }
}

/// (year, month 0..=11, date 1..=31) of finite `t`.
pub fn year_month_date(t: f64) -> (f64, f64, f64) {
    let y = year_from_time(t);
    let in_year = day(t) - day_from_year(y);
    let leap = in_leap_year(y);
    let mut m = 0;
    while m < 11 && in_year >= month_start(m + 1, leap) {
        m += 1;
    }
    (y, m as f64, in_year - month_start(m, leap) + 1.0)
}

/// WeekDay(t) (0 = Sunday). The projections below never return -0.
pub fn week_day(t: f64) -> f64 {
    (day(t) + 4.0).rem_euclid(7.0) + 0.0
}

/// HourFromTime(t).
pub fn hour_from_time(t: f64) -> f64 {
    (t / MS_PER_HOUR).floor().rem_euclid(24.0) + 0.0
}

/// MinFromTime(t).
pub fn min_from_time(t: f64) -> f64 {
    (t / MS_PER_MINUTE).floor().rem_euclid(60.0) + 0.0
}

/// SecFromTime(t).
pub fn sec_from_time(t: f64) -> f64 {
    (t / MS_PER_SECOND).floor().rem_euclid(60.0) + 0.0
}

/// msFromTime(t).
pub fn ms_from_time(t: f64) -> f64 {
    t.rem_euclid(MS_PER_SECOND) + 0.0
}

/// MakeTime(hour, min, sec, ms), with Number arithmetic.
pub fn make_time(hour: f64, min: f64, sec: f64, ms: f64) -> f64 {
    if !(hour.is_finite() && min.is_finite() && sec.is_finite() && ms.is_finite()) {
        return f64::NAN;
    }
    to_integer(hour) * MS_PER_HOUR + to_integer(min) * MS_PER_MINUTE + to_integer(sec) * MS_PER_SECOND + to_integer(ms)
}

/// Years beyond which no day of the month can be represented exactly (the result would be
/// far outside the time value range anyway).
const MAX_YEAR_MAGNITUDE: f64 = 1e13;

/// MakeDay(year, month, date).
pub fn make_day(year: f64, month: f64, date: f64) -> f64 {
    if !(year.is_finite() && month.is_finite() && date.is_finite()) {
        return f64::NAN;
    }
    let y = to_integer(year);
    let m = to_integer(month);
    let dt = to_integer(date);
    let ym = y + (m / 12.0).floor();
    if !ym.is_finite() || ym.abs() > MAX_YEAR_MAGNITUDE {
        return f64::NAN;
    }
    let mn = m.rem_euclid(12.0) as usize;
    let first = day_from_year(ym) + month_start(mn, in_leap_year(ym));
    first + dt - 1.0
}

/// MakeDate(day, time).
pub fn make_date(day: f64, time: f64) -> f64 {
    if !(day.is_finite() && time.is_finite()) {
        return f64::NAN;
    }
    let tv = day * MS_PER_DAY + time;
    if !tv.is_finite() {
        return f64::NAN;
    }
    tv
}

/// MakeFullYear(year) (Annex B / the constructor): two-digit years are in the 1900s.
pub fn make_full_year(year: f64) -> f64 {
    if year.is_nan() {
        return f64::NAN;
    }
    let t = to_integer(year);
    if (0.0..=99.0).contains(&t) {
        1900.0 + t
    } else {
        year
    }
}

/// TimeClip(time).
pub fn time_clip(time: f64) -> f64 {
    if !time.is_finite() || time.abs() > MAX_TIME {
        return f64::NAN;
    }
    to_integer(time)
}

const DAY_NAMES: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTH_NAMES: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// The three-letter English day names, Sunday first.
pub fn day_names() -> &'static [&'static str; 7] {
    &DAY_NAMES
}

/// The three-letter English month names, January first.
pub fn month_names() -> &'static [&'static str; 12] {
    &MONTH_NAMES
}

/// A year as `toString` writes it: a `-` sign when negative, at least 4 digits.
fn year_string(y: f64) -> String {
    let sign = if y < 0.0 { "-" } else { "" };
    format!("{sign}{:04}", y.abs() as i64)
}

/// DateString(tv) for finite local `tv`: `"Tue Feb 01 2022"`.
pub fn date_string(tv: f64) -> String {
    let (y, m, d) = year_month_date(tv);
    format!("{} {} {:02} {}", DAY_NAMES[week_day(tv) as usize], MONTH_NAMES[m as usize], d as i64, year_string(y))
}

/// TimeString(tv) for finite local `tv`: `"10:00:00 GMT"`.
pub fn time_string(tv: f64) -> String {
    format!("{:02}:{:02}:{:02} GMT", hour_from_time(tv) as i64, min_from_time(tv) as i64, sec_from_time(tv) as i64)
}

/// TimeZoneString's offset part for an offset in ms: `"+0100"` (seconds dropped).
pub fn offset_string(offset: f64) -> String {
    let sign = if offset >= 0.0 { '+' } else { '-' };
    let a = offset.abs();
    format!("{sign}{:02}{:02}", hour_from_time(a) as i64, min_from_time(a) as i64)
}

/// `toUTCString` for finite `tv`: `"Tue, 01 Feb 2022 00:00:00 GMT"`.
pub fn utc_string(tv: f64) -> String {
    let (y, m, d) = year_month_date(tv);
    format!("{}, {:02} {} {} {}", DAY_NAMES[week_day(tv) as usize], d as i64, MONTH_NAMES[m as usize], year_string(y), time_string(tv))
}

/// `toISOString` for finite `tv`: `"2022-02-01T00:00:00.000Z"`, or `±YYYYYY` outside 0..=9999.
pub fn iso_string(tv: f64) -> String {
    let (y, m, d) = year_month_date(tv);
    let year = if (0.0..=9999.0).contains(&y) {
        format!("{:04}", y as i64)
    } else {
        format!("{}{:06}", if y < 0.0 { '-' } else { '+' }, y.abs() as i64)
    };
    format!(
        "{year}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        m as i64 + 1,
        d as i64,
        hour_from_time(tv) as i64,
        min_from_time(tv) as i64,
        sec_from_time(tv) as i64,
        ms_from_time(tv) as i64
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projections() {
        assert_eq!(year_month_date(0.0), (1970.0, 0.0, 1.0));
        assert_eq!(year_month_date(-1.0), (1969.0, 11.0, 31.0));
        assert_eq!(year_month_date(951_782_400_000.0), (2000.0, 1.0, 29.0));
        assert_eq!(year_month_date(MAX_TIME), (275_760.0, 8.0, 13.0));
        assert_eq!(year_month_date(-MAX_TIME), (-271_821.0, 3.0, 20.0));
        assert_eq!(week_day(0.0), 4.0);
        assert_eq!(week_day(-1.0), 3.0);
        assert_eq!(hour_from_time(-1.0), 23.0);
        assert_eq!(ms_from_time(-1.0), 999.0);
    }

    #[test]
    fn make_functions() {
        assert_eq!(make_day(2000.0, 1.0, 29.0), 11_016.0);
        assert_eq!(make_day(1970.0, -1.0, 1.0), -31.0);
        assert_eq!(make_day(1970.0, 24.0, 1.0), 730.0);
        assert!(make_day(f64::INFINITY, 0.0, 1.0).is_nan());
        assert!(make_day(1e300, 0.0, 1.0).is_nan());
        assert_eq!(make_time(1.0, 1.0, 1.0, 1.5), 3_661_001.0);
        assert!(make_time(f64::NAN, 0.0, 0.0, 0.0).is_nan());
        assert_eq!(time_clip(-0.0).to_bits(), 0.0f64.to_bits());
        assert!(time_clip(MAX_TIME + 1.0).is_nan());
        assert_eq!(make_full_year(99.5), 1999.0);
        assert_eq!(make_full_year(100.0), 100.0);
    }

    #[test]
    fn formats() {
        assert_eq!(date_string(0.0), "Thu Jan 01 1970");
        assert_eq!(time_string(0.0), "00:00:00 GMT");
        assert_eq!(utc_string(0.0), "Thu, 01 Jan 1970 00:00:00 GMT");
        assert_eq!(iso_string(0.0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso_string(MAX_TIME), "+275760-09-13T00:00:00.000Z");
        assert_eq!(iso_string(-MAX_TIME), "-271821-04-20T00:00:00.000Z");
        assert_eq!(offset_string(-5.0 * MS_PER_HOUR - 30.0 * MS_PER_MINUTE), "-0530");
        assert_eq!(offset_string(0.0), "+0000");
        let y_minus_1 = make_date(make_day(-1.0, 0.0, 1.0), 0.0);
        assert_eq!(date_string(y_minus_1), "Fri Jan 01 -0001");
    }
}
