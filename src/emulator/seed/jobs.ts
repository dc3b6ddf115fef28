import type { EmulatorClock } from '../clock.ts';
import type { EmulatorState } from '../state.ts';
import { isLegacyTarget as isLegacy, JobItem, startAll } from '../store/job-progress.ts';
import type { DeployTarget, ResourceType } from '../store/resources.ts';
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
 * one, and the same pair of upload-updates. Past jobs only re-affirm bindings the resource seed made, so
 * the current bindings do not change.
 */
export function seedJobs(state: EmulatorState, clock: EmulatorClock): void {
  const now = clock.now();
  const jobs = state.jobs;
  const resources = state.resources;
  const certificates = issuedServerCertificates(state, now);
  const first = certificates[0];
  if (!first) return;
  const second = certificates[1] ?? first;
  const bound = (certId: string, type: ResourceType) =>
    resources.targets(type).filter((t) => t.slot.at(now) === certId && !isLegacy(t));
  const legacyOf = (type: ResourceType) => resources.targets(type).find(isLegacy);
  const items = (
    targets: DeployTarget[],
    certId: string,
    oldCertId: (t: DeployTarget) => string | null,
    at: number,
  ) => {
    const created = targets.map((t) => new JobItem(jobs.nextItemId(), t, certId, oldCertId(t), at, 'deploy'));
    startAll(created, at);
    return created;
  };

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

  const legacyTke = legacyOf('tke');
  if (legacyTke) {
    const at = now - 2 * DAY_MS;
    const targets = [...bound(second.id, 'tke').filter((t) => t.region === legacyTke.region), legacyTke];
    jobs.deployRecords.push({
      id: jobs.nextRecordId(),
      certId: second.id,
      resourceType: 'tke',
      region: legacyTke.region,
      createdAt: at,
      items: items(targets, second.id, (t) => t.slot.at(at), at),
      rollbackOf: null,
      rolledBackBy: null,
    });
  }

  seedUploadUpdates(state, now);

  const retired = state.certificates.all().find((c) => c.id !== first.id && c.id !== second.id);
  if (!retired) return;
  const cdnTargets = [...bound(first.id, 'cdn'), ...bound(first.id, 'teo')];
  if (cdnTargets.length > 0) {
    const at = now - 5 * DAY_MS;
    jobs.updateRecords.push({
      id: jobs.nextRecordId(),
      certId: first.id,
      oldCertId: retired.id,
      resourceTypes: ['cdn', 'teo'],
      regions: [],
      createdAt: at,
      items: items(cdnTargets, first.id, () => retired.id, at),
      rollbackOf: null,
      rolledBackBy: null,
    });
  }
  const legacyCos = legacyOf('cos');
  if (legacyCos) {
    const at = now - DAY_MS;
    const targets = [...bound(second.id, 'cos'), legacyCos];
    jobs.updateRecords.push({
      id: jobs.nextRecordId(),
      certId: second.id,
      oldCertId: retired.id,
      resourceTypes: ['cos'],
      regions: [...new Set(targets.map((t) => t.region ?? ''))].filter((r) => r !== '').sort(),
      createdAt: at,
      items: items(targets, second.id, () => retired.id, at),
      rollbackOf: null,
      rolledBackBy: null,
    });
  }
}
