//! Instants from RFC 3339 text (`2026-11-20T10:00:00Z`, `2026-11-20T10:00:00.5-05:00`) or a
//! plain date (`2026-11-20`, read as midnight UTC), as seconds since 1970: enough to order
//! evidence and to count the days since it, with no clock and no dependency.

/// Seconds since 1970-01-01T00:00:00Z, or `None` when the text is not such a time. The
/// same reading as the evidence's `at` (`crate::mastery::time::instant`), whole seconds.
pub fn parse_instant(text: &str) -> Option<i64> {
    crate::mastery::time::instant(text.trim()).map(|seconds| seconds.floor() as i64)
}

/// Whole days from `earlier` to `later` (negative when `later` is before).
pub fn days_between(earlier: i64, later: i64) -> i64 {
    (later - earlier).div_euclid(86_400)
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
        assert_eq!(
            parse_instant("2026-11-20T10:00:00-05:00"),
            parse_instant("2026-11-20T15:00:00Z")
        );
        assert_eq!(
            parse_instant("2026-11-20T10:00:00.250Z"),
            parse_instant("2026-11-20T10:00:00Z")
        );
        let a = parse_instant("2026-10-01T09:00:00Z").unwrap_or_default();
        let b = parse_instant("2026-11-20").unwrap_or_default();
        // October has 31 days: Oct 1 09:00 → Nov 20 00:00 is 49 days and 15 hours.
        assert_eq!(days_between(a, b), 49);
    }

    #[test]
    fn rejects_what_is_not_a_time() {
        for bad in [
            "",
            "yesterday",
            "2026-13-01",
            "2026-02-30",
            "2026-11-20T25:00:00Z",
            "2026-11-20T10:00:00+5",
        ] {
            assert_eq!(parse_instant(bad), None, "{bad}");
        }
        // Like a submission's time, a time without seconds or offset is read as UTC.
        assert_eq!(parse_instant("2026-11-20T10:00"), parse_instant("2026-11-20T10:00:00Z"));
    }
}
