import { execFile } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

// .ci/run and models:generate on a machine that lacks what they need (for .ci/run, a PATH of stand-ins): they
// must stop before doing anything, saying what is missing, rather than fail deep inside npm, apt-get or a stack
// trace. No stand-in installs anything.

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CI_RUN = join(REPO_ROOT, '.ci', 'run');
const run = promisify(execFile);

const scratch: string[] = [];
afterAll(async () => {
  for (const directory of scratch) await rm(directory, { recursive: true, force: true });
});

/** A directory of executables for PATH: real tools linked by absolute path, or shell scripts. */
async function binDirectory(tools: Record<string, { link: string } | { script: string }>): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'ssl-graph-ci-'));
  scratch.push(directory);
  await chmod(directory, 0o755);
  for (const [name, tool] of Object.entries(tools)) {
    const path = join(directory, name);
    if ('link' in tool) await symlink(tool.link, path);
    else await writeFile(path, `#!/bin/sh\n${tool.script}\n`, { mode: 0o755 });
  }
  return directory;
}

async function failureOf(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code?: number; stdout?: string; stderr?: string } | undefined> {
  return run(command, args, { cwd: REPO_ROOT, env }).then(
    () => undefined,
    (error: { code?: number; stdout?: string; stderr?: string }) => error,
  );
}

describe('.ci/run', () => {
  it('stops at once on a Node older than package.json allows, naming the version', async () => {
    const bin = await binDirectory({ node: { script: 'echo v18.20.4' }, npm: { script: 'exit 0' } });
    const failure = await failureOf('bash', [CI_RUN], { PATH: `${bin}:/usr/bin:/bin` });
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(
      'ci: needs Node.js 20.19+ or 22.12+ (package.json engines), but node on PATH is v18.20.4',
    );
    expect(failure?.stdout).not.toContain('== npm ci');
  });

  it('says it needs root or sudo when a package is missing and it is neither', async () => {
    // Only what the script needs before installing redis-server: no redis-server, apt-get or sudo.
    const bin = await binDirectory({
      bash: { link: '/bin/bash' },
      dirname: { link: '/usr/bin/dirname' },
      id: { link: '/usr/bin/id' },
      node: { link: process.execPath },
      npm: { script: 'exit 0' },
    });
    const env = { PATH: bin };
    // A copy of the script, readable by anyone: the checkout itself may sit where only its owner can enter
    // (a clone under `mktemp -d`), and the script needs nothing else before this check.
    const copy = await mkdtemp(join(tmpdir(), 'ssl-graph-ci-run-'));
    scratch.push(copy);
    await chmod(copy, 0o755);
    await mkdir(join(copy, '.ci'), { mode: 0o755 });
    const ciRun = join(copy, '.ci', 'run');
    await copyFile(CI_RUN, ciRun);
    await chmod(ciRun, 0o755);
    // As nobody when the tests run as root, as the invoking user otherwise.
    const failure =
      process.getuid?.() === 0
        ? await failureOf(
            '/usr/bin/setpriv',
            ['--reuid=65534', '--regid=65534', '--clear-groups', ciRun],
            env,
          )
        : await failureOf(ciRun, [], env);
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('ci: needs root or sudo to run `apt-get update -qq`');
  });
});

describe('models:generate', () => {
  it('says to set SSL_API_SPEC when there is no specification where it looks', async () => {
    const missing = join(tmpdir(), 'ssl-graph-no-such-spec', 'ssl-api-spec.json');
    const failure = await failureOf('npm', ['run', '--silent', 'models:generate'], {
      ...process.env,
      SSL_API_SPEC: missing,
    });
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(`no vendor specification at ${missing}; set SSL_API_SPEC`);
  });
});
