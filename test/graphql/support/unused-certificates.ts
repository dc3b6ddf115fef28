import type { EmulatorState } from '../../../src/emulator/index.ts';
import type { CertificateRecord } from '../../../src/emulator/store/certificates.ts';

/**
 * Returns a picker of seeded certificates that no earlier pick returned, so the tests of a file never share one:
 * bound ones are bound to some cloud resource, unbound ones to none, and `accept` may narrow the choice further.
 * `state` is read at each pick (the emulator is started later, in `beforeAll`).
 */
export function unusedCertificates(
  state: () => EmulatorState,
  options: { accept?: (certificate: CertificateRecord, bound: boolean) => boolean; what?: string } = {},
): (count: number, wanted: { bound: boolean }) => string[] {
  const used = new Set<string>();
  return (count, { bound }) => {
    const current = state();
    const picked = current.certificates
      .all()
      .filter(
        (c) =>
          (options.accept?.(c, bound) ?? true) &&
          !used.has(c.id) &&
          current.resources.isCertificateBound(c.id) === bound,
      )
      .slice(0, count)
      .map((c) => c.id);
    if (picked.length < count) throw new Error(`the seed has too few ${options.what ?? 'certificates'}`);
    for (const id of picked) used.add(id);
    return picked;
  };
}
