import { Construct } from 'constructs';
import { dependable, Fn, Lazy, Token } from 'cdktf';
import { MlApiVersion, OnlineEndpointPutBody, OnlineEndpointTrafficUpdateBody, TrafficMap } from '../arm';
import { AzapiActionWhen, AzapiResourceAction, AzapiUpdateResource } from '../azapi';
import { ConfigurationError, isKnown, problemsOf } from '../checks';
import { MAX_DEPLOYMENTS_PER_ENDPOINT } from '../deployment/deployment-limits';
import { ReplacementTrigger } from '../core/replacement-trigger';
import { DeploymentRegistration, IOnlineDeployment } from './endpoint-ref';

/** The most traffic Azure ML mirrors to shadow deployments, in percent. */
const MAX_MIRROR_PERCENT = 50;

interface Registered {
  readonly deployment: IOnlineDeployment;
  readonly allTraffic: boolean;
}

interface Mirrored {
  /** The name as given (sent to Azure as it is). */
  readonly name: string;
  readonly percent: number;
  /** The deployment object given: it must be a deployment of this endpoint. @default only its name was given */
  readonly deployment?: IOnlineDeployment;
}

/**
 * A deployment name as ARM compares it: without case (`Blue` and `blue` are one deployment of an endpoint). A
 * Terraform expression is compared as it is: it names the same deployment only as the same expression.
 */
export function deploymentKey(name: string): string {
  return isKnown(name) ? name.toLowerCase() : name;
}

/**
 * An endpoint's traffic: the registry of its deployments, the requested split and mirror, and the one resource
 * that writes them after the deployments exist. The endpoint's create body never carries traffic, because traffic
 * may only name deployments that already exist.
 *
 * For an endpoint this stack creates, the writer (`Traffic`) is an `azapi_resource_action` that PUTs the
 * endpoint's whole request, as the code declares it now, with the declared `traffic` and `mirrorTraffic`: the live
 * maps become exactly what the code declares. An `azapi_update_resource` would merge the maps into the live ones,
 * so a removed deployment's key (or a dropped mirror) would stay behind and the next write would name a deployment
 * that no longer exists. It runs only when the maps change: a `terraform_data` (`TrafficMaps`) holds them and
 * replaces the writer when they change, and `ignore_changes` keeps a change of the endpoint's own settings (which
 * the endpoint's own PUT writes, with the live traffic) or of the api-version from re-sending it. A replaced writer
 * is created before the old one goes (`create_before_destroy`), and the old one depended on the deployments, so
 * Terraform runs the new write before it deletes a deployment the code removed: traffic moves away first, the
 * deployment goes after, in one apply. The writer exists as long as the endpoint, also without deployments: an
 * endpoint whose last deployment is removed (parked) gets its traffic emptied by the same writer, with the
 * endpoint's current settings.
 *
 * For an endpoint made elsewhere the request is not known; the writer is an `azapi_update_resource` that merges
 * (this stack may own only some of the endpoint's deployments), created when the first deployment registers.
 * @internal
 */
export class EndpointTraffic {
  /** The deployments of this stack on the endpoint, by `deploymentKey`. */
  private readonly deployments = new Map<string, Registered>();
  /** The mirror shares, by `deploymentKey`. */
  private readonly mirror = new Map<string, Mirrored>();
  private split: TrafficMap | undefined;
  /** The shares of deployments made elsewhere that `routeTraffic` keeps (`{ keep: { blue: 90 } }`). */
  private kept: TrafficMap = {};
  private update: AzapiResourceAction | AzapiUpdateResource | undefined;
  private reset: AzapiResourceAction | undefined;

  constructor(
    private readonly scope: Construct,
    private readonly endpointId: string,
    private readonly apiVersion: MlApiVersion,
    /**
     * The endpoint's own request, re-sent with no traffic when the stack is destroyed; undefined for an endpoint
     * made elsewhere (its request is not known, so nothing is reset).
     */
    private readonly endpointRequest: OnlineEndpointPutBody | undefined,
  ) {
    // A created endpoint's writer and reset live as long as the endpoint: removing its last deployment must not
    // remove them (the reset would then run and the writer would not empty the traffic).
    if (endpointRequest !== undefined) this.createUpdate();
  }

