// How certificates lead to one another: renewals, reissues and hosting renewals. All IDs come from the list shape,
// and the targets are loaded through the batching by-ID loader, so N certificates cost one call.
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import type { CertificateRecord } from '../loaders/certificate-record.ts';
import { presentOrNull } from '../upstream-values.ts';
import { CertificateRef } from './certificate.ts';

/** The certificate an upstream ID field names, or null when the field is blank. */
export function loadLinkedCertificate(
  id: string | null | undefined,
  context: GraphQLContext,
): Promise<CertificateRecord | null> | null {
  const present = presentOrNull(id);
  return present === null ? null : context.loaders.certificates.byId.load(present);
}

builder.objectFields(CertificateRef, (t) => ({
  renewedFrom: t.field({
    type: CertificateRef,
    description: 'The certificate this one renews; null when it is not a renewal.',
    resolve: (certificate, _args, context) =>
      loadLinkedCertificate(certificate.upstream.CertificateExtra?.OriginCertificateId, context),
  }),
  renewal: t.field({
    type: CertificateRef,
    description: 'The certificate ordered to renew this one; null when no renewal has been ordered.',
    resolve: (certificate, _args, context) =>
      loadLinkedCertificate(
        presentOrNull(certificate.upstream.CertificateExtra?.RenewOrder) ??
          certificate.upstream.HasRenewOrder,
        context,
      ),
  }),
  replaces: t.field({
    type: CertificateRef,
    description: 'The original certificate this one is a reissue of; null when it is not a reissue.',
    resolve: (certificate, _args, context) =>
      loadLinkedCertificate(certificate.upstream.CertificateExtra?.ReplacedBy, context),
  }),
  replacedBy: t.field({
    type: CertificateRef,
    description: 'The certificate reissued to replace this one; null when it has not been reissued.',
    resolve: (certificate, _args, context) =>
      loadLinkedCertificate(certificate.upstream.CertificateExtra?.ReplacedFor, context),
  }),
}));
