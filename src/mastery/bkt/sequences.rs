//! Answer sequences grouped per skill and per student, in flat arrays, ready for fitting.
//!
//! Takes right/wrong responses (from a CSV of `order_id,user_id,skill_name,correct`, the
//! layout of the ASSISTments data and of pyBKT, or built in code); gives one `SkillSequences`
//! per skill: every student's answers to that skill in order, stored end to end in one array
//! with offsets, so that EM walks memory straight through and allocates nothing per step.

use crate::error::{Error, Problem};

/// One right/wrong answer of one student to one skill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// Position in time (answers of a student are ordered by it; ties keep input order).
    pub order: u64,
    pub student: String,
    pub skill: String,
    pub correct: bool,
}

/// Every student's answers to one skill: student `i` answered `answers[starts[i]..starts[i+1]]`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SkillSequences {
    pub skill: String,
    /// 1 for right, 0 for wrong, sequences end to end.
    pub answers: Vec<u8>,
    /// Offsets into `answers`; one more than the number of sequences.
    pub starts: Vec<u32>,
    /// The student of each sequence.
    pub students: Vec<String>,
}

impl SkillSequences {
    pub fn sequence_count(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    pub fn sequence(&self, i: usize) -> &[u8] {
        &self.answers[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    pub fn longest(&self) -> usize {
        self.starts.windows(2).map(|w| (w[1] - w[0]) as usize).max().unwrap_or(0)
    }

    /// Groups responses by skill (in skill-name order), then by student, each student's
    /// answers ordered by `order` (ties: input order).
    pub fn group(responses: &[Response]) -> Vec<SkillSequences> {
        let mut index: Vec<usize> = (0..responses.len()).collect();
        // A stable sort keeps input order among equal keys.
        index.sort_by(|&a, &b| {
            let (x, y) = (&responses[a], &responses[b]);
            x.skill
                .cmp(&y.skill)
                .then_with(|| student_order(&x.student, &y.student))
                .then(x.order.cmp(&y.order))
        });
        let mut skills: Vec<SkillSequences> = Vec::new();
        let mut previous: Option<(&str, &str)> = None;
        for &i in &index {
            let r = &responses[i];
            let same_skill = previous.is_some_and(|(skill, _)| skill == r.skill);
            if !same_skill {
                skills.push(SkillSequences {
                    skill: r.skill.clone(),
                    answers: Vec::new(),
                    starts: vec![0],
                    students: Vec::new(),
                });
            }
            let Some(current) = skills.last_mut() else { continue };
            let same_student =
                same_skill && previous.is_some_and(|(_, student)| student == r.student);
            if !same_student {
                if current.students.is_empty() {
                    current.students.push(r.student.clone());
                } else {
                    current.starts.push(current.answers.len() as u32);
                    current.students.push(r.student.clone());
                }
            }
            current.answers.push(u8::from(r.correct));
            previous = Some((&r.skill, &r.student));
        }
        for skill in &mut skills {
            skill.starts.push(skill.answers.len() as u32);
        }
        skills
    }
}

/// Numeric ids in numeric order (as pandas sorts an integer column), others by text.
fn student_order(a: &str, b: &str) -> std::cmp::Ordering {
    match (a.parse::<u64>(), b.parse::<u64>()) {
        (Ok(x), Ok(y)) => x.cmp(&y),
        _ => a.cmp(b),
    }
}

/// Parses a CSV with a header naming `order_id`, `user_id`, `skill_name` and `correct` (in any
/// order; other columns are ignored). `correct` is 0 or 1. Every bad line is reported, as
/// `line N: column: message`.
pub fn parse_responses_csv(text: &str) -> Result<Vec<Response>, Error> {
    let mut lines = text.lines().enumerate();
    let Some((_, header)) = lines.next() else {
        return Err(Error::at(
            "responses",
            "line 1",
            "empty file: expected a header order_id,user_id,skill_name,correct",
        ));
    };
    let names: Vec<&str> = header.split(',').map(str::trim).collect();
    let column = |name: &str| names.iter().position(|n| *n == name);
    let (Some(order_at), Some(user_at), Some(skill_at), Some(correct_at)) =
        (column("order_id"), column("user_id"), column("skill_name"), column("correct"))
    else {
        return Err(Error::at(
            "responses",
            "line 1",
            format!("the header `{header}` must name order_id, user_id, skill_name and correct"),
        ));
    };
    let mut problems = Vec::new();
    let mut responses = Vec::new();
    for (i, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let path = format!("line {}", i + 1);
        let cells: Vec<&str> = line.split(',').map(str::trim).collect();
        let cell = |at: usize| cells.get(at).copied().unwrap_or("");
        let order = cell(order_at).parse::<u64>();
        let correct = match cell(correct_at) {
            "1" => Some(true),
            "0" => Some(false),
            _ => None,
        };
        if order.is_err() {
            problems.push(Problem::new(
                format!("{path}: order_id"),
                format!("expected a whole number, found `{}`", cell(order_at)),
            ));
        }
        if correct.is_none() {
            problems.push(Problem::new(
                format!("{path}: correct"),
                format!("expected 0 or 1, found `{}`", cell(correct_at)),
            ));
        }
        for (at, name) in [(user_at, "user_id"), (skill_at, "skill_name")] {
            if cell(at).is_empty() {
                problems.push(Problem::new(format!("{path}: {name}"), "missing"));
            }
        }
        if let (Ok(order), Some(correct)) = (order, correct) {
            responses.push(Response {
                order,
                student: cell(user_at).to_string(),
                skill: cell(skill_at).to_string(),
                correct,
            });
        }
    }
    if problems.is_empty() {
        Ok(responses)
    } else {
        Err(Error::invalid("responses", problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_by_skill_then_student_in_time_order() {
        let csv = "order_id,user_id,skill_name,correct\n5,2,add,1\n1,10,add,0\n2,2,add,0\n3,2,sub,1\n4,10,add,1\n";
        let responses = parse_responses_csv(csv).unwrap();
        let skills = SkillSequences::group(&responses);
        assert_eq!(skills.len(), 2);
        let add = &skills[0];
        assert_eq!(add.skill, "add");
        // Student 2 (numerically before 10): orders 2 then 5 → 0, 1; student 10: orders 1, 4 → 0, 1.
        assert_eq!(add.students, vec!["2", "10"]);
        assert_eq!(add.sequence(0), &[0, 1]);
        assert_eq!(add.sequence(1), &[0, 1]);
        assert_eq!(skills[1].sequence(0), &[1]);
        assert_eq!(add.longest(), 2);
    }

    #[test]
    fn reports_every_bad_line() {
        let csv = "order_id,user_id,skill_name,correct\nx,1,add,1\n2,1,add,yes\n3,,add,1\n";
        let err = parse_responses_csv(csv).unwrap_err();
        let found: Vec<String> = err.problems().iter().map(|p| p.to_string()).collect();
        assert_eq!(
            found,
            vec![
                "line 2: order_id: expected a whole number, found `x`",
                "line 3: correct: expected 0 or 1, found `yes`",
                "line 4: user_id: missing",
            ]
        );
    }
}
