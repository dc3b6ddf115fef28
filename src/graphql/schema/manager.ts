import { createGraphQLError } from 'graphql-yoga';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import type { ManagerDetail, ManagerSummary } from '../loaders/accounts.ts';
import { parseUpstreamTime } from '../time.ts';
import { integerIdOrNull, presentOrNull } from '../upstream-values.ts';
import { ManagerStatus, ManagerVerificationStatus, ManagerVerificationType } from './manager-enums.ts';

/**
 * A manager as the schema holds it: its ID plus whichever upstream shapes are already at hand. The list entry
 * (DescribeManagers) alone has the status and counts; the detail (DescribeManagerDetail) alone has the company
 * and contact person. A field needing the missing shape loads it through the request's loaders.
 */
export interface ManagerSource {
  readonly id: number;
  readonly summary?: ManagerSummary;
  readonly detail?: ManagerDetail;
  /** The company, when the manager was reached through it. */
  readonly companyId?: number;
}

/** Manager IDs are positive integers upstream; anything else cannot name a manager. */
export function parseManagerId(id: string | number): number | null {
  return integerIdOrNull(id);
}

function managerGone(id: number): Error {
  return createGraphQLError(`Manager ${id} does not exist (any more).`, {
    extensions: { code: 'NOT_FOUND' },
  });
}

export async function managerDetailOf(
  source: ManagerSource,
  context: GraphQLContext,
): Promise<ManagerDetail> {
  const detail = source.detail ?? (await context.loaders.accounts.managerById.load(source.id));
  if (detail === null) throw managerGone(source.id);
  return detail;
}

async function managerSummaryOf(source: ManagerSource, context: GraphQLContext): Promise<ManagerSummary> {
  if (source.summary !== undefined) return source.summary;
  const companyId = source.companyId ?? (await managerDetailOf(source, context)).CompanyId;
  const summary = await context.loaders.accounts.managerSummary.load({ companyId, managerId: source.id });
  if (summary === null) throw managerGone(source.id);
  return summary;
}

/** The fields both shapes carry, from whichever is at hand (the detail is loaded only when neither is). */
type SharedManagerFields = Pick<
  ManagerSummary,
  | 'ManagerFirstName'
  | 'ManagerLastName'
  | 'ManagerMail'
  | 'ManagerPhone'
  | 'ManagerPosition'
  | 'ManagerDepartment'
  | 'CreateTime'
  | 'ExpireTime'
  | 'VerifyTime'
  | 'StatusInfo'
>;

async function sharedFieldsOf(source: ManagerSource, context: GraphQLContext): Promise<SharedManagerFields> {
  return source.summary ?? managerDetailOf(source, context);
}

export const ManagerRef = builder.objectRef<ManagerSource>('Manager');

const ManagerContactRef = builder.objectRef<ManagerDetail>('ManagerContact').implement({
  description: 'The contact person named with a manager, whom the certificate authority may call.',
  fields: (t) => ({
    firstName: t.string({
      description: 'Given name.',
      nullable: false,
      resolve: (detail) => detail.ContactFirstName,
    }),
    lastName: t.string({
      description: 'Family name.',
      nullable: false,
      resolve: (detail) => detail.ContactLastName,
    }),
    email: t.string({
      description: 'E-mail address.',
      nullable: false,
      resolve: (detail) => detail.ContactMail,
    }),
    phone: t.string({
      description: 'Phone number.',
      nullable: false,
      resolve: (detail) => detail.ContactPhone,
    }),
    position: t.string({
      description: 'Job title.',
      nullable: false,
      resolve: (detail) => detail.ContactPosition,
    }),
  }),
});

const ManagerPreAuditedDomainRef = builder.simpleObject('ManagerPreAuditedDomain', {
  description:
    'A domain reviewed together with a manager: certificates for it can be ordered with this manager without ' +
    'a new organisation review until the pre-audit expires.',
  fields: (t) => ({
    domain: t.string({ nullable: false, description: 'The domain name.' }),
    createdAt: t.field({ type: 'DateTime', description: 'When the pre-audit was recorded.' }),
    expiresAt: t.field({ type: 'DateTime', description: 'When the pre-audit expires.' }),
  }),
});

type ManagerStatusInfo = NonNullable<ManagerSummary['StatusInfo']>[number];

const ManagerVerificationRef = builder.objectRef<ManagerStatusInfo>('ManagerVerification').implement({
  description: "A manager's verification for one validation level (OV or EV).",
  fields: (t) => ({
    type: t.field({
      type: ManagerVerificationType.ref,
      description: 'The validation level.',
      resolve: (info) => ManagerVerificationType.fromUpstream(info.Type),
    }),
    status: t.field({
      type: ManagerVerificationStatus.ref,
      description: 'Where the verification stands.',
      resolve: (info) => ManagerVerificationStatus.fromUpstream(info.Status),
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When the verification was started (the manager submitted for review).',
      resolve: (info) => parseUpstreamTime(info.CreateTime),
    }),
    expiresAt: t.field({
      type: 'DateTime',
      description: 'When the verification expires; null until it is complete.',
      resolve: (info) => parseUpstreamTime(info.ExpireTime),
    }),
    preAuditedDomains: t.field({
      type: [ManagerPreAuditedDomainRef],
      description: 'The domains pre-audited with this verification.',
      nullable: false,
      resolve: (info) =>
        (info.ManagerPreAuditDomains ?? []).map((entry) => ({
          domain: entry.Domain,
          createdAt: parseUpstreamTime(entry.CreateTime),
          expiresAt: parseUpstreamTime(entry.ExpireTime),
        })),
    }),
  }),
});

