//! `Date` (ECMA-262 §21.4): the constructor with its overloads, `Date.now`, `Date.parse`,
//! `Date.UTC`, and `Date.prototype` (an ordinary object) with the local and UTC getters and
//! setters, the string conversions, `toJSON`, `valueOf` and `@@toPrimitive`; plus Annex B's
//! `getYear`, `setYear` and `toGMTString`.
//!
//! A Date object holds its time value in [`BuiltinData::Date`]. Local time comes from the
//! host zone ([`tz::Zone`]), loaded on first use and cached in the runtime. The spec's time
//! arithmetic is in [`time`], the string grammar of `Date.parse` in [`parse`].

pub mod parse;
pub mod time;
pub mod tz;

use super::{make_constructor, BuiltinData};
use crate::heap::Gc;
use crate::runtime::convert::Hint;
use crate::runtime::names::WellKnown;
use crate::runtime::object::{JsObject, NativeFn, ObjectKind};
use crate::runtime::shape::CONFIGURABLE;
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime};
use crate::value::Value;
use time::*;

/// Installs `Date` and `Date.prototype`.
pub(crate) fn install(rt: &mut Runtime) {
    let c = make_constructor(rt, "Date", 7, date_constructor, Intrinsic::DatePrototype, Intrinsic::Date);
    rt.define_method(c, "now", 0, date_now);
    rt.define_method(c, "parse", 1, date_parse);
    rt.define_method(c, "UTC", 7, date_utc);

    let p = rt.intrinsic(Intrinsic::DatePrototype);
    let methods: &[(&str, u32, NativeFn)] = &[
        ("toString", 0, to_string),
        ("toDateString", 0, to_date_string),
        ("toTimeString", 0, to_time_string),
        ("toISOString", 0, to_iso_string),
        ("toUTCString", 0, to_utc_string),
        ("toLocaleString", 0, to_locale_string),
        ("toLocaleDateString", 0, to_locale_date_string),
        ("toLocaleTimeString", 0, to_locale_time_string),
        ("toJSON", 1, to_json),
        ("valueOf", 0, value_of),
        ("getTime", 0, get_time),
        ("getTimezoneOffset", 0, get_timezone_offset),
        ("getDate", 0, get_date),
        ("getDay", 0, get_day),
        ("getFullYear", 0, get_full_year),
        ("getHours", 0, get_hours),
        ("getMilliseconds", 0, get_milliseconds),
        ("getMinutes", 0, get_minutes),
        ("getMonth", 0, get_month),
        ("getSeconds", 0, get_seconds),
        ("getUTCDate", 0, get_utc_date),
        ("getUTCDay", 0, get_utc_day),
        ("getUTCFullYear", 0, get_utc_full_year),
        ("getUTCHours", 0, get_utc_hours),
        ("getUTCMilliseconds", 0, get_utc_milliseconds),
        ("getUTCMinutes", 0, get_utc_minutes),
        ("getUTCMonth", 0, get_utc_month),
        ("getUTCSeconds", 0, get_utc_seconds),
        ("getYear", 0, get_year),
        ("setTime", 1, set_time),
        ("setDate", 1, set_date),
        ("setFullYear", 3, set_full_year),
        ("setHours", 4, set_hours),
        ("setMilliseconds", 1, set_milliseconds),
        ("setMinutes", 3, set_minutes),
        ("setMonth", 2, set_month),
        ("setSeconds", 2, set_seconds),
        ("setUTCDate", 1, set_utc_date),
        ("setUTCFullYear", 3, set_utc_full_year),
        ("setUTCHours", 4, set_utc_hours),
        ("setUTCMilliseconds", 1, set_utc_milliseconds),
        ("setUTCMinutes", 3, set_utc_minutes),
        ("setUTCMonth", 2, set_utc_month),
        ("setUTCSeconds", 2, set_utc_seconds),
        ("setYear", 1, set_year),
    ];
    for &(name, len, f) in methods {
        rt.define_method(p, name, len, f);
    }
    // Annex B: toGMTString is the same function object as toUTCString.
    let uk = rt.key("toUTCString");
    if let Some(f) = rt.get_own_property(p, uk) {
        let gk = rt.key("toGMTString");
        rt.define_data(p, gk, f.value, crate::runtime::shape::HIDDEN);
    }
    rt.define_symbol_method(p, WellKnown::ToPrimitive, "[Symbol.toPrimitive]", 1, to_primitive, CONFIGURABLE);
}

