// The certificate operation log. The upstream gives entries no ID, so OperationLog has none.
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import type { OperationLogRecord, OperationLogWindow } from '../loaders/operation-logs.ts';
import { prefetchedById } from '../prefetch.ts';
import { parseUpstreamTime } from '../time.ts';
import { presentOrNull } from '../upstream-values.ts';
import { CertificateRef, OWN_UPSTREAM_READ } from './certificate.ts';
import { forwardWindow, type OffsetConnectionShape, toOffsetConnection } from './pagination.ts';
import { upstreamEnum } from './upstream-enum.ts';

/** The SubAccountUin of entries the CA or Tencent Cloud itself caused. */
const SYSTEM_ACTOR = '--';

const OPERATION_TYPE_VALUES = {
  APPLIED: { value: 'apply', description: 'A free certificate was applied for.' },
  DELETED: { value: 'delete', description: 'The certificate was deleted.' },
  DOWNLOADED: { value: 'download', description: 'The certificate was downloaded.' },
  UPLOADED: { value: 'upload', description: 'The certificate was uploaded in the console.' },
  UPLOADED_THROUGH_API: {
    value: 'uploadFromYunAPI',
    description: 'The certificate was uploaded through the API.',
  },
  REVOCATION_REQUESTED: { value: 'revoke', description: 'Revocation of the certificate was requested.' },
  REVOKED: {
    value: 'revoked',
    description: 'The certificate was revoked (a value the API returns though its documentation omits it).',
  },
  REVOCATION_CANCELLED: { value: 'cancelRevoke', description: 'A revocation request was withdrawn.' },
  ALIAS_CHANGED: { value: 'updateAlias', description: 'The alias (remark) was changed.' },
  PROJECT_CHANGED: { value: 'changeProject', description: 'The certificate was moved to another project.' },
  CONFIRMATION_LETTER_UPLOADED: {
    value: 'uploadConfirmLetter',
    description: 'A confirmation letter was uploaded.',
  },
  CONFIRMATION_LETTER_DOWNLOADED: {
    value: 'downloadConfirmLetter',
    description: 'A confirmation or revocation letter (template) was downloaded.',
  },
  REVOCATION_LETTER_UPLOADED: { value: 'editRevokeLetter', description: 'A revocation letter was uploaded.' },
  CANCELLED: { value: 'cancel', description: 'The order was cancelled.' },
  REISSUED: { value: 'replace', description: 'The certificate was reissued.' },
  PAID_RENEWED: { value: 'renewVIP', description: 'A paid certificate was renewed.' },
  PAID_PURCHASED: { value: 'applyVIP', description: 'A paid certificate was purchased.' },
  INFORMATION_SUBMITTED: { value: 'submitInfo', description: 'The order information was submitted.' },
  RESUBMITTED: { value: 'Resubmit', description: 'The order information was submitted again.' },
  TRANSFERRED_IN: { value: 'transferIn', description: 'The certificate was transferred into the account.' },
  TRANSFERRED_OUT: {
    value: 'transferOut',
    description: 'The certificate was transferred out of the account.',
  },
  REFUNDED: { value: 'refund', description: 'The order was refunded.' },
  MULTI_YEAR_RENEWED: {
    value: 'multiYearsRenew',
    description: 'A multi-year order issued its next certificate.',
  },
  DOWNLOAD_LIMIT_CHANGED: {
    value: 'modifyDownloadLimit',
    description: 'The download restriction was changed.',
  },
  ISSUED: { value: 'issued', description: 'The CA issued the certificate.' },
  DOMAIN_VALIDATION_PASSED: { value: 'domainValidationPassed', description: 'Domain validation succeeded.' },
  DEPLOYED: {
    value: 'deploy',
    description: 'The certificate was deployed to cloud resources (returned by the API though undocumented).',
  },
  // The doc lists no verb for the other jobs either; their records log these, as deployments log `deploy`.
  UPDATED: {
    value: 'update',
    description:
      'The certificate replaced another where that one was bound, or had its content replaced (not in the ' +
      'documented list).',
  },
  ROLLED_BACK: {
    value: 'rollback',
    description: 'A deployment or an update of the certificate was rolled back (not in the documented list).',
  },
} as const;

export const OperationType = upstreamEnum('CertificateOperationType', OPERATION_TYPE_VALUES, {
  description: 'What happened to a certificate, as its operation log records it.',
  upstreamField: 'OperationLog.Type',
});

