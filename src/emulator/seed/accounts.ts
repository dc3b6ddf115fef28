import type { EmulatorClock } from '../clock.ts';
import type { EmulatorState } from '../state.ts';
import type {
  CompanyRecord,
  ManagerInput,
  PackageInput,
  PackageType,
  ReviewVerdict,
} from '../store/accounts.ts';
import {
  MANAGER_AUDIT_MS,
  MANAGER_CA_AUDIT_MS,
  MANAGER_VERIFICATION_VALIDITY_MS,
} from '../store/accounts.ts';

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const REVIEW_MS = MANAGER_AUDIT_MS + MANAGER_CA_AUDIT_MS;

/** Sub-product numbers per package type (the doc's only example Pid is 10078). */
export const PACKAGE_PIDS: Record<PackageType, number> = { ssl_100: 10078, ssl_500: 10079, ssl_2000: 10080 };
const PACKAGE_POINTS: Record<PackageType, number> = { ssl_100: 100, ssl_500: 500, ssl_2000: 2000 };

// All companies, people, numbers and addresses are fictitious.
const COMPANIES: readonly CompanyRecord[] = [
  {
    id: 2001,
    name: '深圳星河云科技有限公司',
    country: '中国',
    province: '广东',
    city: '深圳',
    address: '南山区科技园科苑路 15 号星河大厦 12 楼',
    phone: '0755-86001234',
    idType: 'TYDMZ',
    idNumber: '91440300MA5F8XK21Q',
    tags: [{ key: 'env', value: 'production' }],
  },
  {
    id: 2002,
    name: 'Northwind Analytics Ltd.',
    country: 'United Kingdom',
    province: 'England',
    city: 'London',
    address: '42 Finsbury Square, EC2A 1PX',
    phone: '+44-20-7946-0321',
    idType: 'OTHERS',
    idNumber: 'GB-11873420',
    tags: [],
  },
  {
    id: 2003,
    name: '杭州青禾数据服务有限公司',
    country: '中国',
    province: '浙江',
    city: '杭州',
    address: '西湖区文三路 398 号东信大厦 7 层',
    phone: '0571-88215566',
    idType: 'TYDMZ',
    idNumber: '91330106MA2CH3LQ7N',
    tags: [{ key: 'team', value: 'data' }],
  },
  {
    id: 2004,
    name: 'Blue Harbor Logistics Inc.',
    country: 'United States',
    province: 'California',
    city: 'San Francisco',
    address: '500 Terry A Francois Blvd, Suite 300',
    phone: '+1-415-555-0142',
    idType: '',
    idNumber: '',
    tags: [],
  },
  {
    id: 2005,
    name: '上海明远医疗科技有限公司',
    country: '中国',
    province: '上海',
    city: '上海',
    address: '浦东新区张江高科技园区蔡伦路 88 号',
    phone: '021-50801234',
    idType: 'TYDMZ',
    idNumber: '91310115MA1HB9PD3X',
    tags: [
      { key: 'env', value: 'production' },
      { key: 'compliance', value: 'mlps-3' },
    ],
  },
];

interface ManagerSeed {
  readonly id: number;
  readonly companyId: number;
  readonly lastName: string;
  readonly firstName: string;
  readonly position: string;
  readonly department: string;
  readonly phone: string;
  readonly mail: string;
  readonly validationTypes: ManagerInput['validationTypes'];
  readonly preAuditDomains: readonly string[];
  /** How long before seeding the manager was created. */
  readonly createdAgoMs: number;
  /** How long before seeding its latest review was submitted (null: never submitted). */
  readonly submittedAgoMs: number | null;
  readonly verdict: ReviewVerdict;
}

/** Submitted so long ago that its verification now has `remainingMs` left (negative: expired since). */
function submittedAgoForRemaining(remainingMs: number): number {
  return REVIEW_MS + MANAGER_VERIFICATION_VALIDITY_MS - remainingMs;
}

