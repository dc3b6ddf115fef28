// What UpdateCertificateInstance and UploadUpdateCertificateInstance share: which bound instances a
// request covers, and the asynchronous task creation (DeployRecordId 0 until the identical request is
// repeated after the upstream has scanned the resources).
import { createHash } from 'node:crypto';
import type { ResourceTypeRegionsInput, UpdateSyncProgress } from '../../ssl/models.generated.ts';
import { EmulatorError, type HandlerContext } from '../handler.ts';
import { type ParsedUpload, parseUploadedCertificate } from '../store/certificates.ts';
import type { PendingCreation } from '../store/jobs.ts';
import {
  certificateFitsTarget,
  type DeployTarget,
  isResourceType,
  REGIONAL_RESOURCE_TYPES,
  type ResourceType,
} from '../store/resources.ts';

/** Emulated time the upstream spends creating an update task (scanning the bound resources). */
export const UPDATE_CREATION_MS = 1500;

export interface UpdateScope {
  resourceTypes: ResourceType[];
  /** Regions per regional type; null for non-regional types. */
  regionsByType: Map<ResourceType, string[] | null>;
}

export function parseUpdateScope(
  ctx: HandlerContext,
  resourceTypes: readonly string[],
  typesRegions: readonly ResourceTypeRegionsInput[] | undefined,
  allowedTypes: ReadonlySet<ResourceType>,
): UpdateScope {
  if (resourceTypes.length === 0) {
    throw new EmulatorError('FailedOperation.CertificateHostResourceTypeInvalid', 'ResourceTypes is empty.');
  }
  const types: ResourceType[] = [];
  for (const type of resourceTypes) {
    if (!isResourceType(type) || !allowedTypes.has(type)) {
      throw new EmulatorError(
        'FailedOperation.CertificateHostResourceTypeInvalid',
        `Resource type "${type}" cannot be updated here.`,
      );
    }
    if (!types.includes(type)) types.push(type);
  }
  const regionsByType = new Map<ResourceType, string[] | null>();
  for (const type of types) {
    // Regional types need regions (ResourceTypesRegions).
    if (!REGIONAL_RESOURCE_TYPES.has(type)) {
      regionsByType.set(type, null);
      continue;
    }
    const regions = (typesRegions ?? [])
      .filter((entry) => entry.ResourceType === type)
      .flatMap((entry) => entry.Regions ?? []);
    // Documented as required for regional types, yet the upstream accepts its absence and then updates
    // every region holding instances of the type (as the console's "all regions" choice does).
    regionsByType.set(
      type,
      regions.length > 0 ? [...new Set(regions)].sort() : ctx.state.resources.regionsOf(type),
    );
  }
  return { resourceTypes: types, regionsByType };
}

/** The instances of the scope currently serving `oldCertId`. */
export function targetsInScope(
  ctx: HandlerContext,
  oldCertId: string,
  scope: UpdateScope,
  now: number,
): DeployTarget[] {
  return ctx.state.resources.boundTargets(oldCertId, now).filter((target) => {
    if (!scope.regionsByType.has(target.resourceType)) return false;
    const regions = scope.regionsByType.get(target.resourceType);
    return !regions || (target.region !== null && regions.includes(target.region));
  });
}

/**
 * Refuses an update whose new certificate (`certificateNames`) does not cover every bound instance of the
 * scope: the upstream creates no task then (CertificateNotDeployInstance), rather than a partial one.
 */
export function requireTargetsCovered(
  targets: readonly DeployTarget[],
  certificateNames: readonly string[],
): void {
  const uncovered = targets.filter((target) => !certificateFitsTarget(target, certificateNames));
  if (uncovered.length > 0) {
    const names = uncovered.map((target) => `${target.resourceType} "${target.instanceId}"`).join(', ');
    throw new EmulatorError(
      'FailedOperation.CertificateNotDeployInstance',
      `The new certificate does not cover the domains of ${names}.`,
    );
  }
}

export function scopeRegions(scope: UpdateScope): string[] {
  return [...new Set([...scope.regionsByType.values()].flatMap((regions) => regions ?? []))].sort();
}

