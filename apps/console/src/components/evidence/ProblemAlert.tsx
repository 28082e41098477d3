import { Alert } from 'antd';
import type { Problem } from '../../api';
import { useEvidenceMessages } from './messages';

/** A refused command: the problem's title, detail and code, and the field errors no form field shows. */
export function ProblemAlert({ problem, other, testId }: { problem: Problem; other: { field: string; message: string }[]; testId: string }) {
  const m = useEvidenceMessages();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid={testId}
      data-code={problem.code}
      style={{ marginBottom: 16 }}
      title={`${m.refused}: ${problem.title}`}
      description={
        <>
          <div>{problem.detail}</div>
          <div>
            <code>{problem.code}</code>
          </div>
          {other.length > 0 && (
            <div>
              {m.otherErrors}:{' '}
              {other.map((e) => (
                <span key={e.field + e.message}>
                  <code>{e.field}</code> {e.message}{' '}
                </span>
              ))}
            </div>
          )}
        </>
      }
    />
  );
}
