import type { JobItem } from './job-progress.ts';
import type { ResourceType } from './resources.ts';

/** A DeployCertificateInstance task (or the rollback task DeployCertificateRecordRollback creates). */
export interface DeployJob {
  id: number;
  certId: string;
  resourceType: ResourceType;
  region: string | null;
  createdAt: number;
  items: JobItem[];
  rollbackOf: number | null;
  rolledBackBy: number | null;
}

/** An UpdateCertificateInstance task (old → new certificate), or its rollback. */
export interface UpdateJob {
  id: number;
  certId: string;
  oldCertId: string;
  resourceTypes: ResourceType[];
  regions: string[];
  createdAt: number;
  items: JobItem[];
  rollbackOf: number | null;
  rolledBackBy: number | null;
}

/** One DeployRecord of an upload-update task: Type 0 the deployment, Type 1 its rollback. */
export interface UploadUpdatePhase {
  type: 0 | 1;
  createdAt: number;
  items: JobItem[];
}

/** An UploadUpdateCertificateInstance task: new content under the same certificate id. */
export interface UploadUpdateJob {
  id: number;
  certId: string;
  resourceTypes: ResourceType[];
  createdAt: number;
  phases: UploadUpdatePhase[];
  /** The content the certificate had before, restored by a rollback. */
  previousContent: { certificatePem: string; privateKeyPem: string } | null;
}

/**
 * A task still "being created": update-style actions answer DeployRecordId 0 until the upstream has
 * scanned the bound resources, and the caller repeats the identical request (matched by fingerprint).
 */
export interface PendingCreation {
  fingerprint: string;
  startedAt: number;
  readyAt: number;
  /** Bound instances found per resource type and region (region '' for non-regional types). */
  scope: Array<{ resourceType: ResourceType; region: string; total: number }>;
}

/** A CreateCertificateBindResourceSyncTask query for one certificate. */
export interface BindTask {
  taskId: string;
  certId: string;
  createdAt: number;
  completesAt: number;
}

/** Every job the emulated account has run. The domains own the rules; this store owns ids and lists. */
export class JobStore {
  readonly deployRecords: DeployJob[] = [];
  readonly updateRecords: UpdateJob[] = [];
  readonly uploadUpdateRecords: UploadUpdateJob[] = [];
  readonly pendingCreations = new Map<string, PendingCreation>();
  readonly bindTasks: BindTask[] = [];
  #nextRecordId = 1001;
  #nextItemId = 50001;
  #nextTaskNumber = 1;

  /** Record ids are shared by the three record kinds, so an id never means two records. */
  nextRecordId(): number {
    return this.#nextRecordId++;
  }

  nextItemId(): number {
    return this.#nextItemId++;
  }

  nextBindTaskId(): string {
    return `${9_000_000 + this.#nextTaskNumber++}`;
  }

  findBindTask(taskId: string): BindTask | undefined {
    return this.bindTasks.find((task) => task.taskId === taskId);
  }
}
