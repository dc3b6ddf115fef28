import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

// `npm run codegen:check` as npm runs it, against a configuration whose generator cannot run: the output's preset
// does not load, which is what happened to the client preset on Node 20.18 (require() of an ES module).

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

const scratch: string[] = [];
afterAll(async () => {
  for (const directory of scratch) await rm(directory, { recursive: true, force: true });
});

describe('codegen:check', () => {
  it('fails, saying nothing was checked, when the generator cannot produce an output', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'ssl-graph-codegen-'));
    scratch.push(directory);
    const config = join(directory, 'codegen.yml');
    await writeFile(
      config,
      [
        'schema: schema/schema.graphql',
        'documents: test/graphql/operations/**/*.graphql',
        'generates:',
        `  ${join(directory, 'generated')}/:`,
        '    preset: no-such-preset',
        '',
      ].join('\n'),
    );
    const checked = run('npm', ['run', '--silent', 'codegen:check', '--', config], { cwd: REPO_ROOT });
    const failure = await checked.then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('the generator produced nothing for');
    expect(failure?.stderr).toContain('so nothing was checked');
  }, 120_000);
});
