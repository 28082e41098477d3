export * from './entities';
export * from './data-source';
export * from './repositories/case-event.store';
export * from './module/persistence.module';
export * from './migrate';
