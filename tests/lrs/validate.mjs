// Validates xAPI statements with Learning Locker's conformance-tested validator.
// Usage: node tests/lrs/validate.mjs STATEMENTS.json...  (each file a JSON array of statements)
// Prints one line per statement, then `validate: N passed, M failed`; exits 1 on any failure.
// A broken copy of the first statement must be rejected too: that shows the validator runs.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const validate = require("@learninglocker/xapi-validation").default;

let passed = 0;
let failed = 0;
let first = null;
for (const file of process.argv.slice(2)) {
  const statements = JSON.parse(readFileSync(file, "utf8"));
  if (!Array.isArray(statements) || statements.length === 0) {
    console.log(`FAIL ${file}: expected a non-empty array of statements`);
    failed++;
    continue;
  }
  for (const [i, statement] of statements.entries()) {
    first ??= statement;
    const warnings = validate(statement);
    if (warnings.length === 0) {
      console.log(`ok   ${file}[${i}] ${statement.verb?.id} ${statement.object?.id}`);
      passed++;
    } else {
      const where = warnings.map((w) => `${w.path.join(".")}: ${w.typeName ?? w.name} (${JSON.stringify(w.data)})`);
      console.log(`FAIL ${file}[${i}] ${where.join("; ")}`);
      failed++;
    }
  }
}

if (first) {
  const broken = structuredClone(first);
  broken.verb.id = "scored"; // not an IRI
  broken.actor.account.homePage = "evident"; // not an IRL
  const warnings = validate(broken);
  if (warnings.length >= 2) {
    console.log(`ok   control: a broken statement is rejected (${warnings.length} warnings)`);
    passed++;
  } else {
    console.log("FAIL control: the validator accepted a statement with a bad verb id and home page");
    failed++;
  }
}

console.log(`validate: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