// ----- local time -----

impl Runtime {
    /// The host time zone (loaded on first use).
    fn local_zone(&mut self) -> &tz::Zone {
        self.local_zone.get_or_insert_with(|| Box::new(tz::Zone::load()))
    }
}

/// Beyond this magnitude a local time cannot map to a valid time value (offsets are under a
/// day), so no zone lookup is needed.
const LOCAL_LIMIT: f64 = MAX_TIME + 2.0 * MS_PER_DAY;

/// LocalTime(t) for a finite time value.
fn local_time(rt: &mut Runtime, t: f64) -> f64 {
    if !t.is_finite() || t.abs() > LOCAL_LIMIT {
        return t;
    }
    t + rt.local_zone().offset_at_utc(t)
}

/// UTC(t): the time value of local time `t` (NaN if not finite).
fn utc(rt: &mut Runtime, t: f64) -> f64 {
    if !t.is_finite() {
        return f64::NAN;
    }
    if t.abs() > LOCAL_LIMIT {
        return t;
    }
    t - rt.local_zone().offset_for_local(t)
}

/// The current time value.
fn now() -> f64 {
    match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_millis() as f64,
        Err(e) => -(e.duration().as_millis() as f64),
    }
}

/// The date value of `v`, if it is a Date object.
fn date_value(v: Value) -> Option<f64> {
    match v.as_object()?.builtin()? {
        BuiltinData::Date(t) => Some(*t),
        _ => None,
    }
}

/// thisTimeValue: the receiver as a Date object and its time value.
fn this_date(rt: &mut Runtime, this: Value) -> JsResult<(Gc<JsObject>, f64)> {
    if let (Some(o), Some(t)) = (this.as_object(), date_value(this)) {
        return Ok((o, t));
    }
    Err(rt.type_error("this is not a Date object."))
}

fn set_date_value(o: Gc<JsObject>, t: f64) {
    if let Some(BuiltinData::Date(d)) = o.get_mut().builtin_mut() {
        *d = t;
    }
}

/// The string `Date.parse` returns the time value of, clipped.
fn parse_time_value(rt: &mut Runtime, units: &[u16]) -> f64 {
    match parse::parse(units) {
        Some(parse::Parsed::Utc(t)) => time_clip(t),
        Some(parse::Parsed::Local(t)) => {
            let u = utc(rt, t);
            time_clip(u)
        }
        None => f64::NAN,
    }
}

// ----- constructor and statics -----

/// `Date(...values)` (§21.4.2.1).
fn date_constructor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    if !a.is_construct() {
        let s = to_date_string_of(rt, now());
        return Ok(rt.str(&s));
    }
    let tv = match a.args.len() {
        0 => now(),
        1 => {
            let v = a.arg(0);
            let tv = match date_value(v) {
                Some(t) => t,
                None => {
                    let p = rt.to_primitive(v, Hint::Default)?;
                    match p.as_string() {
                        Some(s) => {
                            let units = s.units().to_vec();
                            parse_time_value(rt, &units)
                        }
                        None => rt.to_number(p)?,
                    }
                }
            };
            time_clip(tv)
        }
        _ => {
            let mut n = [0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0];
            for (i, slot) in n.iter_mut().enumerate().take(a.args.len().min(7)) {
                *slot = rt.to_number(a.args[i])?;
            }
            let yr = make_full_year(n[0]);
            let final_date = make_date(make_day(yr, n[1], n[2]), make_time(n[3], n[4], n[5], n[6]));
            let u = utc(rt, final_date);
            time_clip(u)
        }
    };
    let proto = rt.get_prototype_from_constructor(a.new_target, Intrinsic::DatePrototype)?;
    Ok(Value::object(rt.new_object_with(Some(proto), ObjectKind::Builtin(Box::new(BuiltinData::Date(tv))))))
}

/// `Date.now()` (§21.4.3.1).
fn date_now(_rt: &mut Runtime, _a: &CallArgs) -> JsResult<Value> {
    Ok(Value::from_f64(now()))
}

/// `Date.parse(string)` (§21.4.3.2).
fn date_parse(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = rt.to_string(a.arg(0))?;
    let units = s.units().to_vec();
    Ok(Value::from_f64(parse_time_value(rt, &units)))
}

