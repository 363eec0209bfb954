//! Numbers written in student text, with the unit written after them.
//!
//! Reading rules (`.` and `,` both serve as decimal marks, as students use both):
//! - A separator followed by a digit continues the number; anything else ends it
//!   (`12.` at the end of a sentence is 12).
//! - With one kind of separator, groups of exactly three digits after each separator are
//!   thousands when that separator is the locale's thousands mark (`1,000` in `en`,
//!   `1.000` in `es`); otherwise the (single) separator is a decimal mark: `3,5` is 3.5 in
//!   every locale, `12,5` too, `3.2` too. `1,5,6` (a list) stops before the second comma.
//! - With both kinds (`1,234.5`, `1.234,5`), the last one is the decimal mark.
//! - A `-` or `−` directly before the digits makes the number negative unless a letter or
//!   digit comes right before it (`pH 7-8` is 7 and 8, not −8).
//! - A number glued to a letter on its left (`CO2`, `H2O`) is part of a name, not a number.
//! - The unit is the run of letters (and `°`, `%`, `µ`, `²`, `³`, `/`) right after the
//!   number, with or without spaces between (`12 cm`, `12cm`, `45 %`, `20 °C`, `3.2 kg`).

use super::words::Utf16Cursor;

/// A number found in a text. Offsets are UTF-16 code units of that text.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundNumber {
    pub value: f64,
    pub start: u32,
    /// End of the number's digits.
    pub end: u32,
    /// The unit written after it, lowercased, if any.
    pub unit: Option<String>,
    /// End of the unit (equals `end` without one).
    pub unit_end: u32,
}

/// Whether a locale writes `3,5` for three and a half (so `.` groups thousands).
pub fn decimal_comma(locale: &str) -> bool {
    matches!(
        super::language(locale).as_str(),
        "es" | "fr"
            | "de"
            | "it"
            | "pt"
            | "nl"
            | "ru"
            | "ro"
            | "tr"
            | "da"
            | "sv"
            | "no"
            | "nb"
            | "nn"
            | "fi"
            | "pl"
            | "cs"
            | "el"
            | "hu"
            | "ca"
            | "gl"
            | "eu"
            | "uk"
            | "id"
    )
}

fn unit_char(c: char) -> bool {
    c.is_alphabetic() || matches!(c, '°' | '%' | 'µ' | '²' | '³' | '/')
}

/// Every number of a text, in order.
pub fn find_numbers(text: &str, decimal_comma: bool) -> Vec<FoundNumber> {
    let thousands = if decimal_comma { '.' } else { ',' };
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut cursor = Utf16Cursor::default();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let before = text[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            // Part of a name like CO2: skip the digits.
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            continue;
        }
        // Sign: '-' or U+2212 right before, with no letter or digit before the sign.
        let mut start = i;
        let mut negative = false;
        if let Some(sign) = before.filter(|c| *c == '-' || *c == '−') {
            let sign_at = i - sign.len_utf8();
            if !text[..sign_at].chars().next_back().is_some_and(char::is_alphanumeric) {
                negative = true;
                start = sign_at;
            }
        }
        // Digits and separators: groups[k] is the digit run after separators[k - 1].
        let mut groups: Vec<(usize, usize)> = Vec::new();
        let mut separators: Vec<u8> = Vec::new();
        let mut j = i;
        loop {
            let g = j;
            while j < bytes.len() && bytes[j].is_ascii_digit() {
                j += 1;
            }
            groups.push((g, j));
            if j + 1 < bytes.len()
                && (bytes[j] == b'.' || bytes[j] == b',')
                && bytes[j + 1].is_ascii_digit()
            {
                separators.push(bytes[j]);
                j += 1;
            } else {
                break;
            }
        }
        let (value, used_groups) = read_value(text, &groups, &separators, thousands as u8);
        let end_byte = groups[used_groups - 1].1;
        let value = if negative { -value } else { value };
        // Unit: optional horizontal spaces, then a run of unit characters.
        let mut k = end_byte;
        while k < bytes.len() && (bytes[k] == b' ' || bytes[k] == b'\t') {
            k += 1;
        }
        let unit_len: usize =
            text[k..].chars().take_while(|c| unit_char(*c)).map(char::len_utf8).sum();
        let unit_text = text[k..k + unit_len].trim_end_matches('/');
        let start16 = cursor.advance_to(text, start);
        let end16 = cursor.advance_to(text, end_byte);
        let (unit, unit_end) = if unit_text.is_empty() {
            (None, end16)
        } else {
            let unit_end = cursor.advance_to(text, k + unit_text.len());
            (Some(unit_text.to_lowercase()), unit_end)
        };
        out.push(FoundNumber { value, start: start16, end: end16, unit, unit_end });
        i = end_byte.max(i + 1);
    }
    out
}

