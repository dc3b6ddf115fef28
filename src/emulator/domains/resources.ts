// The 11 DescribeHost*InstanceList actions: the instances a certificate can be deployed to.
import type { FilterInput } from '../../ssl/models.generated.ts';
import { formatBeijingTime } from '../clock.ts';
import { EmulatorError, type HandlerContext, type HandlerTable } from '../handler.ts';
import {
  type CertificateSlot,
  domainsMatchCertificate,
  type InstanceListView,
  type ResourceType,
} from '../store/resources.ts';
import { page, parseStringInteger, requireDeployableCertificate } from './deploy-support.ts';
import {
  apiGatewayView,
  cdnView,
  clbView,
  cosView,
  ddosView,
  lighthouseView,
  liveView,
  teoView,
  tkeView,
  type ViewContext,
  vodView,
  wafView,
} from './resource-views.ts';

interface ListParams {
  CertificateId?: string;
  IsCache?: number;
  Filters?: FilterInput[];
  OldCertificateId?: string;
  AsyncCache?: number;
}

/** `Filters[domainMatch]`: "1" (the default) lists instances matching the certificate, "0" the others. */
function wantsMatching(filters: FilterInput[] | undefined): boolean {
  let wantMatch = true;
  for (const filter of filters ?? []) {
    if (filter.FilterKey !== 'domainMatch') {
      throw new EmulatorError('FailedOperation.InvalidParam', `Unsupported FilterKey "${filter.FilterKey}".`);
    }
    if (filter.FilterValue !== '0' && filter.FilterValue !== '1') {
      throw new EmulatorError(
        'FailedOperation.InvalidParam',
        'FilterValue of domainMatch must be "0" or "1".',
      );
    }
    wantMatch = filter.FilterValue === '1';
  }
  return wantMatch;
}

/**
 * Lists the instances of one type: those matching (or, with domainMatch "0", not matching) the
 * certificate to deploy, restricted to those serving OldCertificateId when given, as seen at the time of
 * the (possibly cached) data.
 */
function listInstances<R, V>(
  resourceType: ResourceType,
  records: readonly R[],
  render: (record: R, view: ViewContext) => V | null,
  params: ListParams,
  ctx: HandlerContext,
): { items: V[]; view: InstanceListView } {
  const { state, clock } = ctx;
  const now = clock.now();
  // Of the eleven instance lists, only EdgeOne's does not document CertificateHostDeployCanNotAllow.
  const clientCertificateRefusal =
    resourceType === 'teo' ? 'FailedOperation.CertificateNotAvailable' : undefined;
  const candidate =
    params.CertificateId !== undefined && params.CertificateId !== ''
      ? requireDeployableCertificate(state, params.CertificateId, now, clientCertificateRefusal)
      : null;
  const oldCertId = params.OldCertificateId || null;
  if (oldCertId) state.certificates.require(oldCertId);
  const wantMatch = wantsMatching(params.Filters);
  const view = state.resources.instanceListView(resourceType, now, {
    useCache: params.IsCache !== 0,
    asyncRefresh: params.AsyncCache === 1,
  });
  const candidateNames = candidate ? candidate.subjectAltNames : null;
  const namesOf = (certId: string) => state.certificates.get(certId)?.subjectAltNames ?? [];
  const selects = (slot: CertificateSlot, domains: readonly string[]) =>
    (oldCertId === null || slot.at(view.at) === oldCertId) &&
    (candidateNames === null || domainsMatchCertificate(domains, candidateNames) === wantMatch);
  const selecting: ViewContext = { at: view.at, candidateNames, namesOf, keep: selects };
  const whole: ViewContext = { ...selecting, keep: () => true };
  const items = records
    .filter((record) => render(record, selecting) !== null)
    .map((record) => render(record, whole))
    .filter((item): item is V => item !== null);
  return { items, view };
}

function asyncFields(view: InstanceListView) {
  return {
    AsyncTotalNum: view.asyncTotalNum,
    AsyncOffset: view.asyncOffset,
    AsyncCacheTime: formatBeijingTime(view.asyncCacheTime),
  };
}

export const resourceHandlers: HandlerTable = {
  DescribeHostClbInstanceList: (params, ctx) => {
    const { items, view } = listInstances('clb', ctx.state.resources.inventory.clb, clbView, params, ctx);
    return {
      TotalCount: items.length,
      InstanceList: page(items, params.Offset, params.Limit),
      ...asyncFields(view),
    };
  },
  DescribeHostCdnInstanceList: (params, ctx) => {
    const { items, view } = listInstances('cdn', ctx.state.resources.inventory.cdn, cdnView, params, ctx);
    return {
      InstanceList: page(items, params.Offset, params.Limit),
      TotalCount: items.length,
      ...asyncFields(view),
    };
  },
  DescribeHostCosInstanceList: (params, ctx) => {
    const { items, view } = listInstances('cos', ctx.state.resources.inventory.cos, cosView, params, ctx);
    return {
      InstanceList: page(items, params.Offset, params.Limit),
      TotalCount: items.length,
      ...asyncFields(view),
    };
  },
  DescribeHostTkeInstanceList: (params, ctx) => {
    const { items, view } = listInstances('tke', ctx.state.resources.inventory.tke, tkeView, params, ctx);
    return {
      TotalCount: items.length,
      InstanceList: page(items, params.Offset, params.Limit),
      ...asyncFields(view),
    };
  },
  DescribeHostTeoInstanceList: (params, ctx) => {
    // AsyncCache is accepted here but the docs give no progress outputs: the refresh still happens.
    const { items } = listInstances('teo', ctx.state.resources.inventory.teo, teoView, params, ctx);
    return { InstanceList: page(items, params.Offset, params.Limit), TotalCount: items.length };
  },
  DescribeHostDdosInstanceList: (params, ctx) => {
    const { items } = listInstances('ddos', ctx.state.resources.inventory.ddos, ddosView, params, ctx);
    return { InstanceList: page(items, params.Offset, params.Limit), TotalCount: items.length };
  },
  DescribeHostApiGatewayInstanceList: (params, ctx) => {
    const offset = parseStringInteger(params.Offset, 'Offset', 0);
    const { items } = listInstances(
      'apigateway',
      ctx.state.resources.inventory.apigateway,
      apiGatewayView,
      params,
      ctx,
    );
    return { InstanceList: page(items, offset, params.Limit), TotalCount: items.length };
  },
  DescribeHostLighthouseInstanceList: (params, ctx) => {
    const { items } = listInstances(
      'lighthouse',
      ctx.state.resources.inventory.lighthouse,
      lighthouseView,
      params,
      ctx,
    );
    return { InstanceList: items, TotalCount: items.length };
  },
  DescribeHostLiveInstanceList: (params, ctx) => {
    const { items } = listInstances('live', ctx.state.resources.inventory.live, liveView, params, ctx);
    return { InstanceList: items };
  },
  DescribeHostVodInstanceList: (params, ctx) => {
    const { items } = listInstances('vod', ctx.state.resources.inventory.vod, vodView, params, ctx);
    return { InstanceList: items, TotalCount: items.length };
  },
  DescribeHostWafInstanceList: (params, ctx) => {
    const { items } = listInstances('waf', ctx.state.resources.inventory.waf, wafView, params, ctx);
    return { InstanceList: items };
  },
};
