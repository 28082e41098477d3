export * from './entities';
export * from './data-source';
export * from './repositories';
export * from './projections/case.projection';
export * from './module/persistence.module';
export * from './migrate';
export * from './files/evidence.store';
