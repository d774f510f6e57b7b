//! The host's local time zone, for `Date`'s LocalTZA: a small reader for TZif files
//! (RFC 8536, versions 1 to 4) and for the POSIX `TZ` rule strings found in their footers.
//!
//! [`Zone::load`] reads the zone named by the `TZ` environment variable (a file under
//! `/usr/share/zoneinfo`, an absolute path, or a POSIX rule string such as `EST5EDT,M3.2.0,M11.1.0`),
//! else `/etc/localtime`, and falls back to UTC when nothing is readable. Offsets are in
//! seconds east of UTC; lookups take time values in milliseconds.

/// One local time type of a zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalType {
    /// Offset from UTC in seconds (east positive).
    pub utoff: i32,
    /// Daylight saving time?
    pub is_dst: bool,
    /// Abbreviation (`"CET"`, `"EDT"`, `"+0330"`...).
    pub abbr: String,
}

/// A day of the year on which a POSIX rule switches (RFC 8536 §3.3, POSIX `TZ`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum RuleDay {
    /// `Jn`: day 1..=365, February 29 never counted.
    Julian1(u16),
    /// `n`: day 0..=365, February 29 counted in leap years.
    Julian0(u16),
    /// `Mm.w.d`: day `d` (0 = Sunday) of week `w` (5 = last) of month `m`.
    MonthWeekDay(u8, u8, u8),
}

/// A daylight saving rule of a POSIX `TZ` string.
#[derive(Clone, Debug, PartialEq, Eq)]
struct DstRule {
    /// The DST type.
    dst: LocalType,
    /// When DST starts (local standard time), and at which second of that day.
    start: (RuleDay, i32),
    /// When DST ends (local daylight time), and at which second of that day.
    end: (RuleDay, i32),
}

/// A POSIX `TZ` rule string: a standard type and an optional DST rule.
#[derive(Clone, Debug, PartialEq, Eq)]
struct PosixTz {
    std: LocalType,
    dst: Option<DstRule>,
}

/// A time zone: transitions (UTC seconds) with the type that starts at each, and the rule for
/// times after the last transition.
#[derive(Clone, Debug)]
pub struct Zone {
    transitions: Vec<i64>,
    indices: Vec<u8>,
    types: Vec<LocalType>,
    footer: Option<PosixTz>,
}

const MS_PER_DAY: f64 = 86_400_000.0;

impl Zone {
    /// UTC (the fallback when no zone is readable).
    pub fn utc() -> Zone {
        Zone {
            transitions: Vec::new(),
            indices: Vec::new(),
            types: vec![LocalType { utoff: 0, is_dst: false, abbr: "UTC".into() }],
            footer: None,
        }
    }

    /// The host's zone: `TZ`, else `/etc/localtime`, else UTC.
    pub fn load() -> Zone {
        match std::env::var("TZ") {
            Ok(tz) => Zone::from_tz_var(&tz).unwrap_or_else(Zone::utc),
            Err(_) => std::fs::read("/etc/localtime").ok().and_then(|d| Zone::parse_tzif(&d)).unwrap_or_else(Zone::utc),
        }
    }

    /// The zone a `TZ` value names: a zoneinfo file (relative to `/usr/share/zoneinfo`, or
    /// absolute), else a POSIX rule string.
    fn from_tz_var(tz: &str) -> Option<Zone> {
        let name = tz.strip_prefix(':').unwrap_or(tz);
        if name.is_empty() {
            return Some(Zone::utc());
        }
        let path = if name.starts_with('/') { name.to_string() } else { format!("/usr/share/zoneinfo/{name}") };
        if let Some(z) = std::fs::read(path).ok().and_then(|d| Zone::parse_tzif(&d)) {
            return Some(z);
        }
        Zone::from_posix(name)
    }

    /// A zone from a POSIX `TZ` rule string alone.
    pub fn from_posix(s: &str) -> Option<Zone> {
        let p = parse_posix(s)?;
        Some(Zone { transitions: Vec::new(), indices: Vec::new(), types: vec![p.std.clone()], footer: Some(p) })
    }

