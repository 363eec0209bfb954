//! Instants from RFC 3339 text (`2026-11-20T10:00:00Z`, `2026-11-20T10:00:00.5-05:00`) or a
//! plain date (`2026-11-20`, read as midnight UTC), as seconds since 1970: enough to order
//! evidence and to count the days since it, with no clock and no dependency.

/// Seconds since 1970-01-01T00:00:00Z, or `None` when the text is not such a time.
pub fn parse_instant(text: &str) -> Option<i64> {
    let text = text.trim();
    let bytes = text.as_bytes();
    if bytes.len() < 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year: i64 = digits(&text[0..4])?;
    let month: i64 = digits(&text[5..7])?;
    let day: i64 = digits(&text[8..10])?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    if bytes.len() == 10 {
        return Some(days * 86_400);
    }
    if !matches!(bytes[10], b'T' | b't' | b' ') || bytes.len() < 19 || bytes[13] != b':' || bytes[16] != b':' {
        return None;
    }
    let hour: i64 = digits(&text[11..13])?;
    let minute: i64 = digits(&text[14..16])?;
    let second: i64 = digits(&text[17..19])?;
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let n = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return None;
        }
        rest = &fraction[n..];
    }
    let offset = match rest {
        "Z" | "z" => 0,
        _ if rest.len() == 6 && (rest.starts_with('+') || rest.starts_with('-')) && &rest[3..4] == ":" => {
            let minutes = digits::<i64>(&rest[1..3])? * 60 + digits::<i64>(&rest[4..6])?;
            if rest.starts_with('-') {
                -minutes * 60
            } else {
                minutes * 60
            }
        }
        _ => return None,
    };
    Some(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
}

/// Whole days from `earlier` to `later` (negative when `later` is before).
pub fn days_between(earlier: i64, later: i64) -> i64 {
    (later - earlier).div_euclid(86_400)
}

fn digits<T: std::str::FromStr>(s: &str) -> Option<T> {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (the well-known era algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_instants() {
        assert_eq!(parse_instant("1970-01-01T00:00:00Z"), Some(0));
        // 2000-03-01 is day 11017 after 1970-01-01 (30 years × 365 + 7 leap days + Jan 31 + Feb 29).
        assert_eq!(parse_instant("2000-03-01"), Some(11_017 * 86_400));
        // 10:00 at UTC−05:00 is 15:00 UTC.
        assert_eq!(parse_instant("2026-11-20T10:00:00-05:00"), parse_instant("2026-11-20T15:00:00Z"));
        assert_eq!(parse_instant("2026-11-20T10:00:00.250Z"), parse_instant("2026-11-20T10:00:00Z"));
        let a = parse_instant("2026-10-01T09:00:00Z").unwrap_or_default();
        let b = parse_instant("2026-11-20").unwrap_or_default();
        // October has 31 days: Oct 1 09:00 → Nov 20 00:00 is 49 days and 15 hours.
        assert_eq!(days_between(a, b), 49);
    }

    #[test]
    fn rejects_what_is_not_a_time() {
        for bad in ["", "yesterday", "2026-13-01", "2026-02-30", "2026-11-20T25:00:00Z", "2026-11-20T10:00:00", "2026-11-20T10:00Z"] {
            assert_eq!(parse_instant(bad), None, "{bad}");
        }
    }
}
