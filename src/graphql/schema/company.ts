import { builder } from '../builder.ts';
import type { CompanyRecord, ManagerSummary } from '../loaders/accounts.ts';
import { presentOrNull } from '../upstream-values.ts';
import { ManagerRef, type ManagerSource, managerDetailOf, parseManagerId } from './manager.ts';
import { ManagerStatus } from './manager-enums.ts';
import { forwardWindow, type OffsetConnectionShape, toOffsetConnection } from './pagination.ts';
import { upstreamEnum } from './upstream-enum.ts';

const COMPANY_IDENTIFICATION_TYPE_VALUES = {
  UNIFIED_SOCIAL_CREDIT_CODE: {
    value: 'TYDMZ',
    description: 'A Chinese unified social credit code (required by CFCA certificates).',
  },
  OTHER: { value: 'OTHERS', description: 'Any other registration number.' },
} as const;

const CompanyIdentificationType = upstreamEnum(
  'CompanyIdentificationType',
  COMPANY_IDENTIFICATION_TYPE_VALUES,
  {
    description: 'What kind of registration number identifies a company.',
    upstreamField: 'CompanyInfo IdType',
  },
);

/** Company IDs are positive integers upstream; anything else cannot name a company. */
function parseCompanyId(id: string | number): number | null {
  return parseManagerId(id);
}

export const CompanyRef = builder.objectRef<CompanyRecord>('Company');

const CompanyTagRef = builder.simpleObject('CompanyTag', {
  description: 'A tag (key/value pair) attached to a company.',
  fields: (t) => ({
    key: t.string({ nullable: false, description: 'The tag key.' }),
    value: t.string({ nullable: false, description: 'The tag value.' }),
  }),
});

type ManagerConnectionShape = OffsetConnectionShape<ManagerSource>;

const ManagerConnectionRef = builder.connectionObject<typeof ManagerRef, ManagerConnectionShape>(
  {
    type: ManagerRef,
    name: 'ManagerConnection',
    description: "A page of a company's managers.",
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many managers match, across all pages.',
        nullable: false,
        resolve: (connection) => connection.totalCount,
      }),
    }),
  },
  { name: 'ManagerEdge', description: 'A manager in a ManagerConnection.' },
);

const ManagerSearchInput = builder.inputType('ManagerSearchInput', {
  description:
    'Finds managers by exact values (DescribeManagers SearchKey); every field given must match exactly, ' +
    'fields left out match anything.',
  fields: (t) => ({
    lastName: t.string({ description: 'The family name, exactly.' }),
    firstName: t.string({ description: 'The given name, exactly.' }),
    email: t.string({ description: 'The e-mail address, exactly.' }),
    department: t.string({ description: 'The department, exactly.' }),
  }),
});

