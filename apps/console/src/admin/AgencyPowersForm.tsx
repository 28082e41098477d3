import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Select, Space, Typography } from 'antd';
import { ok, type components, type Problem } from '../api';
import { asProblem, ProblemAlert } from '../components/ProblemAlert';
import { useSession } from '../session';
import { useAgencyMessages } from './agency-messages';

type AgencyView = components['schemas']['AgencyView'];
interface Values {
  powers: { violationCode: string; legalBasis?: string }[];
  reason?: string;
}

/** An agency's whole list of enforcement matters, replaced at once; codes from the policy in force. */
export function AgencyPowersForm({ agency, onSaved, onCancel }: { agency: AgencyView; onSaved: (a: AgencyView) => void; onCancel: () => void }) {
  const { api } = useSession();
  const m = useAgencyMessages();
  const [problem, setProblem] = useState<Problem | null>(null);
  const policy = useQuery({ queryKey: ['policy', 'current'], queryFn: () => ok(api.GET('/api/v1/policies/current')), staleTime: 300_000 });
  const options = (policy.data?.violations ?? []).map((v) => ({ value: v.code, label: `${v.code} ${v.title}` }));
  const save = useMutation({
    mutationFn: (v: Values) =>
      ok(
        api.PUT('/api/v1/admin/agencies/{id}/powers', {
          params: { path: { id: agency.id } },
          body: {
            powers: (v.powers ?? []).map((p) => ({ violationCode: p.violationCode, ...(p.legalBasis?.trim() ? { legalBasis: p.legalBasis.trim() } : {}) })),
            ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
          },
        }),
      ),
    onMutate: () => setProblem(null),
    onSuccess: onSaved,
    onError: (err) => setProblem(asProblem(err)),
  });
  const initial: Values = { powers: (agency.powers ?? []).map((p) => ({ violationCode: p.violationCode, legalBasis: p.legalBasis })) };

  return (
    <Form<Values> name="agency-powers" layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
      <Typography.Paragraph>{m.powersIntro}</Typography.Paragraph>
      <Form.List name="powers">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} align="start" style={{ display: 'flex' }} data-testid={`power-${i}`}>
                <Form.Item name={[f.name, 'violationCode']} label={m.violationCode} rules={[{ required: true }]}>
                  <Select options={options} loading={policy.isLoading} placeholder={m.choose} style={{ width: 260 }} showSearch optionFilterProp="label" />
                </Form.Item>
                <Form.Item name={[f.name, 'legalBasis']} label={m.legalBasis} extra={m.legalBasisHelp}>
                  <Input style={{ width: 260 }} />
                </Form.Item>
                <Button onClick={() => remove(f.name)} style={{ marginTop: 30 }}>
                  {m.remove}
                </Button>
              </Space>
            ))}
            <Button onClick={() => add()} style={{ marginBottom: 16 }} data-testid="add-power">
              {m.addPower}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name="reason" label={m.reason} extra={m.reasonHelp}>
        <Input />
      </Form.Item>
      {problem && <ProblemAlert problem={problem} label={m.refused} testId="agency-errors" />}
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {m.save}
      </Button>{' '}
      <Button onClick={onCancel}>{m.cancel}</Button>
    </Form>
  );
}