  /** The traffic writer, once a deployment has registered. */
  public get trafficUpdate(): AzapiResourceAction | AzapiUpdateResource | undefined {
    return this.update;
  }

  public register(deployment: IOnlineDeployment, registration: DeploymentRegistration): void {
    const name = deployment.deploymentName;
    const first = this.deployments.get(deploymentKey(name));
    if (first !== undefined) {
      // Azure compares deployment names without case: 'Blue' and 'blue' are one deployment.
      problemsOf(deployment).report(
        'SE212',
        `deployment name '${name}' is used twice on endpoint ${this.scope.node.path} (by ` +
          `${first.deployment.node.path} as '${first.deployment.deploymentName}'): a deployment name is unique ` +
          `per endpoint, whatever its letter case; give the second deployment another deploymentName`,
      );
      return;
    }
    this.deployments.set(deploymentKey(name), { deployment, allTraffic: registration.allTraffic });
    // A created endpoint's writer exists already; an imported endpoint's is created on the first registration.
    const update = this.update ?? this.createUpdate();
    // The writer waits for every deployment, so it never names one that does not exist yet; the reset, for
    // the same reason, runs before any deployment is destroyed.
    for (const resource of [update, this.reset]) {
      if (resource === undefined) continue;
      resource.dependsOn = [...(resource.dependsOn ?? []), dependable(deployment)];
    }
    if (this.deployments.size === MAX_DEPLOYMENTS_PER_ENDPOINT + 1) {
      problemsOf(deployment).report(
        'SE410',
        `deployment '${name}' is deployment ${this.deployments.size} on endpoint ${this.scope.node.path}: Azure ML ` +
          `allows ${MAX_DEPLOYMENTS_PER_ENDPOINT} deployments per endpoint (its quota and limits page), and ` +
          `refuses the next one at apply; remove deployments that take no traffic, or put the others on a ` +
          `second endpoint`,
      );
    }
  }

  public route(split: TrafficMap, keep: TrafficMap = {}): void {
    for (const [name, percent] of [...Object.entries(split), ...Object.entries(keep)]) {
      // A token (a Terraform variable) is not checked: its number stand-in is no percentage.
      if (isKnown(percent) && !isPercent(percent, 100)) {
        problemsOf(this.scope).report(
          'SE213',
          `traffic for deployment '${name}' is ${describe(percent)}: a traffic share is a whole percent from 0 to ` +
            `100; give for example routeTraffic({ blue: 90, green: 10 })`,
        );
      }
    }
    this.split = { ...split };
    this.kept = { ...keep };
  }

  public mirrorTo(deploymentName: string, percent: number, deployment?: IOnlineDeployment): void {
    if (isKnown(percent) && !isPercent(percent, MAX_MIRROR_PERCENT)) {
      problemsOf(this.scope).report(
        'SE205',
        `mirror traffic to '${deploymentName}' is ${describe(percent)} %: Azure ML mirrors a whole percent from ` +
          `0 to ${MAX_MIRROR_PERCENT}; give a smaller share, for example mirrorTraffic(green, 10)`,
      );
      return;
    }
    // 0 % turns mirroring to that deployment off.
    if (percent === 0) this.mirror.delete(deploymentKey(deploymentName));
    else this.mirror.set(deploymentKey(deploymentName), { name: deploymentName, percent, deployment });
  }

