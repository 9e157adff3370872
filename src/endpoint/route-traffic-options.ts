import { defineProps } from '../checks/read';
import { trafficSplitReader } from '../core/readers';

/** How `routeTraffic` treats deployments of the endpoint that this stack does not own. */
export interface RouteTrafficOptions {
  /**
   * The shares of deployments that exist on the endpoint but are not made by this stack (another team's or
   * another stack's `blue`, on an endpoint imported with `SecureOnlineEndpoint.fromEndpointAttributes`), written
   * with the split: `routeTraffic({ green: 10 }, { keep: { blue: 90 } })` is the safe-rollout canary on an
   * endpoint made elsewhere. The shares of the split and of `keep` together sum to 100 (or 0). The library
   * cannot see deployments made elsewhere: a name here that does not exist on the endpoint fails at apply. A
   * deployment of this stack is refused here (SE453): its share belongs in the split.
   * @default {} (the split names only this stack's deployments)
   */
  readonly keep?: { [deploymentName: string]: number };
}

/** How `RouteTrafficOptions` are read (imported for its value, so the schema is defined before it is used). */
export const ROUTE_TRAFFIC_OPTIONS = defineProps<RouteTrafficOptions>('RouteTrafficOptions', {
  keep: trafficSplitReader(true),
});
