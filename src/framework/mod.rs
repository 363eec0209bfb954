//! Competency frameworks: parent/prerequisite graph, mastery roll-up, next-step recommendations.
