//! `Date.parse`'s string grammar: the Date Time String Format (ECMA-262 §21.4.1.32, with
//! expanded years), then a fallback for the formats `toString` and `toUTCString` produce and
//! the common forms other engines accept (`"Feb 1 2022 10:00:00 GMT+0100"`, `"2022/02/01"`,
//! `"02/01/2022"`, `"1 Feb 2022 10:00 PM"`...).

use super::time::{make_date, make_day, make_time, MS_PER_HOUR, MS_PER_MINUTE};

/// A parsed date: a UTC time value, or a local time value the caller converts with UTC(t).
/// Neither is clipped yet.
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum Parsed {
    /// A time value (ms since the epoch, UTC).
    Utc(f64),
    /// A local time value.
    Local(f64),
}

/// Parses a date string (UTF-16 code units).
pub fn parse(units: &[u16]) -> Option<Parsed> {
    let mut s = Vec::with_capacity(units.len());
    for &u in units {
        s.push(u8::try_from(u).ok().filter(u8::is_ascii)?);
    }
    let trimmed = trim(&s);
    parse_iso(trimmed).or_else(|| parse_legacy(trimmed))
}

fn trim(s: &[u8]) -> &[u8] {
    let a = s.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(s.len());
    let b = s.iter().rposition(|c| !c.is_ascii_whitespace()).map_or(a, |i| i + 1);
    &s[a..b]
}

struct Scan<'a> {
    s: &'a [u8],
    i: usize,
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }
    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    /// Exactly `n` digits.
    fn digits(&mut self, n: usize) -> Option<f64> {
        let d = self.s.get(self.i..self.i + n)?;
        if !d.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.i += n;
        Some(d.iter().fold(0.0, |a, c| a * 10.0 + (c - b'0') as f64))
    }
    fn done(&self) -> bool {
        self.i >= self.s.len()
    }
}

/// The Date Time String Format: `YYYY[-MM[-DD]][THH:mm[:ss[.sss]][Z|±HH:mm]]`, with
/// `±YYYYYY` expanded years (`-000000` is invalid). Date-only forms are UTC; date-times
/// without an offset are local.
fn parse_iso(s: &[u8]) -> Option<Parsed> {
    let mut p = Scan { s, i: 0 };
    let year = match p.peek()? {
        b'+' => {
            p.i += 1;
            p.digits(6)?
        }
        b'-' => {
            p.i += 1;
            let y = p.digits(6)?;
            if y == 0.0 {
                return None;
            }
            -y
        }
        _ => p.digits(4)?,
    };
    let (mut month, mut date) = (1.0, 1.0);
    if p.eat(b'-') {
        month = p.digits(2)?;
        if !(1.0..=12.0).contains(&month) {
            return None;
        }
        if p.eat(b'-') {
            date = p.digits(2)?;
            if !(1.0..=31.0).contains(&date) {
                return None;
            }
        }
    }
    let day = make_day(year, month - 1.0, date);
    if p.done() {
        return Some(Parsed::Utc(make_date(day, 0.0)));
    }
    if !(p.eat(b'T') || p.eat(b't') || p.eat(b' ')) {
        return None;
    }
    let h = p.digits(2)?;
    if !p.eat(b':') {
        return None;
    }
    let m = p.digits(2)?;
    let (mut sec, mut ms) = (0.0, 0.0);
    if p.eat(b':') {
        sec = p.digits(2)?;
        if p.eat(b'.') {
            let start = p.i;
            while p.peek().is_some_and(|c| c.is_ascii_digit()) {
                p.i += 1;
            }
            let frac = &s[start..p.i];
            if frac.is_empty() {
                return None;
            }
            ms = frac.iter().take(3).enumerate().fold(0.0, |a, (i, c)| a + (c - b'0') as f64 * [100.0, 10.0, 1.0][i]);
        }
    }
    if h > 24.0 || m > 59.0 || sec > 59.0 || (h == 24.0 && (m != 0.0 || sec != 0.0 || ms != 0.0)) {
        return None;
    }
    let time = make_time(h, m, sec, ms);
    let local = make_date(day, time);
    if p.done() {
        return Some(Parsed::Local(local));
    }
    let offset = if p.eat(b'Z') || p.eat(b'z') {
        0.0
    } else {
        let sign = if p.eat(b'+') {
            1.0
        } else if p.eat(b'-') {
            -1.0
        } else {
            return None;
        };
        let oh = p.digits(2)?;
        p.eat(b':');
        let om = p.digits(2)?;
        if oh > 23.0 || om > 59.0 {
            return None;
        }
        sign * (oh * MS_PER_HOUR + om * MS_PER_MINUTE)
    };
    if !p.done() {
        return None;
    }
    Some(Parsed::Utc(local - offset))
}

