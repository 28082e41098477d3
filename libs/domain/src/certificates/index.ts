export * from './certificate-history';
export * from './certificate-actions';
