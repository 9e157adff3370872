# A Terraform configuration that uses the synthesized module (`npm run synth:module`) twice with for_each: one
# secured workspace and private endpoint per team, sharing one network and its private DNS zones.
# From this folder: terraform init && terraform plan (with Azure credentials in ARM_* variables).

terraform {
  required_version = ">= 1.11"
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 4.55" }
    azapi   = { source = "Azure/azapi", version = "~> 2.12" }
  }
}

provider "azurerm" {
  features {}
}

provider "azapi" {}

locals {
  teams = {
    fraud   = { workspace_name = "mlw-fraud", endpoint_name = "endpt-fraud-1", instance_count = 1 }
    pricing = { workspace_name = "mlw-pricing", endpoint_name = "endpt-pricing-1", instance_count = 2 }
  }
}

resource "azurerm_resource_group" "ml" {
  name     = "rg-ml-teams"
  location = "westeurope"
}

resource "azurerm_virtual_network" "clients" {
  name                = "vnet-ml-clients"
  resource_group_name = azurerm_resource_group.ml.name
  location            = azurerm_resource_group.ml.location
  address_space       = ["10.0.0.0/16"]
}

resource "azurerm_subnet" "private_endpoints" {
  name                 = "snet-private-endpoints"
  resource_group_name  = azurerm_resource_group.ml.name
  virtual_network_name = azurerm_virtual_network.clients.name
  address_prefixes     = ["10.0.1.0/24"]
}

# The workspace private DNS zones exist once per network; every module instance registers its records in them.
resource "azurerm_private_dns_zone" "workspace" {
  for_each            = toset(["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"])
  name                = each.value
  resource_group_name = azurerm_resource_group.ml.name
}

resource "azurerm_private_dns_zone_virtual_network_link" "workspace" {
  for_each              = azurerm_private_dns_zone.workspace
  name                  = "vnet-ml-clients-link"
  resource_group_name   = azurerm_resource_group.ml.name
  private_dns_zone_name = each.value.name
  virtual_network_id    = azurerm_virtual_network.clients.id
}

module "secure_endpoint" {
  source   = "../../cdktf.out.module/stacks/secure-endpoint"
  for_each = local.teams

  resource_group_name        = azurerm_resource_group.ml.name
  location                   = azurerm_resource_group.ml.location
  workspace_name             = each.value.workspace_name
  endpoint_name              = each.value.endpoint_name
  instance_count             = each.value.instance_count
  private_endpoint_subnet_id = azurerm_subnet.private_endpoints.id
  private_dns_zone_ids       = [for zone in azurerm_private_dns_zone.workspace : zone.id]

  depends_on = [azurerm_private_dns_zone_virtual_network_link.workspace]
}

output "scoring_uris" {
  value = { for team, m in module.secure_endpoint : team => m.scoring_uri }
}
