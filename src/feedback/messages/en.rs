//! English catalog. Short sentences, everyday words: students read these while they write.

use super::Key;

pub(super) fn template(key: Key) -> &'static str {
    match key {
        Key::GoalSummary => "Your goal is {level} in every part.",
        Key::GoalTopReached => {
            "Your work meets the top level in every part. Use these strengths in your next task."
        }
        Key::GoalChecklist => "Do each item on the {criterion} list.",
        Key::StepReason => "This helps your {criterion} reach {level}.",
        Key::StrengthLabel => "You included {label}.",
        Key::StrengthPhrases => "You used key words for {criterion}.",
        Key::StrengthLength => "You wrote enough for {criterion}.",
        Key::StrengthReadable => "Your sentences fit this task.",
        Key::StrengthPattern => "Your answer has the form that {criterion} asks for.",
        Key::StrengthNumber => "Your number for {criterion} is right.",
        Key::StrengthChoice => "You chose a right answer for {criterion}.",
        Key::StrengthOther => "You met one part of {criterion}.",
        Key::StepPhraseLabel => "Use a word like “{phrase}” to show {label}.",
        Key::StepPhrase => "Use a word like “{phrase}” in the {criterion} part.",
        Key::StepPhraseCount => "Use words like “{phrase}” at least {count} times.",
        Key::StepPhrasesAll => "Use each of these words: {phrases}.",
        Key::StepMoreWordsLabel => "Add about {count} more words to give {label}.",
        Key::StepMoreWords => "Add about {count} more words: say what happened and why.",
        Key::StepFewerWords => {
            "Cut your answer to {count} words or fewer. Keep the parts that matter most."
        }
        Key::StepMoreSentences => "Add more sentences: write at least {count} in all.",
        Key::StepFewerSentences => "Use {count} sentences or fewer.",
        Key::StepMoreParagraphs => "Split your answer into at least {count} paragraphs.",
        Key::StepFewerParagraphs => "Use {count} paragraphs or fewer.",
        Key::StepSimpler => "Use shorter sentences and plain words.",
        Key::StepRicher => "Join some short sentences and use more exact words.",
        Key::StepPatternLabel => "Add {label} in the form the task asks for.",
        Key::StepPattern => "Check that the {criterion} part has the form the task asks for.",
        Key::StepNumberUnit => "Check your number and write its unit, “{unit}”.",
        Key::StepNumber => "Check your number: do the math again and write the result.",
        Key::StepChoice => "Look at the choices again and pick the one your evidence supports.",
        Key::StepRatingTeacher => "Ask your teacher to look at the {criterion} part.",
        Key::StepRatingPeer => "Ask a classmate to read the {criterion} part and give you ideas.",
        Key::StepRatingSelf => "Rate the {criterion} part yourself, using the rubric.",
        Key::StepAvoidPhrase => "Take out words like “{phrase}”.",
        Key::StepAvoidLabel => "Take out {label}.",
        Key::StepAvoid => "Read the {criterion} part again and take out what does not belong.",
        Key::StepAddLabel => "Add {label}.",
        Key::StepOnTask => "Stay on the task: read the question again and answer it.",
        Key::StepSentences => "Write your ideas in full sentences. A list of words does not count.",
        Key::TaskTitle => "Your answer",
        Key::TaskReason => "Then your work can count for each part.",
        Key::StepOther => "Read the {criterion} part of the rubric and add what is missing.",
    }
}
