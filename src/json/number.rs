//! Numbers in messages, written as Rust's `{}` and `{:e}` write an `f64` ("3", "2.5",
//! "0.0000001", "1.5e10"), from the shortest digits that `serde_json` already computes for
//! JSON output. Rust's own float formatting (about 22 KB of code and tables) then stays out
//! of the student wasm. `format!("{}", Num(x))` writes what `format!("{x}")` did.

use std::fmt;

/// An `f64` that displays as Rust displays it, without Rust's float formatting code.
#[derive(Debug, Clone, Copy)]
pub struct Num(pub f64);

/// An `f64` that displays as `{:e}` displays it (`1e9`, `1.5e10`, `-2.25e-7`).
#[derive(Debug, Clone, Copy)]
pub struct NumExp(pub f64);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&number_text(self.0))
    }
}

impl fmt::Display for NumExp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = self.0;
        if !value.is_finite() {
            return f.write_str(&number_text(value));
        }
        let (digits, point) = shortest(value);
        let sign = if value.is_sign_negative() { "-" } else { "" };
        match digits.as_str() {
            "" => write!(f, "{sign}0e0"),
            d if d.len() == 1 => write!(f, "{sign}{d}e{}", point - 1),
            d => write!(f, "{sign}{}.{}e{}", &d[..1], &d[1..], point - 1),
        }
    }
}

/// `value` as `format!("{value}")` writes it.
pub fn number_text(value: f64) -> String {
    if value.is_nan() {
        return "NaN".into();
    }
    if value.is_infinite() {
        return if value < 0.0 { "-inf" } else { "inf" }.into();
    }
    let (digits, point) = shortest(value);
    let mut out = String::new();
    if value.is_sign_negative() {
        out.push('-');
    }
    if digits.is_empty() {
        out.push('0');
    } else if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-point) as usize));
        out.push_str(&digits);
    } else if point as usize >= digits.len() {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', point as usize - digits.len()));
    } else {
        out.push_str(&digits[..point as usize]);
        out.push('.');
        out.push_str(&digits[point as usize..]);
    }
    out
}

/// The shortest digits of finite `value`, without leading or trailing zeros (none for 0),
/// and where the point goes: `|value|` is 0.DIGITS × 10^point.
fn shortest(value: f64) -> (String, i32) {
    // serde_json writes the shortest digits that read back as `value`, as `1.5`, `3.0`,
    // `1e21` or `1e-7` (zmij), the digits Rust's `{}` chooses, but for the layout and for
    // exact ties (below).
    let json = serde_json::Number::from_f64(value).map(|n| n.to_string()).unwrap_or_default();
    let json = json.strip_prefix('-').unwrap_or(&json);
    let (mantissa, exponent) = match json.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.trim_start_matches('+').parse::<i32>().unwrap_or(0)),
        None => (json, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: String = whole.chars().chain(fraction.chars()).collect();
    // `value` is 0.DIGITS × 10^point once leading zeros are gone.
    let leading = digits.len() - digits.trim_start_matches('0').len();
    let mut digits = digits[leading..].trim_end_matches('0').to_string();
    let mut point = whole.len() as i32 - leading as i32 + exponent;
    // When `value` lies exactly halfway between two shortest candidates, zmij takes the even
    // one and Rust the one above; only long digit strings can be such ties.
    if digits.len() >= 15 {
        if let Ok(d) = digits.parse::<u64>() {
            if halfway_above(value.abs(), d, point - digits.len() as i32) {
                let up = (d + 1).to_string();
                point += up.len() as i32 - digits.len() as i32;
                digits = up.trim_end_matches('0').to_string();
            }
        }
    }
    (digits, point)
}

/// Whether `value` (finite, not negative) is exactly (d + ½) × 10^k, in whole numbers:
/// m × 2^(e+1) = (2d + 1) × 5^k × 2^k. Any overflow means no: a tie needs 5^|k| to divide
/// one 53-bit or 60-bit side, so both sides of a true tie stay below 2^113.
fn halfway_above(value: f64, d: u64, k: i32) -> bool {
    let bits = value.to_bits();
    let (field, fraction) = ((bits >> 52) as i32, bits & ((1 << 52) - 1));
    let (m, e) = if field == 0 { (fraction, -1074) } else { (fraction | 1 << 52, field - 1075) };
    let pow5 = |n: i32| 5u128.checked_pow(n.unsigned_abs());
    let (mut left, mut right) = (Some(m as u128), Some(2 * d as u128 + 1));
    if k >= 0 {
        right = right.zip(pow5(k)).and_then(|(r, p)| r.checked_mul(p));
    } else {
        left = left.zip(pow5(k)).and_then(|(l, p)| l.checked_mul(p));
    }
    let shift = |x: Option<u128>, by: i32| {
        x.filter(|x| by < 128 && x.leading_zeros() >= by as u32).map(|x| x << by)
    };
    let twos = e + 1 - k;
    if twos >= 0 {
        left = shift(left, twos);
    } else {
        right = shift(right, -twos);
    }
    matches!((left, right), (Some(l), Some(r)) if l == r)
}

#[cfg(test)]
mod tests {
    use super::{number_text, NumExp};

    fn same(v: f64) {
        assert_eq!(number_text(v), format!("{v}"), "bits {:#x}", v.to_bits());
        assert_eq!(NumExp(v).to_string(), format!("{v:e}"), "bits {:#x}", v.to_bits());
    }

    #[test]
    fn numbers_are_written_as_rust_writes_them() {
        for v in [
            0.0,
            -0.0,
            1.0,
            -1.0,
            3.0,
            2.5,
            0.1,
            0.2 + 0.1,
            1e21,
            1e22,
            1.5e300,
            1e-7,
            1.25e-7,
            123456789.0,
            0.000123,
            5e-324,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            1e15,
            1e16,
            9007199254740993.0,
            4.35,
            100.0,
            0.5,
            1e100,
            12.0,
            3.75,
            -0.001,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            same(v);
        }
        for i in -2000..2000 {
            same(i as f64);
            same(i as f64 / 100.0);
            same(i as f64 / 3.0);
        }
    }

    #[test]
    fn random_bit_patterns_are_written_as_rust_writes_them() {
        // A fixed xorshift sequence: every kind of exponent and mantissa.
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..100_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            same(f64::from_bits(state));
            // Large numbers with a few fraction bits, where exact ties between two
            // shortest candidates happen.
            let m = (state >> 11) | 1 << 52;
            same(m as f64 * 2f64.powi((state % 24) as i32 - 12));
            same(-(m as f64) * 2f64.powi((state % 24) as i32 - 12));
        }
    }
}
