export * from './case-workflow.contract';
export * from './case-activities.contract';
