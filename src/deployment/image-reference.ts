/**
 * The grammar of a container image reference, as docker and Azure ML's image build read it: the distribution
 * project's reference grammar (github.com/distribution/reference, `reference.go` and `regexp.go`):
 *
 *   reference      := name [ ":" tag ] [ "@" digest ]
 *   name           := [domain '/'] remote-name
 *   domain         := host [':' port-number]
 *   host           := domain-name | IPv4address | '[' IPv6address ']'
 *   domain-name    := domain-component ['.' domain-component]*
 *   domain-component := /([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])/
 *   remote-name    := path-component ['/' path-component]*
 *   path-component := alpha-numeric [separator alpha-numeric]*
 *   alpha-numeric  := /[a-z0-9]+/
 *   separator      := /[_.]|__|[-]+/
 *   tag            := /[\w][\w.-]{0,127}/
 *   digest         := algorithm ":" hex, algorithm := /[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*\/,
 *                     hex := /[0-9a-fA-F]{32,}/
 *
 * and a name is at most 255 characters. The first component is the registry only when it has a `.` or a `:`,
 * or is `localhost` (`splitDockerDomain`); otherwise it is part of the repository.
 */

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const HOST = `(?:${DOMAIN_NAME}|${IPV6})`;
const DOMAIN = new RegExp(`^${HOST}(?::[0-9]+)?$`);
const PATH_COMPONENT = new RegExp('^[a-z0-9]+(?:(?:[_.]|__|[-]+)[a-z0-9]+)*$');
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const MAX_NAME_LENGTH = 255;

/** The parts of a reference. */
export interface ImageReference {
  /** The registry host (and port). @default none: Docker Hub */
  readonly domain?: string;
  /** The repository path. */
  readonly path: string;
  /** The tag. @default none */
  readonly tag?: string;
  /** The digest (`sha256:...`). @default none */
  readonly digest?: string;
}

/** Reads `text` as an image reference: its parts, or why it is not one (for a message after the reference). */
export function parseImageReference(text: string): ImageReference | { readonly problem: string } {
  if (text === '') return { problem: 'it is empty' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return { problem: 'a reference has no scheme (https://)' };
  if (/\s/.test(text)) return { problem: 'a reference has no spaces' };
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest))
      return { problem: `'@${digest}' is not a digest such as '@sha256:<64 hex digits>'` };
  }
  let tag: string | undefined;
  const lastColon = rest.lastIndexOf(':');
  if (lastColon > rest.lastIndexOf('/')) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!TAG.test(tag)) {
      return {
        problem: `tag '${tag}' is not 1 to 128 letters, digits, '_', '.' and '-' (not starting with '.' or '-')`,
      };
    }
  }
  if (rest.length > MAX_NAME_LENGTH)
    return { problem: `the name is longer than ${MAX_NAME_LENGTH} characters` };
  const components = rest.split('/');
  const first = components[0];
  const hasDomain =
    components.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const domain = hasDomain ? components.shift() : undefined;
  if (domain !== undefined && !DOMAIN.test(domain)) {
    return { problem: `'${domain}' is not a registry host name (with an optional port)` };
  }
  for (const component of components) {
    if (!PATH_COMPONENT.test(component)) {
      return {
        problem:
          component === ''
            ? 'the repository has an empty path component'
            : `repository path component '${component}' is not lower-case letters and digits joined by '.', '_', '__' or dashes`,
      };
    }
  }
  return { domain, path: components.join('/'), tag, digest };
}