  /**
   * The live traffic the update sets: routeTraffic's split, or 100 % to the one `allTraffic` deployment. A
   * deployment whose `allTraffic` is a Terraform expression is decided at plan time: it gets `cond ? 100 : 0`, and
   * the one literal taker, if any, `cond ? 0 : 100` (Azure accepts splits summing to 100 or 0).
   */
  public liveTraffic(): TrafficMap {
    if (this.split !== undefined) return { ...this.kept, ...this.split };
    const registered = [...this.deployments.values()];
    const takers = registered.filter((r) => r.allTraffic === true);
    const deciding = registered.filter((r) => !isKnown(r.allTraffic));
    if (deciding.length === 1 && takers.length <= 1) {
      const cond = deciding[0].allTraffic;
      const shares: Record<string, number> = {
        [deciding[0].deployment.deploymentName]: Token.asNumber(Fn.conditional(cond, 100, 0)),
      };
      if (takers.length === 1) {
        shares[takers[0].deployment.deploymentName] = Token.asNumber(Fn.conditional(cond, 0, 100));
      }
      return shares;
    }
    if (takers.length === 1) return { [takers[0].deployment.deploymentName]: 100 };
    return {};
  }

  /** Every rule the split and mirror break, as errors with codes; empty when the traffic is valid. */
  public problems(): ConfigurationError[] {
    const problems: ConfigurationError[] = [];
    const add = (code: string, message: string): void => {
      problems.push(new ConfigurationError(code, message));
    };
    const takers = [...this.deployments.values()].filter((r) => r.allTraffic === true);
    const deciding = [...this.deployments.values()].filter((r) => !isKnown(r.allTraffic));
    if (this.split === undefined && deciding.length > 1) {
      const names = deciding.map((r) => r.deployment.deploymentName).join(', ');
      add(
        'SE229',
        `deployments ${names} take allTraffic from Terraform expressions: two of them could each ask for 100 % ` +
          `at plan time; give at most one of them an expression, or call endpoint.routeTraffic({ ... }) with ` +
          `number expressions for the shares`,
      );
    }
    if (this.split === undefined && takers.length > 1) {
      const names = takers.map((r) => r.deployment.deploymentName).join(', ');
      add(
        'SE211',
        `deployments ${names} all ask for all traffic: only one deployment can take 100 %; set allTraffic: ` +
          `false on all but one, or call endpoint.routeTraffic({ ... }) with the split you want`,
      );
    }
    const live = this.liveTraffic();
    this.checkSplitNames(add);
    for (const name of Object.keys(this.split ?? live)) this.checkKnown(name, 'traffic', add);
    const shares = Object.values(live);
    const sum = shares.reduce((a, b) => a + b, 0);
    // Sums over tokens mean nothing at synth time (Azure checks them at apply); shares that are not
    // percentages are reported on their own (SE213).
    if (shares.every((share) => isKnown(share) && isPercent(share, 100)) && sum !== 0 && sum !== 100) {
      add(
        'SE203',
        `traffic ${JSON.stringify(live)} sums to ${sum} %: Azure ML accepts a split that sums to 100 (or 0 for ` +
          `no traffic); adjust the percentages in routeTraffic`,
      );
    }
    let mirrored = 0;
    const liveByKey = new Map(Object.entries(live).map(([name, share]) => [deploymentKey(name), share]));
    for (const { name, percent, deployment } of this.mirror.values()) {
      if (deployment !== undefined && !this.owns(deployment)) {
        add(
          'SE452',
          `mirrorTraffic was given deployment ${deployment.node.path} ('${deployment.deploymentName}'), which ` +
            `is not a deployment of endpoint ${this.scope.node.path}: the mirror would copy traffic to this ` +
            `endpoint's deployment of that name, if any; pass a deployment of this endpoint, or call ` +
            `mirrorTraffic on the endpoint the deployment belongs to`,
        );
        continue;
      }
      this.checkKnown(name, 'mirror traffic', add);
      mirrored += isKnown(percent) ? percent : 0;
      const liveShare = liveByKey.get(deploymentKey(name));
      if (liveShare !== undefined && (!isKnown(liveShare) || liveShare > 0)) {
        add(
          'SE206',
          `mirror traffic to '${name}', which takes ${describe(liveShare)} % of the live traffic: a mirror copies ` +
            `live traffic to a shadow deployment; mirror to a deployment with 0 % live traffic instead`,
        );
      }
    }
    if (this.mirror.size > 1) {
      add(
        'SE225',
        `mirror traffic to ${[...this.mirror.values()].map((m) => m.name).join(', ')}: Azure ML mirrors to one ` +
          `deployment only; keep one mirrorTraffic call, or set the others to 0`,
      );
    }
    if (mirrored > MAX_MIRROR_PERCENT) {
      add(
        'SE205',
        `mirror traffic sums to ${mirrored} %: Azure ML mirrors at most ${MAX_MIRROR_PERCENT} %; lower the ` +
          `mirrorTraffic percentages`,
      );
    }
    return problems;
  }

