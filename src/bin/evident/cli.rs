//! Argument parsing and dispatch; each command calls the library and prints JSON.

use clap::{Parser, Subcommand};
use evident::{CompiledRubric, Error};
use serde::Serialize;
use std::io::Read;
use std::process::ExitCode;

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
    /// Score a submission against a rubric → score report
    Score {
        /// The rubric (JSON file, or - for stdin)
        rubric: String,
        /// The submission (JSON file, or - for stdin)
        submission: String,
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
        #[arg(long)]
        target: Option<f64>,
    },
    /// Agreement of the engine with a teacher's levels on sample submissions
    Calibrate {
        /// The rubric (JSON file, or - for stdin)
        rubric: String,
        /// JSON Lines: {"submission": {…}, "teacher": {"claim": 3, …}} a line
        samples: String,
        /// Also propose rubric edits (phrases, over-firing indicators, cut points)
        #[arg(long)]
        suggest: bool,
        /// Folds for the held-out figures of suggestions (default 5; 0 for none)
        #[arg(long)]
        folds: Option<usize>,
        /// Most suggestions (default 10)
        #[arg(long)]
        max: Option<usize>,
        /// Answers a new phrase must occur in (default 3, or 2% of the samples)
        #[arg(long)]
        min_support: Option<usize>,
        /// Accept suggestion N (1-based; repeatable): prints the edited rubric
        #[arg(long)]
        accept: Vec<usize>,
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
        #[arg(long)]
        weight: Option<f64>,
        /// Scores at mastery needed by nMastery
        #[arg(long)]
        n: Option<u64>,
        /// Mark estimates whose latest evidence is older than this many days
        #[arg(long)]
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
    file: String,
    error: Error,
}

impl Failure {
    pub fn new(file: &str, error: Error) -> Self {
        Failure { file: file.to_string(), error }
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            for problem in failure.error.problems() {
                eprintln!("{}: {problem}", failure.file);
            }
            ExitCode::from(2)
        }
    }
}

fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Score { rubric, submission } => {
            let compiled = load_rubric(&rubric)?;
            let text = read_input(&submission)?;
            let submission_value = evident::rubric::parse_submission(&text)
                .map_err(|e| Failure::new(&submission, e))?;
            let report =
                compiled.score(&submission_value).map_err(|e| Failure::new(&submission, e))?;
            print_json(&report);
            Ok(())
        }
        Command::Feedback { rubric, submission, locale, target } => {
            crate::feedback::feedback(&rubric, &submission, locale.as_deref(), target)
        }
        Command::Calibrate { rubric, samples, suggest, folds, max, min_support, accept } => {
            let flags =
                crate::calibrate::CalibrateFlags { suggest, folds, max, min_support, accept };
            crate::calibrate::calibrate(&rubric, &samples, flags)
        }
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

/// Reads a file, or stdin for `-`.
pub fn read_input(name: &str) -> Result<String, Failure> {
    let mut text = String::new();
    let result = if name == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(name).map(|t| text = t)
    };
    result.map_err(|e| Failure::new(name, Error::at("input", "", format!("cannot read: {e}"))))?;
    Ok(text)
}

pub fn load_rubric(name: &str) -> Result<CompiledRubric, Failure> {
    let text = read_input(name)?;
    CompiledRubric::from_json(&text).map_err(|e| Failure::new(name, e))
}

pub fn print_json<T: Serialize>(value: &T) {
    use std::io::Write;
    let text = match serde_json::to_string_pretty(value) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("evident: could not write JSON: {e}");
            return;
        }
    };
    // A reader that stops early (`evident … | head`) is not an error worth a message.
    if let Err(e) = writeln!(std::io::stdout().lock(), "{text}") {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("evident: could not write to stdout: {e}");
        }
    }
}