    /// Parses a TZif file (the version 2+ 64-bit section when present).
    pub fn parse_tzif(data: &[u8]) -> Option<Zone> {
        let h = Header::read(data)?;
        if h.version == 0 {
            return h.read_body(data, 0, 4);
        }
        // Skip the version 1 body, then read the 64-bit header and body.
        let v2 = 44 + h.body_len(4);
        let h2 = Header::read(data.get(v2..)?)?;
        let mut z = h2.read_body(data, v2, 8)?;
        let footer_at = v2 + 44 + h2.body_len(8);
        let rest = data.get(footer_at..)?;
        if rest.first() == Some(&b'\n') {
            if let Some(end) = rest[1..].iter().position(|&b| b == b'\n') {
                let text = std::str::from_utf8(&rest[1..1 + end]).ok()?;
                if !text.is_empty() {
                    z.footer = parse_posix(text);
                }
            }
        }
        Some(z)
    }

    /// The local type in effect at UTC second `s`.
    pub fn type_at(&self, s: i64) -> LocalType {
        if self.transitions.is_empty() || s >= *self.transitions.last().unwrap_or(&i64::MAX) {
            if let Some(f) = &self.footer {
                return f.type_at(s).clone();
            }
        }
        let i = self.transitions.partition_point(|&t| t <= s);
        if i == 0 {
            // Before the first transition: time type 0 (RFC 8536 §3.2).
            return self.types.first().cloned().unwrap_or_else(|| Zone::utc().types[0].clone());
        }
        let ix = self.indices[i - 1] as usize;
        self.types.get(ix).cloned().unwrap_or_else(|| Zone::utc().types[0].clone())
    }

    /// The offset (ms) of local time from UTC at the instant `t` (a finite time value, ms).
    pub fn offset_at_utc(&self, t: f64) -> f64 {
        self.type_at(floor_seconds(t)).utoff as f64 * 1000.0
    }

    /// The abbreviation of the local type at the instant `t` (finite, ms).
    pub fn abbreviation_at_utc(&self, t: f64) -> String {
        self.type_at(floor_seconds(t)).abbr
    }

    /// The offset (ms) to subtract from the local time `t` (finite, ms) to get UTC, as the spec's
    /// UTC(t) chooses it: a repeated local time takes the earlier instant (the offset before the
    /// transition), and a skipped local time takes the offset before the transition.
    pub fn offset_for_local(&self, t: f64) -> f64 {
        let mut cands = [self.offset_at_utc(t - MS_PER_DAY), self.offset_at_utc(t), self.offset_at_utc(t + MS_PER_DAY)];
        cands.sort_by(|a, b| a.total_cmp(b));
        let mut best: Option<f64> = None;
        for &o in &cands {
            if self.offset_at_utc(t - o) == o {
                // The earliest instant has the largest offset.
                best = Some(best.map_or(o, |b: f64| b.max(o)));
            }
        }
        match best {
            Some(o) => o,
            // Skipped local time: the instant t - max is before the transition.
            None => self.offset_at_utc(t - cands[2]),
        }
    }
}

/// floor(t / 1000) as seconds, clamped far beyond the time value range (±8.64e12 s) so that
/// later arithmetic cannot overflow.
fn floor_seconds(t: f64) -> i64 {
    (t / 1000.0).floor().clamp(-1e13, 1e13) as i64
}

/// The fixed part of a TZif header.
struct Header {
    version: u8,
    isutcnt: usize,
    isstdcnt: usize,
    leapcnt: usize,
    timecnt: usize,
    typecnt: usize,
    charcnt: usize,
}

