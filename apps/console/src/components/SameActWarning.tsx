import { Alert } from 'antd';
import type { CaseView } from '../api';
import { valueLabel } from '../commands/field-labels';
import { yuan } from '../format';
import { defineMessages, useI18n } from '../i18n';
import { statusLabel } from '../labels';

type SameActCase = NonNullable<CaseView['sameActCases']>[number];

/** APL 29 (一事不二罚): the other open or decided cases against the same party for the same violation, as a warning. */
export function SameActWarning({ cases, testId = 'same-act-warning' }: { cases: SameActCase[] | undefined; testId?: string }) {
  const { lang } = useI18n();
  const m = useMessages();
  if (!cases || cases.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid={testId}
      style={{ marginBottom: 16 }}
      title={m.title}
      description={
        <>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {cases.map((c) => (
              <li key={c.caseId} data-testid="same-act-case">
                {c.caseNumber} · {statusLabel(c.status, lang)}
                {c.outcome ? ` · ${valueLabel(c.outcome, lang)}` : ''}
                {c.fineAmount !== undefined ? ` · ${m.fine} ${yuan(c.fineAmount)}` : ''}
                {c.revoked ? ` · ${m.revoked}` : ''}
              </li>
            ))}
          </ul>
          <div>{m.rule}</div>
        </>
      }
    />
  );
}

const useMessages = defineMessages({
  zh: {
    title: '同一当事人的同一违法行为另有案件（一事不二罚）',
    fine: '罚款',
    revoked: '决定已撤销',
    rule: '对当事人的同一个违法行为，不得给予两次以上罚款（《行政处罚法》第二十九条）。再次罚款须在处罚决定中说明理由。',
  },
  en: {
    title: 'Other cases against the same party for the same violation (one fine per act)',
    fine: 'fine',
    revoked: 'decision revoked',
    rule: 'One act may not be fined twice (APL 29). A second fine must state its reasons in the decision.',
  },
});