// One manager per status at least: ok (1001, 1002, 1009, 1010), audit (1003), CAaudit (1004), invalid (1005),
// expiring (1006), expired (1007), none (1008).
const MANAGERS: readonly ManagerSeed[] = [
  {
    id: 1001,
    companyId: 2001,
    lastName: '李',
    firstName: '明华',
    position: '运维总监',
    department: '基础架构部',
    phone: '13800138001',
    mail: 'liminghua@starriver-cloud.cn',
    validationTypes: ['ov', 'ev'],
    preAuditDomains: ['starriver-cloud.cn', 'starriver.com.cn'],
    createdAgoMs: 95 * DAY_MS,
    submittedAgoMs: 90 * DAY_MS,
    verdict: 'approve',
  },
  {
    id: 1002,
    companyId: 2001,
    lastName: '王',
    firstName: '芳',
    position: '安全工程师',
    department: '安全部',
    phone: '13800138002',
    mail: 'wangfang@starriver-cloud.cn',
    validationTypes: ['ov'],
    preAuditDomains: ['starriver-cloud.cn'],
    createdAgoMs: 210 * DAY_MS,
    submittedAgoMs: 200 * DAY_MS,
    verdict: 'approve',
  },
  {
    id: 1003,
    companyId: 2002,
    lastName: 'Carter',
    firstName: 'Emily',
    position: 'Head of IT',
    department: 'IT Operations',
    phone: '+44-7700-900123',
    mail: 'emily.carter@northwind-analytics.co.uk',
    validationTypes: ['ov'],
    preAuditDomains: ['northwind-analytics.co.uk'],
    createdAgoMs: 2 * HOUR_MS,
    submittedAgoMs: 30 * MINUTE_MS,
    verdict: 'approve',
  },
  {
    id: 1004,
    companyId: 2002,
    lastName: 'Patel',
    firstName: 'James',
    position: 'Security Architect',
    department: 'Information Security',
    phone: '+44-7700-900456',
    mail: 'james.patel@northwind-analytics.co.uk',
    validationTypes: ['ov', 'ev'],
    preAuditDomains: ['northwind-analytics.co.uk', 'nwa-data.com'],
    createdAgoMs: 1 * DAY_MS,
    submittedAgoMs: 3 * HOUR_MS,
    verdict: 'approve',
  },
  {
    id: 1005,
    companyId: 2003,
    lastName: '陈',
    firstName: '静',
    position: '行政主管',
    department: '行政部',
    phone: '13900139005',
    mail: 'chenjing@qinghe-data.com',
    validationTypes: ['ov'],
    preAuditDomains: ['qinghe-data.com'],
    createdAgoMs: 12 * DAY_MS,
    submittedAgoMs: 10 * DAY_MS,
    verdict: 'reject',
  },
  {
    id: 1006,
    companyId: 2003,
    lastName: '赵',
    firstName: '磊',
    position: '技术负责人',
    department: '研发中心',
    phone: '13900139006',
    mail: 'zhaolei@qinghe-data.com',
    validationTypes: ['ov'],
    preAuditDomains: ['qinghe-data.com', 'qinghe.tech'],
    createdAgoMs: 360 * DAY_MS,
    submittedAgoMs: submittedAgoForRemaining(12 * DAY_MS),
    verdict: 'approve',
  },
  {
    id: 1007,
    companyId: 2004,
    lastName: 'Chen',
    firstName: 'Michael',
    position: 'IT Manager',
    department: 'Infrastructure',
    phone: '+1-415-555-0178',
    mail: 'michael.chen@blueharbor-logistics.com',
    validationTypes: ['ov'],
    preAuditDomains: ['blueharbor-logistics.com'],
    createdAgoMs: 420 * DAY_MS,
    submittedAgoMs: submittedAgoForRemaining(-35 * DAY_MS),
    verdict: 'approve',
  },
  {
    id: 1008,
    companyId: 2004,
    lastName: 'Johnson',
    firstName: 'Sarah',
    position: 'DevOps Engineer',
    department: 'Platform',
    phone: '+1-415-555-0199',
    mail: 'sarah.johnson@blueharbor-logistics.com',
    validationTypes: ['ov'],
    preAuditDomains: [],
    createdAgoMs: 3 * DAY_MS,
    submittedAgoMs: null,
    verdict: 'approve',
  },
  {
    id: 1009,
    companyId: 2005,
    lastName: '刘',
    firstName: '洋',
    position: '信息中心主任',
    department: '信息中心',
    phone: '13700137009',
    mail: 'liuyang@mingyuan-med.cn',
    validationTypes: ['ov', 'ev'],
    preAuditDomains: ['mingyuan-med.cn', 'mingyuan-health.com'],
    createdAgoMs: 50 * DAY_MS,
    submittedAgoMs: 45 * DAY_MS,
    verdict: 'approve',
  },
  {
    id: 1010,
    companyId: 2002,
    lastName: 'Brown',
    firstName: 'Olivia',
    position: 'Compliance Officer',
    department: 'Legal & Compliance',
    phone: '+44-7700-900789',
    mail: 'olivia.brown@northwind-analytics.co.uk',
    validationTypes: ['ov'],
    preAuditDomains: ['northwind-analytics.co.uk'],
    createdAgoMs: 25 * DAY_MS,
    submittedAgoMs: 20 * DAY_MS,
    verdict: 'approve',
  },
];

