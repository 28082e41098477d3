import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { anonymousClient, ok } from '../api';
import { QueryError } from '../components/QueryError';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { DisclosureStatus } from './tags';
import { PublicLayout } from './PublicLayout';
import { usePublicMessages } from './messages';

/** One published decision: the 决定书's words with personal information removed; a withdrawn one says so, with the reason. */
export default function DisclosurePage() {
  const { id = '' } = useParams();
  const { lang } = useI18n();
  const m = usePublicMessages();
  const d = useQuery({
    queryKey: ['public', 'disclosure', id],
    queryFn: () => ok(anonymousClient().GET('/api/v1/public/disclosures/{id}', { params: { path: { id } } })),
  });
  return (
    <PublicLayout>
      <Link to={d.data ? `/public?agency=${d.data.agencyId}&tab=after` : '/public?tab=after'}>{m.back}</Link>
      {d.isPending && <Spin />}
      {d.isError && <QueryError error={d.error} />}
      {d.data && (
        <article style={{ marginTop: 16 }}>
          <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center' }}>
            {d.data.agencyName}
            <br />
            {d.data.title}
          </Typography.Title>
          <Typography.Paragraph style={{ textAlign: 'center' }}>{d.data.documentNumber}</Typography.Paragraph>
          {d.data.status === 'WITHDRAWN' && (
            <Alert
              type="error"
              showIcon
              role="alert"
              style={{ marginBottom: 16 }}
              title={m.withdrawnBecause}
              description={
                <>
                  <div>{d.data.withdrawalReason}</div>
                  {d.data.withdrawnAt && (
                    <div>
                      {m.withdrawnAt}：{formatDateTime(d.data.withdrawnAt, lang)}
                    </div>
                  )}
                </>
              }
            />
          )}
          <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={m.status}>
              <DisclosureStatus status={d.data.status} />
            </Descriptions.Item>
            <Descriptions.Item label={m.decidedOn}>{d.data.decidedOn}</Descriptions.Item>
            <Descriptions.Item label={m.publishedAt}>{formatDateTime(d.data.publishedAt, lang)}</Descriptions.Item>
            <Descriptions.Item label={m.removed}>
              {Object.entries(d.data.removed)
                .map(([k, n]) => `${m.removedKinds[k] ?? k} ${n}`)
                .join('，') || '—'}
            </Descriptions.Item>
          </Descriptions>
          <Card className={d.data.status === 'WITHDRAWN' ? 'zf-withdrawn' : undefined}>
            {d.data.sections.map((s, i) => (
              <section key={i}>
                {s.heading && <h2 style={{ fontSize: 16 }}>{s.heading}</h2>}
                {s.paragraphs.map((p, j) => (
                  <p key={j}>{p}</p>
                ))}
              </section>
            ))}
          </Card>
        </article>
      )}
    </PublicLayout>
  );
}
