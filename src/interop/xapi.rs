//! xAPI 1.0.3 statements for a Learning Record Store: one `scored` statement for a scored
//! submission, and one `mastered` statement per competency the submission shows at mastery
//! (or per mastered estimate). Deterministic: the statement id is a UUID v5 of the
//! statement's own content and the timestamp is the submission's `submittedAt`, so the
//! same submission always gives the same statements and an LRS can deduplicate them.
//!
//! Takes a rubric and its score report (or an estimate); gives statements as JSON values.

use crate::error::Error;
use crate::mastery::Estimate;
use crate::rubric::model::{Rubric, Submission};
use crate::scoring::{CompiledRubric, ScoreReport};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

/// ADL's registered verb for a scored attempt.
pub const VERB_SCORED: &str = "http://adlnet.gov/expapi/verbs/scored";
/// ADL's registered verb for reaching mastery.
pub const VERB_MASTERED: &str = "http://adlnet.gov/expapi/verbs/mastered";
/// ADL activity types.
pub const TYPE_ASSESSMENT: &str = "http://adlnet.gov/expapi/activities/assessment";
pub const TYPE_OBJECTIVE: &str = "http://adlnet.gov/expapi/activities/objective";
/// Result extension holding the per-criterion results of a `scored` statement.
pub const EXTENSION_CRITERIA: &str = "https://evident.dev/xapi/extensions/criteria";

/// Where the statements' IRIs point (JSON: camelCase, all optional).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct XapiOptions {
    /// The home page of the system the student ids belong to (the actor's account).
    pub home_page: String,
    /// Base IRI of task, rubric and competency activities.
    pub activity_base: String,
}

impl Default for XapiOptions {
    fn default() -> Self {
        XapiOptions {
            home_page: "https://evident.dev".to_string(),
            activity_base: "https://evident.dev/xapi/activities".to_string(),
        }
    }
}

/// The `scored` statement of a report, then one `mastered` statement per competency whose
/// criteria all reached mastery in it. The report must name its student.
pub fn report_statements(
    rubric: &Rubric,
    report: &ScoreReport,
    options: &XapiOptions,
) -> Result<Vec<Value>, Error> {
    let student = report.student.as_deref().ok_or_else(|| {
        Error::at(
            "submission",
            "student",
            "missing: an xAPI statement needs the student it is about",
        )
    })?;
    check_iri(&options.home_page, "homePage")?;
    check_iri(&options.activity_base, "activityBase")?;
    let lang = rubric.locale.as_str();
    let rubric_activity = activity(
        &options.activity_base,
        "rubrics",
        &rubric.id,
        &rubric.title,
        lang,
        TYPE_ASSESSMENT,
    );
    let (object, context_activities) = match &report.task {
        Some(task) => (
            activity(
                &options.activity_base,
                "tasks",
                task,
                &format!("{task}: {}", rubric.title),
                lang,
                TYPE_ASSESSMENT,
            ),
            json!({ "other": [rubric_activity.clone()] }),
        ),
        None => (rubric_activity.clone(), json!({})),
    };
    let criteria: Vec<Value> = report
        .criteria
        .iter()
        .map(|c| {
            json!({"id": c.id, "competency": c.competency, "level": c.level, "label": c.label, "points": c.points,
                   "maxPoints": c.max_points, "weight": c.weight, "mastered": c.mastered, "source": c.source})
        })
        .collect();
    let mut score = json!({ "raw": report.total, "min": 0, "max": report.max });
    if report.max > 0.0 {
        score["scaled"] = json!(round4(report.total / report.max));
    }
    let mut scored = json!({
        "actor": actor(student, &options.home_page),
        "verb": { "id": VERB_SCORED, "display": { "en-US": "scored" } },
        "object": object,
        "result": { "score": score, "success": report.mastered, "completion": true,
                    "extensions": { EXTENSION_CRITERIA: criteria } },
        "context": context(context_activities, lang),
    });
    if let Some(at) = &report.submitted_at {
        scored["timestamp"] = json!(at);
    }
    let scored = with_id(scored);
    let scored_id = scored["id"].clone();

    let top = rubric.scale.levels.last().map_or(0.0, |l| l.value);
    let bottom = rubric.scale.levels.first().map_or(0.0, |l| l.value);
    let mut statements = vec![scored];
    for competency in mastered_competencies(report) {
        let level = report
            .criteria
            .iter()
            .filter(|c| c.competency.as_deref() == Some(competency))
            .map(|c| c.level)
            .fold(f64::INFINITY, f64::min);
        let mut score = json!({ "raw": level, "min": bottom, "max": top });
        if top > 0.0 {
            score["scaled"] = json!(round4(level / top));
        }
        let mut ctx = context(json!({ "other": [rubric_activity.clone()] }), lang);
        ctx["statement"] = json!({ "objectType": "StatementRef", "id": scored_id });
        let mut statement = json!({
            "actor": actor(student, &options.home_page),
            "verb": { "id": VERB_MASTERED, "display": { "en-US": "mastered" } },
            "object": activity(&options.activity_base, "competencies", competency, competency, lang, TYPE_OBJECTIVE),
            "result": { "score": score, "success": true },
            "context": ctx,
        });
        if let Some(at) = &report.submitted_at {
            statement["timestamp"] = json!(at);
        }
        statements.push(with_id(statement));
    }
    Ok(statements)
}

