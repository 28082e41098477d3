import { Alert } from 'antd';
import { ApiError, type Problem } from '../api';

/** A failed request as a problem: the API's own, or the transport error in its place. */
export const asProblem = (err: Error): Problem => (err instanceof ApiError && err.problem ? err.problem : ({ code: 'HTTP', detail: err.message } as Problem));

/** A refusal with its detail and each field's problem. */
export function ProblemAlert({ problem, label, testId }: { problem: Problem; label: string; testId?: string }) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={`${label}: ${problem.detail}`}
      description={
        problem.errors?.length ? (
          <ul data-testid={testId}>
            {problem.errors.map((e, i) => (
              <li key={`${e.field}-${i}`}>
                <code>{e.field}</code> {e.message}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
