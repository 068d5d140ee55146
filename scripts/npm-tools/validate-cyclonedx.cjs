#!/usr/bin/env node
// Validates CycloneDX JSON files with @cyclonedx/cyclonedx-library's strict JSON validator (the spec's schema,
// no extra properties). Usage: validate-cyclonedx.cjs SPEC_VERSION FILE...  Exit 0 when every file is valid.
'use strict';
const fs = require('fs');
const CDX = require('@cyclonedx/cyclonedx-library');

async function main() {
  const [version, ...files] = process.argv.slice(2);
  const spec = { '1.4': CDX.Spec.Version.v1dot4, '1.5': CDX.Spec.Version.v1dot5, '1.6': CDX.Spec.Version.v1dot6 }[version];
  if (!spec || files.length === 0) {
    console.error('usage: validate-cyclonedx.cjs 1.4|1.5|1.6 FILE...');
    process.exit(2);
  }
  const validator = new CDX.Validation.JsonStrictValidator(spec);
  let failed = 0;
  for (const file of files) {
    const errors = await validator.validate(fs.readFileSync(file, 'utf8'));
    if (errors === null) {
      console.log(`${file}: valid CycloneDX ${version} (strict)`);
    } else {
      failed++;
      console.log(`${file}: INVALID\n${JSON.stringify(errors, null, 2)}`);
    }
  }
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((e) => { console.error(e); process.exit(2); });
