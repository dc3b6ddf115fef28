import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import type { CertificateRecord } from '../loaders/certificate-record.ts';
import { CertificateRef } from './certificate.ts';
import { CompanyRef } from './company.ts';
import { ManagerRef, type ManagerSource, parseManagerId } from './manager.ts';

/**
 * The manager a certificate was ordered with. DescribeCertificates names it in `PreAuditInfo.ManagerId` (a
 * string there, '' for certificates ordered without one), so no certificate detail is needed; the manager
 * detail confirms it still exists, one DescribeManagerDetail per distinct manager.
 */
async function managerOf(
  certificate: CertificateRecord,
  context: GraphQLContext,
): Promise<ManagerSource | null> {
  const managerId = parseManagerId(certificate.upstream.PreAuditInfo?.ManagerId ?? '');
  if (managerId === null) return null;
  const detail = await context.loaders.accounts.managerById.load(managerId);
  return detail === null ? null : { id: managerId, detail };
}

builder.objectFields(CertificateRef, (t) => ({
  manager: t.field({
    type: ManagerRef,
    description:
      'The company manager the certificate was ordered with (OV/EV orders); null for certificates ordered ' +
      'without one and when the manager was deleted. Costs one DescribeManagerDetail per distinct manager per ' +
      'request (the API has no batch read of managers): a page of certificates sharing three managers costs ' +
      'three calls, whatever the page size.',
    resolve: (certificate, _args, context) => managerOf(certificate, context),
  }),
  company: t.field({
    type: CompanyRef,
    description:
      "The company the certificate was ordered for: its manager's company. Null without a manager. Costs the " +
      'same as `manager` (the company comes with the manager detail).',
    resolve: async (certificate, _args, context) => {
      const manager = await managerOf(certificate, context);
      return manager?.detail?.CompanyInfo ?? null;
    },
  }),
}));
