/**
 * `storageNetworkAccess`: how the deploy path reaches the workspace's created storage account (Azure ML itself
 * reaches it through the managed network's private endpoints either way). Azure Storage's IP rule limits live
 * here, next to the reader that applies them.
 */
import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { StorageAccountConfig } from '@cdktf/provider-azurerm/lib/storage-account';
import { ARM_TYPES, ConfigurationError, isKnown, fromFactory, problem, Problems } from '../checks';
import { armId, defineProps, list, object, text } from '../checks/read';
import { subnetReader, virtualNetworkReader } from '../core/readers';
import { IResourceGroup, ISubnet, IVirtualNetwork } from '../core';
import { virtualNetworkIdOf } from './inbound-private-endpoint';

/** The private DNS zone of a storage account's `blob` private endpoint in Azure's public cloud. */
export const BLOB_PRIVATE_DNS_ZONE = 'privatelink.blob.core.windows.net';

/** A `blob` private endpoint of the storage account, for a deploy runner inside your network. */
export interface StoragePrivateEndpointOptions {
  /** The subnet the private endpoint goes into (one the runner's network reaches). */
  readonly subnet: ISubnet;
  /**
   * An existing `privatelink.blob.core.windows.net` zone (a hub's, or one a DeployIfNotExists policy manages).
   * @default the zone is created in the workspace's resource group and linked to the subnet's network
   */
  readonly privateDnsZoneId?: string;
  /** The network the created zone is linked to. @default derived from the subnet id */
  readonly virtualNetwork?: IVirtualNetwork;
}

export const STORAGE_NETWORK_ACCESS_ALLOWED_IP_RANGES_PARAMS = defineProps<{ ranges: string[] }>(
  'StorageNetworkAccess.allowedIpRanges',
  {
    ranges: list(text({ tokens: 'expression', what: 'a public IPv4 address or CIDR range (text)' }), {
      tokens: 'expression',
      optional: false,
    }),
  },
);

export const STORAGE_NETWORK_ACCESS_PRIVATE_ENDPOINT_PARAMS = defineProps<{
  options: StoragePrivateEndpointOptions;
}>('StorageNetworkAccess.privateEndpoint', {
  options: object(
    'StoragePrivateEndpointOptions',
    defineProps<StoragePrivateEndpointOptions>('StoragePrivateEndpointOptions', {
      subnet: subnetReader(false),
      privateDnsZoneId: armId({ tokens: 'expression', resourceType: ARM_TYPES.PRIVATE_DNS_ZONE }),
      virtualNetwork: virtualNetworkReader(true),
    }),
    { optional: false },
  ),
});

/**
 * How the deploy path (the runner of `terraform apply`, which uploads model and code assets) reaches the
 * workspace's created storage account. Enum-like: use the static factories.
 */
export class StorageNetworkAccess {
  /**
   * Public network access from every network (the default): a runner anywhere can upload assets with the
   * account's credentials. Azure Policy's "Storage accounts should restrict network access" flags it.
   */
  public static publicAccess(): StorageNetworkAccess {
    return new StorageNetworkAccess('public', [], undefined);
  }

  /**
   * Only these public IPv4 addresses or CIDR ranges (your runners' egress addresses): network rules with
   * default action Deny and the trusted-services bypass. Azure Storage refuses private (RFC 1918) ranges and
   * /31 or /32 prefixes, and keeps at most 400 rules (SE164).
   */
  public static allowedIpRanges(ranges: string[]): StorageNetworkAccess {
    return fromFactory(
      STORAGE_NETWORK_ACCESS_ALLOWED_IP_RANGES_PARAMS,
      { ranges },
      (read) => new StorageNetworkAccess('ip-ranges', read.ranges, undefined),
      StorageNetworkAccess.prototype,
    );
  }

