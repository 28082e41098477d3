// The automated case-file evaluation (案卷评查): the documented checklist
// (evaluation-checks.ts) run over one case's chain, with a score and a grade
// for the supervisor's annual report. The score is the share of applicable
// checks passed; the grade is zhifa's stated scale (docs/supervision.md), not
// a national one: 优秀 at 90 or more with no failed check, 合格 at 60 or more,
// else 不合格.

import type { Message } from '../case/messages';
import { EVALUATION_CHECKS, type CheckResult, type EvaluationInput } from './evaluation-checks';

export { EVALUATION_CHECKS, type ArchiveCheckInput, type CertificateLookup, type EvaluatedEvent, type EvaluationInput, type CheckResult } from './evaluation-checks';

export type EvaluationGrade = 'EXCELLENT' | 'PASS' | 'FAIL';

export interface EvaluatedCheck {
  id: string;
  title: Message;
  source: string;
  result: CheckResult;
  detail: Message;
  seq?: number;
}

export interface CaseEvaluation {
  caseId: string;
  caseNumber: string;
  status: string;
  checks: EvaluatedCheck[];
  passed: number;
  failed: number;
  applicable: number;
  /** Passed applicable checks, in percent, rounded down; 100 when none applies. */
  score: number;
  grade: EvaluationGrade;
}

export function evaluateCase(input: EvaluationInput): CaseEvaluation {
  const checks = EVALUATION_CHECKS.map((c): EvaluatedCheck => ({ id: c.id, title: c.title, source: c.source, ...c.run(input) }));
  const passed = checks.filter((c) => c.result === 'PASS').length;
  const failed = checks.filter((c) => c.result === 'FAIL').length;
  const applicable = passed + failed;
  const score = applicable === 0 ? 100 : Math.floor((passed * 100) / applicable);
  const grade: EvaluationGrade = score >= 90 && failed === 0 ? 'EXCELLENT' : score >= 60 ? 'PASS' : 'FAIL';
  return { caseId: input.state.caseId, caseNumber: input.state.caseNumber, status: input.state.status, checks, passed, failed, applicable, score, grade };
}