#[derive(Copy, Clone, Debug, PartialEq)]
enum Tok<'a> {
    /// A run of digits and its length.
    Num(f64, usize),
    Word(&'a [u8]),
    Punct(u8),
}

fn tokenize(s: &[u8]) -> Option<Vec<Tok<'_>>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c.is_ascii_whitespace() || c == b',' {
            i += 1;
        } else if c == b'(' {
            // Comments (the zone name `toString` appends) nest.
            let mut depth = 0;
            while i < s.len() {
                match s[i] {
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                i += 1;
                if depth == 0 {
                    break;
                }
            }
        } else if c.is_ascii_digit() {
            let b = i;
            while i < s.len() && s[i].is_ascii_digit() {
                i += 1;
            }
            let n = s[b..i].iter().fold(0.0, |a, c| a * 10.0 + (c - b'0') as f64);
            out.push(Tok::Num(n, i - b));
        } else if c.is_ascii_alphabetic() {
            let b = i;
            while i < s.len() && s[i].is_ascii_alphabetic() {
                i += 1;
            }
            out.push(Tok::Word(&s[b..i]));
        } else if matches!(c, b':' | b'/' | b'-' | b'+' | b'.') {
            out.push(Tok::Punct(c));
            i += 1;
        } else {
            return None;
        }
    }
    Some(out)
}