  /**
   * Public network access off, and a `blob` private endpoint in a subnet of your network for a runner inside it
   * (a self-hosted agent): uploads then resolve the account's blob host to the private endpoint. The runner
   * must use that DNS zone.
   */
  public static privateEndpoint(options: StoragePrivateEndpointOptions): StorageNetworkAccess {
    return fromFactory(
      STORAGE_NETWORK_ACCESS_PRIVATE_ENDPOINT_PARAMS,
      { options },
      (read) => new StorageNetworkAccess('private-endpoint', [], read.options),
      StorageNetworkAccess.prototype,
    );
  }

  private constructor(
    /** Which of the three. @internal */
    public readonly _kind: 'public' | 'ip-ranges' | 'private-endpoint',
    /** The allowed ranges (`allowedIpRanges`). @internal */
    public readonly _ranges: string[],
    /** The private endpoint (`privateEndpoint`). @internal */
    public readonly _privateEndpoint: StoragePrivateEndpointOptions | undefined,
  ) {}

  /** The storage account arguments this access means. @internal */
  public _accountSettings(): Pick<StorageAccountConfig, 'publicNetworkAccessEnabled' | 'networkRules'> {
    switch (this._kind) {
      case 'ip-ranges':
        return {
          publicNetworkAccessEnabled: true,
          // AzureServices: Azure ML's trusted-service access (datastore checks) still gets through.
          networkRules: { defaultAction: 'Deny', bypass: ['AzureServices'], ipRules: this._ranges },
        };
      case 'private-endpoint':
        // Default action Deny too, without IP rules: Azure Policy's "Storage accounts should restrict network
        // access (using virtual network rules)" reads networkAcls, not publicNetworkAccess.
        return {
          publicNetworkAccessEnabled: false,
          networkRules: { defaultAction: 'Deny', bypass: ['AzureServices'], ipRules: [] },
        };
      default:
        return { publicNetworkAccessEnabled: true };
    }
  }
}

/** Azure Storage's IP rules: public IPv4 only (learn.microsoft.com/azure/storage/common/storage-network-security). */
const STORAGE_IP_RULES = {
  /** At most this many IP rules per account. */
  maxRules: 400,
  /** Prefixes Azure refuses: a /31 or /32 is given as its single addresses instead. */
  refusedPrefixes: [31, 32],
  /** RFC 1918 private ranges, refused (a private network reaches the account through a private endpoint). */
  privateRanges: [
    ['10.0.0.0', 8],
    ['172.16.0.0', 12],
    ['192.168.0.0', 16],
  ] as ReadonlyArray<readonly [string, number]>,
};

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/;

function ipv4Number(a: number, b: number, c: number, d: number): number {
  return ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
}

/** Why Azure Storage refuses one IP rule, or undefined. */
function ipRuleProblem(rule: string): string | undefined {
  const m = IPV4.exec(rule);
  const octets = m ? m.slice(1, 5).map(Number) : [];
  if (!m || octets.some((o) => o > 255))
    return 'is not an IPv4 address or CIDR range (Azure Storage takes no IPv6)';
  const prefix = m[5] === undefined ? undefined : Number(m[5]);
  if (prefix !== undefined && (prefix > 32 || STORAGE_IP_RULES.refusedPrefixes.includes(prefix))) {
    return `has prefix /${prefix}, which Azure Storage refuses: give a /31 or /32 as single addresses`;
  }
  const address = ipv4Number(octets[0], octets[1], octets[2], octets[3]);
  for (const [base, bits] of STORAGE_IP_RULES.privateRanges) {
    const b = base.split('.').map(Number);
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    if ((address & mask) >>> 0 === (ipv4Number(b[0], b[1], b[2], b[3]) & mask) >>> 0) {
      return `is in the private range ${base}/${bits}, which Azure Storage IP rules refuse: reach the account from a private network with StorageNetworkAccess.privateEndpoint`;
    }
  }
  return undefined;
}

