//! Argument parsing and dispatch; each command calls the library and prints JSON.

use clap::error::ErrorKind;
use clap::{Parser, Subcommand};
use evident::{CompiledRubric, Error};
use serde::Serialize;
use std::io::{Read, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

#[derive(Parser)]
#[command(
    name = "evident",
    version,
    about = "Score student work against rubrics, give formative feedback, track mastery"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Score a submission against a rubric → score report. A `.jsonl` file (or `-` with
    /// JSON Lines, or `--lines`) scores one submission a line and prints one report a line
    Score {
        /// The rubric (JSON file, or - for stdin)
        rubric: String,
        /// The submission (JSON file), submissions (JSON Lines file), or - for stdin
        submission: String,
        /// Read the submissions as JSON Lines whatever the file's name
        #[arg(long)]
        lines: bool,
    },
    /// Formative feedback on a submission → goal, strengths, next steps, progress
    Feedback {
        /// The rubric (JSON file, or - for stdin)
        rubric: String,
        /// The submission (JSON file, or - for stdin)
        submission: String,
        /// Language of the engine's messages (en, es, es-MX…)
        #[arg(long)]
        locale: Option<String>,
        /// The level to aim at, a value of the rubric's scale (default: its mastery level)
        #[arg(long, value_parser = finite)]
        target: Option<f64>,
    },
    /// Agreement of the engine with a teacher's levels on sample submissions
    Calibrate {
        /// The rubric (JSON file, or - for stdin)
        rubric: String,
        /// JSON Lines: {"submission": {…}, "teacher": {"claim": 3, …}} a line
        samples: String,
    },
    /// Check a rubric → errors (problems) and advice on rubric quality
    Lint { rubric: String },
    /// Mastery estimates from evidence (JSON Lines) → one estimate per student and competency
    Mastery {
        /// Evidence JSON Lines file, or - for stdin
        evidence: String,
        /// decayingAverage, weightedAverage, nMastery, latest, highest, average, mode, powerLaw or bkt
        #[arg(long, default_value = "decayingAverage")]
        method: String,
        /// Weight of the latest score for decayingAverage / weightedAverage (0–1)
        #[arg(long, value_parser = finite)]
        weight: Option<f64>,
        /// Scores at mastery needed by nMastery
        #[arg(long)]
        n: Option<u64>,
        /// Mark estimates whose latest evidence is older than this many days
        #[arg(long, value_parser = finite)]
        stale_after_days: Option<f64>,
        /// Full mastery options as JSON (scale, bkt parameters, fit, …); flags override it
        #[arg(long)]
        options: Option<String>,
        /// Competency framework (JSON): estimates on its scale, parents rolled up
        #[arg(long)]
        framework: Option<String>,
    },
    /// Next steps for one student → recommendations (ready, nearMastery, reinforce)
    Recommend {
        /// The framework (JSON)
        framework: String,
        /// Evidence records (JSON Lines)
        evidence: String,
        /// The student to recommend for
        #[arg(long)]
        student: String,
        /// Task catalog (JSON): tasks and the competencies they give evidence for
        #[arg(long)]
        catalog: Option<String>,
        /// Language of the explanations: en or es
        #[arg(long, default_value = "en")]
        locale: String,
        /// Date to measure stale evidence from (2026-11-20); without it nothing is stale
        #[arg(long = "as-of")]
        as_of: Option<String>,
        /// Evidence older than this many days is stale
        #[arg(long = "stale-days", default_value_t = 30)]
        stale_days: u32,
        /// Mastery method for the estimates: decayingAverage, latest, nMastery, bkt, …
        #[arg(long, default_value = "decayingAverage")]
        method: String,
    },
    /// Import a 1EdTech CASE 1.0 package → {framework, rubrics, unmapped}
    ImportCase { package: String },
    /// xAPI 1.0.3 statements for a scored submission → statements array
    Xapi {
        rubric: String,
        submission: String,
        /// Home page of the system the student ids belong to (the actor's account)
        #[arg(long = "home-page")]
        home_page: Option<String>,
    },
    /// Fit BKT on a response CSV (order_id,user_id,skill_name,correct) and measure its
    /// one-step predictions on another → auc, rmse, accuracy, fit seconds
    BktEval {
        #[arg(long)]
        train: String,
        #[arg(long)]
        test: String,
        /// Fit a forgetting probability too
        #[arg(long)]
        forgets: bool,
        /// Random EM restarts per skill
        #[arg(long, default_value_t = 20)]
        restarts: usize,
        #[arg(long, default_value_t = 0)]
        seed: u64,
        /// Fit and evaluate only this skill (repeatable)
        #[arg(long)]
        skill: Vec<String>,
        /// Also print each skill's fitted parameters
        #[arg(long)]
        params: bool,
    },
    /// Print the JSON Schema of a format
    Schema {
        /// rubric, submission or score-report
        #[arg(default_value = "rubric")]
        format: String,
    },
}

/// A failure to report: which input, and what went wrong in it.
pub struct Failure {
    pub file: String,
    pub error: Error,
}

impl Failure {
    pub fn new(file: &str, error: Error) -> Self {
        Failure { file: file.to_string(), error }
    }
}

/// Exit statuses (README "Exit codes"): SPEC §2's 2 for bad input, and the others apart.
pub mod exit {
    /// Everything went well.
    pub const OK: u8 = 0;
    /// A batch ran to its end, but some of its lines were refused (each named on stderr).
    pub const SOME_LINES_FAILED: u8 = 1;
    /// An input is bad (unreadable, not JSON, not the format, over a limit): nothing printed.
    pub const BAD_INPUT: u8 = 2;
    /// The command line is wrong (unknown command or flag, a missing or malformed argument).
    pub const USAGE: u8 = 64;
    /// The output could not be written (a full disk, a closed terminal).
    pub const CANNOT_WRITE: u8 = 74;
}

/// At most this many problems of one failure are printed; then one line says how many more.
pub const MAX_ERROR_LINES: usize = 20;

/// Set when writing to stdout failed (other than a reader that stopped early).
static WRITE_FAILED: AtomicBool = AtomicBool::new(false);

/// A command's outcome beyond success or failure: a batch some of whose lines failed.
pub struct Partial;

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            let code = match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => exit::OK,
                _ => exit::USAGE,
            };
            return ExitCode::from(code);
        }
    };
    let outcome = run(cli.command);
    let _ = std::io::stdout().flush().map_err(write_failed);
    let code = match outcome {
        Ok(None) => exit::OK,
        Ok(Some(Partial)) => exit::SOME_LINES_FAILED,
        Err(failure) => {
            print_problems(&failure.file, failure.error.problems());
            exit::BAD_INPUT
        }
    };
    if WRITE_FAILED.load(Ordering::Relaxed) {
        return ExitCode::from(exit::CANNOT_WRITE);
    }
    ExitCode::from(code)
}

