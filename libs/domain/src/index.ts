export * from './policy/policy.types';
export * from './case/actor.types';
export * from './chain/canonical-json';
export * from './calendar';
export * from './case';
export * from './deadlines/alarms';
export * from './deadlines/standing';
export * from './supervision';