/// `Date.UTC(year, month, date, hours, minutes, seconds, ms)` (§21.4.3.4).
fn date_utc(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let mut n = [f64::NAN, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0];
    n[0] = rt.to_number(a.arg(0))?;
    for (i, slot) in n.iter_mut().enumerate().take(a.args.len().min(7)).skip(1) {
        *slot = rt.to_number(a.args[i])?;
    }
    let yr = make_full_year(n[0]);
    Ok(Value::from_f64(time_clip(make_date(make_day(yr, n[1], n[2]), make_time(n[3], n[4], n[5], n[6])))))
}

// ----- getters -----

macro_rules! getters {
    ($($name:ident: $local:expr, |$t:ident| $body:expr;)*) => {$(
        fn $name(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
            let (_, t) = this_date(rt, a.this)?;
            if t.is_nan() {
                return Ok(Value::from_f64(f64::NAN));
            }
            let $t = if $local { local_time(rt, t) } else { t };
            Ok(Value::from_f64($body))
        }
    )*};
}

getters! {
    get_date: true, |t| year_month_date(t).2;
    get_day: true, |t| week_day(t);
    get_full_year: true, |t| year_from_time(t);
    get_hours: true, |t| hour_from_time(t);
    get_milliseconds: true, |t| ms_from_time(t);
    get_minutes: true, |t| min_from_time(t);
    get_month: true, |t| year_month_date(t).1;
    get_seconds: true, |t| sec_from_time(t);
    get_year: true, |t| year_from_time(t) - 1900.0;
    get_utc_date: false, |t| year_month_date(t).2;
    get_utc_day: false, |t| week_day(t);
    get_utc_full_year: false, |t| year_from_time(t);
    get_utc_hours: false, |t| hour_from_time(t);
    get_utc_milliseconds: false, |t| ms_from_time(t);
    get_utc_minutes: false, |t| min_from_time(t);
    get_utc_month: false, |t| year_month_date(t).1;
    get_utc_seconds: false, |t| sec_from_time(t);
}

/// `Date.prototype.getTime()` (§21.4.4.10).
fn get_time(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::from_f64(this_date(rt, a.this)?.1))
}

/// `Date.prototype.valueOf()` (§21.4.4.44).
fn value_of(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::from_f64(this_date(rt, a.this)?.1))
}

/// `Date.prototype.getTimezoneOffset()` (§21.4.4.11).
fn get_timezone_offset(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (_, t) = this_date(rt, a.this)?;
    if t.is_nan() {
        return Ok(Value::from_f64(f64::NAN));
    }
    let l = local_time(rt, t);
    Ok(Value::from_f64((t - l) / MS_PER_MINUTE))
}

// ----- setters -----

/// The components a setter may replace, in the order of the argument lists.
#[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Year = 0,
    Month,
    Date,
    Hour,
    Minute,
    Second,
    Ms,
}

/// The setters: `set[UTC]{FullYear,Month,Date,Hours,Minutes,Seconds,Milliseconds}`. The
/// receiver's time value is read first, then every present argument (at most `max_args`;
/// the first one always) is converted with ToNumber, then the date is recomputed.
fn set_fields(rt: &mut Runtime, a: &CallArgs, first: Field, max_args: usize, local: bool) -> JsResult<Value> {
    let (o, t0) = this_date(rt, a.this)?;
    let n = a.args.len().clamp(1, max_args);
    let mut given = [0.0; 4];
    for (i, g) in given.iter_mut().enumerate().take(n) {
        *g = rt.to_number(a.arg(i))?;
    }
    let t = if t0.is_nan() {
        if first != Field::Year {
            return Ok(Value::from_f64(f64::NAN));
        }
        0.0
    } else if local {
        local_time(rt, t0)
    } else {
        t0
    };
    let (y, m, d) = year_month_date(t);
    let mut f = [y, m, d, hour_from_time(t), min_from_time(t), sec_from_time(t), ms_from_time(t)];
    f[first as usize..first as usize + n].copy_from_slice(&given[..n]);
    let new_date = if first <= Field::Date {
        make_date(make_day(f[0], f[1], f[2]), time_within_day(t))
    } else {
        make_date(day(t), make_time(f[3], f[4], f[5], f[6]))
    };
    let u = time_clip(if local { utc(rt, new_date) } else { new_date });
    set_date_value(o, u);
    Ok(Value::from_f64(u))
}

