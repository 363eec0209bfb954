//! Formative feedback: goal (feed up), strengths with evidence (feed back), next steps (feed forward).
