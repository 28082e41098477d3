export * from './case-workflow.contract';
export * from './case-activities.contract';
export * from './case-events.topic';
export * from './job-queues';