macro_rules! setters {
    ($($name:ident: $field:ident, $max:expr, $local:expr;)*) => {$(
        fn $name(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
            set_fields(rt, a, Field::$field, $max, $local)
        }
    )*};
}

setters! {
    set_full_year: Year, 3, true;
    set_month: Month, 2, true;
    set_date: Date, 1, true;
    set_hours: Hour, 4, true;
    set_minutes: Minute, 3, true;
    set_seconds: Second, 2, true;
    set_milliseconds: Ms, 1, true;
    set_utc_full_year: Year, 3, false;
    set_utc_month: Month, 2, false;
    set_utc_date: Date, 1, false;
    set_utc_hours: Hour, 4, false;
    set_utc_minutes: Minute, 3, false;
    set_utc_seconds: Second, 2, false;
    set_utc_milliseconds: Ms, 1, false;
}

/// `Date.prototype.setTime(time)` (§21.4.4.27).
fn set_time(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (o, _) = this_date(rt, a.this)?;
    let t = rt.to_number(a.arg(0))?;
    let v = time_clip(t);
    set_date_value(o, v);
    Ok(Value::from_f64(v))
}

/// `Date.prototype.setYear(year)` (Annex B.2.3.2).
fn set_year(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (o, t0) = this_date(rt, a.this)?;
    let y = rt.to_number(a.arg(0))?;
    let t = if t0.is_nan() { 0.0 } else { local_time(rt, t0) };
    let yyyy = make_full_year(y);
    let (_, m, d) = year_month_date(t);
    let date = make_date(make_day(yyyy, m, d), time_within_day(t));
    let u = utc(rt, date);
    let v = time_clip(u);
    set_date_value(o, v);
    Ok(Value::from_f64(v))
}

// ----- string conversions -----

/// The zone part of `toString`: `"+0100 (CET)"`.
fn time_zone_string(rt: &mut Runtime, tv: f64) -> String {
    let z = rt.local_zone();
    let offset = z.offset_at_utc(tv);
    let abbr = z.abbreviation_at_utc(tv);
    let name = if abbr == "UTC" { "Coordinated Universal Time".to_string() } else { abbr };
    format!("{} ({name})", offset_string(offset))
}

/// ToDateString(tv) (§21.4.4.41.4).
fn to_date_string_of(rt: &mut Runtime, tv: f64) -> String {
    if tv.is_nan() {
        return "Invalid Date".into();
    }
    let t = local_time(rt, tv);
    format!("{} {}{}", date_string(t), time_string(t), time_zone_string(rt, tv))
}

/// `Date.prototype.toString()` (§21.4.4.41).
fn to_string(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (_, tv) = this_date(rt, a.this)?;
    let s = to_date_string_of(rt, tv);
    Ok(rt.str(&s))
}

/// `Date.prototype.toDateString()` (§21.4.4.35).
fn to_date_string(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (_, tv) = this_date(rt, a.this)?;
    if tv.is_nan() {
        return Ok(rt.str("Invalid Date"));
    }
    let t = local_time(rt, tv);
    let s = date_string(t);
    Ok(rt.str(&s))
}

/// `Date.prototype.toTimeString()` (§21.4.4.42).
fn to_time_string(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (_, tv) = this_date(rt, a.this)?;
    if tv.is_nan() {
        return Ok(rt.str("Invalid Date"));
    }
    let t = local_time(rt, tv);
    let s = format!("{}{}", time_string(t), time_zone_string(rt, tv));
    Ok(rt.str(&s))
}

/// `Date.prototype.toISOString()` (§21.4.4.36).
fn to_iso_string(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (_, tv) = this_date(rt, a.this)?;
    if !tv.is_finite() {
        return Err(rt.range_error("Invalid time value"));
    }
    let s = iso_string(tv);
    Ok(rt.str(&s))
}

/// `Date.prototype.toUTCString()` (§21.4.4.43), also `toGMTString`.
fn to_utc_string(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (_, tv) = this_date(rt, a.this)?;
    if tv.is_nan() {
        return Ok(rt.str("Invalid Date"));
    }
    let s = utc_string(tv);
    Ok(rt.str(&s))
}

