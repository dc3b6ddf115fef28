/** The GraphQL operations the suite sends: the pages a certificate console shows. */

/** The cheapest operation the gateway can answer: parsing, validation and the HTTP path, no resolver upstream. */
export const CEILING_QUERY = '{ __typename }';

/** A list page: 50 certificates with the fields a table shows (all from the DescribeCertificates listing). */
export const LIST_PAGE_QUERY = `query ListPage {
  certificates(first: 50) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id alias domain domains status certificateType encryptionAlgorithm projectId
      beginsAt expiresAt daysUntilExpiry isExpiring isDeployable isRenewable
      tags { key value }
    } }
  }
}`;

/** A certificate's page: its listing fields, manager, company, latest deployments and operation log. */
export const DETAIL_PAGE_QUERY = `query DetailPage($id: ID!) {
  certificate(id: $id) {
    id alias domain domains status certificateType encryptionAlgorithm beginsAt expiresAt daysUntilExpiry
    manager { id firstName lastName email status company { id } }
    company { id name }
    deployRecords(first: 10) { totalCount edges { node { id region isFinished } } }
    operationLogs(first: 10) { totalCount edges { node { type message createdAt } } }
  }
}`;

/** A dashboard: what expires soon, and how many certificates are in each state that needs attention. */
export const DASHBOARD_QUERY = `query Dashboard {
  expiring: certificates(first: 10, filter: { expiringOnly: true }, orderBy: EXPIRES_AT_ASC) {
    totalCount
    edges { node { id domain expiresAt daysUntilExpiry } }
  }
  issued: certificates(first: 0, filter: { statuses: [ISSUED] }) { totalCount }
  expired: certificates(first: 0, filter: { statuses: [EXPIRED] }) { totalCount }
  reviewing: certificates(first: 0, filter: { statuses: [REVIEWING] }) { totalCount }
  reviewFailed: certificates(first: 0, filter: { statuses: [REVIEW_FAILED] }) { totalCount }
}`;
