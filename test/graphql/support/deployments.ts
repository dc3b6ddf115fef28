import { expect } from 'vitest';
import type { RunningEmulator } from '../../../src/emulator/index.ts';
import type { CertificateRecord } from '../../../src/emulator/store/certificates.ts';
import { type DeployTarget, domainsMatchCertificate } from '../../../src/emulator/store/resources.ts';
import type { Gateway } from '../../../src/graphql/yoga.ts';
import { execute } from './execute.ts';

/**
 * The `certificateDeploy` input deploying an issued, unexpired server certificate of the seed to a CDN domain it
 * covers and does not serve yet.
 */
export function cdnDeploymentInput(emulator: RunningEmulator) {
  const now = emulator.clock.now();
  const state = emulator.state;
  // An instance already serving the certificate refuses it (nothing to deploy).
  const takes = (t: DeployTarget, c: CertificateRecord) =>
    domainsMatchCertificate(t.domains, c.subjectAltNames) && t.slot.at(now) !== c.id;
  const certificate = state.certificates
    .all()
    .find(
      (c) =>
        c.status === 1 &&
        c.certificateType === 'SVR' &&
        (c.certEndTime ?? 0) > now &&
        state.resources.targets('cdn').some((t) => takes(t, c)),
    );
  const target = state.resources.targets('cdn').find((t) => certificate && takes(t, certificate));
  return { certificateId: certificate?.id, resourceType: 'CDN', instanceIds: [target?.instanceId] };
}

/**
 * Deploys as cdnDeploymentInput says, through `gateway`; returns the ID of the deploy record (checked to be a
 * string).
 */
export async function startCdnDeployment(
  emulator: RunningEmulator,
  gateway: Gateway,
): Promise<string | undefined> {
  const started = await execute<{ certificateDeploy: { deployRecord: { id: string } } }, unknown>(
    gateway,
    'mutation($input: CertificateDeployInput!) { certificateDeploy(input: $input) { deployRecord { id } } }',
    { input: cdnDeploymentInput(emulator) },
  );
  const id = started.data?.certificateDeploy.deployRecord.id;
  expect(id).toEqual(expect.any(String));
  return id;
}
