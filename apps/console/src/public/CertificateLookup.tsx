import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Form, Input, Spin, Typography } from 'antd';
import { ValidityTag } from './tags';
import { anonymousClient, ApiError, ok } from '../api';
import { QueryError } from '../components/QueryError';
import { usePublicMessages } from './messages';

/** 执法资格查询: a certificate number → its holder, agency, scope, and whether it is valid today. */
export function CertificateLookup() {
  const m = usePublicMessages();
  const [number, setNumber] = useState('');
  const found = useQuery({
    queryKey: ['public', 'certificate', number],
    enabled: number.length > 0,
    queryFn: () => ok(anonymousClient().GET('/api/v1/public/officers/{certificateNo}', { params: { path: { certificateNo: number } } })),
  });
  return (
    <section aria-label={m.lookupTab}>
      <Typography.Paragraph>{m.lookupHelp}</Typography.Paragraph>
      <Form layout="inline" onFinish={(v: { number?: string }) => setNumber((v.number ?? '').trim())}>
        <Form.Item name="number" label={m.certificateNo}>
          <Input.Search enterButton={m.lookup} allowClear style={{ width: 360 }} onSearch={(v) => setNumber(v.trim())} />
        </Form.Item>
      </Form>
      <div style={{ marginTop: 16 }}>
        {number && found.isPending && <Spin />}
        {found.isError &&
          (found.error instanceof ApiError && found.error.status === 404 ? (
            <Alert type="warning" showIcon role="alert" title={`${m.notFound}：${number}`} />
          ) : (
            <QueryError error={found.error} />
          ))}
        {found.data && (
          <Descriptions bordered column={1} size="small" aria-label={m.lookupTab}>
            <Descriptions.Item label={m.certificateNo}>
              <code>{found.data.number}</code>
            </Descriptions.Item>
            <Descriptions.Item label={m.validity}>
              <ValidityTag valid={found.data.validToday} /> {m.asOf(found.data.asOf)}
            </Descriptions.Item>
            <Descriptions.Item label={m.holder}>{found.data.holderName}</Descriptions.Item>
            <Descriptions.Item label={m.agency}>{found.data.agencyName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={m.scope}>{found.data.scope}</Descriptions.Item>
            <Descriptions.Item label={m.validity}>
              {found.data.validFrom} – {found.data.validTo}
            </Descriptions.Item>
          </Descriptions>
        )}
      </div>
    </section>
  );
}
