import { builder } from '../builder.ts';
import type { PackageListQuery, PackagePage, PackageRecord } from '../loaders/accounts.ts';
import { parseUpstreamTime } from '../time.ts';
import { presentOrNull } from '../upstream-values.ts';
import { forwardWindow, type OffsetConnectionShape, toOffsetConnection } from './pagination.ts';
import { upstreamEnum } from './upstream-enum.ts';

const PACKAGE_TYPE_VALUES = {
  POINTS_100: { value: 'ssl_100', description: 'A package of 100 certificate points.' },
  POINTS_500: { value: 'ssl_500', description: 'A package of 500 certificate points.' },
  POINTS_2000: { value: 'ssl_2000', description: 'A package of 2000 certificate points.' },
} as const;

const PackageType = upstreamEnum('PackageType', PACKAGE_TYPE_VALUES, {
  description: 'The size of a benefit package, in certificate points.',
  upstreamField: 'PackageInfo Type',
});

const PACKAGE_STATUS_VALUES = {
  USABLE: { value: 'usable', description: 'Points can be spent from the package.' },
  USED: { value: 'used', description: 'Every point has been spent.' },
  EXPIRED: { value: 'expired', description: 'The package has expired; its remaining points are lost.' },
  REFUNDED: { value: 'refund', description: 'The package was refunded.' },
} as const;

const PackageStatus = upstreamEnum('PackageStatus', PACKAGE_STATUS_VALUES, {
  description: 'Whether the points of a benefit package can still be spent.',
  upstreamField: 'PackageInfo Status',
});

const PackageSortKey = builder.enumType('PackageSortKey', {
  description: 'The orders DescribePackages can list packages in.',
  values: {
    EXPIRES_AT_ASC: { value: 'asc', description: 'Soonest expiry first.' },
    EXPIRES_AT_DESC: { value: 'desc', description: 'Latest expiry first.' },
  } as const,
});

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * DescribePackages reports dates without a time of day (`2025-06-30`), other actions full Beijing times. A bare
 * date is read as the start of that day in Beijing (UTC+8), which the field descriptions say.
 */
function parsePackageTime(text: string | null | undefined): Date | null {
  const trimmed = text?.trim();
  if (trimmed !== undefined && DATE_ONLY.test(trimmed)) return parseUpstreamTime(`${trimmed} 00:00:00`);
  return parseUpstreamTime(text);
}

const DATE_ONLY_NOTE =
  ' Tencent Cloud reports only the date: the time is the start of that day, Beijing time (UTC+8).';

type PackageTransferOutRecord = NonNullable<PackageRecord['TransferOutInfos']>[number];

const PackageTransferOutRef = builder.objectRef<PackageTransferOutRecord>('PackageTransferOut').implement({
  description: 'Points transferred out of a benefit package to another Tencent Cloud account.',
  fields: (t) => ({
    transferCode: t.string({
      description:
        'The code the receiving account redeems the transfer with: whoever holds it can take the points. Secret: ' +
        'requires the `ssl:secrets` scope.',
      authScopes: { secrets: true },
      resolve: (transfer) => transfer.TransferCode,
    }),
    points: t.int({
      description: 'How many points were transferred.',
      nullable: false,
      resolve: (transfer) => transfer.TransferCount,
    }),
    receivingPackageId: t.id({
      description:
        'The ID of the package the points went to. It belongs to the receiving account, so it is not a ' +
        'Package of this account.',
      resolve: (transfer) => presentOrNull(transfer.ReceivePackageId),
    }),
    receiverAccountId: t.id({
      description: 'The Tencent Cloud account (UIN) that received the points.',
      resolve: (transfer) => (transfer.ReceiverUin > 0 ? String(transfer.ReceiverUin) : null),
    }),
    status: t.string({
      description:
        'The state of the transfer, as Tencent Cloud words it (the API documents no list of values).',
      resolve: (transfer) => presentOrNull(transfer.TransferStatus),
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: `When the transfer was made.${DATE_ONLY_NOTE}`,
      resolve: (transfer) => parsePackageTime(transfer.CreateTime),
    }),
    updatedAt: t.field({
      type: 'DateTime',
      description: `When the transfer last changed.${DATE_ONLY_NOTE}`,
      resolve: (transfer) => parsePackageTime(transfer.UpdateTime),
    }),
    receivedAt: t.field({
      type: 'DateTime',
      description: `When the receiving account redeemed the points; null until then.${DATE_ONLY_NOTE}`,
      resolve: (transfer) => parsePackageTime(transfer.ReceiveTime),
    }),
    expiresAt: t.field({
      type: 'DateTime',
      description: `When the transferred points expire.${DATE_ONLY_NOTE}`,
      resolve: (transfer) => parsePackageTime(transfer.ExpireTime),
    }),
  }),
});

export const PackageRef = builder.objectRef<PackageRecord>('Package');

