/**
 * The grammar of a service-tag rule's `addressPrefixes`: IP addresses and CIDR ranges, as network security rules
 * take them ("address prefixes" of `Microsoft.Network` security rules: an IPv4 or IPv6 address, or a range in CIDR
 * notation). Host names are not address prefixes: a rule given one is refused when the managed network is
 * provisioned, and the FQDN rule is the rule for a host name.
 */

const IPV4_OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${IPV4_OCTET}(?:\\.${IPV4_OCTET}){3}$`);
const IPV6_GROUP = /^[0-9a-f]{1,4}$/i;

/** Whether `text` is an IPv6 address (full, `::`-compressed, or ending in an IPv4 address). */
function isIpv6(text: string): boolean {
  if (!text.includes(':')) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const all = [...groups(halves[0]), ...(halves.length === 2 ? groups(halves[1]) : [])];
  const last = all[all.length - 1] ?? '';
  const embeddedV4 = IPV4.test(last);
  const hex = embeddedV4 ? all.slice(0, -1) : all;
  if (!hex.every((g) => IPV6_GROUP.test(g))) return false;
  const count = hex.length + (embeddedV4 ? 2 : 0);
  return halves.length === 2 ? count < 8 : count === 8;
}

/** Why `prefix` is not an IP address or CIDR range, or undefined when it is one. */
export function addressPrefixProblem(prefix: string): string | undefined {
  const [address, length, ...extra] = prefix.trim().split('/');
  if (extra.length > 0) return 'it has more than one /';
  const v4 = IPV4.test(address);
  const v6 = !v4 && isIpv6(address);
  if (!v4 && !v6) {
    return /[a-z]/i.test(address) && !address.includes(':')
      ? 'it is a host name, not an address: use an FQDN rule for a host name'
      : 'it is not an IPv4 or IPv6 address';
  }
  if (length === undefined) return undefined;
  const max = v4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(length) || Number(length) > max)
    return `the prefix length /${length} is not 0 to ${max}`;
  return undefined;
}