/** SE164: the allowed ranges are public IPv4 ranges Azure Storage accepts, none twice, at most 400. */
export function checkStorageNetworkAccess(access: StorageNetworkAccess | undefined): Problems {
  if (access?._kind !== 'ip-ranges') return [];
  const ranges = access._ranges;
  if (Token.isUnresolved(ranges)) return [];
  if (ranges.length === 0) {
    return [
      problem(
        'SE164',
        `storageNetworkAccess: allowedIpRanges ranges is an empty list: nothing could upload assets to the storage account; give your ` +
          `runners' public egress addresses, or use StorageNetworkAccess.privateEndpoint for a runner in your network`,
      ),
    ];
  }
  if (ranges.length > STORAGE_IP_RULES.maxRules) {
    return [
      problem(
        'SE164',
        `storageNetworkAccess allows ${ranges.length} IP ranges: Azure Storage keeps at most ` +
          `${STORAGE_IP_RULES.maxRules}; merge them into wider ranges`,
      ),
    ];
  }
  const seen = new Set<string>();
  for (const [i, rule] of ranges.entries()) {
    if (!isKnown(rule)) continue;
    const why = ipRuleProblem(rule.trim());
    if (why !== undefined) return [problem('SE164', `storageNetworkAccess IP range [${i}] '${rule}' ${why}`)];
    if (seen.has(rule.trim())) {
      return [
        problem('SE164', `storageNetworkAccess IP range '${rule}' is given twice: give each range once`),
      ];
    }
    seen.add(rule.trim());
  }
  return [];
}

/** SE163: the storage options configure the storage account created here, never a brought one. */
export function checkStorageOptionsNeedCreatedAccount(
  broughtStorage: boolean,
  options: { readonly [prop: string]: unknown },
): ConfigurationError[] {
  if (!broughtStorage) return [];
  return Object.entries(options)
    .filter(([, value]) => value !== undefined)
    .map(
      ([prop]) =>
        new ConfigurationError(
          'SE163',
          `${prop} is set with a brought storageAccount: it configures the storage account the workspace ` +
            `creates, and this library does not change a resource it did not create; configure your account ` +
            `yourself and leave ${prop} out, or let the workspace create the account`,
        ),
    );
}

/** The storage account's `blob` private endpoint with its DNS zone group (and zone, unless one is given). */
export function createStoragePrivateEndpoint(
  scope: Construct,
  options: StoragePrivateEndpointOptions,
  target: {
    readonly storageAccountId: string;
    readonly storageAccountName: string;
    readonly resourceGroup: IResourceGroup;
    readonly location: string;
    readonly workspaceName: string;
    /** Tags of the created resources. @default none */
    readonly tags?: { [key: string]: string };
  },
): PrivateEndpoint {
  const { resourceGroup, tags } = target;
  let zoneId = options.privateDnsZoneId;
  if (zoneId === undefined) {
    const zone = new PrivateDnsZone(scope, 'StorageBlobZone', {
      name: BLOB_PRIVATE_DNS_ZONE,
      resourceGroupName: resourceGroup.name,
      tags,
    });
    new PrivateDnsZoneVirtualNetworkLink(scope, 'StorageBlobZoneLink', {
      name: `${target.workspaceName}-blob-link`,
      resourceGroupName: resourceGroup.name,
      privateDnsZoneName: zone.name,
      virtualNetworkId: options.virtualNetwork?.id ?? virtualNetworkIdOf(options.subnet.id),
      registrationEnabled: false,
      tags,
    });
    zoneId = zone.id;
  }
  const name = `${target.workspaceName}-st-blob-pe`;
  return new PrivateEndpoint(scope, 'StorageBlobPrivateEndpoint', {
    name,
    resourceGroupName: resourceGroup.name,
    location: target.location,
    subnetId: options.subnet.id,
    tags,
    privateServiceConnection: {
      name,
      privateConnectionResourceId: target.storageAccountId,
      subresourceNames: ['blob'],
      isManualConnection: false,
    },
    privateDnsZoneGroup: { name: 'default', privateDnsZoneIds: [zoneId] },
  });
}