  private checkKnown(name: string, what: string, add: (code: string, message: string) => void): void {
    if (!isKnown(name) || this.deployments.has(deploymentKey(name))) return;
    const known = [...this.deployments.values()].map((r) => r.deployment.deploymentName).join(', ') || 'none';
    add(
      'SE204',
      `${what} names deployment '${name}', which is not a deployment of this endpoint in this stack ` +
        `(deployments: ${known}): traffic may only name existing deployments; add the deployment to the ` +
        `endpoint or fix the name, or, for a deployment made elsewhere, name its share in ` +
        `routeTraffic(split, { keep: { ${name}: <percent> } })`,
    );
  }

  /**
   * The split and the kept shares name each deployment once, without case (SE451), and `keep` names only
   * deployments made elsewhere (SE453): a deployment of this stack takes its share from the split.
   */
  private checkSplitNames(add: (code: string, message: string) => void): void {
    const seen = new Map<string, string>();
    const entries = [
      ...Object.keys(this.split ?? {}).map((name) => ({ name, kept: false })),
      ...Object.keys(this.kept).map((name) => ({ name, kept: true })),
    ];
    for (const { name, kept } of entries) {
      const key = deploymentKey(name);
      const other = seen.get(key);
      if (other !== undefined) {
        add(
          'SE451',
          `traffic names deployment '${name}' twice ('${other}' and '${name}'): Azure compares deployment ` +
            `names without case, so both keys are one deployment; give its share once`,
        );
      }
      seen.set(key, name);
      const own = this.deployments.get(key);
      if (kept && own !== undefined) {
        add(
          'SE453',
          `routeTraffic keeps '${name}', which is deployment ${own.deployment.node.path} of this stack: keep ` +
            `is for deployments made elsewhere on the endpoint; give its share in the split instead`,
        );
      }
    }
  }

  /** Whether `deployment` is the object registered here under its name. */
  private owns(deployment: IOnlineDeployment): boolean {
    return this.deployments.get(deploymentKey(deployment.deploymentName))?.deployment === deployment;
  }

  private maps(): OnlineEndpointTrafficUpdateBody['properties'] {
    // Never throws: Terraform values are resolved before validation runs, and a throw here would hide every
    // other problem behind a resolution error. Validation (the endpoint's rule) reports what is wrong with it.
    const mirrorTraffic = Object.fromEntries([...this.mirror.values()].map((m) => [m.name, m.percent]));
    return { traffic: this.liveTraffic(), mirrorTraffic };
  }

  /** The endpoint's whole request with the given traffic and mirror maps. */
  private request(
    request: OnlineEndpointPutBody,
    maps: OnlineEndpointTrafficUpdateBody['properties'],
  ): OnlineEndpointPutBody {
    return { ...request, properties: { ...request.properties, ...maps } };
  }