export const OperationLogRef = builder.objectRef<OperationLogRecord>('OperationLog').implement({
  description:
    'One entry of the certificate operation log: who did what to which certificate, when. Tencent Cloud gives ' +
    'entries no ID.',
  fields: (t) => ({
    type: t.field({
      type: OperationType.ref,
      description: 'What happened.',
      resolve: (log) => OperationType.fromUpstream(log.Type),
    }),
    message: t.string({
      description: "Tencent Cloud's own sentence for the entry (in Chinese).",
      resolve: (log) => presentOrNull(log.Action),
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When it happened.',
      resolve: (log) => parseUpstreamTime(log.CreatedOn),
    }),
    accountUin: t.string({
      description: 'The UIN of the root account the certificate belongs to.',
      resolve: (log) => presentOrNull(log.Uin),
    }),
    subAccountUin: t.string({
      description: 'The UIN of the (sub-)account that acted; null when the CA or Tencent Cloud itself did.',
      resolve: (log) => (log.SubAccountUin === SYSTEM_ACTOR ? null : presentOrNull(log.SubAccountUin)),
    }),
    isSystemEvent: t.boolean({
      description: 'Whether the CA or Tencent Cloud caused the entry rather than a user.',
      nullable: false,
      resolve: (log) => log.SubAccountUin === SYSTEM_ACTOR,
    }),
    certificate: t.field({
      type: CertificateRef,
      description: 'The certificate concerned; null once it has been deleted.',
      resolve: (log, _args, context) => {
        const id = presentOrNull(log.CertId);
        return id === null ? null : context.loaders.certificates.byId.load(id);
      },
    }),
  }),
});

const OperationLogConnectionRef = builder.connectionObject<
  typeof OperationLogRef,
  OffsetConnectionShape<OperationLogRecord>
>(
  {
    type: OperationLogRef,
    name: 'OperationLogConnection',
    description: 'A page of operation log entries, newest first.',
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many entries the time window holds (for this connection), across all pages.',
        nullable: false,
        resolve: (connection) => connection.totalCount,
      }),
    }),
  },
  { name: 'OperationLogEdge', description: 'An entry in an OperationLogConnection.' },
);

const WINDOW_NOTE =
  'Without `since`, the log starts 15 days ago; without `until`, it ends now (the upstream defaults).';

builder.queryFields((t) => ({
  operationLogs: t.field({
    type: OperationLogConnectionRef,
    description: `The account's certificate operation log, newest first. ${WINDOW_NOTE}`,
    nullable: false,
    args: {
      first: t.arg.int({ description: 'How many entries to return (default 20, at most 100).' }),
      after: t.arg.string({ description: 'Return the entries after this cursor.' }),
      since: t.arg({ type: 'DateTime', description: 'Only entries at or after this time.' }),
      until: t.arg({ type: 'DateTime', description: 'Only entries at or before this time.' }),
    },
    resolve: async (_root, args, context) => {
      const { offset, limit } = forwardWindow(args);
      const window: OperationLogWindow = { since: args.since, until: args.until };
      const page = await context.loaders.operationLogs.page(window, offset, limit);
      return toOffsetConnection({ totalCount: page.totalCount, offset, items: page.logs });
    },
  }),
}));

interface OperationLogWindowArgs {
  readonly since?: Date | null;
  readonly until?: Date | null;
}

/** The account's whole log window: the upstream cannot filter it by certificate. */
function loadLogWindow(args: OperationLogWindowArgs, context: GraphQLContext) {
  return context.loaders.operationLogs.all({ since: args.since, until: args.until });
}

builder.objectFields(CertificateRef, (t) => ({
  operationLogs: t.field({
    ...prefetchedById((_certificateId, args: OperationLogWindowArgs, context) =>
      loadLogWindow(args, context),
    ),
    type: OperationLogConnectionRef,
    description:
      `What happened to this certificate, newest first. ${WINDOW_NOTE} Tencent Cloud cannot filter its log by ` +
      "certificate, so the gateway reads the account's whole window once per request and picks this " +
      "certificate's entries; `totalCount` counts exactly those." +
      OWN_UPSTREAM_READ.note,
    nullable: OWN_UPSTREAM_READ.nullable,
    args: {
      first: t.arg.int({ description: 'How many entries to return (default 20, at most 100).' }),
      after: t.arg.string({ description: 'Return the entries after this cursor.' }),
      since: t.arg({ type: 'DateTime', description: 'Only entries at or after this time.' }),
      until: t.arg({ type: 'DateTime', description: 'Only entries at or before this time.' }),
    },
    resolve: async (certificate, args, context) => {
      const { offset, limit } = forwardWindow(args);
      const all = await loadLogWindow(args, context);
      const own = all.filter((log) => log.CertId === certificate.id);
      return toOffsetConnection({ totalCount: own.length, offset, items: own.slice(offset, offset + limit) });
    },
  }),
}));
