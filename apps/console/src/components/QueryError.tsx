import { Alert } from 'antd';
import { ApiError } from '../api';
import { useI18n } from '../i18n';

/** A failed read: the API's reason and code as it gave them. */
export function QueryError({ error }: { error: Error }) {
  const { t } = useI18n();
  const problem = error instanceof ApiError ? error.problem : undefined;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={problem ? `${t.loadFailed}: ${problem.detail}` : `${t.loadFailed}: ${error.message}`}
      description={problem ? <code>{problem.code}</code> : undefined}
    />
  );
}