/**
 * Parses uploaded content that is to replace a certificate on resources: an unexpired server certificate.
 * A key that does not match is `FailedOperation.CertificateMatchError`, the code the update actions
 * document (the store's `CertificateMismatch` is UploadCertificate's).
 */
export function parseServableUpload(
  certificatePem: string,
  privateKeyPem: string,
  now: number,
): ParsedUpload {
  let parsed: ParsedUpload;
  try {
    parsed = parseUploadedCertificate(certificatePem, privateKeyPem);
  } catch (error) {
    if (error instanceof EmulatorError && error.code === 'FailedOperation.CertificateMismatch') {
      throw new EmulatorError('FailedOperation.CertificateMatchError', error.message);
    }
    throw error;
  }
  if (parsed.isCertificateAuthority || parsed.certEndTime <= now) {
    throw new EmulatorError(
      'FailedOperation.CertificateInvalid',
      'The uploaded certificate cannot serve resources.',
    );
  }
  return parsed;
}

/** How a creation fingerprint names uploaded content: the hex SHA-256 of certificate and key. */
export function uploadDigest(certificatePem: string, privateKeyPem: string): string {
  return createHash('sha256').update(`${certificatePem}\n${privateKeyPem}`).digest('hex');
}

/** An update-style request, as far as telling its repeats apart goes. */
export interface CreationRequest {
  action: 'update' | 'upload-update';
  /** The certificate replaced. */
  oldCertId: string;
  /** What replaces it: a certificate id, or an upload's digest. */
  replacement: string;
  /** The refusal when no instance of the scope serves the old certificate. */
  noTargetsMessage: string;
}

/**
 * Advances the creation of a task identified by the request (and its scope): the first request starts it
 * (never ready; refused when no instance is in scope), a repeat is ready once UPDATE_CREATION_MS has
 * passed, and the creation is then done with.
 */
export function advanceCreation(
  ctx: HandlerContext,
  request: CreationRequest,
  scope: UpdateScope,
  targets: readonly DeployTarget[],
  now: number,
): { creation: PendingCreation; ready: boolean } {
  const { action, oldCertId, replacement, noTargetsMessage } = request;
  const fingerprint = JSON.stringify([
    action,
    oldCertId,
    replacement,
    [...scope.regionsByType.entries()].sort(),
  ]);
  const pending = ctx.state.jobs.pendingCreations;
  const existing = pending.get(fingerprint);
  if (!existing && targets.length === 0) {
    throw new EmulatorError('FailedOperation.CertificateDeployInstanceEmpty', noTargetsMessage);
  }
  if (existing) {
    const ready = now >= existing.readyAt;
    if (ready) pending.delete(fingerprint);
    return { creation: existing, ready };
  }
  const creation: PendingCreation = {
    fingerprint,
    startedAt: now,
    readyAt: now + UPDATE_CREATION_MS,
    scope: scope.resourceTypes.flatMap((resourceType) =>
      (scope.regionsByType.get(resourceType) ?? ['']).map((region) => ({
        resourceType,
        region,
        total: targets.filter(
          (t) => t.resourceType === resourceType && (region === '' || t.region === region),
        ).length,
      })),
    ),
  };
  pending.set(fingerprint, creation);
  return { creation, ready: false };
}

/** UpdateSyncProgress: per type and region, how many bound instances the creation has processed. */
export function creationProgress(creation: PendingCreation, now: number): UpdateSyncProgress[] {
  const fraction = Math.min(
    1,
    Math.max(0, (now - creation.startedAt) / (creation.readyAt - creation.startedAt)),
  );
  const status = fraction >= 1 ? 1 : fraction > 0 ? 3 : 0;
  const types = [...new Set(creation.scope.map((entry) => entry.resourceType))];
  return types.map((resourceType) => ({
    ResourceType: resourceType,
    UpdateSyncProgressRegions: creation.scope
      .filter((entry) => entry.resourceType === resourceType)
      .map((entry) => ({
        Region: entry.region,
        TotalCount: entry.total,
        OffsetCount: Math.floor(entry.total * fraction),
        Status: status,
      })),
    Status: status,
  }));
}