/// Scores the submission and gives its statements (see `report_statements`).
pub fn submission_statements(
    compiled: &CompiledRubric,
    submission: &Submission,
    options: &XapiOptions,
) -> Result<Vec<Value>, Error> {
    let report = compiled.score(submission)?;
    report_statements(&compiled.rubric, &report, options)
}

/// A `mastered` statement for a mastered estimate (`None` when it is not mastered),
/// timestamped with its latest evidence; `title` names the competency when known.
pub fn estimate_statement(
    estimate: &Estimate,
    title: Option<&str>,
    options: &XapiOptions,
) -> Result<Option<Value>, Error> {
    if !estimate.mastered {
        return Ok(None);
    }
    check_iri(&options.home_page, "homePage")?;
    check_iri(&options.activity_base, "activityBase")?;
    let name = title.unwrap_or(&estimate.competency);
    let mut statement = json!({
        "actor": actor(&estimate.student, &options.home_page),
        "verb": { "id": VERB_MASTERED, "display": { "en-US": "mastered" } },
        "object": activity(&options.activity_base, "competencies", &estimate.competency, name, "en", TYPE_OBJECTIVE),
        "result": { "success": true },
    });
    if !estimate.last_at.is_empty() {
        statement["timestamp"] = json!(estimate.last_at);
    }
    Ok(Some(with_id(statement)))
}

/// Competencies of the report whose criteria are all mastered, in criterion order.
fn mastered_competencies(report: &ScoreReport) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for c in &report.criteria {
        let Some(id) = c.competency.as_deref() else { continue };
        if out.contains(&id) {
            continue;
        }
        if report
            .criteria
            .iter()
            .filter(|d| d.competency.as_deref() == Some(id))
            .all(|d| d.mastered)
        {
            out.push(id);
        }
    }
    out
}

fn actor(student: &str, home_page: &str) -> Value {
    json!({ "objectType": "Agent", "account": { "homePage": home_page, "name": student } })
}

fn activity(
    base: &str,
    kind: &str,
    id: &str,
    name: &str,
    lang: &str,
    activity_type: &str,
) -> Value {
    json!({
        "objectType": "Activity",
        "id": format!("{}/{kind}/{}", base.trim_end_matches('/'), encode_segment(id)),
        "definition": { "name": { lang: name }, "type": activity_type },
    })
}

