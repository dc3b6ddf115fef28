/**
 * `npm run codegen:check`: fails when the generated test documents (test/generated/, codegen.yml) are stale, as
 * `graphql-codegen --check` does, and also when the generator could not run at all. The CLI alone exits 0 when
 * an output's preset fails to load (on Node older than 20.19 the client preset's require() of an ES module
 * fails): it prints the failure, generates nothing, finds nothing stale and passes. Here an output that
 * produced no file is a failure. Usage: `tsx scripts/codegen-check.ts [config file]` (codegen.yml by default).
 */
import { createRequire } from 'node:module';

// The CommonJS build, as the graphql-codegen binary runs: it loads the preset from the project, the version
// package.json pins. The ES module build loads it from its own directory, where the CLI keeps an older copy that
// generates other output.
const { createContext, generate, parseArgv } = createRequire(import.meta.url)(
  '@graphql-codegen/cli',
) as typeof import('@graphql-codegen/cli');

const configFile = process.argv[2] ?? 'codegen.yml';
// The flags `graphql-codegen --config codegen.yml --check` would be given.
const context = await createContext(
  parseArgv(['node', 'graphql-codegen', '--config', configFile, '--check']),
);
let generated: Array<{ filename: string }>;
try {
  generated = await generate(context);
} catch (error) {
  console.error(`codegen:check: the generator failed:\n${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

const targets = Object.keys(context.getConfig().generates);
const silent = targets.filter(
  (target) => !generated.some((file) => file.filename === target || file.filename.startsWith(target)),
);
if (silent.length > 0) {
  console.error(
    `codegen:check: the generator produced nothing for ${silent.join(', ')}, so nothing was checked; ` +
      'its failure is marked ✖ above.',
  );
  process.exit(1);
}
if (context.checkModeStaleFiles.length > 0) {
  console.error(
    `codegen:check: stale generated files (run \`npm run codegen\`):\n${context.checkModeStaleFiles
      .map((file) => `  - ${file}`)
      .join('\n')}`,
  );
  process.exit(1);
}
console.log(`codegen:check: ${generated.length} generated files are up to date.`);
