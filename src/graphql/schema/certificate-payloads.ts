// What the certificate mutations share: payloads returning the changed certificate(s), loading them fresh,
// and turning gateway-side input checks into userErrors (upstream failures: upstream-input-errors.ts).
import type { GraphQLContext } from '../context.ts';
import type { CertificateRecord } from '../loaders/certificate-record.ts';
import { CertificateRef } from './certificate.ts';
import { InputRejection } from './certificate-inputs.ts';
import { gatewayUserError, type PayloadShape, payloadType } from './user-error.ts';

/** A payload around one certificate; on failure only `userErrors` is set. */
export interface CertificatePayloadShape extends PayloadShape {
  readonly certificateId?: string | null;
}

/** The certificate as it is now (the mutation cleared the request's caches), or null. */
export function loadCertificate(
  context: GraphQLContext,
  id: string | null | undefined,
): Promise<CertificateRecord | null> | null {
  return id === null || id === undefined || id === '' ? null : context.loaders.certificates.byId.load(id);
}

/** The certificates as they are now, in the given order; IDs the account cannot see are left out. */
export async function loadCertificates(
  context: GraphQLContext,
  ids: readonly string[] | null | undefined,
): Promise<CertificateRecord[] | null> {
  if (ids === null || ids === undefined) return null;
  const loaded = await Promise.all(ids.map((id) => context.loaders.certificates.byId.load(id)));
  return loaded.filter((certificate): certificate is CertificateRecord => certificate !== null);
}

/** Declares `<Name>Payload` with the one certificate the mutation changed or created. */
export function certificatePayload(name: string, description: string, certificateDescription: string) {
  return payloadType<CertificatePayloadShape>(name, description, (t) => ({
    certificate: t.field({
      type: CertificateRef,
      description: certificateDescription,
      resolve: (payload, _args, context) => loadCertificate(context, payload.certificateId),
    }),
  }));
}

/** Runs a mutation; an InputRejection thrown while building the upstream params becomes the userErrors. */
export async function checkingInput<Shape extends PayloadShape>(
  run: () => Promise<Shape>,
): Promise<Shape | PayloadShape> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InputRejection) return gatewayUserError(error.code, error.message, error.field);
    throw error;
  }
}
