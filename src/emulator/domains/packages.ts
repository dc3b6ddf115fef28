// Benefit packages (prepaid certificate points): DescribePackages.
import type { PackageInfo } from '../../ssl/models.generated.ts';
import { formatBeijingDate } from '../clock.ts';
import { EmulatorError, type HandlerTable } from '../handler.ts';
import {
  PACKAGE_STATUSES,
  PACKAGE_TYPES,
  type PackageRecord,
  type PackageStatus,
  type PackageType,
} from '../store/accounts.ts';

const DESCRIBE_PACKAGES_DEFAULT_LIMIT = 20;

function isPackageStatus(value: string): value is PackageStatus {
  return (PACKAGE_STATUSES as readonly string[]).includes(value);
}

function isPackageType(value: string): value is PackageType {
  return (PACKAGE_TYPES as readonly string[]).includes(value);
}

function requireNonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) {
    throw new EmulatorError('FailedOperation', `${name} must be a non-negative integer.`);
  }
  return value;
}

/** Newest first unless ExpireTime asks for an expiry order; the id breaks ties so pages are stable. */
function orderOf(expireTime: string | undefined): (a: PackageRecord, b: PackageRecord) => number {
  if (expireTime === 'asc') return (a, b) => a.expiresAt - b.expiresAt || a.id.localeCompare(b.id);
  if (expireTime === 'desc') return (a, b) => b.expiresAt - a.expiresAt || a.id.localeCompare(b.id);
  return (a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id);
}

// Every time here is date-only: that is what the doc's DescribePackages example returns.
function presentPackage(record: PackageRecord): PackageInfo {
  return {
    PackageId: record.id,
    Total: record.total,
    Balance: record.balance,
    Type: record.type,
    SourceUin: record.sourceUin,
    Status: record.status,
    ExpireTime: formatBeijingDate(record.expiresAt),
    UpdateTime: formatBeijingDate(record.updatedAt),
    CreateTime: formatBeijingDate(record.createdAt),
    SourceType: record.sourceType,
    TransferOutInfos:
      record.transferOuts.length === 0
        ? null
        : record.transferOuts.map((transfer) => ({
            PackageId: record.id,
            TransferCode: transfer.transferCode,
            TransferCount: transfer.count,
            ReceivePackageId: transfer.receivePackageId,
            ExpireTime: formatBeijingDate(transfer.expiresAt),
            CreateTime: formatBeijingDate(transfer.createdAt),
            UpdateTime: formatBeijingDate(transfer.updatedAt),
            TransferStatus: transfer.status,
            ReceiverUin: transfer.receiverUin,
            ReceiveTime: formatBeijingDate(transfer.receivedAt),
          })),
  };
}

export const packageHandlers: HandlerTable = {
  DescribePackages(params, ctx) {
    const accounts = ctx.state.accounts;
    const offset = requireNonNegative('Offset', params.Offset, 0);
    const limit = requireNonNegative('Limit', params.Limit, DESCRIBE_PACKAGES_DEFAULT_LIMIT);
    const { Status: status, Type: type, ExpireTime: expireOrder, PackageId: packageId, Pid: pid } = params;
    if (status && !isPackageStatus(status)) {
      throw new EmulatorError('FailedOperation', `Status must be one of ${PACKAGE_STATUSES.join(', ')}.`);
    }
    if (type && !isPackageType(type)) {
      throw new EmulatorError('FailedOperation', `Type must be one of ${PACKAGE_TYPES.join(', ')}.`);
    }
    if (expireOrder && expireOrder !== 'asc' && expireOrder !== 'desc') {
      throw new EmulatorError('FailedOperation', 'ExpireTime must be asc or desc.');
    }
    const packages = accounts
      .listPackages(ctx.clock.now())
      .filter((record) => !status || record.status === status)
      .filter((record) => !type || record.type === type)
      .filter((record) => !packageId || record.id === packageId)
      .filter((record) => pid === undefined || record.pid === pid)
      .sort(orderOf(expireOrder));
    return {
      Packages: packages.slice(offset, offset + limit).map(presentPackage),
      TotalCount: packages.length,
      // The doc's example counts the balance of every listed package, whatever its status.
      TotalBalance: packages.reduce((sum, record) => sum + record.balance, 0),
    };
  },
};
