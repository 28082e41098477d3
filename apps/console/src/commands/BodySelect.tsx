import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { ok } from '../api';
import { useSession } from '../session';
import { useCommandMessages } from './messages';

/** Fields that name an outside body (R310 6, 7), and the kind of body: their options are the register's active bodies. */
export const BODY_FIELDS: Readonly<Record<string, 'POLICE' | 'PROCURATORATE'>> = { policeAgency: 'POLICE', procuratorate: 'PROCURATORATE' };

/** A registered police unit or procuratorate, by name (GET /bodies); the API judges the choice (a forwarding to the unit it is with is refused). */
export function BodySelect({ id, label, value, onChange }: { id: string; label: string; value?: unknown; onChange?: (v: unknown) => void }) {
  const { api } = useSession();
  const m = useCommandMessages();
  const kind = BODY_FIELDS[label];
  const bodies = useQuery({
    queryKey: ['bodies', kind],
    queryFn: () => ok(api.GET('/api/v1/bodies', { params: { query: { kind } } })),
    staleTime: 60_000,
  });
  const options = (bodies.data?.items ?? []).map((b) => ({ value: b.name, label: `${b.name}（${b.region}）` }));
  return (
    <Select id={id} loading={bodies.isLoading} options={options} value={value as string} onChange={onChange} placeholder={m.chooseBody} showSearch optionFilterProp="label" allowClear />
  );
}