/// Legacy forms: day and month names, `m/d/y`, `y/m/d`, `y-m-d`, times `h:m[:s[.ms]]` with
/// AM/PM, and zones `GMT`/`UTC`/`Z`, `±hhmm`, `±hh:mm` and the US zone abbreviations.
fn parse_legacy(s: &[u8]) -> Option<Parsed> {
    let toks = tokenize(s)?;
    let mut month: Option<f64> = None;
    // Numbers not part of a time or a numeric date, with their digit counts.
    let mut nums: Vec<(f64, usize)> = Vec::new();
    let mut time: Option<(f64, f64, f64, f64)> = None;
    let mut offset: Option<f64> = None;
    let mut pm: Option<bool> = None;
    let mut slash_date: Option<[(f64, usize); 3]> = None;
    let mut i = 0;
    let num = |i: usize| match toks.get(i) {
        Some(Tok::Num(n, l)) => Some((*n, *l)),
        _ => None,
    };
    while i < toks.len() {
        match toks[i] {
            Tok::Word(w) => {
                let lw: Vec<u8> = w.to_ascii_lowercase();
                i += 1;
                if lw == b"am" || lw == b"pm" {
                    if pm.is_some() || time.is_none() {
                        return None;
                    }
                    pm = Some(lw == b"pm");
                } else if matches!(&lw[..], b"gmt" | b"utc" | b"ut" | b"z") {
                    if offset.is_some() {
                        return None;
                    }
                    offset = Some(0.0);
                    // `GMT+0100`, `UTC-05:00`.
                    if let Some(Tok::Punct(c @ (b'+' | b'-'))) = toks.get(i) {
                        let (o, n) = zone_offset(*c, &toks[i + 1..])?;
                        offset = Some(o);
                        i += 1 + n;
                    }
                } else if let Some(o) = us_zone(&lw) {
                    if offset.is_some() {
                        return None;
                    }
                    offset = Some(o);
                } else if lw.len() >= 3 && month_index(&lw).is_some() {
                    if month.is_some() {
                        return None;
                    }
                    month = month_index(&lw);
                } else if lw.len() >= 3 && is_day_name(&lw) {
                    // Ignored, as other engines do.
                } else if lw == b"t" && time.is_none() {
                    // A date-time separator.
                } else {
                    return None;
                }
            }
            Tok::Num(n, l) => {
                if let Some(Tok::Punct(b':')) = toks.get(i + 1) {
                    // A time: h:m[:s[.ms]].
                    if time.is_some() {
                        return None;
                    }
                    let (m, _) = num(i + 2)?;
                    i += 3;
                    let mut sec = 0.0;
                    let mut ms = 0.0;
                    if let (Some(Tok::Punct(b':')), Some((sv, _))) = (toks.get(i), num(i + 1)) {
                        sec = sv;
                        i += 2;
                        if let (Some(Tok::Punct(b'.')), Some((mv, ml))) = (toks.get(i), num(i + 1)) {
                            ms = (mv / 10f64.powi(ml as i32 - 3)).floor();
                            i += 2;
                        }
                    }
                    if n > 24.0 || m > 59.0 || sec > 59.0 {
                        return None;
                    }
                    time = Some((n, m, sec, ms));
                } else if let Some(Tok::Punct(sep @ (b'/' | b'-'))) =
                    toks.get(i + 1).filter(|t| **t == Tok::Punct(b'/') || toks.get(i + 3) == Some(&Tok::Punct(b'-')))
                {
                    // A numeric date: a/b[/c] or a-b-c.
                    if slash_date.is_some() || month.is_some() {
                        return None;
                    }
                    let b = num(i + 2)?;
                    i += 3;
                    let c = if toks.get(i) == Some(&Tok::Punct(*sep)) {
                        let c = num(i + 1)?;
                        i += 2;
                        Some(c)
                    } else {
                        None
                    };
                    let [x, y, z] = match c {
                        Some(c) if l >= 3 => [(b.0, b.1), (c.0, c.1), (n, l)], // y/m/d → m, d, y
                        Some(c) => [(n, l), b, c],                             // m/d/y
                        None => return None,
                    };
                    slash_date = Some([x, y, z]);
                } else {
                    nums.push((n, l));
                    i += 1;
                }
            }
            Tok::Punct(c @ (b'+' | b'-')) => {
                // A zone offset after a time (`10:00 +0100`), or a negative year (`-0001`).
                if time.is_some() && offset.is_none() && matches!(toks.get(i + 1), Some(Tok::Num(..))) {
                    let (o, n) = zone_offset(c, &toks[i + 1..])?;
                    offset = Some(o);
                    i += 1 + n;
                } else if c == b'-' {
                    let (n, l) = num(i + 1)?;
                    nums.push((-n, l.max(3)));
                    i += 2;
                } else {
                    return None;
                }
            }
            Tok::Punct(_) => return None,
        }
    }
    let (mo, d, y) = if let Some([m, d, y]) = slash_date {
        if month.is_some() || !nums.is_empty() {
            return None;
        }
        (m.0 - 1.0, d.0, full_year(y))
    } else {
        let mo = month?;
        match nums[..] {
            [a, b] => {
                // "Feb 1 2022", "1 Feb 2022", "2022 Feb 1".
                if a.1 >= 3 || a.0 > 31.0 || a.0 < 0.0 {
                    (mo, b.0, full_year(a))
                } else {
                    (mo, a.0, full_year(b))
                }
            }
            _ => return None,
        }
    };
    if !(0.0..=11.0).contains(&mo) || !(1.0..=31.0).contains(&d) {
        return None;
    }
    let (mut h, m, sec, ms) = time.unwrap_or((0.0, 0.0, 0.0, 0.0));
    if let Some(pm) = pm {
        if !(1.0..=12.0).contains(&h) {
            return None;
        }
        h = h % 12.0 + if pm { 12.0 } else { 0.0 };
    }
    if h == 24.0 && (m != 0.0 || sec != 0.0 || ms != 0.0) {
        return None;
    }
    let t = make_date(make_day(y, mo, d), make_time(h, m, sec, ms));
    Some(match offset {
        Some(o) => Parsed::Utc(t - o),
        None => Parsed::Local(t),
    })
}

/// A year as written: 2-digit years are 19xx (50..99) or 20xx (0..49).
fn full_year((y, len): (f64, usize)) -> f64 {
    if len <= 2 && y >= 0.0 {
        if y < 50.0 {
            2000.0 + y
        } else {
            1900.0 + y
        }
    } else {
        y
    }
}