impl Header {
    fn read(d: &[u8]) -> Option<Header> {
        if d.len() < 44 || &d[0..4] != b"TZif" {
            return None;
        }
        let version = match d[4] {
            0 => 0,
            b'2'..=b'9' => d[4] - b'0',
            _ => return None,
        };
        let c = |i: usize| u32::from_be_bytes([d[20 + 4 * i], d[21 + 4 * i], d[22 + 4 * i], d[23 + 4 * i]]) as usize;
        let h = Header { version, isutcnt: c(0), isstdcnt: c(1), leapcnt: c(2), timecnt: c(3), typecnt: c(4), charcnt: c(5) };
        if h.typecnt == 0 || h.typecnt > 256 || h.charcnt == 0 {
            return None;
        }
        Some(h)
    }

    /// Bytes in the data block that follows this header, with `tsize`-byte times.
    fn body_len(&self, tsize: usize) -> usize {
        self.timecnt * tsize + self.timecnt + self.typecnt * 6 + self.charcnt + self.leapcnt * (tsize + 4) + self.isstdcnt + self.isutcnt
    }

    /// Reads the data block of the header at `at` (times of `tsize` bytes).
    fn read_body(&self, data: &[u8], at: usize, tsize: usize) -> Option<Zone> {
        let body = data.get(at + 44..at + 44 + self.body_len(tsize))?;
        let mut transitions = Vec::with_capacity(self.timecnt);
        for i in 0..self.timecnt {
            let b = &body[i * tsize..(i + 1) * tsize];
            let t = if tsize == 8 {
                i64::from_be_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
            } else {
                i32::from_be_bytes([b[0], b[1], b[2], b[3]]) as i64
            };
            transitions.push(t);
        }
        let mut p = self.timecnt * tsize;
        let indices = body[p..p + self.timecnt].to_vec();
        if indices.iter().any(|&i| i as usize >= self.typecnt) {
            return None;
        }
        p += self.timecnt;
        let chars = &body[p + self.typecnt * 6..p + self.typecnt * 6 + self.charcnt];
        let mut types = Vec::with_capacity(self.typecnt);
        for i in 0..self.typecnt {
            let b = &body[p + i * 6..p + i * 6 + 6];
            let utoff = i32::from_be_bytes([b[0], b[1], b[2], b[3]]);
            let ai = b[5] as usize;
            let abbr = chars.get(ai..).map(|s| s.split(|&c| c == 0).next().unwrap_or(&[])).unwrap_or(&[]);
            types.push(LocalType { utoff, is_dst: b[4] != 0, abbr: String::from_utf8_lossy(abbr).into_owned() });
        }
        if transitions.windows(2).any(|w| w[0] >= w[1]) {
            return None;
        }
        Some(Zone { transitions, indices, types, footer: None })
    }
}

// ----- POSIX TZ strings -----

/// Parses `std offset [dst [offset] [,start[/time],end[/time]]]`.
fn parse_posix(s: &str) -> Option<PosixTz> {
    let mut p = Cursor { s: s.as_bytes(), i: 0 };
    let std_abbr = p.abbr()?;
    let std_off = -p.offset(24)?;
    let std = LocalType { utoff: std_off, is_dst: false, abbr: std_abbr };
    if p.done() {
        return Some(PosixTz { std, dst: None });
    }
    let dst_abbr = p.abbr()?;
    let dst_off = if p.peek().is_some_and(|c| c == b',') || p.done() { std_off + 3600 } else { -p.offset(24)? };
    let dst = LocalType { utoff: dst_off, is_dst: true, abbr: dst_abbr };
    let (start, end) = if p.done() {
        // POSIX leaves the default rule implementation-defined; this is the US rule, as glibc uses.
        ((RuleDay::MonthWeekDay(3, 2, 0), 7200), (RuleDay::MonthWeekDay(11, 1, 0), 7200))
    } else {
        p.expect(b',')?;
        let start = p.rule()?;
        p.expect(b',')?;
        let end = p.rule()?;
        (start, end)
    };
    if !p.done() {
        return None;
    }
    Some(PosixTz { std, dst: Some(DstRule { dst, start, end }) })
}

