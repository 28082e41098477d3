import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Select, Table, Typography } from 'antd';
import { ok, type components } from '../api';
import { asProblem, ProblemAlert } from '../components/ProblemAlert';
import { QueryError } from '../components/QueryError';
import { PageTitle } from '../components/Shell';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { codeInWords, roleLabel } from '../labels';
import { useSession } from '../session';
import { useAdminLogMessages } from './admin-log-messages';

type Entry = components['schemas']['AdminEventView'];
type Role = components['schemas']['AdminUserView']['roles'][number];
const SUBJECT_TYPES = ['USER', 'CERTIFICATE', 'POLICY', 'AGENCY', 'BODY', 'CALENDAR', 'WEBHOOK'] as const satisfies readonly Entry['subjectType'][];
type SubjectType = (typeof SUBJECT_TYPES)[number];
const VERIFIERS: readonly string[] = ['SUPERVISOR', 'SYSTEM_ADMIN'];
const PAGE_SIZE = 20;

function Json({ label, value, none }: { label: string; value: unknown; none: string }) {
  return (
    <div style={{ flex: 1, minWidth: 0 }}>
      <Typography.Text strong>{label}</Typography.Text>
      <pre className="zf-json" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: 0 }}>
        {value === null || value === undefined ? none : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

/** 管理日志 (ADMIN, SUPERVISOR: their agency's; SYSTEM_ADMIN: every agency's): who changed what, before and after, and the chain's verification. */
export default function AdminLogPage() {
  const { api, session } = useSession();
  const { lang } = useI18n();
  const m = useAdminLogMessages();
  const [page, setPage] = useState(1);
  const [subjectType, setSubjectType] = useState<SubjectType | undefined>(undefined);
  const me = useQuery({ queryKey: ['me', session?.userId], queryFn: () => ok(api.GET('/api/v1/me')), enabled: session !== null });
  const roles: readonly string[] = me.data?.roles ?? session?.roles ?? [];
  const list = useQuery({
    queryKey: ['admin', 'events', page, subjectType],
    queryFn: () => ok(api.GET('/api/v1/admin/events', { params: { query: { page, pageSize: PAGE_SIZE, ...(subjectType ? { subjectType } : {}) } } })),
  });
  const verify = useMutation({ mutationFn: () => ok(api.GET('/api/v1/admin/events/verify')) });
  const action = (a: string) => (lang === 'zh' ? (m.actions[a] ?? a) : codeInWords(a));

  return (
    <>
      <PageTitle>{m.title}</PageTitle>
      <Typography.Paragraph>{m.intro}</Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 16 }} onSubmitCapture={(e) => e.preventDefault()}>
        <Form.Item label={m.subjectType} htmlFor="admin-log-subject">
          <Select<SubjectType | ''>
            id="admin-log-subject"
            data-testid="subject-type"
            style={{ width: 180 }}
            value={subjectType ?? ''}
            onChange={(v) => {
              setSubjectType(v === '' ? undefined : v);
              setPage(1);
            }}
            options={[{ value: '' as const, label: m.all }, ...SUBJECT_TYPES.map((t) => ({ value: t, label: m.subjects[t] ?? t }))]}
          />
        </Form.Item>
        {roles.some((r) => VERIFIERS.includes(r)) && (
          <Form.Item>
            <Button onClick={() => verify.mutate()} loading={verify.isPending} data-testid="verify-chain">
              {m.verify}
            </Button>
          </Form.Item>
        )}
      </Form>
      {verify.data && (
        <Alert
          data-testid="chain-result"
          role="status"
          showIcon
          type={verify.data.valid ? 'success' : 'error'}
          style={{ marginBottom: 16 }}
          title={verify.data.valid ? m.valid(verify.data.checked) : m.broken(verify.data.brokenAt ?? 0, verify.data.checked)}
        />
      )}
      {verify.error && <ProblemAlert problem={asProblem(verify.error)} label={m.verify} />}
      {list.error && <QueryError error={list.error} />}
      <Table<Entry>
        data-testid="admin-events"
        loading={list.isFetching}
        dataSource={list.data?.items}
        rowKey="seq"
        locale={{ emptyText: m.empty }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        expandable={{
          expandedRowRender: (e) => (
            <div style={{ display: 'flex', gap: 16 }} data-testid={`details-${e.seq}`}>
              <Json label={m.before} value={e.before} none={m.none} />
              <Json label={m.after} value={e.after} none={m.none} />
            </div>
          ),
        }}
        columns={[
          { title: m.seq, dataIndex: 'seq', width: 72 },
          { title: m.at, key: 'at', render: (_, e) => formatDateTime(e.at, lang) },
          { title: m.actor, key: 'actor', render: (_, e) => `${e.actorName}（${e.actorRoles.map((r) => roleLabel(r as Role, lang)).join('、')}）` },
          { title: m.action, key: 'action', render: (_, e) => action(e.action) },
          { title: m.subject, key: 'subject', render: (_, e) => `${m.subjects[e.subjectType] ?? e.subjectType} ${e.subjectId}` },
          { title: m.reason, key: 'reason', render: (_, e) => e.reason ?? '—' },
        ]}
      />
    </>
  );
}
