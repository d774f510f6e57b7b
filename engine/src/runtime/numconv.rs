//! Numeric conversions of ECMA-262 as pure functions over `f64`, `String` and
//! UTF-16 code units (no engine types).
//!
//! This module owns:
//! - Number-to-string: `Number::toString` (radix 10, via `ryu-js`), radix
//!   2..=36 `toString` (digit-for-digit like V8), `toFixed`, `toExponential`
//!   and `toPrecision` (exact, from the full decimal expansion of the double);
//! - string-to-number: `StringToNumber`, `parseFloat`, `parseInt`;
//! - `ToInt32` / `ToUint32`;
//! - the `CanonicalNumericIndexString` check.
//!
//! Argument validation (RangeErrors, `ToIntegerOrInfinity`, `ToString` of the
//! argument) is the caller's job; out-of-range arguments are clamped here so
//! that no input can panic.

/// Lower-case digit characters for radixes up to 36.
const DIGIT_CHARS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// The largest fraction-digit / precision count the spec allows.
const MAX_DIGITS: usize = 100;

// ---------------------------------------------------------------------------
// Number -> String
// ---------------------------------------------------------------------------

/// `Number::toString(x)` with radix 10 (ECMA-262 6.1.6.1.20): the shortest
/// round-tripping digits, e.g. `1e21` -> `"1e+21"`, `-0` -> `"0"`.
pub fn number_to_string(x: f64) -> String {
    let mut buf = ryu_js::Buffer::new();
    buf.format(x).to_owned()
}

/// `Number.prototype.toString(radix)` for `radix` in 2..=36, matching V8's
/// output digit for digit (fractions get the shortest digits that identify
/// the double). Radix 10, and any radix outside 2..=36, use
/// [`number_to_string`].
pub fn number_to_string_radix(x: f64, radix: u32) -> String {
    if radix == 10 || !(2..=36).contains(&radix) || !x.is_finite() {
        return number_to_string(x);
    }
    let negative = x < 0.0;
    let value = x.abs();
    if value.fract() == 0.0 && value < TWO_POW_53 {
        // An integer the double holds exactly: its digits by integer division, which the
        // general path below (floating-point remainders) gives too, more slowly.
        return integer_to_string_radix(value as u64, negative, radix);
    }
    let r = f64::from(radix);

    let mut integer = value.floor();
    let mut fraction = value - integer;
    // Fraction digits are produced only down to the double's own precision:
    // half the distance to the next double up.
    let next_up = f64::from_bits(value.to_bits() + 1);
    let mut delta = (0.5 * (next_up - value)).max(f64::from_bits(1));

    let mut frac_digits: Vec<u8> = Vec::new();
    if fraction >= delta {
        loop {
            fraction *= r;
            delta *= r;
            // `fraction < 1` before the multiplication, so this is < radix.
            let digit = fraction as u32;
            frac_digits.push(digit as u8);
            fraction -= f64::from(digit);
            let round_up = fraction > 0.5 || (fraction == 0.5 && digit & 1 == 1);
            if round_up && fraction + delta > 1.0 {
                // Round the digits written so far up, propagating the carry
                // (a digit that would overflow is dropped instead).
                loop {
                    match frac_digits.pop() {
                        None => {
                            integer += 1.0;
                            break;
                        }
                        Some(d) if u32::from(d) + 1 < radix => {
                            frac_digits.push(d + 1);
                            break;
                        }
                        Some(_) => {}
                    }
                }
                break;
            }
            if fraction < delta {
                break;
            }
        }
    }

    // Integer digits, least significant first. Digits below the double's
    // precision (once the quotient is >= 2^53) are written as zeros.
    let mut int_digits: Vec<u8> = Vec::new();
    while integer / r >= TWO_POW_53 {
        integer /= r;
        int_digits.push(0);
    }
    loop {
        let rem = integer % r;
        int_digits.push(rem as u8);
        integer = (integer - rem) / r;
        if integer <= 0.0 {
            break;
        }
    }

    let mut out = String::with_capacity(int_digits.len() + frac_digits.len() + 2);
    if negative {
        out.push('-');
    }
    out.extend(int_digits.iter().rev().map(|&d| char::from(DIGIT_CHARS[usize::from(d)])));
    if !frac_digits.is_empty() {
        out.push('.');
        out.extend(frac_digits.iter().map(|&d| char::from(DIGIT_CHARS[usize::from(d)])));
    }
    out
}

/// 2^53: below it every integer is a double.
const TWO_POW_53: f64 = 9_007_199_254_740_992.0;

/// The digits of `n` (negated when `negative`) in base `radix` (2..=36).
fn integer_to_string_radix(mut n: u64, negative: bool, radix: u32) -> String {
    let mut digits = [0u8; 64];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = DIGIT_CHARS[(n % u64::from(radix)) as usize];
        n /= u64::from(radix);
        if n == 0 {
            break;
        }
    }
    let mut out = String::with_capacity(digits.len() - at + 1);
    if negative {
        out.push('-');
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
    out
}

