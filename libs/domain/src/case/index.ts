// The case lifecycle rules: pure, deterministic, safe in Temporal's workflow sandbox.
export * from './actor.types';
export * from './case-state';
export * from './case-commands';
export * from './case-events';
export * from './rejection';
export * from './actions';
export * from './allowed-actions';
export * from './decide';
export * from './evolve';
export {
  ARMED_DEADLINE_KINDS,
  DEADLINE_OWNER,
  EXTENSION_PERIOD,
  deriveFlags,
  effectivePeriod,
} from './deadlines';
export { preDecisionRequirements, type PreDecisionRequirement } from './rules/pre-decision';
export { assessPenalty, amountDue, checkSimplePenalty, heavierThan, meetsThreshold } from './rules/penalty';
export { certificateOn, checkNamedOfficers, investigatorIds, isInvestigator } from './rules/people';
export { deemedServedAt, PUBLIC_NOTICE_DAYS } from './rules/service';
export { limitationCheck, addYears } from './rules/limitation';
export { COMMAND_RULES, INVESTIGATING, PRE_DECISION, TRANSFER_STATUSES, gate, type CommandRule } from './rules/transitions';
export * from './read-access';