/// Prints `file: path: message` per problem, the first `MAX_ERROR_LINES` of them.
pub fn print_problems(file: &str, problems: &[evident::Problem]) {
    for problem in problems.iter().take(MAX_ERROR_LINES) {
        eprintln!("{file}: {problem}");
    }
    if problems.len() > MAX_ERROR_LINES {
        eprintln!(
            "{file}: … and {} more problems ({} in all)",
            problems.len() - MAX_ERROR_LINES,
            problems.len()
        );
    }
}

/// A clap value parser: a number that JSON can hold (not NaN, not infinite).
fn finite(text: &str) -> Result<f64, String> {
    let n: f64 = text.trim().parse().map_err(|_| format!("`{text}` is not a number"))?;
    if n.is_finite() {
        Ok(n)
    } else {
        Err(format!("`{text}` is not a finite number"))
    }
}

fn write_failed(e: std::io::Error) {
    // A reader that stops early (`evident … | head`) is not an error worth a message.
    if e.kind() != std::io::ErrorKind::BrokenPipe && !WRITE_FAILED.swap(true, Ordering::Relaxed) {
        eprintln!("evident: could not write to stdout: {e}");
    }
}

fn run(command: Command) -> Result<Option<Partial>, Failure> {
    match command {
        Command::Score { rubric, submission, lines } => {
            let compiled = load_rubric(&rubric)?;
            crate::batch::score(&compiled, &submission, lines)
        }
        other => run_one(other).map(|()| None),
    }
}

