export * from './common';
export * from './provider';
export * from './resource';
export * from './update-resource';
export * from './resource-action';
export * from './data-resource';
