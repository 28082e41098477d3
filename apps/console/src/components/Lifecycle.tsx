import { Alert, Steps } from 'antd';
import type { CaseView } from '../api';
import { useI18n } from '../i18n';
import { statusLabel } from '../labels';

type Status = CaseView['status'];

/** Where an ordinary case stands on the lawful path (domain spec §2), step by step. */
const ORDINARY: { zh: string; en: string; at: readonly Status[] }[] = [
  { zh: '线索登记', en: 'Lead', at: ['LEAD_REGISTERED'] },
  { zh: '立案调查', en: 'Filed', at: ['FILED'] },
  { zh: '调查终结', en: 'Report', at: ['INVESTIGATION_REPORTED'] },
  { zh: '审核', en: 'Review', at: ['CASE_REVIEWED'] },
  { zh: '告知', en: 'Notice', at: ['NOTICE_SERVED'] },
  { zh: '陈述申辩与听证', en: 'Defence and hearing', at: ['DEFENCE_RECORDED', 'HEARING_REQUESTED', 'HEARING_SCHEDULED', 'HEARING_HELD'] },
  { zh: '法制审核', en: 'Legal review', at: ['LEGAL_REVIEW_PENDING', 'LEGAL_REVIEW_PASSED'] },
  { zh: '集体讨论', en: 'Collective discussion', at: ['COLLECTIVE_DISCUSSED'] },
  { zh: '决定', en: 'Decision', at: ['DECIDED'] },
  { zh: '送达', en: 'Service', at: ['SERVED'] },
  { zh: '执行', en: 'Execution', at: ['EXECUTED'] },
  { zh: '结案', en: 'Closed', at: ['CLOSED'] },
  { zh: '归档', en: 'Archived', at: ['ARCHIVING', 'ARCHIVED'] },
];

/** The simple procedure (当场处罚): decided and served on the spot. */
const SIMPLE: typeof ORDINARY = [
  { zh: '线索登记', en: 'Lead', at: ['LEAD_REGISTERED'] },
  { zh: '当场处罚并送达', en: 'Decided on the spot', at: ['SERVED'] },
  { zh: '执行', en: 'Execution', at: ['EXECUTED'] },
  { zh: '结案', en: 'Closed', at: ['CLOSED'] },
  { zh: '归档', en: 'Archived', at: ['ARCHIVING', 'ARCHIVED'] },
];

/** The case's place on its procedure's path; a case off the path (suspended, transferred, declined, terminated) says so instead. */
export function Lifecycle({ c }: { c: CaseView }) {
  const { lang } = useI18n();
  const steps = c.procedure === 'SIMPLE' ? SIMPLE : ORDINARY;
  const current = steps.findIndex((s) => s.at.includes(c.status));
  if (current < 0) {
    return (
      <Alert
        data-testid="lifecycle-branch"
        type="warning"
        showIcon
        style={{ marginBottom: 24 }}
        message={lang === 'zh' ? `案件不在常规办理流程中：${statusLabel(c.status, lang)}` : `The case is off the usual path: ${statusLabel(c.status, lang)}`}
      />
    );
  }
  return (
    <nav aria-label={lang === 'zh' ? '办案流程' : 'Lifecycle'} style={{ marginBottom: 24, overflowX: 'auto' }}>
      <Steps
        data-testid="lifecycle"
        size="small"
        current={current}
        status={c.status === 'ARCHIVED' ? 'finish' : 'process'}
        items={steps.map((s) => ({ title: lang === 'zh' ? s.zh : s.en }))}
      />
    </nav>
  );
}
