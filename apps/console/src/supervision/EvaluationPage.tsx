import { useQuery } from '@tanstack/react-query';
import type { components } from '@zhifa/api-client';
import { Descriptions, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ok } from '../api';
import { QueryError } from '../components/QueryError';
import { PageTitle } from '../components/Shell';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { statusLabel } from '../labels';
import { useSession } from '../session';
import { useEvaluationMessages } from './evaluation-messages';
import { GradeTag, toneProps } from './GradeTag';

type Check = components['schemas']['EvaluationCheckView'];

/** GET /supervision/cases/:id/evaluation: one case file against the checklist. */
export default function EvaluationPage() {
  const { caseId = '' } = useParams();
  const { api } = useSession();
  const { t, lang } = useI18n();
  const m = useEvaluationMessages();
  const evaluation = useQuery({
    queryKey: ['supervision', 'evaluation', caseId],
    queryFn: () => ok(api.GET('/api/v1/supervision/cases/{id}/evaluation', { params: { path: { id: caseId } } })),
  });
  const ev = evaluation.data;
  return (
    <>
      <PageTitle>{ev ? m.caseTitle(ev.caseNumber) : m.title}</PageTitle>
      <Space style={{ marginBottom: 12 }}>
        <Link to="/supervision/evaluations">{m.back}</Link>
        {ev && <Link to={`/cases/${ev.caseId}`}>{m.openCase}</Link>}
      </Space>
      {evaluation.error && <QueryError error={evaluation.error} />}
      {ev && (
        <>
          <Descriptions bordered size="small" column={2} style={{ marginBottom: 16 }} data-testid="evaluation-summary">
            <Descriptions.Item label={t.caseNumber}>{ev.caseNumber}</Descriptions.Item>
            <Descriptions.Item label={t.status}>{statusLabel(ev.status, lang)}</Descriptions.Item>
            <Descriptions.Item label={m.score}>
              <span data-testid="evaluation-score">{ev.score}</span>
            </Descriptions.Item>
            <Descriptions.Item label={m.grade}>
              <GradeTag grade={ev.grade} />
            </Descriptions.Item>
            <Descriptions.Item label={m.finding} span={2}>
              {m.summary(ev.passed, ev.failed, ev.applicable)}（{formatDateTime(ev.evaluatedAt, lang)}）
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={2} style={{ fontSize: 18 }}>
            {m.check}
          </Typography.Title>
          <Table<Check>
            data-testid="evaluation-checks"
            dataSource={ev.checks}
            rowKey="id"
            pagination={false}
            rowClassName={(c) => (c.result === 'FAIL' ? 'zf-row-overdue' : '')}
            columns={[
              { title: m.check, key: 'title', render: (_, c) => <span data-check={c.id}>{c.title[lang]}</span> },
              { title: m.result, key: 'result', render: (_, c) => <Tag {...toneProps(c.result === 'PASS' ? 'good' : c.result === 'FAIL' ? 'bad' : 'plain')} data-result={c.result}>{m.results[c.result] ?? c.result}</Tag> },
              { title: m.finding, key: 'detail', render: (_, c) => c.detail[lang] },
              { title: m.source, dataIndex: 'source' },
              { title: m.event, key: 'seq', render: (_, c) => (c.seq === undefined ? m.none : m.eventSeq(c.seq)) },
            ]}
          />
        </>
      )}
    </>
  );
}
