//! `evident score`: one submission (a JSON file), or many (JSON Lines: a `.jsonl` file, `-`
//! with more than one line of JSON, or `--lines`), streamed: each line is read, scored and
//! its report printed as one line before the next is read. A bad line is named on stderr
//! (`subs.jsonl: line 17: responses: …`) and the run goes on; the exit status is then 1.

use crate::cli::{print_json, print_problems, read_input, write_line, Failure, Partial};
use evident::batch::{at_line, score_line};
use evident::{CompiledRubric, Error};
use std::io::{BufRead, BufReader, Read};

pub fn score(
    rubric: &CompiledRubric,
    name: &str,
    force_lines: bool,
) -> Result<Option<Partial>, Failure> {
    let cannot_read =
        |e: std::io::Error| Failure::new(name, Error::at("input", "", format!("cannot read: {e}")));
    if name != "-" && !force_lines && !name.ends_with(".jsonl") {
        return score_document(rubric, name, &read_input(name)?).map(|()| None);
    }
    let reader: Box<dyn BufRead> = if name == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(BufReader::new(std::fs::File::open(name).map_err(cannot_read)?))
    };
    let mut lines = Lines { reader, number: 0 };
    let mut batch = Batch::new(rubric, name);
    if name == "-" && !force_lines {
        // One JSON document on stdin, or JSON Lines: lines of JSON, more than one.
        let Some((n1, first)) = lines.next_filled().map_err(cannot_read)? else {
            return score_document(rubric, name, "").map(|()| None);
        };
        let first = first.map_err(|e| Failure::new(name, e))?;
        if evident::json::parse_document(&first).is_err() {
            let mut rest = String::new();
            lines.reader.read_to_string(&mut rest).map_err(cannot_read)?;
            return score_document(rubric, name, &format!("{first}\n{rest}")).map(|()| None);
        }
        let Some((n2, second)) = lines.next_filled().map_err(cannot_read)? else {
            return score_document(rubric, name, &first).map(|()| None);
        };
        batch.line(n1, Ok(first));
        batch.line(n2, second);
    }
    while batch.writing {
        match lines.next_filled().map_err(cannot_read)? {
            Some((number, line)) => batch.line(number, line),
            None => break,
        }
    }
    Ok(batch.finish())
}

/// One submission as one JSON document: its report, pretty-printed; a fault exits 2.
fn score_document(rubric: &CompiledRubric, name: &str, text: &str) -> Result<(), Failure> {
    let submission = evident::rubric::parse_submission(text).map_err(|e| Failure::new(name, e))?;
    let report = rubric.score(&submission).map_err(|e| Failure::new(name, e))?;
    print_json(&report);
    Ok(())
}

/// Lines of a reader with their numbers; a line that is not UTF-8 is an error of its own.
struct Lines {
    reader: Box<dyn BufRead>,
    number: usize,
}

impl Lines {
    /// The next line that is not blank, without its line ending (and a first line without
    /// its byte order mark).
    #[allow(clippy::type_complexity)]
    fn next_filled(&mut self) -> std::io::Result<Option<(usize, Result<String, Error>)>> {
        let mut bytes = Vec::new();
        loop {
            bytes.clear();
            if self.reader.read_until(b'\n', &mut bytes)? == 0 {
                return Ok(None);
            }
            self.number += 1;
            let mut text = bytes.as_slice();
            if self.number == 1 {
                text = text.strip_prefix("\u{feff}".as_bytes()).unwrap_or(text);
            }
            match std::str::from_utf8(text) {
                Ok(line) if line.trim().is_empty() => continue,
                Ok(line) => return Ok(Some((self.number, Ok(line.trim_end().to_string())))),
                Err(e) => {
                    let message = format!("not UTF-8 text (byte {})", e.valid_up_to() + 1);
                    return Ok(Some((self.number, Err(Error::at("submission", "", message)))));
                }
            }
        }
    }
}

/// Scores lines as they come, prints each report as one line, counts and names the failures.
struct Batch<'r> {
    rubric: &'r CompiledRubric,
    name: &'r str,
    out: std::io::StdoutLock<'static>,
    lines: usize,
    failed: usize,
    printed: usize,
    unprinted: usize,
    writing: bool,
}

impl<'r> Batch<'r> {
    fn new(rubric: &'r CompiledRubric, name: &'r str) -> Self {
        let out = std::io::stdout().lock();
        Batch { rubric, name, out, lines: 0, failed: 0, printed: 0, unprinted: 0, writing: true }
    }

    fn line(&mut self, number: usize, line: Result<String, Error>) {
        self.lines += 1;
        let report = line.and_then(|line| score_line(self.rubric, &line));
        let error = match report.and_then(|report| {
            serde_json::to_string(&report)
                .map_err(|e| Error::at("report", "", format!("could not write the report: {e}")))
        }) {
            Ok(json) => {
                self.writing = write_line(&mut self.out, &json);
                return;
            }
            Err(error) => error,
        };
        self.failed += 1;
        let problems = at_line(number, &error);
        let room = crate::cli::MAX_ERROR_LINES.saturating_sub(self.printed);
        let shown = problems.len().min(room);
        for problem in &problems[..shown] {
            eprintln!("{}: {problem}", self.name);
        }
        self.printed += shown;
        self.unprinted += problems.len() - shown;
    }

    fn finish(self) -> Option<Partial> {
        if self.unprinted > 0 {
            print_problems(
                self.name,
                &[evident::Problem::new(
                    "",
                    format!(
                        "… and {} more problems not shown; {} of {} lines failed",
                        self.unprinted, self.failed, self.lines
                    ),
                )],
            );
        }
        (self.failed > 0).then_some(Partial)
    }
}
