import { IConstruct } from 'constructs';
import { EndpointLogDestination, readDestinationIds as readIds } from '../core/log-destinations';

/** SE002: the ids of the endpoint's chosen destination name resources of the right types (see the core reader). */
export function readDestinationIds(scope: IConstruct, destination: EndpointLogDestination): void {
  readIds(scope, 'logs', destination);
}
