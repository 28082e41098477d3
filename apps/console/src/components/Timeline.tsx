import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Table, Tag, Typography } from 'antd';
import { ok, type components } from '../api';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { deadlineLabel, roleLabel } from '../labels';
import { useSession } from '../session';
import { QueryError } from './QueryError';

type TimelineEvent = components['schemas']['TimelineEventView'];
type Role = Parameters<typeof roleLabel>[0];
type DeadlineKind = Parameters<typeof deadlineLabel>[0];

/** GET /cases/{id}/timeline as it is, and the chain verified on demand (GET …/timeline/verify). */
export function Timeline({ caseId }: { caseId: string }) {
  const { api } = useSession();
  const { t, lang } = useI18n();
  const events = useQuery({
    queryKey: ['case', caseId, 'timeline'],
    queryFn: () => ok(api.GET('/api/v1/cases/{id}/timeline', { params: { path: { id: caseId } } })),
  });
  const verify = useMutation({
    mutationFn: () => ok(api.GET('/api/v1/cases/{id}/timeline/verify', { params: { path: { id: caseId } } })),
  });
  const result = verify.data;

  return (
    <section id="timeline" aria-labelledby="timeline-title" style={{ marginTop: 24 }}>
      <Typography.Title level={2} id="timeline-title" style={{ fontSize: 18 }}>
        {t.timeline}
      </Typography.Title>
      <Typography.Paragraph>{t.timelineHelp}</Typography.Paragraph>
      <Button data-testid="verify-chain" onClick={() => verify.mutate()} loading={verify.isPending} style={{ marginBottom: 12 }}>
        {t.verifyChain}
      </Button>
      {verify.error && <QueryError error={verify.error} />}
      {result && (
        <Alert
          data-testid="chain-result"
          role="status"
          type={result.valid ? 'success' : 'error'}
          showIcon
          style={{ marginBottom: 12 }}
          message={result.valid ? t.chainValid(result.events) : t.chainBroken(result.brokenAt?.seq ?? 0, result.brokenAt?.reason ?? '')}
        />
      )}
      {events.error && <QueryError error={events.error} />}
      <Table<TimelineEvent>
        data-testid="timeline"
        size="small"
        rowKey="seq"
        loading={events.isPending}
        dataSource={events.data?.events ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t.seq, dataIndex: 'seq', width: 70 },
          { title: t.occurredAt, key: 'at', width: 180, render: (_, e) => formatDateTime(e.occurredAt, lang) },
          { title: t.event, dataIndex: 'type', width: 240, render: (_, e) => <code>{e.type}</code> },
          {
            title: t.actor,
            key: 'actor',
            render: (_, e) =>
              e.actor.system ? (
                t.systemActor
              ) : (
                <div data-testid="event-actor">
                  {e.actor.name}{' '}
                  {e.audit.actedAs && e.audit.actedAs !== 'SYSTEM' && (
                    <Tag color="blue" title={t.actedAs} data-acted-as={e.audit.actedAs}>
                      {roleLabel(e.audit.actedAs as Role, lang)}
                    </Tag>
                  )}
                  {(e.audit.actedAs === 'OFFICER' || e.audit.actedAs === 'LEGAL_REVIEWER') && (
                    <div>
                      <Typography.Text type="secondary" data-testid="event-certificate">
                        {e.audit.certificateNumber ? t.certificateUsed(e.audit.certificateNumber) : t.noCertificate}
                      </Typography.Text>
                    </div>
                  )}
                  {e.audit.body && (
                    <div>
                      <Typography.Text type="secondary" data-testid="event-body">
                        {t.actingBody(e.audit.body)}
                      </Typography.Text>
                    </div>
                  )}
                </div>
              ),
          },
          {
            title: t.deadlinesSettled,
            key: 'deadlines',
            width: 200,
            render: (_, e) =>
              e.audit.deadlines.length ? (
                <ul style={{ margin: 0, paddingLeft: 16 }} data-testid="event-deadlines">
                  {e.audit.deadlines.map((d) => (
                    <li key={d.kind} data-outcome={d.outcome} title={formatDateTime(d.dueAt, lang)}>
                      {deadlineLabel(d.kind as DeadlineKind, lang)}：{t.deadlineOutcome[d.outcome] ?? d.outcome}
                    </li>
                  ))}
                </ul>
              ) : null,
          },
          {
            title: t.hash,
            key: 'hash',
            width: 160,
            render: (_, e) => (
              <code title={`${e.hash} ← ${e.prevHash}`} data-hash={e.hash}>
                {e.hash.slice(0, 12)}…
              </code>
            ),
          },
        ]}
      />
    </section>
  );
}
