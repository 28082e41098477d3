import { useQuery } from '@tanstack/react-query';
import { Descriptions, Table, Typography } from 'antd';
import { ok, type components } from '../api';
import { QueryError } from '../components/QueryError';
import { useSession } from '../session';
import { useAgencyMessages } from './agency-messages';

type Power = components['schemas']['AgencyPowerView'];

/** An agency's administrator reads their own agency's list of enforcement matters (set by a system administrator). */
export function OwnAgencyPowers({ agencyId }: { agencyId: string }) {
  const { api } = useSession();
  const m = useAgencyMessages();
  const agency = useQuery({ queryKey: ['admin', 'agencies', agencyId], queryFn: () => ok(api.GET('/api/v1/admin/agencies/{id}', { params: { path: { id: agencyId } } })) });
  if (agency.error) return <QueryError error={agency.error} />;
  const a = agency.data;
  return (
    <>
      <Typography.Paragraph>{m.ownIntro}</Typography.Paragraph>
      {a && (
        <Descriptions size="small" column={1} style={{ marginBottom: 16 }} data-testid="own-agency">
          <Descriptions.Item label={m.code}>{a.code}</Descriptions.Item>
          <Descriptions.Item label={m.name}>{a.name}</Descriptions.Item>
          <Descriptions.Item label={m.jurisdiction}>{a.jurisdiction}</Descriptions.Item>
          <Descriptions.Item label={m.powers}>{a.powers === null ? m.noList : a.powers.length === 0 ? m.emptyList : m.matters(a.powers.length)}</Descriptions.Item>
        </Descriptions>
      )}
      {a?.powers && a.powers.length > 0 && (
        <Table<Power>
          data-testid="own-powers"
          dataSource={a.powers}
          rowKey="violationCode"
          pagination={false}
          columns={[
            { title: m.violationCode, key: 'code', render: (_, p) => `${p.violationCode}${p.title ? ` ${p.title}` : ''}` },
            { title: m.legalBasis, dataIndex: 'legalBasis' },
          ]}
        />
      )}
    </>
  );
}
