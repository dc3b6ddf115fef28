import type { EmulatorClock } from '../clock.ts';
import type { EmulatorState } from '../state.ts';
import { isLegacyTarget as isLegacy, JobItem, startAll } from '../store/job-progress.ts';
import { certificateFitsTarget, type DeployTarget, type ResourceType } from '../store/resources.ts';
import { issuedServerCertificates } from './resources.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A clean upload-update (same id, new content) over CLB and one whose legacy listener failed. */
function seedUploadUpdates(state: EmulatorState, now: number): void {
  const jobs = state.jobs;
  const clb = state.resources.targets('clb');
  const legacy = clb.find((t) => isLegacy(t) && t.slot.at(now) !== null);
  const clean = clb.find(
    (t) => !isLegacy(t) && t.slot.at(now) !== null && t.slot.at(now) !== legacy?.slot.at(now),
  );
  for (const [daysAgo, anchor] of [
    [4, clean],
    [3, legacy],
  ] as const) {
    if (!anchor) continue;
    const certId = anchor.slot.at(now)!;
    const at = now - daysAgo * DAY_MS;
    const targets = clb.filter((t) => t.region === anchor.region && t.slot.at(now) === certId);
    const items = targets.map((t) => new JobItem(jobs.nextItemId(), t, certId, certId, at, 'deploy'));
    startAll(items, at);
    jobs.uploadUpdateRecords.push({
      id: jobs.nextRecordId(),
      certId,
      resourceTypes: ['clb'],
      createdAt: at,
      phases: [{ type: 0, createdAt: at, items }],
      previousContent: null,
    });
  }
}

/**
 * Seeds a short, finished job history over the seeded certificates and instances: a clean CLB
 * deployment, a deployment whose "legacy" instance failed, a clean one-click update and a partly failed
 * one, and the same pair of upload-updates. Every record is consistent with the resources: the
 * certificate a record installs covers the domains of its instances, and an update's old certificate is
 * the one its instances served until then (and still serve where the update failed). The history
 * explains the bindings the resource seed made, except that the partly failed update moved the CLB
 * listeners of its old certificate to the new one.
 */
export function seedJobs(state: EmulatorState, clock: EmulatorClock): void {
  const now = clock.now();
  const jobs = state.jobs;
  const resources = state.resources;
  const certificates = issuedServerCertificates(state, now);
  const first = certificates[0];
  if (!first) return;
  const bound = (certId: string, type: ResourceType) =>
    resources.targets(type).filter((t) => t.slot.at(now) === certId && !isLegacy(t));
  const fits = (certId: string, target: DeployTarget) =>
    certificateFitsTarget(target, state.certificates.get(certId)?.subjectAltNames ?? []);
  /** A legacy target of `type` serving `certId` (any when undefined) and an issued certificate covering it. */
  const legacyPlan = (type: ResourceType, served: 'bound' | 'any') => {
    for (const target of resources.targets(type).filter(isLegacy)) {
      const current = target.slot.at(now);
      if (served === 'bound' && current === null) continue;
      const replacement = certificates.find((c) => c.id !== current && fits(c.id, target));
      if (replacement) return { target, current, replacement };
    }
    return undefined;
  };
  // Each item records what its instance served before (its slot's history starts there); a successful
  // item then binds the record's certificate, a failed one leaves the old binding in place.
  const items = (
    targets: DeployTarget[],
    certId: string,
    oldCertId: (t: DeployTarget) => string | null,
    at: number,
  ) => {
    const created = targets.map((t) => new JobItem(jobs.nextItemId(), t, certId, oldCertId(t), at, 'deploy'));
    for (const item of created) item.target.slot.seedInitial(item.oldCertId);
    startAll(created, at);
    return created;
  };

  // A clean first deployment of the first certificate to the CLB listeners it serves.
  const cleanClb = bound(first.id, 'clb');
  const cleanRegion = cleanClb[0]?.region ?? null;
  const cleanTargets = cleanClb.filter((t) => t.region === cleanRegion).slice(0, 3);
  if (cleanTargets.length > 0) {
    const at = now - 7 * DAY_MS;
    jobs.deployRecords.push({
      id: jobs.nextRecordId(),
      certId: first.id,
      resourceType: 'clb',
      region: cleanRegion,
      createdAt: at,
      items: items(cleanTargets, first.id, () => null, at),
      rollbackOf: null,
      rolledBackBy: null,
    });
  }

  // A deployment to a legacy TKE secret, which failed: the secret still serves what it served before.
  const legacyTke = legacyPlan('tke', 'any');
  if (legacyTke) {
    const at = now - 2 * DAY_MS;
    const { target, replacement } = legacyTke;
    jobs.deployRecords.push({
      id: jobs.nextRecordId(),
      certId: replacement.id,
      resourceType: 'tke',
      region: target.region,
      createdAt: at,
      items: items([target], replacement.id, (t) => t.slot.at(at), at),
      rollbackOf: null,
      rolledBackBy: null,
    });
  }

  seedUploadUpdates(state, now);

  // A clean one-click update over CDN and EdgeOne: from an older certificate covering the same domains.
  for (const certificate of certificates) {
    const targets = [...bound(certificate.id, 'cdn'), ...bound(certificate.id, 'teo')];
    if (targets.length === 0) continue;
    const retired = state.certificates
      .all()
      .find(
        (c) =>
          c.id !== certificate.id &&
          c.certificateType === 'SVR' &&
          targets.every((t) => certificateFitsTarget(t, c.subjectAltNames)),
      );
    if (!retired) continue;
    const at = now - 5 * DAY_MS;
    jobs.updateRecords.push({
      id: jobs.nextRecordId(),
      certId: certificate.id,
      oldCertId: retired.id,
      resourceTypes: ['cdn', 'teo'],
      regions: [],
      createdAt: at,
      items: items(targets, certificate.id, () => retired.id, at),
      rollbackOf: null,
      rolledBackBy: null,
    });
    break;
  }

  // A one-click update whose legacy COS bucket failed and still serves the old certificate, while the
  // CLB listeners serving that certificate moved to the new one.
  const legacyCos = legacyPlan('cos', 'bound');
  if (legacyCos) {
    const at = now - DAY_MS;
    const { target, current, replacement } = legacyCos;
    const oldCertId = current!;
    const targets = [
      ...(['clb', 'cos'] as const).flatMap((type) =>
        bound(oldCertId, type).filter((t) => fits(replacement.id, t)),
      ),
      target,
    ];
    const resourceTypes = [...new Set(targets.map((t) => t.resourceType))];
    jobs.updateRecords.push({
      id: jobs.nextRecordId(),
      certId: replacement.id,
      oldCertId,
      resourceTypes,
      regions: [...new Set(targets.map((t) => t.region ?? ''))].filter((r) => r !== '').sort(),
      createdAt: at,
      items: items(targets, replacement.id, () => oldCertId, at),
      rollbackOf: null,
      rolledBackBy: null,
    });
  }
}