interface PackageSeed {
  readonly id: string;
  readonly type: PackageType;
  readonly balance: number;
  readonly createdAgoMs: number;
  /** Negative: already expired. */
  readonly expiresInMs: number;
  readonly refunded: boolean;
  readonly sourceUin: number | null;
  readonly transferredOut: readonly {
    code: string;
    count: number;
    receivePackageId: string;
    agoMs: number;
  }[];
}

// Usable (three, one transferred in and one partly transferred out), used up, expired with points left,
// refunded.
const PACKAGES: readonly PackageSeed[] = [
  {
    id: 'P24031510300001',
    type: 'ssl_2000',
    balance: 1460,
    createdAgoMs: 160 * DAY_MS,
    expiresInMs: 205 * DAY_MS,
    refunded: false,
    sourceUin: null,
    transferredOut: [],
  },
  {
    id: 'P24061809150002',
    type: 'ssl_500',
    balance: 120,
    createdAgoMs: 100 * DAY_MS,
    expiresInMs: 60 * DAY_MS,
    refunded: false,
    sourceUin: null,
    transferredOut: [
      { code: 'tr8Kq2Zp', count: 100, receivePackageId: 'T24070110000091', agoMs: 70 * DAY_MS },
    ],
  },
  {
    id: 'P23110214200003',
    type: 'ssl_100',
    balance: 0,
    createdAgoMs: 300 * DAY_MS,
    expiresInMs: 65 * DAY_MS,
    refunded: false,
    sourceUin: null,
    transferredOut: [],
  },
  {
    id: 'P23052011000004',
    type: 'ssl_500',
    balance: 300,
    createdAgoMs: 395 * DAY_MS,
    expiresInMs: -30 * DAY_MS,
    refunded: false,
    sourceUin: null,
    transferredOut: [],
  },
  {
    id: 'P24090516450005',
    type: 'ssl_100',
    balance: 100,
    createdAgoMs: 40 * DAY_MS,
    expiresInMs: 325 * DAY_MS,
    refunded: true,
    sourceUin: null,
    transferredOut: [],
  },
  {
    id: 'T24112008000006',
    type: 'ssl_100',
    balance: 100,
    createdAgoMs: 15 * DAY_MS,
    expiresInMs: 300 * DAY_MS,
    refunded: false,
    sourceUin: 100012345678,
    transferredOut: [],
  },
];

/** The demo account's companies 2001-2005, managers 1001-1010 and a handful of benefit packages. */
export function seedAccounts(state: EmulatorState, clock: EmulatorClock): void {
  const accounts = state.accounts;
  const now = clock.now();
  for (const company of COMPANIES) accounts.addCompany(company);
  for (const seed of MANAGERS) {
    accounts.addManager({
      id: seed.id,
      companyId: seed.companyId,
      firstName: seed.firstName,
      lastName: seed.lastName,
      position: seed.position,
      phone: seed.phone,
      mail: seed.mail,
      department: seed.department,
      // The demo managers are their own contacts, as most applicants are.
      contact: {
        firstName: seed.firstName,
        lastName: seed.lastName,
        position: seed.position,
        phone: seed.phone,
        mail: seed.mail,
      },
      validationTypes: seed.validationTypes,
      preAuditDomains: seed.preAuditDomains,
      tags: [],
      createdAt: now - seed.createdAgoMs,
      review:
        seed.submittedAgoMs === null
          ? null
          : { submittedAt: now - seed.submittedAgoMs, verdict: seed.verdict },
    });
  }
  for (const seed of PACKAGES) accounts.addPackage(packageFrom(seed, now));
}

function packageFrom(seed: PackageSeed, now: number): PackageInput {
  const expiresAt = now + seed.expiresInMs;
  return {
    id: seed.id,
    type: seed.type,
    pid: PACKAGE_PIDS[seed.type],
    total: PACKAGE_POINTS[seed.type],
    balance: seed.balance,
    sourceType: seed.sourceUin === null ? 'buy' : 'transferIn',
    sourceUin: seed.sourceUin,
    createdAt: now - seed.createdAgoMs,
    expiresAt,
    refunded: seed.refunded,
    transferOuts: seed.transferredOut.map((transfer) => ({
      transferCode: transfer.code,
      count: transfer.count,
      receivePackageId: transfer.receivePackageId,
      receiverUin: 100098765432,
      status: 'received',
      createdAt: now - transfer.agoMs,
      updatedAt: now - transfer.agoMs + DAY_MS,
      receivedAt: now - transfer.agoMs + DAY_MS,
      expiresAt,
    })),
  };
}
