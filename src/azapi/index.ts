// The helpers in ./common that turn configs into Terraform attributes, and ./readers, stay internal to the bindings.
export type { AzapiBody, AzapiResponseExportValues, AzapiRetry, AzapiTimeouts } from './common';
export * from './provider';
export * from './resource-base';
export * from './resource';
export * from './update-resource';
export * from './resource-action';
export * from './data-resource';
