import { builder, grantedScopes, notAuthorizedError } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { CertificateRef } from './certificate.ts';
import { CompanyRef } from './company.ts';
import { DeployRecordRef, deployRecordWithWait } from './deploy-record.ts';
import { ManagerRef, parseManagerId } from './manager.ts';
import { PackageRef } from './package.ts';

/**
 * The entities other subgraphs of the supergraph may reference and extend, all keyed on the identifier Tencent
 * Cloud assigns. The router resolves a batch of references with one `_entities` field; every reference goes
 * through the request's loaders, as the matching `Query` field does, so N certificate references cost one
 * DescribeCertificates call.
 */

const byId = builder.selection<{ id: string }>('id');

/**
 * `_entities` is added to Query after the builder has wrapped every field's resolver, so the read scope that
 * `Query` demands of its other fields (query.ts) is not applied to it by scope-auth: the references check it
 * themselves, before any loader runs, so a refused reference never reaches the upstream.
 */
async function readAuthorized<Entity>(
  context: GraphQLContext,
  load: () => Entity | Promise<Entity>,
): Promise<Entity> {
  if (!grantedScopes(context).read) throw notAuthorizedError('entity references need the read scope');
  return load();
}

builder.asEntity(CertificateRef, {
  key: byId,
  resolveReference: ({ id }, context) =>
    readAuthorized(context, () => context.loaders.certificates.byId.load(id)),
});

builder.asEntity(ManagerRef, {
  key: byId,
  resolveReference: ({ id }, context) =>
    readAuthorized(context, async () => {
      const managerId = parseManagerId(id);
      if (managerId === null) return null;
      const detail = await context.loaders.accounts.managerById.load(managerId);
      return detail === null ? null : { id: managerId, detail };
    }),
});

builder.asEntity(CompanyRef, {
  key: byId,
  resolveReference: ({ id }, context) =>
    readAuthorized(context, async () => {
      // Company IDs have the manager IDs' format (company.ts parses `Query.company`'s argument the same way).
      const companyId = parseManagerId(id);
      return companyId === null ? null : context.loaders.accounts.companyById.load(companyId);
    }),
});

builder.asEntity(PackageRef, {
  key: byId,
  resolveReference: ({ id }, context) =>
    readAuthorized(context, () => context.loaders.accounts.packageById.load(id)),
});

builder.asEntity(DeployRecordRef, {
  key: byId,
  resolveReference: ({ id }, context) =>
    readAuthorized(context, () => deployRecordWithWait(id, null, null, context)),
});
