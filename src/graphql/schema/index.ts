// Loads every type file (each registers its types and entry points on the builder), then builds the schema.
import './query.ts';
import './scalars.ts';
import './certificate-enums.ts';
import './certificate.ts';
import './certificate-links.ts';
import './certificate-detail.ts';
import './certificate-validation.ts';
import './certificate-x509.ts';
import './certificate-downloads.ts';
import './certificate-checks.ts';
import './operation-log.ts';
import './certificate-mutations.ts';
import './cloud-resource-enums.ts';
import './cloud-resource.ts';
import './cloud-resource-clb.ts';
import './cloud-resource-tke.ts';
import './cloud-resource-domains.ts';
import './cloud-resource-platforms.ts';
import './cloud-resource-types.ts';
import './cloud-resource-queries.ts';
import './certificate-order-mutations.ts';
import './certificate-information-mutations.ts';
import './certificate-ca-mutations.ts';
import './certificate-letter-mutations.ts';
import './manager.ts';
import './company.ts';
import './manager-certificate.ts';
import './manager-mutations.ts';
import './package.ts';
import './job.ts';
import './subscription.ts';
import './deploy-record.ts';
import './deploy-record-mutations.ts';
import './update-record.ts';
import './update-record-mutations.ts';
import './upload-update-record.ts';
import './upload-update-record-mutations.ts';
import './bind-resource-task.ts';
import './bind-resource-task-resources.ts';
import './bind-resource-task-mutations.ts';
import './certificate-delete-task.ts';
import './certificate-delete-mutations.ts';
import { builder } from '../builder.ts';
// After every domain file: it marks their types as entities.
import { checkedEntityReferences } from './federation.ts';

/**
 * The schema Yoga serves: a Federation v2 subgraph, so the router can ask it for `_service { sdl }` and resolve
 * entity references with `_entities` (each reference checked first: checkedEntityReferences). Frontends use the
 * same endpoint and simply never ask for those two; GRAPHQL_INTROSPECTION=false refuses `_service` as it refuses
 * `__schema` (security/schema-exposure.ts).
 * The directives imported are exactly the ones the types use (listing them spares the plugin a second build
 * to discover them; composition fails on a directive that is used but not imported).
 */
export const schema = checkedEntityReferences(
  builder.toSubGraphSchema({
    linkUrl: 'https://specs.apollo.dev/federation/v2.6',
    federationDirectives: ['@key', '@shareable'],
  }),
);