struct Cursor<'a> {
    s: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }
    fn done(&self) -> bool {
        self.i >= self.s.len()
    }
    fn expect(&mut self, c: u8) -> Option<()> {
        (self.peek() == Some(c)).then(|| self.i += 1)
    }
    fn abbr(&mut self) -> Option<String> {
        let start = self.i;
        let text = if self.peek() == Some(b'<') {
            self.i += 1;
            let b = self.i;
            while self.peek().is_some_and(|c| c != b'>') {
                self.i += 1;
            }
            let t = &self.s[b..self.i];
            self.expect(b'>')?;
            t
        } else {
            while self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
                self.i += 1;
            }
            &self.s[start..self.i]
        };
        if text.len() < 3 {
            return None;
        }
        Some(String::from_utf8_lossy(text).into_owned())
    }
    fn number(&mut self) -> Option<i32> {
        let b = self.i;
        let mut n: i32 = 0;
        while let Some(c) = self.peek().filter(u8::is_ascii_digit) {
            n = n.checked_mul(10)?.checked_add((c - b'0') as i32)?;
            self.i += 1;
        }
        (self.i > b).then_some(n)
    }
    /// `[+-]hh[:mm[:ss]]` in seconds (POSIX sign: positive is west), hours at most `max_h`
    /// (24 for offsets, 167 for rule times).
    fn offset(&mut self, max_h: i32) -> Option<i32> {
        let sign = match self.peek() {
            Some(b'-') => {
                self.i += 1;
                -1
            }
            Some(b'+') => {
                self.i += 1;
                1
            }
            _ => 1,
        };
        let h = self.number()?;
        if h > max_h {
            return None;
        }
        let mut secs = h * 3600;
        if self.peek() == Some(b':') {
            self.i += 1;
            let m = self.number()?;
            if m > 59 {
                return None;
            }
            secs += m * 60;
            if self.peek() == Some(b':') {
                self.i += 1;
                let s = self.number()?;
                if s > 59 {
                    return None;
                }
                secs += s;
            }
        }
        Some(sign * secs)
    }
    fn rule(&mut self) -> Option<(RuleDay, i32)> {
        let day = match self.peek()? {
            b'J' => {
                self.i += 1;
                let n = self.number()?;
                if !(1..=365).contains(&n) {
                    return None;
                }
                RuleDay::Julian1(n as u16)
            }
            b'M' => {
                self.i += 1;
                let m = self.number()?;
                self.expect(b'.')?;
                let w = self.number()?;
                self.expect(b'.')?;
                let d = self.number()?;
                if !(1..=12).contains(&m) || !(1..=5).contains(&w) || !(0..=6).contains(&d) {
                    return None;
                }
                RuleDay::MonthWeekDay(m as u8, w as u8, d as u8)
            }
            c if c.is_ascii_digit() => {
                let n = self.number()?;
                if n > 365 {
                    return None;
                }
                RuleDay::Julian0(n as u16)
            }
            _ => return None,
        };
        let time = if self.peek() == Some(b'/') {
            self.i += 1;
            self.offset(167)?
        } else {
            7200
        };
        Some((day, time))
    }
}

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// Days from 1970-01-01 to `y`-`m`-`d` (proleptic Gregorian; `m` 1..=12).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian year containing day `days` since the epoch.
fn year_of_day(days: i64) -> i64 {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    yoe + era * 400 + i64::from(m <= 2)
}

impl RuleDay {
    /// The day (since the epoch) this rule selects in year `y`.
    fn day_in(self, y: i64) -> i64 {
        let jan1 = days_from_civil(y, 1, 1);
        match self {
            RuleDay::Julian1(n) => jan1 + n as i64 - 1 + i64::from(is_leap(y) && n >= 60),
            RuleDay::Julian0(n) => jan1 + n as i64,
            RuleDay::MonthWeekDay(m, w, d) => {
                let first = days_from_civil(y, m as u32, 1);
                let wd_first = (first + 4).rem_euclid(7);
                let mut day = first + (d as i64 - wd_first).rem_euclid(7) + (w as i64 - 1) * 7;
                let next_month = if m == 12 { days_from_civil(y + 1, 1, 1) } else { days_from_civil(y, m as u32 + 1, 1) };
                while day >= next_month {
                    day -= 7;
                }
                day
            }
        }
    }
}

