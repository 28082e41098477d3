import type { BodyProblem } from '@zhifa/domain';
import { fieldProblem, ProblemException } from '../common/problem';

/** Refuses a request naming bodies the register does not hold (400, field-level, the first problem's code); nothing to refuse, nothing thrown. */
export function refuseBodies(problems: readonly BodyProblem[]): void {
  if (problems.length === 0) return;
  throw new ProblemException(
    400,
    problems[0].code,
    { en: problems.map((p) => p.en).join('; '), zh: problems.map((p) => p.zh).join('；') },
    { errors: problems.map((p) => fieldProblem(p.field, { en: p.en, zh: p.zh })) },
  );
}
