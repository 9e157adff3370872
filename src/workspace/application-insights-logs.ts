import { Construct, IConstruct } from 'constructs';
import { Fn, Token } from 'cdktf';
import { DataAzapiResource } from '../azapi';
import { shown } from '../checks';

/** The api-version of `Microsoft.Insights/components` read for its Log Analytics workspace. */
export const APPLICATION_INSIGHTS_API_VERSION = '2020-02-02';

/**
 * The Log Analytics workspace behind an Application Insights component, read at plan time (one GET with an
 * `azapi_resource` data source, construct id `id`): for workspaces whose Application Insights is known only by its
 * id (an imported workspace, a brought `{ id }`). The plan stops with SE320's advice when the component has no
 * Log Analytics workspace (a classic one) or the workspace has no Application Insights.
 */
export function readLogAnalyticsWorkspaceId(
  scope: Construct,
  id: string,
  applicationInsightsId: string,
  workspaceName: string,
): string {
  const component = new DataAzapiResource(scope, id, {
    type: `Microsoft.Insights/components@${APPLICATION_INSIGHTS_API_VERSION}`,
    resourceId: applicationInsightsId,
    responseExportValues: { logAnalyticsWorkspaceId: 'properties.WorkspaceResourceId' },
    lifecycle: {
      precondition: [
        {
          condition: Token.asString(
            Fn.can(Fn.regex('(?i)/providers/Microsoft[.]Insights/components/', applicationInsightsId)),
          ),
          errorMessage:
            `SE320: workspace '${workspaceName}' has no Application Insights component, so its online endpoints ` +
            `have no default Log Analytics workspace for their logs: give logAnalyticsWorkspaceId, or each ` +
            `endpoint logs: EndpointLogs.toLogAnalytics(...) (or EndpointLogs.disabled()).`,
        },
      ],
      postcondition: [
        {
          condition: '${try(self.output.logAnalyticsWorkspaceId, "") != ""}',
          errorMessage:
            `SE320: the Application Insights component of workspace '${workspaceName}' is not workspace-based ` +
            `(classic): it has no Log Analytics workspace for the online endpoints' logs; give ` +
            `logAnalyticsWorkspaceId, or each endpoint logs: EndpointLogs.toLogAnalytics(...) (or ` +
            `EndpointLogs.disabled()).`,
        },
      ],
    },
  });
  return component.outputString('logAnalyticsWorkspaceId');
}

/**
 * A blob endpoint with exactly one trailing slash, as URIs are built from it (`<endpoint><container>/...`):
 * `https://st.blob.core.windows.net` and `.../` give the same. An expression is normalised by Terraform
 * (`trimsuffix`), which gives the same value for an endpoint that already ends in `/`.
 */
export function blobEndpointWithSlash(scope: IConstruct, endpoint: string): string {
  if (!Token.isUnresolved(endpoint)) return `${endpoint.replace(/\/+$/, '')}/`;
  // azurerm's primary_blob_endpoint always ends in '/': used as it is.
  if (
    /^\$\{(data\.)?azurerm_storage_account\.[^.}]+\.primary_blob_endpoint\}$/.test(shown(scope, endpoint))
  ) {
    return endpoint;
  }
  return `${Fn.trimsuffix(endpoint, '/')}/`;
}
