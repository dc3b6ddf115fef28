/**
 * Writes the gateway's SDL to schema/schema.graphql (committed, so schema changes show up in review), or with
 * `--check` fails when the committed file is out of date.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from '../src/graphql/schema/index.ts';

const SCHEMA_FILE = new URL('../schema/schema.graphql', import.meta.url);
const SCHEMA_PATH_FOR_HUMANS = 'schema/schema.graphql';

async function readCommitted(): Promise<string | null> {
  try {
    return await readFile(SCHEMA_FILE, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
}

const printed = `${printSchema(lexicographicSortSchema(schema))}\n`;

if (process.argv.includes('--check')) {
  const committed = await readCommitted();
  if (committed !== printed) {
    const why =
      committed === null ? 'does not exist' : 'is out of date with the schema built from src/graphql/';
    console.error(`${SCHEMA_PATH_FOR_HUMANS} ${why}. Run \`npm run schema:print\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${SCHEMA_PATH_FOR_HUMANS} is up to date.`);
} else {
  await writeFile(SCHEMA_FILE, printed, 'utf8');
  console.log(`Wrote ${SCHEMA_PATH_FOR_HUMANS}.`);
}