/// `Number.prototype.toFixed(fd)` (ECMA-262 21.1.3.3) for `fd` in 0..=100
/// (larger values are clamped to 100). Rounds the exact value of the double,
/// ties away from zero: `(1.005).toFixed(2)` is `"1.00"`. Values with
/// magnitude >= 1e21 and non-finite values use [`number_to_string`].
pub fn number_to_fixed(x: f64, fd: usize) -> String {
    let f = fd.min(MAX_DIGITS);
    if !x.is_finite() {
        return number_to_string(x);
    }
    let mut out = String::new();
    let mut x = x;
    if x < 0.0 {
        out.push('-');
        x = -x;
    }
    if x >= 1e21 {
        out.push_str(&number_to_string(x));
        return out;
    }
    // n = round(x * 10^f); its digit count is the number of significant
    // digits of x at and above the 10^-f place.
    let n = if x == 0.0 {
        Vec::new()
    } else {
        let (digits, e10) = exact_decimal(x);
        round_prefix(&digits, i64::from(e10) + 1 + f as i64)
    };
    let mut m: Vec<u8> = if n.is_empty() { vec![b'0'] } else { n.iter().map(|&d| b'0' + d).collect() };
    if f != 0 {
        if m.len() <= f {
            let pad = f + 1 - m.len();
            m.splice(0..0, std::iter::repeat_n(b'0', pad));
        }
        let point = m.len() - f;
        m.insert(point, b'.');
    }
    out.push_str(&ascii_to_string(&m));
    out
}

/// `Number.prototype.toExponential(fd)` (ECMA-262 21.1.3.2). `None` (an
/// undefined argument) gives as many digits as needed to identify the double
/// (the shortest round-trip digits); `Some(f)` gives `f` fraction digits,
/// `f` in 0..=100 (larger values are clamped), rounding the exact value with
/// ties away from zero. Non-finite values use [`number_to_string`].
pub fn number_to_exponential(x: f64, fd: Option<usize>) -> String {
    if !x.is_finite() {
        return number_to_string(x);
    }
    let mut out = String::new();
    let mut x = x;
    if x < 0.0 {
        out.push('-');
        x = -x;
    }
    let (digits, e) = if x == 0.0 {
        (vec![0u8; fd.unwrap_or(0).min(MAX_DIGITS) + 1], 0)
    } else {
        match fd {
            Some(f) => rounded_significant(x, f.min(MAX_DIGITS) + 1),
            None => shortest_decimal(x),
        }
    };
    push_exponential(&mut out, &digits, e);
    out
}

/// `Number.prototype.toPrecision(p)` (ECMA-262 21.1.3.5) for `p` in 1..=100
/// (other values are clamped into that range). Rounds the exact value of the
/// double, ties away from zero; uses exponential notation when the decimal
/// exponent is < -6 or >= `p`. Non-finite values use [`number_to_string`].
pub fn number_to_precision(x: f64, p: usize) -> String {
    let p = p.clamp(1, MAX_DIGITS);
    if !x.is_finite() {
        return number_to_string(x);
    }
    let mut out = String::new();
    let mut x = x;
    if x < 0.0 {
        out.push('-');
        x = -x;
    }
    let (digits, e) = if x == 0.0 { (vec![0u8; p], 0) } else { rounded_significant(x, p) };
    // `p <= 100`, so this cast is lossless.
    let p_i = p as i32;
    if e < -6 || e >= p_i {
        push_exponential(&mut out, &digits, e);
        return out;
    }
    let m: Vec<u8> = digits.iter().map(|&d| b'0' + d).collect();
    if e == p_i - 1 {
        out.push_str(&ascii_to_string(&m));
    } else if e >= 0 {
        let split = (e + 1) as usize;
        out.push_str(&ascii_to_string(&m[..split]));
        out.push('.');
        out.push_str(&ascii_to_string(&m[split..]));
    } else {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-(e + 1)) as usize));
        out.push_str(&ascii_to_string(&m));
    }
    out
}

/// Appends `d[.ddd]e(+|-)exp` for the digit values `digits` (first digit at
/// decimal exponent `e`).
fn push_exponential(out: &mut String, digits: &[u8], e: i32) {
    if let Some((&first, rest)) = digits.split_first() {
        out.push(char::from(b'0' + first));
        if !rest.is_empty() {
            out.push('.');
            out.extend(rest.iter().map(|&d| char::from(b'0' + d)));
        }
    }
    out.push('e');
    out.push(if e < 0 { '-' } else { '+' });
    out.push_str(&e.unsigned_abs().to_string());
}

