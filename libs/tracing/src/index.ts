export * from './tracing';
export * from './trace-carrier';
export * from './tracing.module';
