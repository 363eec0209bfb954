//! Competency mastery from dated evidence: calculation methods, power law, BKT.
