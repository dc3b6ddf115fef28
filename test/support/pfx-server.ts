import type { AddressInfo } from 'node:net';
import { connect, createServer } from 'node:tls';
import { emulatorCertificateAuthority } from '../../src/emulator/pki/ca.ts';

/**
 * Serves TLS on loopback with a PFX and returns the SHA-256 fingerprint of the leaf a client saw: OpenSSL has then
 * checked the file's MAC, decrypted its key and matched the key to the certificate. The client verifies the
 * chain against the emulator's root unless told not to (a certificate issued on the emulator's stepped clock may
 * not be valid yet on ours).
 */
export async function servedFingerprint(
  pfx: Buffer,
  passphrase: string,
  servername: string,
  options: { readonly verifyChain: boolean } = { verifyChain: true },
): Promise<string> {
  const server = createServer({ pfx, passphrase }, (socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise<string>((resolve, reject) => {
      const socket = connect(
        {
          host: '127.0.0.1',
          port,
          servername,
          ca: emulatorCertificateAuthority().rootPem,
          rejectUnauthorized: options.verifyChain,
        },
        () => {
          resolve(socket.getPeerCertificate().fingerprint256);
          socket.end();
        },
      );
      socket.on('error', reject);
    });
  } finally {
    server.close();
  }
}