CompanyRef.implement({
  description:
    'A company (organisation) whose details go into organisation- and extended-validation (OV/EV) ' +
    'certificates, with the managers who apply for them.',
  fields: (t) => ({
    id: t.id({
      description: 'The company ID assigned by Tencent Cloud.',
      nullable: false,
      resolve: (company) => String(company.CompanyId),
    }),
    name: t.string({ description: 'The company name.', nullable: false, resolve: (c) => c.CompanyName }),
    country: t.string({
      description: 'The country, as entered.',
      resolve: (company) => presentOrNull(company.CompanyCountry),
    }),
    province: t.string({
      description: 'The province or state, as entered.',
      resolve: (company) => presentOrNull(company.CompanyProvince),
    }),
    city: t.string({ description: 'The city.', resolve: (company) => presentOrNull(company.CompanyCity) }),
    address: t.string({
      description: 'The street address.',
      resolve: (company) => presentOrNull(company.CompanyAddress),
    }),
    phone: t.string({
      description: 'The company phone number.',
      resolve: (company) => presentOrNull(company.CompanyPhone),
    }),
    identificationType: t.field({
      type: CompanyIdentificationType.ref,
      description: 'What kind of registration number `identificationNumber` is; null when none was given.',
      resolve: (company) => {
        const type = presentOrNull(company.IdType);
        return type === null ? null : CompanyIdentificationType.fromUpstream(type);
      },
    }),
    identificationNumber: t.string({
      description: 'The registration number; null when none was given.',
      resolve: (company) => presentOrNull(company.IdNumber),
    }),
    tags: t.field({
      type: [CompanyTagRef],
      description: 'The tags attached to the company.',
      nullable: false,
      resolve: (company) => (company.Tags ?? []).map((tag) => ({ key: tag.TagKey, value: tag.TagValue })),
    }),
    managers: t.field({
      type: ManagerConnectionRef,
      description:
        "The company's managers (one DescribeManagers call per page). Pages hold at most 100 managers; " +
        'continue with `after: pageInfo.endCursor`.',
      nullable: false,
      args: {
        first: t.arg.int({ description: 'How many managers to return (default 20, at most 100).' }),
        after: t.arg.string({ description: 'Return the managers after this cursor.' }),
        status: t.arg({ type: ManagerStatus.ref, description: 'Only managers in this status.' }),
        search: t.arg({ type: ManagerSearchInput, description: 'Only managers with these exact values.' }),
      },
      resolve: async (company, args, context) => {
        const { offset, limit } = forwardWindow(args);
        const search = args.search;
        // SearchKey's documented form: "lastName|firstName|email|department".
        const searchKey =
          search === null || search === undefined
            ? undefined
            : [search.lastName, search.firstName, search.email, search.department]
                .map((part) => part ?? '')
                .join('|');
        const page = await context.loaders.accounts.managerPage(company.CompanyId, offset, limit, {
          ...(args.status === null || args.status === undefined ? {} : { Status: args.status }),
          ...(searchKey === undefined ? {} : { SearchKey: searchKey }),
        });
        return toOffsetConnection({
          ...page,
          items: page.items.map(
            (summary: ManagerSummary): ManagerSource => ({
              id: summary.ManagerId,
              summary,
              companyId: company.CompanyId,
            }),
          ),
        });
      },
    }),
  }),
});

builder.objectField(ManagerRef, 'company', (t) =>
  t.field({
    type: CompanyRef,
    description:
      'The company the manager belongs to. Comes with the manager detail (one DescribeManagerDetail per distinct ' +
      'manager per request, shared with other detail fields).',
    nullable: false,
    resolve: async (manager, _args, context) => (await managerDetailOf(manager, context)).CompanyInfo,
  }),
);

type CompanyConnectionShape = OffsetConnectionShape<CompanyRecord>;

const CompanyConnectionRef = builder.connectionObject<typeof CompanyRef, CompanyConnectionShape>(
  {
    type: CompanyRef,
    name: 'CompanyConnection',
    description: "A page of the account's companies.",
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many companies the account has, across all pages.',
        nullable: false,
        resolve: (connection) => connection.totalCount,
      }),
    }),
  },
  { name: 'CompanyEdge', description: 'A company in a CompanyConnection.' },
);

builder.queryFields((t) => ({
  companies: t.field({
    type: CompanyConnectionRef,
    description:
      "The account's companies (one DescribeCompanies call per page). Pages hold at most 100 companies; " +
      'continue with `after: pageInfo.endCursor`. (DescribeCompanies documents a default page size of 0, so ' +
      'the gateway always sends the page size explicitly.)',
    nullable: false,
    args: {
      first: t.arg.int({ description: 'How many companies to return (default 20, at most 100).' }),
      after: t.arg.string({ description: 'Return the companies after this cursor.' }),
    },
    resolve: async (_root, args, context) => {
      const { offset, limit } = forwardWindow(args);
      return toOffsetConnection(await context.loaders.accounts.companyPage(offset, limit));
    },
  }),
  company: t.field({
    type: CompanyRef,
    description: 'One company by ID; null when it does not exist.',
    args: { id: t.arg.id({ required: true, description: 'The company ID, e.g. `2001`.' }) },
    resolve: (_root, args, context) => {
      const id = parseCompanyId(args.id);
      return id === null ? null : context.loaders.accounts.companyById.load(id);
    },
  }),
}));
