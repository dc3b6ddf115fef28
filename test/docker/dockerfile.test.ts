import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

// No Docker engine here: the Dockerfile's stages are replayed as written, each in a clean directory standing in
// for the image's WORKDIR, with only what its COPY lines copy (honouring .dockerignore). What this cannot check:
// the base image itself (node:24-slim; here the machine's Node runs the commands) and the USER switch.

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

interface Instruction {
  readonly keyword: string;
  readonly argument: string;
}

interface Stage {
  readonly name: string;
  readonly instructions: readonly Instruction[];
}

function parseDockerfile(text: string): Stage[] {
  // Continuation lines join the instruction they continue; comments and blank lines go.
  const logical = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const stages: Array<{ name: string; instructions: Instruction[] }> = [];
  for (const line of logical) {
    const [, keyword = '', argument = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const upper = keyword.toUpperCase();
    if (upper === 'FROM') {
      stages.push({ name: /\bAS\s+(\S+)/i.exec(argument)?.[1] ?? String(stages.length), instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ keyword: upper, argument });
    }
  }
  return stages;
}

function argumentsOf(stage: Stage, keyword: string): string[] {
  return stage.instructions.filter((instruction) => instruction.keyword === keyword).map((i) => i.argument);
}

/** `ENV A=1 B=2` lines of a stage as an environment. */
function environmentOf(stage: Stage): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const line of argumentsOf(stage, 'ENV')) {
    for (const [, name, value] of line.matchAll(/(\w+)=("[^"]*"|\S+)/g)) {
      environment[name!] = value!.replace(/^"|"$/g, '');
    }
  }
  return environment;
}

/** A .dockerignore pattern as a regular expression over context-relative paths. */
function ignorePattern(pattern: string): RegExp {
  const segment = (part: string): string =>
    part
      .split('')
      .map((character) => {
        if (character === '*') return '[^/]*';
        if (character === '?') return '[^/]';
        return /[.+^${}()|[\]\\]/.test(character) ? `\\${character}` : character;
      })
      .join('');
  // `**/` matches any number of directories, none included; `**` elsewhere, anything.
  const source = pattern
    .replace(/^\/+|\/+$/g, '')
    .split(/(\*\*\/|\*\*)/)
    .map((part) => (part === '**/' ? '(?:.*/)?' : part === '**' ? '.*' : segment(part)))
    .join('');
  // A pattern excludes the path itself and everything under it.
  return new RegExp(`^${source}(/.*)?$`);
}

async function dockerignore(): Promise<(path: string) => boolean> {
  const lines = (await readFile(join(REPO_ROOT, '.dockerignore'), 'utf8'))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  expect(
    lines.some((line) => line.startsWith('!')),
    'negated patterns are not replayed here',
  ).toBe(false);
  const patterns = lines.map(ignorePattern);
  return (path) => patterns.some((pattern) => pattern.test(path));
}

/** COPY [--from=stage] source... destination, relative to the stage's WORKDIR (`directory`). */
async function copyInstruction(
  argument: string,
  directory: string,
  workdir: string,
  stageDirectories: ReadonlyMap<string, string>,
  ignored: (path: string) => boolean,
): Promise<void> {
  const words = argument.split(/\s+/);
  const fromStage = words[0]?.startsWith('--from=') ? words.shift()!.slice('--from='.length) : undefined;
  expect(
    words.every((word) => !word.startsWith('--')),
    `unsupported COPY flag in: ${argument}`,
  ).toBe(true);
  const destination = words.pop()!;
  const target = join(directory, destination);
  for (const source of words) {
    if (fromStage !== undefined) {
      const stageDirectory = stageDirectories.get(fromStage)!;
      expect(source.startsWith(`${workdir}/`), `COPY --from source outside ${workdir}`).toBe(true);
      const from = join(stageDirectory, relative(workdir, source));
      const into = destination.endsWith('/') ? join(target, basename(source)) : target;
      await cp(from, into, { recursive: true });
      continue;
    }
    const from = join(REPO_ROOT, source);
    // Docker copies a directory's contents into the destination, and a file into it when it ends with '/'.
    const isDirectory = (await stat(from)).isDirectory();
    const into = !isDirectory && destination.endsWith('/') ? join(target, basename(source)) : target;
    await mkdir(isDirectory ? into : dirname(into), { recursive: true });
    await cp(from, into, {
      recursive: true,
      filter: (path) => !ignored(relative(REPO_ROOT, path).split('\\').join('/')),
    });
  }
}

const scratch: string[] = [];
afterAll(async () => {
  for (const directory of scratch) await rm(directory, { recursive: true, force: true });
});

describe('the build context', () => {
  it('leaves out secrets at any depth, not only at the root', async () => {
    const ignored = await dockerignore();
    for (const secret of [
      '.env',
      '.env.local',
      'bench/.env',
      'test/x.pem',
      'a/b/server.key',
      'a/keystore.p12',
      '.npmrc',
    ])
      expect(ignored(secret), secret).toBe(true);
    for (const kept of ['src/main.ts', 'patches/graphql-jit+0.8.9.patch', 'package.json'])
      expect(ignored(kept), kept).toBe(false);
  });
});