fn run_one(command: Command) -> Result<(), Failure> {
    match command {
        Command::Score { .. } => unreachable!("`run` scores"),
        Command::Feedback { rubric, submission, locale, target } => {
            crate::feedback::feedback(&rubric, &submission, locale.as_deref(), target)
        }
        Command::Calibrate { rubric, samples } => crate::feedback::calibrate(&rubric, &samples),
        Command::Lint { rubric } => {
            let text = read_input(&rubric)?;
            match evident::parse_rubric(&text) {
                Ok(parsed) => {
                    print_json(&LintReport { errors: Vec::new(), advice: evident::lint(&parsed) });
                    Ok(())
                }
                Err(error) => {
                    print_json(&LintReport {
                        errors: error.problems().to_vec(),
                        advice: Vec::new(),
                    });
                    Err(Failure::new(&rubric, error))
                }
            }
        }
        Command::Recommend {
            framework,
            evidence,
            student,
            catalog,
            locale,
            as_of,
            stale_days,
            method,
        } => crate::framework::run_recommend(crate::framework::RecommendArgs {
            framework,
            evidence,
            student,
            catalog,
            locale,
            as_of,
            stale_days,
            method,
        }),
        Command::ImportCase { package } => crate::framework::run_import_case(&package),
        Command::Xapi { rubric, submission, home_page } => {
            crate::framework::run_xapi(&rubric, &submission, home_page)
        }
        Command::Mastery { evidence, method, weight, n, stale_after_days, options, framework } => {
            crate::mastery::mastery(
                &evidence,
                crate::mastery::MasteryFlags {
                    method,
                    weight,
                    n,
                    options,
                    stale_after_days,
                    framework,
                },
            )
        }
        Command::BktEval { train, test, forgets, restarts, seed, skill, params } => {
            crate::mastery::bkt_eval(
                &train,
                &test,
                crate::mastery::BktEvalFlags { forgets, restarts, seed, skills: skill, params },
            )
        }
        Command::Schema { format } => match evident::interop::schema::schema_of(&format) {
            Some(schema) => {
                print_json(&schema);
                Ok(())
            }
            None => Err(Failure::new(
                "schema",
                Error::at(
                    "schema",
                    "",
                    format!(
                        "unknown format `{format}`; expected one of: {}",
                        evident::interop::schema::FORMATS.join(", ")
                    ),
                ),
            )),
        },
    }
}

#[derive(Serialize)]
struct LintReport {
    errors: Vec<evident::Problem>,
    advice: Vec<evident::Advice>,
}

/// Reads a file, or stdin for `-`. A leading byte order mark is dropped.
pub fn read_input(name: &str) -> Result<String, Failure> {
    let mut text = String::new();
    let result = if name == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(name).map(|t| text = t)
    };
    result.map_err(|e| Failure::new(name, Error::at("input", "", format!("cannot read: {e}"))))?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

pub fn load_rubric(name: &str) -> Result<CompiledRubric, Failure> {
    let text = read_input(name)?;
    CompiledRubric::from_json(&text).map_err(|e| Failure::new(name, e))
}

pub fn print_json<T: Serialize>(value: &T) {
    let text = match serde_json::to_string_pretty(value) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("evident: could not write JSON: {e}");
            WRITE_FAILED.store(true, Ordering::Relaxed);
            return;
        }
    };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}").and_then(|()| out.flush()).map_err(write_failed);
}

/// Writes one line to stdout (through `out`); a failure is remembered for the exit status.
pub fn write_line(out: &mut impl Write, line: &str) -> bool {
    match writeln!(out, "{line}") {
        Ok(()) => true,
        Err(e) => {
            write_failed(e);
            false
        }
    }
}