/// `Date.prototype.toLocaleString()` (§21.4.4.39): without ECMA-402, the `toString` format.
fn to_locale_string(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    to_string(rt, a)
}

/// `Date.prototype.toLocaleDateString()` (§21.4.4.38): the `toDateString` format.
fn to_locale_date_string(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    to_date_string(rt, a)
}

/// `Date.prototype.toLocaleTimeString()` (§21.4.4.40): the `toTimeString` format.
fn to_locale_time_string(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    to_time_string(rt, a)
}

/// `Date.prototype.toJSON(key)` (§21.4.4.37).
fn to_json(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = Value::object(rt.to_object(a.this)?);
    rt.keep(o);
    let tv = rt.to_primitive(o, Hint::Number)?;
    if tv.as_number().is_some_and(|n| !n.is_finite()) {
        return Ok(Value::NULL);
    }
    let k = rt.key("toISOString");
    rt.invoke(o, k, &[])
}

/// `Date.prototype[@@toPrimitive](hint)` (§21.4.4.45).
fn to_primitive(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let Some(o) = a.this.as_object() else {
        return Err(rt.type_error("Date.prototype[Symbol.toPrimitive] called on non-object"));
    };
    let hint = a.arg(0).as_string().map(|s| s.to_rust_string());
    let h = match hint.as_deref() {
        Some("string" | "default") => Hint::String,
        Some("number") => Hint::Number,
        _ => return Err(rt.type_error("Invalid hint")),
    };
    rt.ordinary_to_primitive(o, h)
}

#[cfg(test)]
mod tests {
    use crate::{Runtime, RuntimeOptions};

    /// Runs `src` with local time in New York's current rules; returns its string result.
    fn run_in_new_york(src: &str) -> String {
        let mut rt =
            Runtime::with_options(RuntimeOptions { host_apis: crate::HostApis::all(), jit: crate::jit::Tier::Off, ..Default::default() });
        rt.local_zone = Some(Box::new(super::tz::Zone::from_posix("EST5EDT,M3.2.0,M11.1.0").expect("valid rule")));
        let v = rt.eval(src, "t.js").unwrap_or_else(|_| panic!("{src} threw"));
        v.as_string().map(|s| s.to_rust_string()).unwrap_or_else(|| format!("{v:?}"))
    }

    #[test]
    fn local_time_follows_the_zone() {
        // Expected values are node's with TZ=America/New_York (zone names aside).
        let cases = [
            ("new Date(2021, 2, 14, 2, 30).toString()", "Sun Mar 14 2021 03:30:00 GMT-0400 (EDT)"),
            ("String(new Date(2021, 10, 7, 1, 30).getTime())", "1636263000000"),
            ("String(new Date(2022, 6, 1).getTimezoneOffset())", "240"),
            ("String(new Date(2022, 0, 1).getTimezoneOffset())", "300"),
            ("String(Date.parse('2022-07-01T12:00:00'))", "1656691200000"),
            ("String(Date.parse('2022-07-01'))", "1656633600000"),
            ("var d = new Date(2021, 2, 13, 12); d.setDate(14); d.toISOString() + ' ' + d.getHours()", "2021-03-14T16:00:00.000Z 12"),
            ("var d = new Date(2021, 2, 14, 12); d.setHours(3); d.toTimeString()", "03:00:00 GMT-0400 (EDT)"),
            ("new Date(Date.UTC(2021, 10, 7, 5, 30)).getHours() + ',' + new Date(Date.UTC(2021, 10, 7, 6, 30)).getHours()", "1,1"),
            ("new Date(2022, 1, 1, 10).toDateString() + ' ' + new Date(2022, 1, 1, 10).getDay()", "Tue Feb 01 2022 2"),
            ("String(Date.parse('Feb 1 2022 10:00'))", "1643727600000"),
            ("String(Date.parse(new Date(2022, 6, 4, 9, 8, 7).toString()))", "1656940087000"),
            ("var e = new Date(NaN); e.setFullYear(2020); String(e.getTime())", "1577854800000"),
            ("String(new Date(2022, 6, 1).getYear())", "122"),
            ("new Date(275760, 8, 12, 20).getTime() + ',' + new Date(275760, 8, 13, 0).getTime()", "8640000000000000,NaN"),
        ];
        for (src, want) in cases {
            assert_eq!(run_in_new_york(src), want, "{src}");
        }
    }
}