fn ascii_to_string(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// The first `count` (>= 1) significant decimal digits of finite `x > 0`,
/// rounded half away from zero from the exact value, and the decimal
/// exponent of the first digit.
fn rounded_significant(x: f64, count: usize) -> (Vec<u8>, i32) {
    let (digits, mut e10) = exact_decimal(x);
    let mut n = round_prefix(&digits, count as i64);
    if n.len() > count {
        // Carry out of the top digit: 99.96 -> 100.0, all further digits 0.
        n.truncate(count);
        e10 += 1;
    }
    (n, e10)
}

/// Rounds the decimal digit values `digits` (read as `d0 d1 ... d(k-1) .
/// dk ...`) half up to an integer and returns that integer's digit values:
/// empty for zero, otherwise `k` digits (or `k + 1` after a carry out).
fn round_prefix(digits: &[u8], k: i64) -> Vec<u8> {
    if k < 0 {
        return Vec::new();
    }
    if k == 0 {
        return if digits.first().is_some_and(|&d| d >= 5) { vec![1] } else { Vec::new() };
    }
    let k = usize::try_from(k).unwrap_or(usize::MAX);
    let mut n: Vec<u8> = Vec::with_capacity(k.saturating_add(1).min(1 << 16));
    n.extend(digits.iter().take(k).copied());
    if n.len() < k {
        n.resize(k, 0);
    }
    if digits.get(k).is_some_and(|&d| d >= 5) {
        let mut i = n.len();
        loop {
            if i == 0 {
                n.insert(0, 1);
                break;
            }
            i -= 1;
            if n[i] == 9 {
                n[i] = 0;
            } else {
                n[i] += 1;
                break;
            }
        }
    }
    n
}

/// Shortest round-trip decimal digits of finite `x > 0` (digit values, no
/// trailing zeros) and the decimal exponent of the first digit, taken from
/// `ryu-js`'s `Number::toString` output.
fn shortest_decimal(x: f64) -> (Vec<u8>, i32) {
    let mut buf = ryu_js::Buffer::new();
    let s = buf.format_finite(x).as_bytes();
    let (mantissa, exp) = match s.iter().position(|&b| b == b'e') {
        Some(i) => {
            let exp_text = std::str::from_utf8(&s[i + 1..]).unwrap_or("0");
            (&s[..i], exp_text.parse::<i32>().unwrap_or(0))
        }
        None => (s, 0),
    };
    let mut digits: Vec<u8> = Vec::with_capacity(mantissa.len());
    let mut int_len: i32 = 0;
    let mut seen_point = false;
    for &b in mantissa {
        match b {
            b'.' => seen_point = true,
            b'0'..=b'9' => {
                digits.push(b - b'0');
                if !seen_point {
                    int_len += 1;
                }
            }
            _ => {}
        }
    }
    // The value is 0.d0d1d2... * 10^(int_len + exp).
    let mut point = int_len + exp;
    let lead = digits.iter().take_while(|&&d| d == 0).count();
    digits.drain(..lead);
    point -= lead as i32;
    while digits.last() == Some(&0) {
        digits.pop();
    }
    if digits.is_empty() {
        return (vec![0], 0);
    }
    (digits, point - 1)
}

/// The exact decimal expansion of finite `x > 0`: digit values (no leading
/// or trailing zeros) and the decimal exponent of the first digit, so that
/// `x = d0.d1d2... * 10^e`.
fn exact_decimal(x: f64) -> (Vec<u8>, i32) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    let (mut mant, mut exp) = if biased == 0 { (fraction, -1074) } else { (fraction | (1u64 << 52), biased - 1075) };
    if mant == 0 {
        return (vec![0], 0);
    }
    let tz = mant.trailing_zeros();
    mant >>= tz;
    exp += tz as i32;

    let mut big = BigUint::from_u64(mant);
    let (digits, e10) = if exp >= 0 {
        big.shl(exp as u32);
        let d = big.into_decimal_digits();
        let e = d.len() as i32 - 1;
        (d, e)
    } else {
        // m * 2^exp = m * 5^-exp * 10^exp.
        let mut k = exp.unsigned_abs();
        const FIVE_POW_13: u32 = 1_220_703_125;
        while k >= 13 {
            big.mul_small(FIVE_POW_13);
            k -= 13;
        }
        if k > 0 {
            big.mul_small(5u32.pow(k));
        }
        let d = big.into_decimal_digits();
        let e = d.len() as i32 - 1 + exp;
        (d, e)
    };
    let mut digits = digits;
    while digits.len() > 1 && digits.last() == Some(&0) {
        digits.pop();
    }
    (digits, e10)
}

/// Minimal unsigned big integer (little-endian 32-bit limbs), just enough for
/// exact double-to-decimal expansion.
struct BigUint {
    limbs: Vec<u32>,
}

impl BigUint {
    fn from_u64(v: u64) -> Self {
        let mut limbs = vec![v as u32, (v >> 32) as u32];
        while limbs.last() == Some(&0) {
            limbs.pop();
        }
        BigUint { limbs }
    }