impl PosixTz {
    /// The type in effect at UTC second `s`.
    fn type_at(&self, s: i64) -> &LocalType {
        let Some(r) = &self.dst else { return &self.std };
        let y = year_of_day((s + self.std.utoff as i64).div_euclid(86_400));
        let start = r.start.0.day_in(y) * 86_400 + r.start.1 as i64 - self.std.utoff as i64;
        let end = r.end.0.day_in(y) * 86_400 + r.end.1 as i64 - r.dst.utoff as i64;
        let in_dst = if start <= end { s >= start && s < end } else { s < end || s >= start };
        if in_dst {
            &r.dst
        } else {
            &self.std
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A TZif v2 blob: one v1 body (empty), then a v2 body with `transitions` (type index
    /// per transition), `types` (utoff, isdst, abbr) and a footer.
    fn blob(transitions: &[(i64, u8)], types: &[(i32, bool, &str)], footer: &str) -> Vec<u8> {
        let mut chars = Vec::new();
        let mut idx = Vec::new();
        for t in types {
            idx.push(chars.len() as u8);
            chars.extend_from_slice(t.2.as_bytes());
            chars.push(0);
        }
        let header = |out: &mut Vec<u8>, timecnt: usize, typecnt: usize, charcnt: usize| {
            out.extend_from_slice(b"TZif2");
            out.extend_from_slice(&[0; 15]);
            for c in [0, 0, 0, timecnt, typecnt, charcnt] {
                out.extend_from_slice(&(c as u32).to_be_bytes());
            }
        };
        let mut out = Vec::new();
        // v1: no transitions, one UTC type.
        header(&mut out, 0, 1, 4);
        out.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
        out.extend_from_slice(b"UTC\0");
        header(&mut out, transitions.len(), types.len(), chars.len());
        for t in transitions {
            out.extend_from_slice(&t.0.to_be_bytes());
        }
        for t in transitions {
            out.push(t.1);
        }
        for (i, t) in types.iter().enumerate() {
            out.extend_from_slice(&t.0.to_be_bytes());
            out.push(t.1 as u8);
            out.push(idx[i]);
        }
        out.extend_from_slice(&chars);
        out.push(b'\n');
        out.extend_from_slice(footer.as_bytes());
        out.push(b'\n');
        out
    }

    const H: i32 = 3600;

    /// A New-York-like zone: LMT until 1883, then EST/EDT transitions for 2020, then the footer.
    fn new_york() -> Zone {
        let blob = blob(
            &[(-2_717_650_800, 1), (1_583_650_800, 2), (1_604_210_400, 1)],
            &[(-17_762, false, "LMT"), (-5 * H, false, "EST"), (-4 * H, true, "EDT")],
            "EST5EDT,M3.2.0,M11.1.0",
        );
        Zone::parse_tzif(&blob).expect("valid blob")
    }

    #[test]
    fn reads_types_and_transitions() {
        let z = new_york();
        assert_eq!(z.type_at(-3_000_000_000).abbr, "LMT");
        assert_eq!(z.type_at(0).abbr, "EST");
        // 2020-03-08T07:00:00Z: EDT starts.
        assert_eq!(z.type_at(1_583_650_799).utoff, -5 * H);
        assert_eq!(z.type_at(1_583_650_800).utoff, -4 * H);
        assert!(z.type_at(1_583_650_800).is_dst);
        // 2020-11-01T06:00:00Z: EST again.
        assert_eq!(z.type_at(1_604_210_400).abbr, "EST");
    }

    #[test]
    fn footer_rule_after_last_transition() {
        let z = new_york();
        // 2021-03-14T07:00:00Z is the 2021 switch to EDT (second Sunday of March, 02:00 EST).
        assert_eq!(z.type_at(1_615_705_199).abbr, "EST");
        assert_eq!(z.type_at(1_615_705_200).abbr, "EDT");
        // 2021-11-07T06:00:00Z back to EST (first Sunday of November, 02:00 EDT).
        assert_eq!(z.type_at(1_636_264_799).abbr, "EDT");
        assert_eq!(z.type_at(1_636_264_800).abbr, "EST");
        // Far future years.
        let july_275000 = (days_from_civil(275_000, 7, 1)) * 86_400;
        assert_eq!(z.type_at(july_275000).abbr, "EDT");
    }

    #[test]
    fn local_to_utc_disambiguation() {
        let z = new_york();
        let ms = |s: i64| s as f64 * 1000.0;
        // 2021-03-14 02:30 local does not exist: the offset before the transition (EST) applies.
        let gap = ms(days_from_civil(2021, 3, 14) * 86_400 + 2 * 3600 + 1800);
        assert_eq!(z.offset_for_local(gap), -5.0 * 3_600_000.0);
        // 2021-11-07 01:30 local happens twice: the earlier instant (EDT) is chosen.
        let rep = ms(days_from_civil(2021, 11, 7) * 86_400 + 3600 + 1800);
        assert_eq!(z.offset_for_local(rep), -4.0 * 3_600_000.0);
        // Ordinary times.
        let summer = ms(days_from_civil(2021, 7, 1) * 86_400);
        assert_eq!(z.offset_for_local(summer), -4.0 * 3_600_000.0);
        assert_eq!(z.offset_at_utc(0.0), -5.0 * 3_600_000.0);
    }

    #[test]
    fn posix_strings() {
        let p = parse_posix("<+0330>-3:30").unwrap();
        assert_eq!(p.std.utoff, 3 * H + 1800);
        assert_eq!(p.std.abbr, "+0330");
        assert!(p.dst.is_none());
        // Southern hemisphere: DST spans the new year.
        let z = Zone::from_posix("AEST-10AEDT,M10.1.0,M4.1.0/3").unwrap();
        assert_eq!(z.type_at(days_from_civil(2030, 1, 15) * 86_400).abbr, "AEDT");
        assert_eq!(z.type_at(days_from_civil(2030, 7, 15) * 86_400).abbr, "AEST");
        let z = Zone::from_posix("CET-1CEST,M3.5.0,M10.5.0/3").unwrap();
        // 2024-03-31T01:00:00Z: CEST starts (last Sunday of March, 02:00 CET).
        let t = days_from_civil(2024, 3, 31) * 86_400 + 3600;
        assert_eq!(z.type_at(t - 1).abbr, "CET");
        assert_eq!(z.type_at(t).abbr, "CEST");
        assert!(parse_posix("X1").is_none());
        assert!(parse_posix("EST5EDT,M13.1.0,M1.1.0").is_none());
        assert_eq!(Zone::from_posix("UTC0").unwrap().offset_at_utc(1e15), 0.0);
        assert!(parse_posix("EST5:60").is_none());
        // Far outside the time value range: no overflow.
        let z = Zone::from_posix("EST5EDT,M3.2.0,M11.1.0").unwrap();
        assert!(z.offset_at_utc(1e300).is_finite());
        assert!(z.offset_for_local(-1e300).is_finite());
    }

    #[test]
    fn rejects_garbage() {
        assert!(Zone::parse_tzif(b"TZif").is_none());
        assert!(Zone::parse_tzif(&[0u8; 100]).is_none());
        let mut b = blob(&[(0, 5)], &[(0, false, "UTC")], "UTC0");
        assert!(Zone::parse_tzif(&b).is_none());
        b.truncate(60);
        assert!(Zone::parse_tzif(&b).is_none());
    }

    #[test]
    fn civil_helpers() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        for d in [-100_000_000i64, -1, 0, 59, 11_016, 100_000_000] {
            let y = year_of_day(d);
            assert!(days_from_civil(y, 1, 1) <= d && d < days_from_civil(y + 1, 1, 1));
        }
    }
}
