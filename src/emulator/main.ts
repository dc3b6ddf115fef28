import { DEFAULT_SANDBOX_SECRET_ID, DEFAULT_SANDBOX_SECRET_KEY, startEmulator } from './index.ts';

class InvalidEnvironmentError extends Error {}

function portFromEnvironment(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const port = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new InvalidEnvironmentError(`${name} must be a port number between 0 and 65535, got "${text}"`);
  }
  return port;
}

function nonEmptyFromEnvironment(name: string, fallback: string): string {
  const text = process.env[name];
  if (text === undefined) return fallback;
  if (text.trim() === '' || text !== text.trim()) {
    throw new InvalidEnvironmentError(`${name} must be non-empty and have no surrounding spaces`);
  }
  return text;
}

async function main(): Promise<void> {
  const port = portFromEnvironment('EMULATOR_PORT', 4100);
  const host = nonEmptyFromEnvironment('EMULATOR_HOST', '127.0.0.1');
  const secretId = nonEmptyFromEnvironment('EMULATOR_SECRET_ID', DEFAULT_SANDBOX_SECRET_ID);
  const secretKey = nonEmptyFromEnvironment('EMULATOR_SECRET_KEY', DEFAULT_SANDBOX_SECRET_KEY);

  const emulator = await startEmulator({ port, host, secretId, secretKey, enforceRateLimits: true });
  console.log(`SSL API emulator (ssl 2019-12-05) listening on ${emulator.url}`);
  if (secretId === DEFAULT_SANDBOX_SECRET_ID && secretKey === DEFAULT_SANDBOX_SECRET_KEY) {
    // Printed on purpose: these are fake sandbox keys that only open this emulator.
    console.log(`sandbox SecretId:  ${secretId}`);
    console.log(`sandbox SecretKey: ${secretKey}`);
  } else {
    console.log(`SecretId: ${secretId} (SecretKey from EMULATOR_SECRET_KEY)`);
  }

  const shutDown = (signal: NodeJS.Signals): void => {
    console.log(`${signal} received, closing the emulator`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('closing the emulator failed:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutDown);
  process.once('SIGTERM', shutDown);
}

main().catch((error: unknown) => {
  if (error instanceof InvalidEnvironmentError) console.error(`emulator: ${error.message}`);
  else console.error('emulator failed to start:', error);
  process.exit(1);
});
