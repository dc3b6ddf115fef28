import { createGraphQLError } from 'graphql-yoga';
import type { UpdateSyncProgress } from '../../ssl/models.generated.ts';
import { builder } from '../builder.ts';
import { type CreationOutcome, repeatUntilCreated } from '../jobs/repeat-until-created.ts';
import { presentOrNull } from '../upstream-values.ts';
import { knownRegion } from './certificate-inputs.ts';
import { ResourceType } from './cloud-resource-enums.ts';
import { UpdateCreationStatus } from './update-record-enums.ts';

// UpdateCertificateInstance and UploadUpdateCertificateInstance create their task asynchronously: until the
// upstream has scanned the bound resources they answer DeployRecordId 0 with a progress report, and the
// identical request must be repeated. The mutations repeat it for a while; if the task still is not there, their
// payload says so with the progress, and the client sends the same input again. A 0 never reaches a client as
// an ID.

/** The pause between two identical creation requests. */
const CREATION_REPEAT_DELAY_MS = 1000;
export const DEFAULT_CREATION_WAIT_SECONDS = 5;
/** Kept well below common HTTP timeouts: one mutation holds a connection while it repeats. */
export const MAX_CREATION_WAIT_SECONDS = 20;

interface RegionProgressShape {
  readonly region: string | null;
  readonly totalCount: number | null;
  readonly processedCount: number | null;
  readonly status: number | null;
}

export interface CreationProgressShape {
  readonly resourceType: string | null;
  readonly status: number | null;
  readonly regions: readonly RegionProgressShape[];
}

/** What a creation mutation's payload reports once the upstream answered (`created`: with a task ID). */
export function creationResult<Shape>(
  response: {
    readonly DeployRecordId: number;
    readonly DeployStatus: number;
    readonly UpdateSyncProgress: readonly UpdateSyncProgress[] | null;
  },
  created: boolean,
  shapeOf: (id: number) => Shape,
) {
  return {
    record: created ? shapeOf(response.DeployRecordId) : null,
    // DeployStatus 0: a task for this certificate was running already; its ID is returned.
    isExistingUpdate: created && response.DeployStatus === 0,
    isCreationPending: !created,
    creationProgress: creationProgressFrom(response.UpdateSyncProgress),
  };
}

export function creationProgressFrom(
  progress: readonly UpdateSyncProgress[] | null,
): CreationProgressShape[] {
  return (progress ?? []).map((entry) => ({
    resourceType: presentOrNull(entry.ResourceType),
    status: entry.Status,
    regions: (entry.UpdateSyncProgressRegions ?? []).map((region) => ({
      region: presentOrNull(region.Region),
      totalCount: region.TotalCount,
      processedCount: region.OffsetCount,
      status: region.Status,
    })),
  }));
}

const UpdateCreationRegionProgressRef = builder
  .objectRef<RegionProgressShape>('UpdateCreationRegionProgress')
  .implement({
    description: 'How far the creation of an update task has scanned the bound resources of one region.',
    fields: (t) => ({
      region: t.string({
        description: 'The region, e.g. `ap-guangzhou`; null for resource types that are not regional.',
        resolve: (progress) => progress.region,
      }),
      totalCount: t.int({
        description: 'How many bound resources the region holds.',
        resolve: (progress) => progress.totalCount,
      }),
      processedCount: t.int({
        description: 'How many of them have been scanned so far.',
        resolve: (progress) => progress.processedCount,
      }),
      status: t.field({
        type: UpdateCreationStatus.ref,
        description: 'Where the scan of the region stands.',
        resolve: (progress) =>
          progress.status === null ? null : UpdateCreationStatus.fromUpstream(progress.status),
      }),
    }),
  });

export const UpdateCreationProgressRef = builder
  .objectRef<CreationProgressShape>('UpdateCreationProgress')
  .implement({
    description:
      'How far the creation of an update task has got for one resource type, while Tencent Cloud scans the ' +
      'resources bound to the certificate.',
    fields: (t) => ({
      resourceType: t.field({
        type: ResourceType.ref,
        description: 'The resource type.',
        resolve: (progress) =>
          progress.resourceType === null ? null : ResourceType.fromUpstream(progress.resourceType),
      }),
      status: t.field({
        type: UpdateCreationStatus.ref,
        description: 'Where the scan of this resource type stands.',
        resolve: (progress) =>
          progress.status === null ? null : UpdateCreationStatus.fromUpstream(progress.status),
      }),
      regions: t.field({
        type: [UpdateCreationRegionProgressRef],
        description: 'The progress per region (one entry without a region for non-regional types).',
        nullable: false,
        resolve: (progress) => [...progress.regions],
      }),
    }),
  });

export const UpdateResourceRegionsInput = builder.inputType('UpdateResourceRegionsInput', {
  description: 'The regions in which to update one regional resource type.',
  fields: (t) => ({
    resourceType: t.field({
      type: ResourceType.ref,
      required: true,
      description: 'A regional resource type (CLB, WAF, APIGATEWAY, TKE, TCB, TSE or COS).',
    }),
    regions: t.stringList({
      required: true,
      description:
        'The regions, e.g. `["ap-guangzhou", "ap-shanghai"]`; one that is not among the API\'s regions is ' +
        'refused (`INVALID_REGION`) before anything is sent.',
    }),
  }),
});

/**
 * The upstream's ResourceTypesRegions from the input's list; omitted when the client chose none. An unknown region
 * throws an InputRejection naming its place in the input.
 */
export function resourceTypesRegionsParam(
  entries: ReadonlyArray<{ resourceType: string; regions: readonly string[] }> | null | undefined,
) {
  if (entries === null || entries === undefined) return {};
  return {
    ResourceTypesRegions: entries.map((entry, index) => ({
      ResourceType: entry.resourceType,
      Regions: entry.regions.map((region, position) =>
        knownRegion(region, ['input', 'resourceRegions', String(index), 'regions', String(position)]),
      ),
    })),
  };
}

/**
 * Sends the creation request, repeating it while the upstream answers DeployRecordId 0, for about
 * `waitSeconds` (one request only when 0).
 */
export async function runCreation<Outcome extends CreationOutcome>(
  run: () => Promise<Outcome>,
  waitSeconds: number | null | undefined,
) {
  const seconds = waitSeconds ?? DEFAULT_CREATION_WAIT_SECONDS;
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_CREATION_WAIT_SECONDS) {
    throw createGraphQLError(
      `creationWaitSeconds must be a whole number from 0 to ${MAX_CREATION_WAIT_SECONDS}.`,
      { extensions: { code: 'BAD_USER_INPUT', argumentName: 'input' } },
    );
  }
  const maxAttempts = 1 + Math.floor((seconds * 1000) / CREATION_REPEAT_DELAY_MS);
  // Each attempt carries the request's signal (through context.loaders), so a client going away stops it.
  return repeatUntilCreated(run, { maxAttempts, delayMs: CREATION_REPEAT_DELAY_MS });
}
