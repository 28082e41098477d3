// What is waiting for a person on a case: the steps they may take now that
// move it on, each with the deadline it answers to. Actions always open to
// someone while a case runs (custody, extension, suspension, recusal,
// proposing a transfer, testing or appraisal, recording a challenge, sending
// a reported case back for further investigation, attaching auxiliary staff,
// evidence after the report; during execution a payment plan, which waits
// for the party's application, the end of execution, and the court's
// ruling) are not waiting for anyone.

import type { ActorSnapshot } from './actor.types';
import { allowedActions, type AllowedActionsOptions } from './allowed-actions';
import type { CaseCommand } from './case-commands';
import type { CaseState } from './case-state';
import type { ActionName } from './command-table';
import { gate } from './gate';
import type { DeadlineKind } from './vocabulary';

const DECISION_DISCUSSION = { type: 'RECORD_COLLECTIVE_DISCUSSION', purpose: 'DECISION' } as CaseCommand;

const ALWAYS_OPEN: readonly ActionName[] = [
  'evidence-custody',
  'extension',
  'suspension',
  'recusal',
  'criminal-transfer',
  'suspected-crime',
  'examination',
  'examination/result',
  'challenges',
  'investigation-reopening',
  'major-case',
  'hearing-end',
  // Coercive measures are taken when the investigation needs them; an extension or testing time is the head's or officers' choice.
  'preservations',
  'seizures',
  'seizures/extension',
  'seizures/testing',
  'payment-plan',
  'execution-end',
  'enforcement/ruling',
  'auxiliary',
  // The police may forward a transfer or ask for material (R310 7); nothing waits for either, and a return is theirs to choose.
  'criminal-transfer/forward',
  'criminal-transfer/material-request',
  'criminal-transfer/police-return',
];

/** The deadline a step answers to; steps before the decision answer to the decision limit. */
const STEP_DEADLINE: Partial<Record<ActionName, DeadlineKind>> = {
  filing: 'filingDecision',
  'case-review': 'caseReview',
  'hearing-request': 'hearingRequest',
  'hearing-waiver': 'hearingRequest',
  defence: 'defence',
  service: 'service',
  payments: 'payment',
  'enforcement/court': 'courtEnforcement',
  closure: 'closure',
  'simple-report': 'simpleReport',
  // The named reviewer answers to the review's own limit; the head reassigns a review that missed it.
  'legal-review': 'legalReview',
  'legal-review-assignment': 'legalReview',
  // A preserved item is decided on within 7 WD (APL 56); a seizure ends by its period (ACL 25).
  'preservations/decision': 'evidencePreservation',
  'seizures/end': 'seizure',
  // The police answer the transfer dispatched to them (R310 8).
  'criminal-transfer/police-decision': 'policeFilingDecision',
  'criminal-transfer/material-supply': 'transferMaterialSupply',
  'criminal-transfer/handover': 'transferHandover',
  // R310 7's 24 hours after receipt; the procuratorate's and the police's 7-day steps of filing supervision.
  'criminal-transfer/intake-review': 'policeIntakeReview',
  'criminal-transfer/explanation-request': 'supervisionExplanationRequest',
  'criminal-transfer/explanation': 'policeNonFilingExplanation',
};
/** A step several parties take in turn answers to the limit of the one it waits for now. */
function stepDeadline(state: CaseState, action: ActionName): DeadlineKind | undefined {
  // The police answer a reconsideration (R310 9); before it is asked, the officers answer to its request limit.
  if (action === 'criminal-transfer/reconsideration') {
    return state.status === 'TRANSFER_RECONSIDERATION_REQUESTED' ? 'transferReconsiderationAnswer' : 'transferReconsiderationRequest';
  }
  // Once supervision is asked, the procuratorate's resolution answers to its 7 days while they run (met by asking for the explanation).
  if (action === 'criminal-transfer/supervision' && state.status === 'TRANSFER_SUPERVISION_REQUESTED') return 'supervisionExplanationRequest';
  return STEP_DEADLINE[action];
}
const BEFORE_DECISION: readonly ActionName[] = [
  'evidence',
  'investigation-report',
  'case-review',
  'notice-approval',
  'notice',
  'hearing',
  'legal-review-request',
  'legal-review',
  'collective-discussion',
  'decision',
];

export interface CaseTask {
  action: ActionName;
  /** The deadline it answers to, when one is running. */
  deadline?: DeadlineKind;
  dueAt?: string;
  source?: string;
}

export function tasksFor(state: CaseState, actor: ActorSnapshot, opts: AllowedActionsOptions = {}): CaseTask[] {
  return allowedActions(state, actor, opts)
    .filter((action) => !ALWAYS_OPEN.includes(action))
    // Evidence waits for the officers while they investigate; after the report it may come, nothing waits for it.
    .filter((action) => action !== 'evidence' || state.status === 'FILED' || state.status === 'LEAD_REGISTERED')
    // A discussion to authorise an extension is always open; only one before the decision waits for the heads.
    .filter((action) => action !== 'collective-discussion' || gate(state, DECISION_DISCUSSION, actor, opts) === null)
    // The head may reassign a pending review at any time; it waits for them once the review is overdue.
    .filter((action) => action !== 'legal-review-assignment' || state.deadlines.legalReview?.state === 'MISSED')
    .map((action) => {
      // A review requested before reviewers were named has no limit of its own: it answers to the decision limit.
      const own = stepDeadline(state, action);
      const kind = (own && state.deadlines[own] ? own : undefined) ?? (BEFORE_DECISION.includes(action) ? 'decision' : own);
      const d = kind ? state.deadlines[kind] : undefined;
      return d && (d.state === 'OPEN' || d.state === 'MISSED') ? { action, deadline: d.kind, dueAt: d.dueAt, source: d.basis.source } : { action };
    });
}
