/* eslint-disable */
import * as types from './graphql.ts';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query CertificateById($id: ID!) {\n  certificate(id: $id) {\n    ...CertificateFields\n  }\n}": typeof types.CertificateByIdDocument,
    "fragment CertificateFields on Certificate {\n  id\n  alias\n  domain\n  domains\n  status\n  statusMessage\n  source\n  certificateType\n  packageType\n  productName\n  projectId\n  beginsAt\n  expiresAt\n  createdAt\n  daysUntilExpiry\n  isExpiring\n  isDeployable\n  isExpiringNotificationEnabled\n  isRenewable\n  isVip\n  isDv\n  isWildcard\n  tags {\n    key\n    value\n  }\n}": typeof types.CertificateFieldsFragmentDoc,
    "query CertificateSummaries($first: Int) {\n  certificates(first: $first) {\n    totalCount\n    edges {\n      node {\n        id\n        domain\n        status\n      }\n    }\n  }\n}": typeof types.CertificateSummariesDocument,
    "query CertificatesPage($first: Int, $after: String) {\n  certificates(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        ...CertificateFields\n      }\n    }\n  }\n}": typeof types.CertificatesPageDocument,
    "query ListThenLookup($first: Int!, $firstId: ID!, $secondId: ID!) {\n  certificates(first: $first) {\n    totalCount\n    edges {\n      node {\n        id\n        domain\n      }\n    }\n  }\n  firstLookup: certificate(id: $firstId) {\n    id\n    domain\n  }\n  secondLookup: certificate(id: $secondId) {\n    id\n    domain\n  }\n}": typeof types.ListThenLookupDocument,
};
const documents: Documents = {
    "query CertificateById($id: ID!) {\n  certificate(id: $id) {\n    ...CertificateFields\n  }\n}": types.CertificateByIdDocument,
    "fragment CertificateFields on Certificate {\n  id\n  alias\n  domain\n  domains\n  status\n  statusMessage\n  source\n  certificateType\n  packageType\n  productName\n  projectId\n  beginsAt\n  expiresAt\n  createdAt\n  daysUntilExpiry\n  isExpiring\n  isDeployable\n  isExpiringNotificationEnabled\n  isRenewable\n  isVip\n  isDv\n  isWildcard\n  tags {\n    key\n    value\n  }\n}": types.CertificateFieldsFragmentDoc,
    "query CertificateSummaries($first: Int) {\n  certificates(first: $first) {\n    totalCount\n    edges {\n      node {\n        id\n        domain\n        status\n      }\n    }\n  }\n}": types.CertificateSummariesDocument,
    "query CertificatesPage($first: Int, $after: String) {\n  certificates(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        ...CertificateFields\n      }\n    }\n  }\n}": types.CertificatesPageDocument,
    "query ListThenLookup($first: Int!, $firstId: ID!, $secondId: ID!) {\n  certificates(first: $first) {\n    totalCount\n    edges {\n      node {\n        id\n        domain\n      }\n    }\n  }\n  firstLookup: certificate(id: $firstId) {\n    id\n    domain\n  }\n  secondLookup: certificate(id: $secondId) {\n    id\n    domain\n  }\n}": types.ListThenLookupDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CertificateById($id: ID!) {\n  certificate(id: $id) {\n    ...CertificateFields\n  }\n}"): (typeof documents)["query CertificateById($id: ID!) {\n  certificate(id: $id) {\n    ...CertificateFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment CertificateFields on Certificate {\n  id\n  alias\n  domain\n  domains\n  status\n  statusMessage\n  source\n  certificateType\n  packageType\n  productName\n  projectId\n  beginsAt\n  expiresAt\n  createdAt\n  daysUntilExpiry\n  isExpiring\n  isDeployable\n  isExpiringNotificationEnabled\n  isRenewable\n  isVip\n  isDv\n  isWildcard\n  tags {\n    key\n    value\n  }\n}"): (typeof documents)["fragment CertificateFields on Certificate {\n  id\n  alias\n  domain\n  domains\n  status\n  statusMessage\n  source\n  certificateType\n  packageType\n  productName\n  projectId\n  beginsAt\n  expiresAt\n  createdAt\n  daysUntilExpiry\n  isExpiring\n  isDeployable\n  isExpiringNotificationEnabled\n  isRenewable\n  isVip\n  isDv\n  isWildcard\n  tags {\n    key\n    value\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CertificateSummaries($first: Int) {\n  certificates(first: $first) {\n    totalCount\n    edges {\n      node {\n        id\n        domain\n        status\n      }\n    }\n  }\n}"): (typeof documents)["query CertificateSummaries($first: Int) {\n  certificates(first: $first) {\n    totalCount\n    edges {\n      node {\n        id\n        domain\n        status\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CertificatesPage($first: Int, $after: String) {\n  certificates(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        ...CertificateFields\n      }\n    }\n  }\n}"): (typeof documents)["query CertificatesPage($first: Int, $after: String) {\n  certificates(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        ...CertificateFields\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ListThenLookup($first: Int!, $firstId: ID!, $secondId: ID!) {\n  certificates(first: $first) {\n    totalCount\n    edges {\n      node {\n        id\n        domain\n      }\n    }\n  }\n  firstLookup: certificate(id: $firstId) {\n    id\n    domain\n  }\n  secondLookup: certificate(id: $secondId) {\n    id\n    domain\n  }\n}"): (typeof documents)["query ListThenLookup($first: Int!, $firstId: ID!, $secondId: ID!) {\n  certificates(first: $first) {\n    totalCount\n    edges {\n      node {\n        id\n        domain\n      }\n    }\n  }\n  firstLookup: certificate(id: $firstId) {\n    id\n    domain\n  }\n  secondLookup: certificate(id: $secondId) {\n    id\n    domain\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;