//! Instants of RFC 3339 date-times, for ordering evidence and measuring staleness.
//!
//! Takes `2026-11-20T10:00:00Z`, `2026-11-20T10:00:00.250+02:00` or a bare date
//! `2026-11-20` (midnight UTC), also without seconds or without an offset (read as UTC), as the
//! submission format accepts; gives seconds since 1970-01-01T00:00:00Z with a fraction.
//! Strings compare wrongly across offsets (`10:00+02:00` is before `09:00Z`), hence this.

/// Seconds since the Unix epoch (UTC), or `None` when `text` is not an RFC 3339 date-time.
pub fn instant(text: &str) -> Option<f64> {
    let b = text.as_bytes();
    // The form evidence mostly holds, read in one go; every other form the general way below.
    if let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1, b'T', h0, h1, b':', n0, n1, b':', s0, s1, b'Z'] =
        *b
    {
        let digits = [y0, y1, y2, y3, m0, m1, d0, d1, h0, h1, n0, n1, s0, s1];
        if digits.iter().all(u8::is_ascii_digit) {
            let pair = |tens: u8, ones: u8| i64::from(tens - b'0') * 10 + i64::from(ones - b'0');
            let (year, month, day) =
                (pair(y0, y1) * 100 + pair(y2, y3), pair(m0, m1), pair(d0, d1));
            let (hour, minute, second) = (pair(h0, h1), pair(n0, n1), pair(s0, s1));
            let valid = (1..=12).contains(&month)
                && day >= 1
                && day <= days_in_month(year, month)
                && hour <= 23
                && minute <= 59
                && second <= 60;
            // Whole seconds below 2^53: the same f64 as the general way's sum.
            return valid.then(|| {
                (days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second)
                    as f64
            });
        }
    }
    let number = |from: usize, to: usize| -> Option<i64> {
        let digits = b.get(from..to)?;
        if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(digits.iter().fold(0i64, |n, d| n * 10 + i64::from(d - b'0')))
    };
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (year, month, day) = (number(0, 4)?, number(5, 7)?, number(8, 10)?);
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let mut seconds = days_from_civil(year, month, day) as f64 * 86_400.0;
    if b.len() == 10 {
        return Some(seconds);
    }
    if !matches!(b[10], b'T' | b't' | b' ') || b.len() < 16 || b[13] != b':' {
        return None;
    }
    let (hour, minute) = (number(11, 13)?, number(14, 16)?);
    // Seconds may be left out, as the submission format allows (`10:00Z`).
    let (second, mut at) = if b.get(16) == Some(&b':') { (number(17, 19)?, 19) } else { (0, 16) };
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    seconds += (hour * 3600 + minute * 60 + second) as f64;
    if b.get(at) == Some(&b'.') {
        let start = at + 1;
        at = start;
        while b.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
        if at == start {
            return None;
        }
        seconds += text[start - 1..at].parse::<f64>().ok()?;
    }
    match b.get(at) {
        // No offset: read as UTC (lenient, like the submission check).
        None => Some(seconds),
        Some(b'Z' | b'z') if b.len() == at + 1 => Some(seconds),
        Some(&sign @ (b'+' | b'-')) if b.len() == at + 6 && b[at + 3] == b':' => {
            // RFC 3339 offsets run to ±23:59; `+99:99` is not a time zone.
            let (hours, minutes) = (number(at + 1, at + 3)?, number(at + 4, at + 6)?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let offset = (hours * 3600 + minutes * 60) as f64;
            Some(if sign == b'+' { seconds - offset } else { seconds + offset })
        }
        _ => None,
    }
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's civil-days algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let m = (month + 9) % 12;
    let day_of_year = (153 * m + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dates_times_fractions_and_offsets() {
        assert_eq!(instant("1970-01-01T00:00:00Z"), Some(0.0));
        // 2000-03-01 is 11,017 days after the epoch (30 years incl. 7 leap days = 10,957, + 60).
        assert_eq!(instant("2000-03-01"), Some(11_017.0 * 86_400.0));
        assert_eq!(instant("1970-01-01T01:00:00+01:00"), Some(0.0));
        assert_eq!(instant("1970-01-01T00:00:01.5Z"), Some(1.5));
        assert_eq!(instant("1969-12-31T23:00:00-01:00"), Some(0.0));
        assert_eq!(instant("1970-01-01T00:01Z"), Some(60.0));
        assert_eq!(instant("1970-01-01T00:01"), Some(60.0));
    }

    #[test]
    fn the_usual_form_reads_as_the_general_way_does() {
        // 2026-11-20 is 20,777 days after the epoch; 10:00:00 is 36,000 s.
        assert_eq!(instant("2026-11-20T10:00:00Z"), Some(20_777.0 * 86_400.0 + 36_000.0));
        assert_eq!(instant("2026-11-20T10:00:00Z"), instant("2026-11-20T10:00:00+00:00"));
        assert_eq!(instant("2024-02-29T23:59:60Z"), instant("2024-02-29T23:59:60z"));
        assert_eq!(instant("0000-03-01T00:00:00Z"), instant("0000-03-01t00:00:00Z"));
        for bad in [
            "2026-02-29T10:00:00Z",
            "2026-00-10T10:00:00Z",
            "2026-11-00T10:00:00Z",
            "2026-11-20T24:00:00Z",
            "2026-11-20T10:60:00Z",
            "2026-11-20T10:00:61Z",
            "2026-1a-20T10:00:00Z",
        ] {
            assert_eq!(instant(bad), None, "{bad}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_date_time() {
        for bad in [
            "2026-13-01",
            "2026-02-30",
            "yesterday",
            "2026-11-20T1000",
            "2026-11-20T10:00:0",
            "2026-11-20T25:00:00Z",
            "2026-11-20T10:00:00+0200",
        ] {
            assert_eq!(instant(bad), None, "{bad}");
        }
    }
}
