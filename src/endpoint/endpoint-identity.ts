import { ManagedServiceIdentity } from '../arm';
import { fromFactory } from '../checks';
import { defineProps } from '../checks/read';
import { userAssignedIdentityReader } from '../core/readers';
import { AzapiResourceIdentity } from '../azapi';
import { IUserAssignedIdentity } from '../core';

export const ENDPOINT_IDENTITY_USER_ASSIGNED_PARAMS = defineProps<{ identity: IUserAssignedIdentity }>(
  'EndpointIdentity.userAssigned',
  {
    identity: userAssignedIdentityReader(false),
  },
);

/**
 * The identity an endpoint's deployments run as: it pulls the image, reads the model and writes metrics.
 * Immutable after the endpoint is created.
 */
export abstract class EndpointIdentity {
  /**
   * An identity Azure creates with the endpoint. Azure grants it AcrPull, Storage Blob Data Reader and
   * AzureML Metrics Writer itself. The CLI's default.
   */
  public static systemAssigned(): EndpointIdentity {
    return new SystemAssignedEndpointIdentity();
  }

  /**
   * An identity created elsewhere (an azurerm `UserAssignedIdentity`). Azure grants it nothing, so the endpoint
   * creates the role assignments the Azure ML docs require (see docs/endpoint.md) before it is created.
   */
  public static userAssigned(identity: IUserAssignedIdentity): EndpointIdentity {
    return fromFactory(
      ENDPOINT_IDENTITY_USER_ASSIGNED_PARAMS,
      { identity },
      (read) => new UserAssignedEndpointIdentity(read.identity),
      UserAssignedEndpointIdentity.prototype,
    );
  }

  /** The user-assigned identity, when there is one. */
  public abstract readonly userAssignedIdentity: IUserAssignedIdentity | undefined;

  /** The identity as the `identity` block of an `azapi_resource`. @internal */
  public _toAzapiIdentity(): AzapiResourceIdentity {
    const uami = this.userAssignedIdentity;
    return uami === undefined ? { type: 'SystemAssigned' } : { type: 'UserAssigned', identityIds: [uami.id] };
  }

  /** The identity as ARM writes it inside a request body (user-assigned ids map to `{}`). @internal */
  public _toArmIdentity(): ManagedServiceIdentity {
    const uami = this.userAssignedIdentity;
    return uami === undefined
      ? { type: 'SystemAssigned' }
      : { type: 'UserAssigned', userAssignedIdentities: { [uami.id]: {} } };
  }
}

class SystemAssignedEndpointIdentity extends EndpointIdentity {
  public readonly userAssignedIdentity = undefined;
}

class UserAssignedEndpointIdentity extends EndpointIdentity {
  constructor(public readonly userAssignedIdentity: IUserAssignedIdentity) {
    super();
  }
}
