//! A live session in JS: `engine.session()` → `update(text)` per keystroke. Only the edited
//! part of the text crosses into wasm (JS locates the edit); the session says what changed
//! in the result (`scoring::Update`, whose doc is the reference of its JSON), which is
//! serialised and applied in JS to the previous result object (`applyUpdate` in
//! src/wasm/live.js): only what changed is converted.

use super::{feedback, js_error, to_js, FeedbackOptions};
use crate::error::Error;
use crate::evidence::Utf16;
use crate::scoring::{CompiledRubric, Session, Update};
use serde::Serialize;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// A live scoring session (from `engine.session()`).
#[wasm_bindgen]
pub struct LiveSession {
    session: Session,
    /// The engine's rubric, from which the session's rubric is chosen by language.
    engine: Rc<CompiledRubric>,
    /// Whether the submission names the language of the work: then a new feedback language
    /// changes only the engine's messages; else the work is read, and the rubric worded,
    /// in the feedback's language, as a new session in that language would.
    work_locale_given: bool,
    /// The last result sent to JS (None before the first update and after `setOptions`).
    last: Option<JsValue>,
    /// The text of the last update, as JS gave it: the next update is compared with it in
    /// JS, and only the edited part is handed over.
    text: Option<js_sys::JsString>,
    /// The common start and end (UTF-16 units) of the last edit, where the next is looked for first.
    hint: (u32, u32),
    /// The field's name as a JS string (made once).
    field: JsValue,
}

#[wasm_bindgen(module = "/src/wasm/live.js")]
extern "C" {
    #[wasm_bindgen(js_name = applyUpdate)]
    fn apply_update(previous: &JsValue, field: &JsValue, update: &str) -> JsValue;
    #[wasm_bindgen(js_name = editOf)]
    fn edit_of(
        previous: &js_sys::JsString,
        next: &js_sys::JsString,
        hint_start: u32,
        hint_end: u32,
    ) -> Vec<u32>;
    fn share(result: &JsValue) -> JsValue;
}

#[wasm_bindgen]
impl LiveSession {
    /// Re-scores with the field's new text → `{report, feedback}`. When the edit changed
    /// neither (most keystrokes inside a word), the previous result object is returned as
    /// is, so `result === previous` tells a caller there is nothing to redraw. Otherwise a
    /// new object, sharing with the previous one every part the edit left as it was.
    pub fn update(&mut self, text: &JsValue) -> Result<JsValue, JsValue> {
        let Some(js) = text.dyn_ref::<js_sys::JsString>().filter(|_| text.is_string()) else {
            return Err(js_error(Error::at("text", "", "expected the field's text as a string")));
        };
        let update = match &self.text {
            Some(previous) => match edit_of(previous, js, self.hint.0, self.hint.1)[..] {
                [start, end, new_end] => {
                    self.hint = (start, js.length() - new_end);
                    let inserted = String::from(js.slice(start, new_end));
                    self.session.edit(Utf16(start), Utf16(end), &inserted)
                }
                _ => return Err(js_error(Error::at("text", "", "could not locate the edit"))),
            },
            None => self.session.update(&String::from(js)),
        };
        self.text = Some(js.clone());
        let Some(previous) = self.last.take() else {
            return self.convert_all();
        };
        let result = match update {
            Update::Unchanged => previous,
            update => {
                let json = serde_json::to_string(&update).map_err(|e| {
                    js_error(Error::at("output", "", format!("could not convert the result: {e}")))
                })?;
                apply_update(&previous, &self.field, &json)
            }
        };
        self.last = Some(result.clone());
        Ok(result)
    }

    /// Changes the language or target of the feedback (`{locale, target}`) without a new session.
    /// A new language, when the submission names none, also reads the answer with the rubric's
    /// phrases and wording in that language, as a new session in it would.
    #[wasm_bindgen(js_name = setOptions)]
    pub fn set_options(&mut self, options: JsValue) -> Result<(), JsValue> {
        let options = feedback::options_from_js(self.session.rubric(), &options)?;
        if !self.work_locale_given {
            let rubric = in_language(&self.engine, options.locale.tag())?;
            if !Rc::ptr_eq(&rubric, self.session.rubric()) {
                let submission = self.session.submission().clone();
                let field = self.session.field().to_string();
                self.session = Session::new(rubric, submission, &field);
            }
        }
        self.session.set_feedback(options);
        self.last = None;
        Ok(())
    }
}

impl LiveSession {
    /// A session on `submission`'s `field`, read in the submission's language, else in the
    /// feedback's (the engine's rubric in that language where it has one).
    pub(super) fn new(
        engine: Rc<CompiledRubric>,
        submission: crate::Submission,
        field: &str,
        feedback: FeedbackOptions,
    ) -> Result<Self, JsValue> {
        let work_locale_given = submission.locale.is_some();
        let locale = submission.locale.clone().unwrap_or(feedback.locale.tag().to_string());
        let mut session = Session::new(in_language(&engine, &locale)?, submission, field);
        session.set_feedback(feedback);
        let field = JsValue::from_str(session.field());
        Ok(LiveSession {
            session,
            engine,
            work_locale_given,
            last: None,
            text: None,
            hint: (0, 0),
            field,
        })
    }

    /// The whole result converted afresh.
    fn convert_all(&mut self) -> Result<JsValue, JsValue> {
        let (report, feedback) = self.session.result();
        let result = share(&to_js(&LiveResult { report, feedback })?);
        self.last = Some(result.clone());
        Ok(result)
    }
}

/// The engine's rubric compiled for work in `locale` (itself when that is its own language or
/// one it has no text in).
fn in_language(engine: &Rc<CompiledRubric>, locale: &str) -> Result<Rc<CompiledRubric>, JsValue> {
    Ok(engine.in_locale(Some(locale)).map_err(js_error)?.unwrap_or_else(|| engine.clone()))
}

#[derive(Serialize)]
struct LiveResult<'a> {
    report: &'a crate::ScoreReport,
    /// Always given (the session is made with feedback options).
    #[serde(skip_serializing_if = "Option::is_none")]
    feedback: Option<&'a crate::feedback::Feedback>,
}
