import { IConstruct } from 'constructs';
import { ARM_TYPES, readArmId } from '../checks';
import { EndpointLogDestination } from './endpoint-logs';

/**
 * SE002: the ids of a destination the user chose name resources of the right types (the workspace's own Log
 * Analytics workspace was checked where the workspace was given it). Their plan-time checks go to `scope`.
 */
export function readDestinationIds(scope: IConstruct, destination: EndpointLogDestination): void {
  const optional = { optional: true };
  readArmId(
    scope,
    'logs (Log Analytics workspace)',
    destination.logAnalyticsWorkspaceId,
    ARM_TYPES.LOG_ANALYTICS_WORKSPACE,
    optional,
  );
  readArmId(
    scope,
    'logs (storage account)',
    destination.storageAccountId,
    ARM_TYPES.STORAGE_ACCOUNT,
    optional,
  );
  readArmId(
    scope,
    'logs (event hub authorizationRuleId)',
    destination.eventhubAuthorizationRuleId,
    ARM_TYPES.EVENT_HUB_AUTHORIZATION_RULE,
    optional,
  );
}
