export * from './archive-format';
export * from './signing-keys';
export * from './file-hash';
export * from './package-writer';
export * from './package-verifier';
export * from './archive-contents';
export * from './agency-keys';
