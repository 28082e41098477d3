export * from './app-metrics';
export * from './scrape-handler';
export * from './metrics-listener';
export * from './metrics.module';