/// The value of digit groups joined by separators, and how many groups belong to it.
fn read_value(
    text: &str,
    groups: &[(usize, usize)],
    separators: &[u8],
    thousands: u8,
) -> (f64, usize) {
    let digits = |g: (usize, usize)| &text[g.0..g.1];
    let parse = |s: &str| s.parse::<f64>().unwrap_or(0.0);
    if separators.is_empty() {
        return (parse(digits(groups[0])), 1);
    }
    let mixed = separators.iter().any(|&s| s != separators[0]);
    if mixed {
        // The last separator is the decimal mark; the earlier ones group thousands.
        let last = separators.len() - 1;
        let decimal = separators[last];
        let grouped = separators[..last].iter().all(|&s| s != decimal)
            && groups[1..=last].iter().all(|&g| g.1 - g.0 == 3);
        if grouped {
            let whole: String = groups[..=last].iter().map(|&g| digits(g)).collect();
            return (parse(&format!("{whole}.{}", digits(groups[last + 1]))), groups.len());
        }
    } else if separators[0] == thousands && groups[1..].iter().all(|&g| g.1 - g.0 == 3) {
        let whole: String = groups.iter().map(|&g| digits(g)).collect();
        return (parse(&whole), groups.len());
    }
    // One decimal mark: the first two groups ("1,5,6" is 1.5, then 6 as its own number).
    (parse(&format!("{}.{}", digits(groups[0]), digits(groups[1]))), 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, comma: bool) -> Vec<f64> {
        find_numbers(text, comma).iter().map(|n| n.value).collect()
    }

    #[test]
    fn reads_decimals_and_thousands_by_locale() {
        assert_eq!(values("The plant grew 12,5 cm and weighed 3.2 kg.", false), vec![12.5, 3.2]);
        assert_eq!(
            values("We counted 1,000 seeds, then 2,500,000.", false),
            vec![1000.0, 2_500_000.0]
        );
        assert_eq!(
            values("Contamos 1.000 semillas; la planta mide 12,5 cm.", true),
            vec![1000.0, 12.5]
        );
        assert_eq!(values("1,234.5 or 1.234,5", false), vec![1234.5, 1234.5]);
        assert_eq!(values("Readings: 1,5,6", false), vec![1.5, 6.0]);
        assert_eq!(values("It fell to -4 °C, CO2 rose, pH 7-8.", false), vec![-4.0, 7.0, 8.0]);
    }

    #[test]
    fn units_and_spans() {
        // "🧪 " is 3 UTF-16 units; "Masa: " 6 more, so "3,2" starts at 9 and "kg" ends at 15.
        let found = find_numbers("🧪 Masa: 3,2 kg. Largo: 12cm.", true);
        assert_eq!(
            found[0],
            FoundNumber { value: 3.2, start: 9, end: 12, unit: Some("kg".into()), unit_end: 15 }
        );
        assert_eq!(found[1].value, 12.0);
        assert_eq!(found[1].unit.as_deref(), Some("cm"));
        assert_eq!(found[1].unit_end - found[1].start, 4);
        let pct = find_numbers("45 % of them", false);
        assert_eq!(pct[0].unit.as_deref(), Some("%"));
    }
}
