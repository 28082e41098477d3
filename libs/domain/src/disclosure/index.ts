export * from './redaction';
export * from './publication';
export * from './agency-disclosure';
export { disclosurePlan, DISCLOSURE_DEADLINES, type DisclosurePlan } from '../case/stages/disclosure';