PackageRef.implement({
  description:
    'A benefit package: prepaid certificate points that certificates can be ordered with. The API does not ' +
    'record what the points were spent on.',
  fields: (t) => ({
    id: t.id({
      description: 'The package ID assigned by Tencent Cloud.',
      nullable: false,
      resolve: (record) => record.PackageId,
    }),
    name: t.string({
      description:
        'The package name as the API gives it (PackageInfo.Type, "权益包名称"): a size such as `ssl_100`, or ' +
        "another name (the API documentation's own example answers `buy`).",
      nullable: false,
      resolve: (record) => record.Type,
    }),
    type: t.field({
      type: PackageType.ref,
      description:
        'The size of the package, when its name is one of the sizes the `type` filter takes; null for any other ' +
        'name (see `name`; `totalPoints` tells the size of every package).',
      resolve: (record) => {
        const size = PackageType.codeOrError(record.Type);
        return size instanceof Error ? null : size;
      },
    }),
    totalPoints: t.int({
      description: 'How many points the package held when it was created.',
      nullable: false,
      resolve: (record) => record.Total,
    }),
    remainingPoints: t.int({
      description: 'How many points are left.',
      nullable: false,
      resolve: (record) => record.Balance,
    }),
    status: t.field({
      type: PackageStatus.ref,
      description: 'Whether the points can still be spent.',
      resolve: (record) => PackageStatus.fromUpstream(record.Status),
    }),
    isTransferredIn: t.boolean({
      description: 'Whether the package was transferred in from another account rather than bought.',
      nullable: false,
      resolve: (record) => record.SourceType === 'transferIn',
    }),
    sourceAccountId: t.id({
      description:
        'The Tencent Cloud account (UIN) the package was transferred from; null when it was bought.',
      resolve: (record) =>
        record.SourceUin === null || record.SourceUin <= 0 ? null : String(record.SourceUin),
    }),
    transfersOut: t.field({
      type: [PackageTransferOutRef],
      description: 'The points transferred out of this package to other accounts.',
      nullable: false,
      resolve: (record) => record.TransferOutInfos ?? [],
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: `When the package was created.${DATE_ONLY_NOTE}`,
      resolve: (record) => parsePackageTime(record.CreateTime),
    }),
    updatedAt: t.field({
      type: 'DateTime',
      description: `When the package last changed (points spent or transferred).${DATE_ONLY_NOTE}`,
      resolve: (record) => parsePackageTime(record.UpdateTime),
    }),
    expiresAt: t.field({
      type: 'DateTime',
      description: `When the package expires.${DATE_ONLY_NOTE}`,
      resolve: (record) => parsePackageTime(record.ExpireTime),
    }),
  }),
});

type PackageConnectionShape = OffsetConnectionShape<PackageRecord> & Pick<PackagePage, 'totalBalance'>;

const PackageConnectionRef = builder.connectionObject<typeof PackageRef, PackageConnectionShape>(
  {
    type: PackageRef,
    name: 'PackageConnection',
    description: "A page of the account's benefit packages.",
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many packages match, across all pages.',
        nullable: false,
        resolve: (connection) => connection.totalCount,
      }),
      totalRemainingPoints: t.int({
        description:
          'The points left in every matching package, across all pages, whatever their status (as Tencent Cloud ' +
          'adds them up).',
        nullable: false,
        resolve: (connection) => connection.totalBalance,
      }),
    }),
  },
  { name: 'PackageEdge', description: 'A package in a PackageConnection.' },
);

const PackageFilter = builder.inputType('PackageFilter', {
  description: 'Which packages to list; conditions given together must all hold.',
  fields: (t) => ({
    status: t.field({ type: PackageStatus.ref, description: 'Only packages in this status.' }),
    type: t.field({ type: PackageType.ref, description: 'Only packages of this size.' }),
  }),
});

builder.queryFields((t) => ({
  packages: t.field({
    type: PackageConnectionRef,
    description:
      "The account's benefit packages (one DescribePackages call per page), newest first unless `sortBy` says " +
      'otherwise. Pages hold at most 100 packages; continue with `after: pageInfo.endCursor`.',
    nullable: false,
    args: {
      first: t.arg.int({ description: 'How many packages to return (default 20, at most 100).' }),
      after: t.arg.string({ description: 'Return the packages after this cursor.' }),
      filter: t.arg({ type: PackageFilter, description: 'Only the packages matching this filter.' }),
      sortBy: t.arg({ type: PackageSortKey, description: 'The order of the packages.' }),
    },
    resolve: async (_root, args, context) => {
      const { offset, limit } = forwardWindow(args);
      const query: PackageListQuery = {
        ...(args.filter?.status ? { Status: args.filter.status } : {}),
        ...(args.filter?.type ? { Type: args.filter.type } : {}),
        ...(args.sortBy ? { ExpireTime: args.sortBy } : {}),
      };
      const page = await context.loaders.accounts.packagePage(offset, limit, query);
      return { ...toOffsetConnection(page), totalBalance: page.totalBalance };
    },
  }),
  package: t.field({
    type: PackageRef,
    description: 'One benefit package by ID; null when it does not exist.',
    args: { id: t.arg.id({ required: true, description: 'The package ID.' }) },
    resolve: (_root, args, context) => context.loaders.accounts.packageById.load(String(args.id)),
  }),
}));
