//! Catálogo en español. Oraciones cortas y palabras de uso diario, tuteando al estudiante
//! (lo habitual en el aula en México y en la mayoría de los países hispanohablantes).

use super::Key;

pub(super) fn template(key: Key) -> &'static str {
    match key {
        Key::GoalSummary => "Tu meta es {level}. Así se ve:",
        Key::GoalTopReached => "Tu trabajo llega al nivel más alto en cada parte. Usa estas fortalezas en tu próxima tarea.",
        Key::GoalChecklist => "Cumple cada punto de la lista de {criterion}.",
        Key::StepReason => "Esto ayuda a que la parte de {criterion} llegue a {level}.",
        Key::StrengthLabel => "Incluiste {label}.",
        Key::StrengthPhrases => "Usaste palabras clave para {criterion}.",
        Key::StrengthLength => "Escribiste lo suficiente para {criterion}.",
        Key::StrengthReadable => "Tus oraciones son adecuadas para esta tarea.",
        Key::StrengthPattern => "Tu respuesta tiene la forma que pide {criterion}.",
        Key::StrengthNumber => "Tu número para {criterion} es correcto.",
        Key::StrengthChoice => "Elegiste bien en {criterion}.",
        Key::StrengthOther => "Cumpliste una parte de {criterion}.",
        Key::StepPhraseLabel => "Usa una palabra como “{phrase}” para mostrar {label}.",
        Key::StepPhrase => "Usa una palabra como “{phrase}” en la parte de {criterion}.",
        Key::StepPhraseCount => "Usa palabras como “{phrase}” al menos {count} veces.",
        Key::StepPhrasesAll => "Usa cada una de estas palabras: {phrases}.",
        Key::StepMoreWordsLabel => "Agrega unas {count} palabras más para dar {label}.",
        Key::StepMoreWords => "Agrega unas {count} palabras más: di qué pasó y por qué.",
        Key::StepFewerWords => "Acorta tu respuesta a {count} palabras o menos. Deja las partes más importantes.",
        Key::StepMoreSentences => "Agrega más oraciones: escribe al menos {count} en total.",
        Key::StepFewerSentences => "Usa {count} oraciones o menos.",
        Key::StepMoreParagraphs => "Divide tu respuesta en al menos {count} párrafos.",
        Key::StepFewerParagraphs => "Usa {count} párrafos o menos.",
        Key::StepSimpler => "Usa oraciones más cortas y palabras sencillas.",
        Key::StepRicher => "Une algunas oraciones cortas y usa palabras más exactas.",
        Key::StepPatternLabel => "Agrega {label} en la forma que pide la tarea.",
        Key::StepPattern => "Revisa que la parte de {criterion} tenga la forma que pide la tarea.",
        Key::StepNumberUnit => "Revisa tu número y escribe su unidad, “{unit}”.",
        Key::StepNumber => "Revisa tu número: haz la cuenta otra vez y escribe el resultado.",
        Key::StepChoice => "Mira otra vez las opciones y elige la que apoya tu evidencia.",
        Key::StepRatingTeacher => "Pide a tu docente que revise la parte de {criterion}.",
        Key::StepRatingPeer => "Pide a un compañero o compañera que revise la parte de {criterion}.",
        Key::StepRatingSelf => "Evalúa la parte de {criterion} con la rúbrica.",
        Key::StepAvoidPhrase => "Quita palabras como “{phrase}”.",
        Key::StepAvoidLabel => "Quita {label}.",
        Key::StepAvoid => "Lee otra vez la parte de {criterion} y quita lo que no va.",
        Key::StepAddLabel => "Agrega {label}.",
        Key::StepOther => "Lee la parte de {criterion} en la rúbrica y agrega lo que falta.",
    }
}
