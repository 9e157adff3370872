import { Fn, Op, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { checkBroughtFact, comparisonKey, isKnown, normaliseRegion, problemsOf } from '../checks';

/**
 * The private DNS zones a workspace's inbound private endpoint registers its records in, per Azure cloud.
 * Source: Azure ML docs, "How to use your workspace with a custom DNS server" (how-to-custom-dns), the
 * "Azure Public / Azure China 21Vianet / Azure US Government regions" zone lists. A zone group with other zones
 * applies, and the workspace and scoring names resolve nowhere.
 */
export const INBOUND_DNS_ZONES_BY_CLOUD: Readonly<Record<string, readonly [string, string]>> = {
  AzureCloud: ['privatelink.api.azureml.ms', 'privatelink.notebooks.azure.net'],
  AzureChinaCloud: ['privatelink.api.ml.azure.cn', 'privatelink.notebooks.chinacloudapi.cn'],
  AzureUSGovernment: ['privatelink.api.ml.azure.us', 'privatelink.notebooks.usgovcloudapi.net'],
};

const ALL_ZONES = Object.values(INBOUND_DNS_ZONES_BY_CLOUD).flat();

/** The zone name of a private DNS zone id (its last segment), lower case. */
function zoneNameOf(id: string): string {
  return id.replace(/\/+$/, '').split('/').pop()?.toLowerCase() ?? '';
}

/**
 * SE463: the zones given for the inbound private endpoint (`privateDnsZoneIds`) are the two it needs, of one
 * cloud: a literal id of another zone, a missing zone, a zone of another cloud. An id from an expression (an
 * azurerm `PrivateDnsZone`'s id) is checked at plan time, by the zone name in it.
 */
export function checkInboundDnsZones(scope: IConstruct, zoneIds: readonly string[] | undefined): void {
  // A list from an expression (a variable of type list): nothing is known of its elements at synth.
  if (zoneIds === undefined || !Array.isArray(zoneIds) || Token.isUnresolved(zoneIds)) return;
  const known = zoneIds.filter((id) => isKnown(id) && typeof id === 'string').map(zoneNameOf);
  const pairs = Object.entries(INBOUND_DNS_ZONES_BY_CLOUD);
  const expected = `the two zones ${INBOUND_DNS_ZONES_BY_CLOUD.AzureCloud.join(' and ')} (in Azure China and US Government, ${pairs
    .slice(1)
    .map(([, p]) => p.join(' and '))
    .join('; ')})`;
  const report = (detail: string) =>
    problemsOf(scope).report(
      'SE463',
      `inboundPrivateEndpoint.privateDnsZoneIds ${detail}: the workspace's private endpoint registers its ` +
        `names in ${expected}; with other zones the apply succeeds and the names resolve nowhere; give the ids ` +
        `of those two zones, or leave privateDnsZoneIds unset to have them created`,
    );
  const foreign = known.filter((name) => !ALL_ZONES.includes(name));
  if (foreign.length > 0) report(`names ${foreign.map((n) => `'${n}'`).join(', ')}`);
  else if (known.length === zoneIds.length) {
    const unique = [...new Set(known)];
    const cloud = pairs.find(([, pair]) => unique.length === 2 && pair.every((z) => unique.includes(z)));
    if (cloud === undefined) report(`names ${unique.map((n) => `'${n}'`).join(', ') || 'no zone'}`);
  }
  zoneIds.forEach((id, i) => {
    if (typeof id !== 'string' || isKnown(id)) return;
    checkBroughtFact(scope, {
      value: id,
      attribute: `inboundPrivateEndpoint.privateDnsZoneIds[${i}]`,
      refuses: () => false,
      accepts: (v) => Fn.contains([...ALL_ZONES], Fn.lower(Fn.element(Fn.split('/', v), 8))),
      code: 'SE463',
      why: `a private DNS zone that is not one of ${expected}; give the ids of those zones`,
    });
  });
}

/** A region as ARM compares it, in Terraform: `West Europe` and `westeurope` are one region. */
function regionExpression(region: string): string {
  return Fn.lower(Fn.replace(region, ' ', ''));
}

/**
 * SE464: a private endpoint is created in the region of the virtual network its subnet belongs to ("the private
 * endpoint must be deployed in the same region as the virtual network", Azure Private Link docs,
 * private-endpoint-overview). Read from the brought azurerm `VirtualNetwork` as configured (`locationInput`);
 * when either region is an expression, checked at plan time.
 */
export function checkPrivateEndpointRegion(
  scope: IConstruct,
  endpointRegion: string,
  networkRegion: string | undefined,
): void {
  if (networkRegion === undefined || networkRegion === null || endpointRegion === undefined) return;
  // One expression for both (the network's and the workspace's region read from one resource group): equal.
  const same = comparisonKey(scope, endpointRegion, normaliseRegion);
  if (same !== undefined && same === comparisonKey(scope, networkRegion, normaliseRegion)) return;
  const why =
    `the private endpoint is created in region '${endpointRegion}', and Azure creates a private endpoint only ` +
    `in its virtual network's region; set inboundPrivateEndpoint.location to the network's region, or use a ` +
    `subnet of a network in the workspace's region`;
  if (isKnown(endpointRegion)) {
    checkBroughtFact(scope, {
      value: networkRegion,
      attribute: 'inboundPrivateEndpoint.virtualNetwork.locationInput',
      refuses: (v) => normaliseRegion(v) !== normaliseRegion(endpointRegion),
      accepts: (v) => Op.eq(regionExpression(v), normaliseRegion(endpointRegion)),
      code: 'SE464',
      why,
    });
    return;
  }
  checkBroughtFact(scope, {
    value: endpointRegion,
    attribute: 'the inbound private endpoint region',
    refuses: () => false,
    accepts: (v) =>
      Op.eq(
        regionExpression(v),
        isKnown(networkRegion) ? normaliseRegion(networkRegion) : regionExpression(networkRegion),
      ),
    code: 'SE464',
    why: `the virtual network is in region ${isKnown(networkRegion) ? `'${networkRegion}'` : networkRegion}, and Azure creates a private endpoint only in its virtual network's region; set inboundPrivateEndpoint.location to the network's region`,
  });
}