/// `±hhmm`, `±hh`, `±hh:mm` after the sign: the offset in ms and the tokens consumed.
fn zone_offset(sign: u8, rest: &[Tok<'_>]) -> Option<(f64, usize)> {
    let sg = if sign == b'-' { -1.0 } else { 1.0 };
    let Some(Tok::Num(n, l)) = rest.first() else { return None };
    let (h, m, used) = if let (Some(Tok::Punct(b':')), Some(Tok::Num(mm, 2))) = (rest.get(1), rest.get(2)) {
        if *l > 2 {
            return None;
        }
        (*n, *mm, 3)
    } else if *l <= 2 {
        (*n, 0.0, 1)
    } else if *l == 4 {
        ((n / 100.0).floor(), n % 100.0, 1)
    } else {
        return None;
    };
    if h > 23.0 || m > 59.0 {
        return None;
    }
    Some((sg * (h * MS_PER_HOUR + m * MS_PER_MINUTE), used))
}

fn us_zone(w: &[u8]) -> Option<f64> {
    let h = match w {
        b"est" => -5.0,
        b"edt" => -4.0,
        b"cst" => -6.0,
        b"cdt" => -5.0,
        b"mst" => -7.0,
        b"mdt" => -6.0,
        b"pst" => -8.0,
        b"pdt" => -7.0,
        _ => return None,
    };
    Some(h * MS_PER_HOUR)
}

/// The month a (lowercase, 3+ letter) prefix of an English month name names.
fn month_index(w: &[u8]) -> Option<f64> {
    const FULL: [&str; 12] =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    FULL.iter().position(|m| m.as_bytes().starts_with(w)).map(|i| i as f64)
}

fn is_day_name(w: &[u8]) -> bool {
    const FULL: [&str; 7] = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
    FULL.iter().any(|d| d.as_bytes().starts_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<Parsed> {
        parse(&s.encode_utf16().collect::<Vec<_>>())
    }

    #[test]
    fn iso() {
        assert_eq!(p("1970-01-01"), Some(Parsed::Utc(0.0)));
        assert_eq!(p("1970"), Some(Parsed::Utc(0.0)));
        assert_eq!(p("1970-01-01T00:00:00"), Some(Parsed::Local(0.0)));
        assert_eq!(p("1970-01-01T01:00+01:00"), Some(Parsed::Utc(0.0)));
        assert_eq!(p("1970-01-01T00:00:00.5Z"), Some(Parsed::Utc(500.0)));
        assert_eq!(p("+275760-09-13T00:00:00.000Z"), Some(Parsed::Utc(8.64e15)));
        assert_eq!(p("-271821-04-20T00:00:00.000Z"), Some(Parsed::Utc(-8.64e15)));
        assert_eq!(p("-000000-01-01T00:00Z"), None);
        assert_eq!(p("1970-01-01T24:00Z"), Some(Parsed::Utc(86_400_000.0)));
        assert_eq!(p("1970-01-01T24:00:01Z"), None);
        assert_eq!(p("1970-13-01"), None);
        assert_eq!(p("1970-01-01T10Z"), None);
    }

    #[test]
    fn legacy() {
        assert_eq!(p("Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)"), Some(Parsed::Utc(0.0)));
        assert_eq!(p("Thu, 01 Jan 1970 00:00:00 GMT"), Some(Parsed::Utc(0.0)));
        assert_eq!(p("Thu Jan 01 1970"), Some(Parsed::Local(0.0)));
        assert_eq!(p("Jan 1 1970 01:00:00 GMT+0100"), Some(Parsed::Utc(0.0)));
        assert_eq!(p("1970/01/01"), Some(Parsed::Local(0.0)));
        assert_eq!(p("01/01/1970"), Some(Parsed::Local(0.0)));
        assert_eq!(p("January 1, 1970 12:00 AM UTC"), Some(Parsed::Utc(0.0)));
        assert_eq!(p("1 January 1970 1:00 PM UTC"), Some(Parsed::Utc(13.0 * MS_PER_HOUR)));
        assert_eq!(p("Jan 1 1970 00:00 EST"), Some(Parsed::Utc(5.0 * MS_PER_HOUR)));
        assert_eq!(p("Jan 1 1970 00:00 -0500"), Some(Parsed::Utc(5.0 * MS_PER_HOUR)));
        let y1 = make_date(make_day(-1.0, 0.0, 1.0), 0.0);
        assert_eq!(p("Fri Jan 01 -0001 00:00:00 GMT+0000"), Some(Parsed::Utc(y1)));
        assert_eq!(p("Fri, 01 Jan -0001 00:00:00 GMT"), Some(Parsed::Utc(y1)));
        assert_eq!(p("foo"), None);
        assert_eq!(p(""), None);
        assert_eq!(p("Jan"), None);
        assert_eq!(p("Jan 1 2000 extra"), None);
        assert_eq!(p("Jan 1 2000 25:00"), None);
    }
}
