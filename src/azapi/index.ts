// The helpers in ./common that turn configs into Terraform attributes stay internal to the bindings.
export type { AzapiBody, AzapiResponseExportValues, AzapiRetry, AzapiTimeouts } from './common';
export * from './provider';
export * from './resource';
export * from './update-resource';
export * from './resource-action';
export * from './data-resource';
