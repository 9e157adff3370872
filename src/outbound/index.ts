export * from './private-endpoint-target';
export * from './outbound-rule-base';
export * from './fqdn-rule';
export * from './service-tag-rule';
export * from './private-endpoint-rule';
export * from './service-tag-protocol';
export * from './outbound-rule-destination';
export { ServiceTag } from './service-tag';
