/**
 * Run by `npm test` after the whole vitest suite: fails when an output field of the schema (an object or
 * interface field of schema/schema.graphql) was selected by no document the tests executed, so that every
 * field's mapping from upstream values is exercised by some test. The records come from the vitest setup
 * (test/setup/record-selected-fields.ts); a partial run records only part, so run it after a full one.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema } from 'graphql';
import {
  loadRecordedSelections,
  SELECTED_FIELDS_DIRECTORY,
  unselectedFields,
} from '../test/support/selected-fields.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const schema = buildSchema(readFileSync(resolve(root, 'schema/schema.graphql'), 'utf8'));

const selected = loadRecordedSelections();
if (selected === null) {
  console.error(
    `No selections recorded in ${SELECTED_FIELDS_DIRECTORY}: run the whole suite first (vitest run).`,
  );
  process.exit(1);
}
const missing = unselectedFields(schema, selected);
if (missing.length > 0) {
  console.error(
    `${missing.length} output field(s) of schema/schema.graphql are selected by no test document:`,
  );
  for (const field of missing) console.error(`  ${field}`);
  console.error('Select each in a test that checks its value against the emulator (see README, Scripts).');
  process.exit(1);
}
console.log(
  `every output field of schema/schema.graphql is selected by a test document (${selected.size} seen)`,
);