ManagerRef.implement({
  description:
    'A company manager: the person a company names as applicant for its organisation- and extended-validation ' +
    '(OV/EV) certificates, reviewed once by TrustAsia and the certificate authority and then reused for orders.',
  fields: (t) => ({
    id: t.id({
      description: 'The manager ID assigned by Tencent Cloud.',
      nullable: false,
      resolve: (manager) => String(manager.id),
    }),
    firstName: t.string({
      description: 'Given name.',
      nullable: false,
      resolve: async (manager, _args, context) => (await sharedFieldsOf(manager, context)).ManagerFirstName,
    }),
    lastName: t.string({
      description: 'Family name.',
      nullable: false,
      resolve: async (manager, _args, context) => (await sharedFieldsOf(manager, context)).ManagerLastName,
    }),
    email: t.string({
      description: 'E-mail address.',
      nullable: false,
      resolve: async (manager, _args, context) => (await sharedFieldsOf(manager, context)).ManagerMail,
    }),
    phone: t.string({
      description: 'Phone number.',
      nullable: false,
      resolve: async (manager, _args, context) => (await sharedFieldsOf(manager, context)).ManagerPhone,
    }),
    position: t.string({
      description: 'Job title.',
      resolve: async (manager, _args, context) =>
        presentOrNull((await sharedFieldsOf(manager, context)).ManagerPosition),
    }),
    department: t.string({
      description: 'Department.',
      resolve: async (manager, _args, context) =>
        presentOrNull((await sharedFieldsOf(manager, context)).ManagerDepartment),
    }),
    contact: t.field({
      type: ManagerContactRef,
      description:
        'The contact person named with the manager. Read from the manager detail (one DescribeManagerDetail ' +
        'per distinct manager per request).',
      nullable: false,
      resolve: (manager, _args, context) => managerDetailOf(manager, context),
    }),
    status: t.field({
      type: ManagerStatus.ref,
      description:
        "Where the manager is in its review. Tencent Cloud reports it only in its company's manager list: " +
        'for a manager not reached through `Company.managers`, this costs one DescribeManagers per distinct ' +
        'company per request.',
      resolve: async (manager, _args, context) =>
        ManagerStatus.fromUpstream((await managerSummaryOf(manager, context)).Status),
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When the manager was created.',
      resolve: async (manager, _args, context) =>
        parseUpstreamTime((await sharedFieldsOf(manager, context)).CreateTime),
    }),
    submittedForReviewAt: t.field({
      type: 'DateTime',
      description:
        'When the manager was last submitted for review; null if never. Like `status`, read from the ' +
        "company's manager list.",
      resolve: async (manager, _args, context) =>
        parseUpstreamTime((await managerSummaryOf(manager, context)).SubmitAuditTime),
    }),
    verifiedAt: t.field({
      type: 'DateTime',
      description: 'When the verification in force was completed; null if the manager was never approved.',
      resolve: async (manager, _args, context) =>
        parseUpstreamTime((await sharedFieldsOf(manager, context)).VerifyTime),
    }),
    expiresAt: t.field({
      type: 'DateTime',
      description: 'When the verification in force expires; null if the manager was never approved.',
      resolve: async (manager, _args, context) =>
        parseUpstreamTime((await sharedFieldsOf(manager, context)).ExpireTime),
    }),
    domainCount: t.int({
      description:
        "How many domains the manager covers, as Tencent Cloud counts them. Like `status`, read from the company's " +
        'manager list.',
      nullable: false,
      resolve: async (manager, _args, context) => (await managerSummaryOf(manager, context)).DomainCount,
    }),
    certificateCount: t.int({
      description:
        'How many certificates were ordered with this manager. The API cannot list them by manager (no ' +
        'certificate filter exists), so the schema offers the count only. Like `status`, read from the ' +
        "company's manager list.",
      nullable: false,
      resolve: async (manager, _args, context) => (await managerSummaryOf(manager, context)).CertCount,
    }),
    verifications: t.field({
      type: [ManagerVerificationRef],
      description:
        'One verification per validation level the manager applied for (OV, EV); empty until submitted.',
      nullable: false,
      resolve: async (manager, _args, context) => (await sharedFieldsOf(manager, context)).StatusInfo ?? [],
    }),
  }),
});

builder.queryField('manager', (t) =>
  t.field({
    type: ManagerRef,
    description:
      'One company manager by ID; null when it does not exist. Costs one DescribeManagerDetail (the API has no ' +
      'batch read of managers).',
    args: { id: t.arg.id({ required: true, description: 'The manager ID, e.g. `1001`.' }) },
    resolve: async (_root, args, context) => {
      const id = parseManagerId(args.id);
      if (id === null) return null;
      const detail = await context.loaders.accounts.managerById.load(id);
      return detail === null ? null : { id, detail };
    },
  }),
);