  private createUpdate(): AzapiResourceAction | AzapiUpdateResource {
    const type = this.apiVersion.resourceType('workspaces/onlineEndpoints');
    // The same lock the endpoint's deployments hold: one operation at a time per endpoint.
    const locks = [this.endpointId];
    const request = this.endpointRequest;
    const traffic = Token.asNumberMap(Lazy.anyValue({ produce: () => this.maps().traffic }));
    const mirrorTraffic = Token.asNumberMap(Lazy.anyValue({ produce: () => this.maps().mirrorTraffic }));
    if (request === undefined) {
      this.update = new AzapiUpdateResource(this.scope, 'Traffic', {
        type,
        resourceId: this.endpointId,
        body: Lazy.anyValue({
          produce: (): OnlineEndpointTrafficUpdateBody => ({ properties: this.maps() }),
        }),
        locks,
      });
      return this.update;
    }
    // What the writer's effect depends on: the maps, nothing else.
    const maps = new ReplacementTrigger(this.scope, 'TrafficMaps', { traffic, mirrorTraffic });
    maps.lifecycle = { createBeforeDestroy: true };
    this.update = new AzapiResourceAction(this.scope, 'Traffic', {
      type,
      resourceId: this.endpointId,
      method: 'PUT',
      // The maps are lazy, not the body: an override of another request property (a layout that takes public
      // network access from a variable) needs a plain object to merge into.
      body: this.request(request, { traffic, mirrorTraffic }),
      locks,
      lifecycle: {
        createBeforeDestroy: true,
        // A dependable renders as the address, which replace_triggered_by needs (not an interpolation).
        replaceTriggeredBy: [dependable(maps)],
        // Runs when created: with the endpoint, and when the maps change (a replacement). A change of the
        // endpoint's settings alone is the endpoint's own PUT; an api-version switch changes nothing it does.
        // Created anew, it sends the request as the code declares it then, never what it was created with.
        ignoreChanges: ['body', 'type'],
      },
    });
    // Deleting a deployment that still takes traffic can be refused by Azure ML, which would stop a destroy
    // half-way. On destroy, Terraform removes this action before the deployments it depends on: it sends the
    // endpoint back with no traffic first. At create and update it does nothing. It lives as long as the
    // endpoint (parking an endpoint goes through the writer above), so it only ever writes to an endpoint that
    // is deleted in the same apply.
    this.reset = new AzapiResourceAction(this.scope, 'TrafficResetOnDestroy', {
      type,
      resourceId: this.endpointId,
      method: 'PUT',
      body: resetRequest(request),
      when: AzapiActionWhen.DESTROY,
      locks,
      // azapi 2.12 cannot update a destroy-time action (its output stays unknown after apply, which Terraform
      // refuses), so neither a change of the endpoint nor an api-version switch may update it. What it keeps
      // holds no setting a user changes: see resetRequest.
      lifecycle: { ignoreChanges: ['body', 'type'] },
    });
    return this.update;
  }

  /** The action that empties the traffic when the endpoint is destroyed (an endpoint this stack creates). */
  public get trafficReset(): AzapiResourceAction | undefined {
    return this.reset;
  }
}

/**
 * The request the destroy-time reset sends: what a PUT requires (location, the identity Azure fixed at creation,
 * the auth mode) with public network access `Disabled` and no traffic. It is sent only to an endpoint that is
 * being deleted in the same apply, and is kept from creation (a destroy-time action cannot be updated): so it
 * carries no description or tags, and fails closed. Should the endpoint's deletion then fail, the endpoint is
 * left private and serving nothing, never reopened to public networks by a value from the past.
 */
function resetRequest(request: OnlineEndpointPutBody): OnlineEndpointPutBody {
  return {
    location: request.location,
    identity: request.identity,
    kind: request.kind,
    properties: {
      authMode: request.properties.authMode,
      publicNetworkAccess: 'Disabled',
      traffic: {},
      mirrorTraffic: {},
    },
  };
}

/** A whole number from 0 to `max` (not text that looks like one). */
function isPercent(value: unknown, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}

/** A value as the user wrote it: text quoted, so that '100' is not read as 100. */
function describe(value: unknown): string {
  return typeof value === 'string' ? `the text '${value}'` : String(value);
}