    fn mul_small(&mut self, m: u32) {
        let mut carry: u64 = 0;
        for limb in &mut self.limbs {
            let v = u64::from(*limb) * u64::from(m) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry != 0 {
            self.limbs.push(carry as u32);
        }
    }

    fn shl(&mut self, bits: u32) {
        let words = (bits / 32) as usize;
        let rem = bits % 32;
        if rem != 0 {
            let mut carry: u32 = 0;
            for limb in &mut self.limbs {
                let v = *limb;
                *limb = (v << rem) | carry;
                carry = v >> (32 - rem);
            }
            if carry != 0 {
                self.limbs.push(carry);
            }
        }
        if words > 0 {
            self.limbs.splice(0..0, std::iter::repeat_n(0, words));
        }
    }

    /// Divides in place by `d` (non-zero) and returns the remainder.
    fn div_small(&mut self, d: u32) -> u32 {
        let mut rem: u64 = 0;
        for limb in self.limbs.iter_mut().rev() {
            let cur = (rem << 32) | u64::from(*limb);
            *limb = (cur / u64::from(d)) as u32;
            rem = cur % u64::from(d);
        }
        while self.limbs.last() == Some(&0) {
            self.limbs.pop();
        }
        rem as u32
    }

    /// Decimal digit values, most significant first (`[0]` for zero).
    fn into_decimal_digits(mut self) -> Vec<u8> {
        const CHUNK: u32 = 1_000_000_000;
        let mut chunks: Vec<u32> = Vec::new();
        while !self.limbs.is_empty() {
            chunks.push(self.div_small(CHUNK));
        }
        let mut digits: Vec<u8> = Vec::with_capacity(chunks.len() * 9);
        for (i, &c) in chunks.iter().rev().enumerate() {
            let mut buf = [0u8; 9];
            let mut v = c;
            for slot in buf.iter_mut().rev() {
                *slot = (v % 10) as u8;
                v /= 10;
            }
            if i == 0 {
                let skip = buf.iter().take_while(|&&d| d == 0).count().min(8);
                digits.extend_from_slice(&buf[skip..]);
            } else {
                digits.extend_from_slice(&buf);
            }
        }
        if digits.is_empty() {
            digits.push(0);
        }
        digits
    }
}

// ---------------------------------------------------------------------------
// String -> Number
// ---------------------------------------------------------------------------

/// Whether `c` is a StrWhiteSpaceChar: WhiteSpace (incl. U+FEFF and all
/// Space_Separator code points) or LineTerminator.
fn is_str_whitespace(c: u16) -> bool {
    const SPACES: [u16; 6] = [0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF];
    matches!(c, 0x09..=0x0D | 0x20 | 0xA0 | 0x1680) || (0x2000..=0x200A).contains(&c) || SPACES.contains(&c)
}

fn trim_start(s: &[u16]) -> &[u16] {
    let start = s.iter().position(|&c| !is_str_whitespace(c)).unwrap_or(s.len());
    &s[start..]
}

fn trim(s: &[u16]) -> &[u16] {
    let s = trim_start(s);
    let end = s.iter().rposition(|&c| !is_str_whitespace(c)).map_or(0, |i| i + 1);
    &s[..end]
}

/// The value of `c` as a digit in radix up to 36, or 99 if it is not one.
fn digit_value(c: u16) -> u32 {
    match c {
        0x30..=0x39 => u32::from(c - 0x30),
        0x61..=0x7A => u32::from(c - 0x61 + 10),
        0x41..=0x5A => u32::from(c - 0x41 + 10),
        _ => 99,
    }
}

fn is_decimal_digit(c: u16) -> bool {
    (0x30..=0x39).contains(&c)
}

const INFINITY_U16: [u16; 8] = [b'I' as u16, b'n' as u16, b'f' as u16, b'i' as u16, b'n' as u16, b'i' as u16, b't' as u16, b'y' as u16];

/// The longest prefix of `s` that is a StrDecimalLiteral: its length and
/// correctly rounded value, or `None` if no non-empty prefix is one.
fn scan_str_decimal(s: &[u16]) -> Option<(usize, f64)> {
    let len = s.len();
    let mut i = 0;
    let mut negative = false;
    if let Some(&c) = s.first() {
        if c == u16::from(b'+') || c == u16::from(b'-') {
            negative = c == u16::from(b'-');
            i = 1;
        }
    }
    if s[i..].starts_with(&INFINITY_U16) {
        let v = if negative { f64::NEG_INFINITY } else { f64::INFINITY };
        return Some((i + INFINITY_U16.len(), v));
    }
    let int_start = i;
    while i < len && is_decimal_digit(s[i]) {
        i += 1;
    }
    let int_part = &s[int_start..i];
    let mut frac_part: &[u16] = &[];
    if i < len && s[i] == u16::from(b'.') {
        let frac_start = i + 1;
        let mut j = frac_start;
        while j < len && is_decimal_digit(s[j]) {
            j += 1;
        }
        frac_part = &s[frac_start..j];
        if !int_part.is_empty() || !frac_part.is_empty() {
            i = j;
        }
    }
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    let mut exp_part: &[u16] = &[];
    if i < len && (s[i] == u16::from(b'e') || s[i] == u16::from(b'E')) {
        let mut j = i + 1;
        if j < len && (s[j] == u16::from(b'+') || s[j] == u16::from(b'-')) {
            j += 1;
        }
        let digits_start = j;
        while j < len && is_decimal_digit(s[j]) {
            j += 1;
        }
        if j > digits_start {
            exp_part = &s[i + 1..j];
            i = j;
        }
    }

    // Normalise to a form Rust's (correctly rounding) parser accepts.
    let mut text = String::with_capacity(i + 4);
    if negative {
        text.push('-');
    }
    if int_part.is_empty() {
        text.push('0');
    } else {
        text.extend(int_part.iter().map(|&c| char::from(c as u8)));
    }
    if !frac_part.is_empty() {
        text.push('.');
        text.extend(frac_part.iter().map(|&c| char::from(c as u8)));
    }
    if !exp_part.is_empty() {
        text.push('e');
        text.extend(exp_part.iter().map(|&c| char::from(c as u8)));
    }
    Some((i, text.parse::<f64>().unwrap_or(f64::NAN)))
}

/// `m * 2^k` for `m` an integer-valued double in [2^52, 2^53] (or smaller when
/// `k == 0`), overflowing to infinity.
fn scale_pow2(m: f64, k: u64) -> f64 {
    if k == 0 {
        m
    } else if k > 1023 {
        f64::INFINITY
    } else {
        m * f64::from_bits((k + 1023) << 52)
    }
}

/// Correctly rounded (ties to even) value of the digits `digits` in radix
/// `2^log2` (all digits must be valid).
fn parse_pow2(digits: &[u16], log2: u32) -> f64 {
    let mut mant: u64 = 0;
    let mut nbits: u32 = 0;
    let mut round_bit = false;
    let mut sticky = false;
    let mut extra: u64 = 0;
    for &c in digits {
        let d = digit_value(c);
        for b in (0..log2).rev() {
            let bit = u64::from((d >> b) & 1);
            if nbits == 0 && bit == 0 {
                continue;
            }
            if nbits < 53 {
                mant = (mant << 1) | bit;
                nbits += 1;
            } else {
                if extra == 0 {
                    round_bit = bit == 1;
                } else if bit == 1 {
                    sticky = true;
                }
                extra = extra.saturating_add(1);
            }
        }
    }
    if round_bit && (sticky || mant & 1 == 1) {
        mant += 1;
    }
    scale_pow2(mant as f64, extra)
}

/// StringToNumber (ECMA-262 7.1.4.1.1) over UTF-16 code units: whitespace
/// trimmed; empty -> 0; `Infinity` with optional sign; unsigned
/// `0x`/`0o`/`0b` integers (correctly rounded); decimal literals with
/// optional sign, fraction and exponent (correctly rounded, no numeric
/// separators); anything else NaN.
pub fn string_to_number(s: &[u16]) -> f64 {
    let t = trim(s);
    if t.is_empty() {
        return 0.0;
    }
    if t.len() >= 2 && t[0] == u16::from(b'0') {
        let log2 = match t[1] {
            0x78 | 0x58 => Some(4), // x X
            0x6F | 0x4F => Some(3), // o O
            0x62 | 0x42 => Some(1), // b B
            _ => None,
        };
        if let Some(log2) = log2 {
            let digits = &t[2..];
            let radix = 1u32 << log2;
            if digits.is_empty() || digits.iter().any(|&c| digit_value(c) >= radix) {
                return f64::NAN;
            }
            return parse_pow2(digits, log2);
        }
    }
    match scan_str_decimal(t) {
        Some((len, v)) if len == t.len() => v,
        _ => f64::NAN,
    }
}

/// `parseFloat(string)` (ECMA-262 19.2.4) on the already-stringified
/// argument: leading whitespace is skipped, then the longest prefix that is a
/// StrDecimalLiteral (incl. `Infinity`) is converted; NaN if there is none.
pub fn parse_float(s: &[u16]) -> f64 {
    match scan_str_decimal(trim_start(s)) {
        Some((_, v)) => v,
        None => f64::NAN,
    }
}

/// `parseInt(string, radix)` (ECMA-262 19.2.5) on the already-stringified
/// argument, with `radix` already converted by ToInt32 (0 = unspecified).
/// Radixes 2, 4, 8, 10, 16 and 32 are correctly rounded; other radixes
/// accumulate like V8 (exact up to 2^53, approximated above).
pub fn parse_int(s: &[u16], radix: i32) -> f64 {
    let s = trim_start(s);
    let (negative, mut s) = match s.first() {
        Some(&0x2D) => (true, &s[1..]),
        Some(&0x2B) => (false, &s[1..]),
        _ => (false, s),
    };
    let mut strip_prefix = true;
    let mut r = radix;
    if r != 0 {
        if !(2..=36).contains(&r) {
            return f64::NAN;
        }
        if r != 16 {
            strip_prefix = false;
        }
    } else {
        r = 10;
    }
    if strip_prefix && s.len() >= 2 && s[0] == u16::from(b'0') && (s[1] | 0x20) == 0x78 {
        s = &s[2..];
        r = 16;
    }
    let r = r as u32;
    let end = s.iter().position(|&c| digit_value(c) >= r).unwrap_or(s.len());
    let digits = &s[..end];
    if digits.is_empty() {
        return f64::NAN;
    }
    // Leading zeros change nothing (and V8 skips them before chunking).
    let first_nonzero = digits.iter().position(|&c| c != u16::from(b'0')).unwrap_or(digits.len());
    let digits = &digits[first_nonzero..];
    let value = if digits.is_empty() {
        0.0
    } else {
        match r {
            2 => parse_pow2(digits, 1),
            4 => parse_pow2(digits, 2),
            8 => parse_pow2(digits, 3),
            16 => parse_pow2(digits, 4),
            32 => parse_pow2(digits, 5),
            10 => {
                let text: String = digits.iter().map(|&c| char::from(c as u8)).collect();
                text.parse::<f64>().unwrap_or(f64::NAN)
            }
            _ => parse_int_chunked(digits, r),
        }
    };
    if negative {
        -value
    } else {
        value
    }
}

/// Integer value of valid `digits` in `radix`, accumulated as V8 does: chunks
/// whose multiplier `radix^k` stays <= u32::MAX / 36 are summed exactly in
/// 32 bits, then folded into a double as `result * radix^k + chunk`.
fn parse_int_chunked(digits: &[u16], radix: u32) -> f64 {
    const MAX_MULTIPLIER: u32 = u32::MAX / 36;
    let mut result = 0.0f64;
    let mut i = 0;
    while i < digits.len() {
        let mut part: u32 = 0;
        let mut multiplier: u32 = 1;
        while i < digits.len() {
            let m = multiplier * radix;
            if m > MAX_MULTIPLIER {
                break;
            }
            part = part * radix + digit_value(digits[i]);
            multiplier = m;
            i += 1;
        }
        result = result * f64::from(multiplier) + f64::from(part);
    }
    result
}

// ---------------------------------------------------------------------------
// Integer conversions
// ---------------------------------------------------------------------------

/// `x` truncated toward zero, reduced modulo 2^32 (NaN and infinities give 0).
fn to_uint32_bits(x: f64) -> u32 {
    if !x.is_finite() {
        return 0;
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    if biased == 0 {
        // Zero or subnormal: |x| < 1.
        return 0;
    }
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let exp = biased - 1075; // x = mant * 2^exp
    let magnitude: u32 = if exp >= 32 {
        0
    } else if exp >= 0 {
        (mant << exp) as u32
    } else if exp > -64 {
        (mant >> (-exp)) as u32
    } else {
        0
    };
    if x < 0.0 {
        magnitude.wrapping_neg()
    } else {
        magnitude
    }
}

/// ToInt32 (ECMA-262 7.1.6): truncate, reduce modulo 2^32, reinterpret as a
/// signed 32-bit integer; NaN and infinities give 0.
pub fn to_int32(x: f64) -> i32 {
    to_uint32_bits(x) as i32
}

/// ToUint32 (ECMA-262 7.1.7): truncate and reduce modulo 2^32; NaN and
/// infinities give 0.
pub fn to_uint32(x: f64) -> u32 {
    to_uint32_bits(x)
}

// ---------------------------------------------------------------------------
// CanonicalNumericIndexString
// ---------------------------------------------------------------------------

/// The check of CanonicalNumericIndexString (ECMA-262 7.1.21): `Some(n)` if
/// `s` is `"-0"` (n = -0) or exactly `Number::toString(StringToNumber(s))`
/// (this includes `"NaN"`, `"Infinity"` and `"-Infinity"`), otherwise `None`.
pub fn canonical_numeric_string(s: &[u16]) -> Option<f64> {
    if s == [u16::from(b'-'), u16::from(b'0')] {
        return Some(-0.0);
    }
    // Number::toString never produces more than 25 characters, and always
    // starts with a digit, '-', 'I' or 'N'.
    let first = *s.first()?;
    if s.len() > 32 || !(is_decimal_digit(first) || first == u16::from(b'-') || first == u16::from(b'I') || first == u16::from(b'N')) {
        return None;
    }
    let n = string_to_number(s);
    let text = number_to_string(n);
    if text.len() == s.len() && text.bytes().zip(s).all(|(a, &b)| u16::from(a) == b) {
        Some(n)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    //! Expected values below were produced with Node v20 (V8).
    use super::*;

    fn u(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    /// Formats like `String(x)` but keeps the sign of zero visible.
    fn show(x: f64) -> String {
        if x == 0.0 && x.is_sign_negative() {
            "-0".to_owned()
        } else {
            number_to_string(x)
        }
    }

    #[test]
    fn to_string_radix_10() {
        assert_eq!(number_to_string(1e21), "1e+21");
        assert_eq!(number_to_string(1e-7), "1e-7");
        assert_eq!(number_to_string(-0.0), "0");
        assert_eq!(number_to_string(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(number_to_string(123456789012345680000.0), "123456789012345680000");
        assert_eq!(number_to_string(f64::NAN), "NaN");
        assert_eq!(number_to_string(f64::NEG_INFINITY), "-Infinity");
        assert_eq!(number_to_string_radix(0.5, 10), "0.5");
    }

    #[test]
    fn to_string_other_radixes() {
        assert_eq!(number_to_string_radix(0.5, 2), "0.1");
        assert_eq!(number_to_string_radix(255.5, 16), "ff.8");
        assert_eq!(number_to_string_radix(1e21, 36), "5v1j4f4ds7c000");
        assert_eq!(number_to_string_radix(-255.0, 2), "-11111111");
        assert_eq!(number_to_string_radix(f64::NAN, 2), "NaN");
        assert_eq!(number_to_string_radix(f64::NEG_INFINITY, 16), "-Infinity");
        assert_eq!(number_to_string_radix(0.1, 3), "0.0022002200220022002200220022002201");
        assert_eq!(number_to_string_radix(-0.0, 2), "0");
        assert_eq!(number_to_string_radix(4294967295.0, 16), "ffffffff");
        assert_eq!(number_to_string_radix(-(2f64.powi(53) - 1.0), 36), "-2gosa7pa2gv");
        assert_eq!(number_to_string_radix(2f64.powi(53), 2), format!("1{}", "0".repeat(53)));
        assert_eq!(number_to_string_radix(2f64.powi(60) + 1024.0, 7), "2031000661631341101500");
        let max36 = number_to_string_radix(f64::MAX, 36);
        assert!(max36.starts_with("1a1e4vngaiqo000"));
        assert_eq!(max36.len(), 199);
        assert_eq!(number_to_string_radix(5e-324, 2).len(), 1076);
        assert_eq!(number_to_string_radix(0.3, 36), "0.asssssssssp");
        assert_eq!(number_to_string_radix(1.0 / 3.0, 3), "0.1");
        assert_eq!(number_to_string_radix(123.456, 8), "173.3513615237574734");
    }

    #[test]
    fn to_fixed() {
        assert_eq!(number_to_fixed(1.005, 2), "1.00");
        assert_eq!(number_to_fixed(1e21, 2), "1e+21");
        assert_eq!(number_to_fixed(-1e21, 3), "-1e+21");
        assert_eq!(number_to_fixed(0.000001, 7), "0.0000010");
        assert_eq!(number_to_fixed(-1.5, 0), "-2");
        assert_eq!(number_to_fixed(123.456, 10), "123.4560000000");
        assert_eq!(number_to_fixed(0.5, 0), "1");
        assert_eq!(number_to_fixed(2.5, 0), "3");
        assert_eq!(number_to_fixed(1.45, 1), "1.4");
        assert_eq!(number_to_fixed(-0.0000001, 2), "-0.00");
        assert_eq!(number_to_fixed(-0.0, 2), "0.00");
        assert_eq!(number_to_fixed(1.23e20, 2), "123000000000000000000.00");
        assert_eq!(number_to_fixed(5e-324, 100), format!("0.{}", "0".repeat(100)));
        assert_eq!(number_to_fixed(0.1, 20), "0.10000000000000000555");
        assert_eq!(number_to_fixed(999.995, 2), "1000.00");
        assert_eq!(number_to_fixed(99.5, 0), "100");
        assert_eq!(number_to_fixed(f64::NAN, 2), "NaN");
        assert_eq!(number_to_fixed(f64::NEG_INFINITY, 2), "-Infinity");
    }

    #[test]
    fn to_exponential() {
        assert_eq!(number_to_exponential(123.456, None), "1.23456e+2");
        assert_eq!(number_to_exponential(0.0, None), "0e+0");
        assert_eq!(number_to_exponential(-0.0, Some(2)), "0.00e+0");
        assert_eq!(number_to_exponential(1e21, None), "1e+21");
        assert_eq!(number_to_exponential(123456.0, Some(2)), "1.23e+5");
        assert_eq!(number_to_exponential(1.5e-7, Some(0)), "1e-7");
        assert_eq!(number_to_exponential(9.995, Some(2)), "9.99e+0");
        assert_eq!(number_to_exponential(5e-324, None), "5e-324");
        assert_eq!(number_to_exponential(f64::MAX, Some(20)), "1.79769313486231570815e+308");
        assert_eq!(number_to_exponential(-1.25, Some(1)), "-1.3e+0");
        assert_eq!(number_to_exponential(1.0, Some(100)).len(), 105);
        assert_eq!(number_to_exponential(f64::INFINITY, None), "Infinity");
    }

    #[test]
    fn to_precision() {
        assert_eq!(number_to_precision(123.456, 4), "123.5");
        assert_eq!(number_to_precision(0.0, 3), "0.00");
        assert_eq!(number_to_precision(0.000001234, 2), "0.0000012");
        assert_eq!(number_to_precision(0.0000001234, 2), "1.2e-7");
        assert_eq!(number_to_precision(123456.0, 2), "1.2e+5");
        assert_eq!(number_to_precision(123456.0, 6), "123456");
        assert_eq!(number_to_precision(99.99, 3), "100");
        assert_eq!(number_to_precision(-1.5, 1), "-2");
        assert_eq!(number_to_precision(1e21, 1), "1e+21");
        assert_eq!(number_to_precision(0.00001, 1), "0.00001");
        assert_eq!(number_to_precision(123.456, 100).len(), 101);
        assert_eq!(number_to_precision(1.45, 2), "1.4");
        assert_eq!(number_to_precision(f64::NAN, 2), "NaN");
    }

    #[test]
    fn string_to_number_cases() {
        let cases: &[(&str, &str)] = &[
            (" 12 ", "12"),
            ("", "0"),
            (" \u{a0}\u{feff}\u{1680}\u{2000}\u{200a}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}\t\n\u{b}\u{c}\r", "0"),
            ("\u{180e}1", "NaN"),
            ("\u{200b}1", "NaN"),
            ("\u{85}1", "NaN"),
            ("Infinity", "Infinity"),
            ("+Infinity", "Infinity"),
            ("-Infinity", "-Infinity"),
            ("infinity", "NaN"),
            ("INFINITY", "NaN"),
            ("0x1F", "31"),
            ("0X1f", "31"),
            ("-0x10", "NaN"),
            ("+0x10", "NaN"),
            ("0x", "NaN"),
            ("0o17", "15"),
            ("0O18", "NaN"),
            ("0b101", "5"),
            ("0B2", "NaN"),
            ("1_000", "NaN"),
            ("1.", "1"),
            (".5", "0.5"),
            (".", "NaN"),
            ("1e", "NaN"),
            ("1e+", "NaN"),
            ("-0", "-0"),
            ("+.5e1", "5"),
            ("00012", "12"),
            ("012", "12"),
            ("1e1000", "Infinity"),
            ("-1e-1000", "-0"),
            ("0x20000000000001", "9007199254740992"),
            ("0x20000000000003", "9007199254740996"),
            ("9007199254740993", "9007199254740992"),
            ("2.4703282292062328e-324", "5e-324"),
            ("NaN", "NaN"),
            ("12px", "NaN"),
            ("1__", "NaN"),
            ("\u{661}", "NaN"),
        ];
        for &(input, expected) in cases {
            assert_eq!(show(string_to_number(&u(input))), expected, "{input:?}");
        }
        let big_hex = format!("0x1{}", "f".repeat(270));
        assert_eq!(string_to_number(&u(&big_hex)), f64::INFINITY);
    }

    #[test]
    fn parse_float_cases() {
        let cases: &[(&str, &str)] = &[
            ("  3.14abc", "3.14"),
            ("-.5e-3x", "-0.0005"),
            ("Infinityx", "Infinity"),
            ("-Infinity1", "-Infinity"),
            ("1e", "1"),
            ("1e+x", "1"),
            (".e1", "NaN"),
            ("-0", "-0"),
            ("0x10", "0"),
            ("abc", "NaN"),
            ("", "NaN"),
            ("1.2.3", "1.2"),
            ("\u{3000} 7", "7"),
        ];
        for &(input, expected) in cases {
            assert_eq!(show(parse_float(&u(input))), expected, "{input:?}");
        }
    }

    #[test]
    fn parse_int_cases() {
        let cases: &[(&str, i32, &str)] = &[
            ("123abc", 0, "123"),
            ("  -0", 0, "-0"),
            ("-0x1A", 0, "-26"),
            ("0x1A", 16, "26"),
            ("0x1A", 10, "0"),
            ("0x", 0, "NaN"),
            ("0x", 16, "NaN"),
            ("0", 16, "0"),
            ("z", 36, "35"),
            ("Z", 36, "35"),
            ("12", 1, "NaN"),
            ("12", 37, "NaN"),
            ("12", -5, "NaN"),
            ("11", 2, "3"),
            ("1e3", 0, "1"),
            ("900719925474099267", 0, "900719925474099300"),
            ("9007199254740993", 10, "9007199254740992"),
            ("  +42", 0, "42"),
            ("", 0, "NaN"),
            ("-", 0, "NaN"),
            ("0b11", 0, "0"),
            ("0b11", 2, "0"),
            ("zzzzzzzzzzzzzzzzzzzz", 36, "1.3367494538843734e+31"),
            ("777777777777777777777777777777", 8, "1.2379400392853803e+27"),
            ("\u{a0}\u{202f}12", 0, "12"),
            ("12345678901234567890123", 7, "22875"),
        ];
        for &(input, radix, expected) in cases {
            assert_eq!(show(parse_int(&u(input), radix)), expected, "{input:?} {radix}");
        }
        assert_eq!(show(parse_int(&u(&"1".repeat(100)), 3)), "2.576887603660057e+47");
        let zeros_then_one = format!("{}1", "0".repeat(400));
        assert_eq!(parse_int(&u(&zeros_then_one), 10), 1.0);
        assert_eq!(parse_int(&u(&"1".repeat(400)), 10), f64::INFINITY);
    }

    #[test]
    fn int32_uint32() {
        let cases: &[(f64, i32, u32)] = &[
            (2147483648.0, -2147483648, 2147483648),
            (-2147483649.0, 2147483647, 2147483647),
            (4294967296.5, 0, 0),
            (-1.9, -1, 4294967295),
            (1e20, 1661992960, 1661992960),
            (9007199254740992.0, 0, 0),
            (-4294967297.0, -1, 4294967295),
            (9223372036854775808.0, 0, 0),
            (1.5, 1, 1),
            (-0.5, 0, 0),
            (f64::NAN, 0, 0),
            (f64::INFINITY, 0, 0),
            (f64::NEG_INFINITY, 0, 0),
            (5e-324, 0, 0),
            (2147483647.0, 2147483647, 2147483647),
            (-2147483648.0, -2147483648, 2147483648),
        ];
        for &(x, i, w) in cases {
            assert_eq!(to_int32(x), i, "{x}");
            assert_eq!(to_uint32(x), w, "{x}");
        }
    }

    #[test]
    fn canonical_numeric() {
        let some = |s: &str| canonical_numeric_string(&u(s)).map(show);
        assert_eq!(some("-0").as_deref(), Some("-0"));
        assert_eq!(some("0").as_deref(), Some("0"));
        assert_eq!(some("1.5").as_deref(), Some("1.5"));
        assert_eq!(some("1e+21").as_deref(), Some("1e+21"));
        assert_eq!(some("-Infinity").as_deref(), Some("-Infinity"));
        assert_eq!(some("NaN").as_deref(), Some("NaN"));
        assert_eq!(some("4294967295").as_deref(), Some("4294967295"));
        for s in ["", "01", "1.0", "+1", " 1", "1e21", "0x10", "-0.0", "abc", "Infinityx"] {
            assert_eq!(some(s), None, "{s:?}");
        }
    }

    #[test]
    fn no_panics_on_random_input() {
        let mut state: u64 = 0x243F_6A88_85A3_08D3;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let alphabet: Vec<u16> =
            u("0123456789.eE+-xXoObBaAfFzZ Infinity\u{a0}\u{feff}\u{2028}").into_iter().chain([0xD800, 0xDFFF, 0xFFFF, 0]).collect();
        for _ in 0..3000 {
            let x = f64::from_bits(next());
            let r = (next() % 40) as u32;
            let _ = number_to_string(x);
            let _ = number_to_string_radix(x, r);
            let _ = number_to_fixed(x, (next() % 120) as usize);
            let _ = number_to_exponential(x, None);
            let _ = number_to_exponential(x, Some((next() % 120) as usize));
            let _ = number_to_precision(x, (next() % 120) as usize);
            let _ = to_int32(x);
            let _ = to_uint32(x);
            let len = (next() % 24) as usize;
            let s: Vec<u16> = (0..len).map(|_| alphabet[(next() % alphabet.len() as u64) as usize]).collect();
            let _ = string_to_number(&s);
            let _ = parse_float(&s);
            let _ = parse_int(&s, (next() % 41) as i32 - 2);
            let _ = canonical_numeric_string(&s);
        }
        // Out-of-range arguments are clamped rather than panicking.
        assert_eq!(number_to_fixed(1.0, usize::MAX).len(), 102);
        assert_eq!(number_to_precision(1.0, 0), "1");
        assert_eq!(number_to_exponential(1.0, Some(usize::MAX)).len(), 105);
        assert_eq!(number_to_string_radix(255.0, 99), "255");
        assert!(parse_int(&u("12"), i32::MIN).is_nan());
    }
}
