// Which output fields of the schema the tests' documents select. The vitest setup (test/setup/) records, per
// test file, every `Type.field` a document executed by a gateway selected; `npm test` then runs
// scripts/check-selected-fields.ts over all the records, so a field no test selects fails the suite.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type DocumentNode,
  type GraphQLSchema,
  isInterfaceType,
  isObjectType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/**
 * Where one checkout's records go: outside the tree (no file for git or the linter to see), and per checkout,
 * so two checkouts testing at once do not mix their records.
 */
export const SELECTED_FIELDS_DIRECTORY = join(
  tmpdir(),
  `ssl-graph-selected-fields-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}`,
);

const SELECTIONS = Symbol.for('ssl-graph.test.selected-fields');

/**
 * The selections not yet saved, process-wide: a test worker may keep the wrapped Yoga module of an earlier test
 * file, so what its gateways record cannot live in a module of the current file.
 */
export function selectionsOfThisProcess(): Set<string> {
  const holder = globalThis as { [SELECTIONS]?: Set<string> };
  holder[SELECTIONS] ??= new Set();
  return holder[SELECTIONS];
}

/** Adds to `selected` each `Type.field` the document selects (the parent type as the schema resolves it). */
export function recordSelections(schema: GraphQLSchema, document: DocumentNode, selected: Set<string>): void {
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        // Meta fields (__typename) belong to no type of the schema.
        if (parent != null && field != null && !field.name.startsWith('__')) {
          selected.add(`${parent.name}.${field.name}`);
        }
      },
    }),
  );
}

/** Empties the records, at the start of a run. */
export function clearRecordedSelections(): void {
  rmSync(SELECTED_FIELDS_DIRECTORY, { recursive: true, force: true });
  mkdirSync(SELECTED_FIELDS_DIRECTORY, { recursive: true });
}

/** Keeps what one test file's documents selected. */
export function saveRecordedSelections(name: string, selected: ReadonlySet<string>): void {
  mkdirSync(SELECTED_FIELDS_DIRECTORY, { recursive: true });
  writeFileSync(join(SELECTED_FIELDS_DIRECTORY, `${name}.json`), JSON.stringify([...selected]));
}

/** Everything the recorded test files selected; null when nothing was recorded (no run yet). */
export function loadRecordedSelections(): Set<string> | null {
  let files: string[];
  try {
    files = readdirSync(SELECTED_FIELDS_DIRECTORY).filter((file) => file.endsWith('.json'));
  } catch {
    return null;
  }
  if (files.length === 0) return null;
  const selected = new Set<string>();
  for (const file of files) {
    const fields = JSON.parse(readFileSync(join(SELECTED_FIELDS_DIRECTORY, file), 'utf8')) as string[];
    for (const field of fields) selected.add(field);
  }
  return selected;
}

/**
 * The object and interface fields of `schema` no recorded document selected. A field selected through an
 * interface counts for every type implementing it (each of their resolvers ran for it).
 */
export function unselectedFields(schema: GraphQLSchema, selected: ReadonlySet<string>): string[] {
  const covered = new Set(selected);
  for (const entry of selected) {
    const [typeName = '', fieldName] = entry.split('.');
    const type = schema.getType(typeName);
    if (isInterfaceType(type)) {
      for (const implementation of schema.getPossibleTypes(type))
        covered.add(`${implementation.name}.${fieldName}`);
    }
  }
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      const name = `${type.name}.${field.name}`;
      if (!covered.has(name)) missing.push(name);
    }
  }
  return missing.sort();
}