describe('the Dockerfile', () => {
  it('builds in a clean directory and the runtime stage serves /health on production dependencies only', async () => {
    const stages = parseDockerfile(await readFile(join(REPO_ROOT, 'Dockerfile'), 'utf8'));
    expect(stages.map((stage) => stage.name)).toEqual(['build', 'runtime']);
    const [build, runtime] = stages as [Stage, Stage];
    const ignored = await dockerignore();
    const root = await mkdtemp(join(tmpdir(), 'ssl-graph-docker-'));
    scratch.push(root);
    // The runtime stage cleans the npm cache as written: it gets a cache of its own, not this machine's.
    const runtimeCache = join(root, 'runtime-npm-cache');
    const stageDirectories = new Map<string, string>();

    for (const stage of [build, runtime]) {
      const directory = join(root, stage.name);
      await mkdir(directory);
      stageDirectories.set(stage.name, directory);
      const [workdir] = argumentsOf(stage, 'WORKDIR');
      expect(workdir).toBe('/app');
      const environment: NodeJS.ProcessEnv = {
        ...process.env,
        ...environmentOf(stage),
        npm_config_update_notifier: 'false',
        npm_config_prefer_offline: 'true',
        ...(stage === runtime ? { npm_config_cache: runtimeCache } : {}),
      };
      for (const instruction of stage.instructions) {
        if (instruction.keyword === 'COPY') {
          await copyInstruction(instruction.argument, directory, workdir!, stageDirectories, ignored);
        } else if (instruction.keyword === 'RUN') {
          await run('sh', ['-c', instruction.argument], {
            cwd: directory,
            env: environment,
            maxBuffer: 64 * 1024 * 1024,
          });
        }
      }
    }

    const runtimeDirectory = stageDirectories.get('runtime')!;
    // Only what the image needs: the build output and production dependencies, no sources or dev tools.
    expect((await readdir(runtimeDirectory)).sort()).toEqual([
      'dist',
      'node_modules',
      'package-lock.json',
      'package.json',
      'patches',
    ]);
    const installed = new Set(await readdir(join(runtimeDirectory, 'node_modules')));
    // The image runs dist/ with node: no TypeScript runner (tsx and its native esbuild), no test-only zod.
    for (const devOnly of [
      'vitest',
      'typescript',
      'playwright-core',
      '@biomejs',
      'tsx',
      'esbuild',
      '@esbuild',
      'zod',
    ])
      expect(installed).not.toContain(devOnly);
    expect(installed).toContain('graphql-yoga');
    // Dependencies patched as in development (patches/), though no install script ran.
    for (const patched of ['graphql-jit/dist/execution.js', 'graphql-jit/dist/runtime.js']) {
      expect(await readFile(join(runtimeDirectory, 'node_modules', patched), 'utf8')).toBe(
        await readFile(join(REPO_ROOT, 'node_modules', patched), 'utf8'),
      );
    }

    expect(argumentsOf(runtime, 'USER')).toEqual(['node']);
    expect(argumentsOf(runtime, 'STOPSIGNAL')).toEqual(['SIGTERM']);
    const runtimeEnvironment = environmentOf(runtime);
    expect(argumentsOf(runtime, 'EXPOSE')).toEqual([runtimeEnvironment.PORT]);
    expect(Number(runtimeEnvironment.SHUTDOWN_TIMEOUT_MS)).toBeLessThan(10_000);

    // CMD as written, in exec form, with the image's environment; loopback and a port the gateway picks itself
    // (PORT=0, read back from its "listening" line: no port to race other tests for) instead of 0.0.0.0:4000.
    const [cmd] = argumentsOf(runtime, 'CMD');
    const command = JSON.parse(cmd!) as string[];
    expect(command[0]).toBe('node');
    const environment: NodeJS.ProcessEnv = {
      ...process.env,
      ...runtimeEnvironment,
      HOST: '127.0.0.1',
      PORT: '0',
    };
    for (const name of Object.keys(environment)) {
      if (/^(TENCENTCLOUD_|SSL_API_|AUTH_)/.test(name)) delete environment[name];
    }
    const gateway = spawn(process.execPath, command.slice(1), { cwd: runtimeDirectory, env: environment });
    let output = '';
    gateway.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    gateway.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    try {
      const origin = await new Promise<string>((resolve, reject) => {
        const onData = (): void => {
          const listening = output
            .split('\n')
            .find((line) => line.includes('"msg":"ssl-graph listening"') && line.endsWith('}'));
          if (listening !== undefined) resolve(new URL(String(JSON.parse(listening).graphql)).origin);
        };
        gateway.stdout.on('data', onData);
        gateway.once('exit', (code) => reject(new Error(`node dist/main.js exited (${code}):\n${output}`)));
      });
      // The HEALTHCHECK reads PORT: it is given the port the gateway took.
      environment.PORT = new URL(origin).port;
      // The HEALTHCHECK's own command, as Docker would run it inside the container.
      const [healthcheck] = argumentsOf(runtime, 'HEALTHCHECK');
      const healthCommand = JSON.parse(/\bCMD\s+(\[.*\])$/.exec(healthcheck!)![1]!) as string[];
      expect(healthCommand[0]).toBe('node');
      await run(process.execPath, healthCommand.slice(1), { cwd: runtimeDirectory, env: environment });
      // The graph itself, over the sandbox emulator, on production dependencies only.
      const answer = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ certificates(first: 1) { totalCount } }' }),
      });
      expect(await answer.json()).toEqual({ data: { certificates: { totalCount: expect.any(Number) } } });
      // The first probe of the upstream may still be running (503 `starting`); each answer waits for it a while.
      let ready: { status: string };
      do {
        ready = (await (await fetch(`${origin}/ready`)).json()) as { status: string };
      } while (ready.status === 'starting');
      expect(ready).toEqual({ status: 'ready' });
    } finally {
      const exited = once(gateway, 'exit');
      gateway.kill('SIGTERM');
      const [code] = await exited;
      expect(code, output).toBe(0);
    }
  }, 900_000);
});