fn context(activities: Value, lang: &str) -> Value {
    let mut ctx = json!({ "platform": "Evident", "language": lang });
    if activities.as_object().is_some_and(|m| !m.is_empty()) {
        ctx["contextActivities"] = activities;
    }
    ctx
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn check_iri(iri: &str, option: &str) -> Result<(), Error> {
    let scheme_ok = iri.split_once("://").is_some_and(|(s, rest)| {
        !s.is_empty()
            && s.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            && !rest.is_empty()
    });
    if scheme_ok && !iri.contains(char::is_whitespace) {
        Ok(())
    } else {
        Err(Error::at(
            "options",
            option,
            format!("`{iri}` is not an absolute IRI like https://school.example"),
        ))
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters, for an IRI path segment.
fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The statement with `id` set to the UUID v5 of its canonical JSON (sorted keys, no `id`).
pub fn with_id(mut statement: Value) -> Value {
    if let Some(map) = statement.as_object_mut() {
        map.remove("id");
    }
    let canonical = statement.to_string();
    let id = uuid_v5(&evident_namespace(), canonical.as_bytes());
    if let Some(map) = statement.as_object_mut() {
        let mut with: Map<String, Value> = Map::new();
        with.insert("id".to_string(), json!(id));
        with.extend(std::mem::take(map));
        *map = with;
    }
    statement
}

/// Evident's UUID namespace: the v5 UUID of our IRI in RFC 4122's URL namespace.
fn evident_namespace() -> [u8; 16] {
    const URL_NAMESPACE: [u8; 16] = [
        0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30,
        0xc8,
    ];
    uuid_v5_bytes(&URL_NAMESPACE, b"https://evident.dev/xapi")
}

/// RFC 4122 name-based UUID (version 5, SHA-1), as text.
pub fn uuid_v5(namespace: &[u8; 16], name: &[u8]) -> String {
    let b = uuid_v5_bytes(namespace, name);
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

fn uuid_v5_bytes(namespace: &[u8; 16], name: &[u8]) -> [u8; 16] {
    let mut input = namespace.to_vec();
    input.extend_from_slice(name);
    let digest = sha1(&input);
    let mut b = [0u8; 16];
    b.copy_from_slice(&digest[..16]);
    b[6] = (b[6] & 0x0f) | 0x50;
    b[8] = (b[8] & 0x3f) | 0x80;
    b
}

/// SHA-1 (FIPS 180-4). Only for name-based UUIDs, never for security.
fn sha1(data: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((data.len() as u64).wrapping_mul(8)).to_be_bytes());
    for block in message.chunks_exact(64) {
        let mut w = [0u32; 80];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, &wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A82_7999),
                20..=39 => (b ^ c ^ d, 0x6ED9_EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC),
                _ => (b ^ c ^ d, 0xCA62_C1D6),
            };
            let t =
                a.rotate_left(5).wrapping_add(f).wrapping_add(e).wrapping_add(k).wrapping_add(wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 20];
    for (i, x) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&x.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    #[test]
    fn sha1_matches_the_fips_test_vectors() {
        assert_eq!(hex(&sha1(b"")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assert_eq!(hex(&sha1(b"abc")), "a9993e364706816aba3e25717850c26c9cd0d89d");
        // Two blocks: 56 bytes of message push the length into a second block.
        assert_eq!(
            hex(&sha1(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1"
        );
    }

    #[test]
    fn uuid_v5_matches_rfc_4122_examples() {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        const DNS: [u8; 16] = [
            0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4,
            0x30, 0xc8,
        ];
        assert_eq!(uuid_v5(&DNS, b"python.org"), "886313e1-3b8a-5372-9b90-0c9aee199e5d");
    }

    #[test]
    fn segments_are_percent_encoded() {
        assert_eq!(encode_segment("SCI.CER.1"), "SCI.CER.1");
        assert_eq!(encode_segment("lab 3/ñ"), "lab%203%2F%C3%B1");
    }
}
