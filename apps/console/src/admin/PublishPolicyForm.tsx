import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { ApiError, ok, type Problem } from '../api';
import { useSession } from '../session';
import { usePolicyMessages } from './policy-messages';

interface Values {
  document: string;
  effectiveFrom?: string;
  reason?: string;
}

/** Publishes a new version: the whole document as JSON, prefilled from the version in force; each field error of the 400 listed. */
export function PublishPolicyForm({ onPublished }: { onPublished: (version: string) => void }) {
  const { api } = useSession();
  const m = usePolicyMessages();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const current = useQuery({ queryKey: ['policy', 'current'], queryFn: () => ok(api.GET('/api/v1/policies/current')) });

  useEffect(() => {
    if (current.data && !form.isFieldTouched('document')) form.setFieldsValue({ document: JSON.stringify(current.data, null, 2) });
  }, [current.data, form]);

  const publish = useMutation({
    mutationFn: (v: Values) => {
      let policy: unknown;
      try {
        policy = JSON.parse(v.document);
      } catch (err) {
        throw new ApiError(400, { code: 'JSON', detail: m.notJson((err as Error).message), errors: [{ field: 'policy', message: m.notJson((err as Error).message) }] } as Problem);
      }
      const body = { policy, ...(v.effectiveFrom?.trim() ? { effectiveFrom: v.effectiveFrom.trim() } : {}), ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) };
      // The document goes as typed: the server judges it whole and names every bad field.
      return ok(api.POST('/api/v1/admin/policies', { body: body as never }));
    },
    onMutate: () => {
      setProblem(null);
      setDone(null);
    },
    onSuccess: async (p) => {
      setDone(p.version);
      await queries.invalidateQueries({ queryKey: ['policies'] });
      await queries.invalidateQueries({ queryKey: ['policy', 'current'] });
      onPublished(p.version);
    },
    onError: (err) => setProblem(err instanceof ApiError && err.problem ? err.problem : ({ code: 'HTTP', detail: err.message } as Problem)),
  });

  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        {m.publish}
      </Typography.Title>
      <Typography.Paragraph>{m.publishIntro}</Typography.Paragraph>
      <Form<Values> form={form} name="publish-policy" layout="vertical" onFinish={(v) => publish.mutate(v)}>
        <Form.Item name="document" label={m.documentLabel} rules={[{ required: true }]}>
          <Input.TextArea rows={18} spellCheck={false} style={{ fontFamily: 'monospace', fontSize: 12 }} />
        </Form.Item>
        <Form.Item name="effectiveFrom" label={m.effectiveLabel} extra={m.effectiveHelp}>
          <Input style={{ maxWidth: 360 }} />
        </Form.Item>
        <Form.Item name="reason" label={m.reason}>
          <Input style={{ maxWidth: 640 }} />
        </Form.Item>
        {problem && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={`${m.refused}: ${problem.detail}`}
            description={
              <ul data-testid="policy-errors">
                {(problem.errors ?? []).map((e, i) => (
                  <li key={`${e.field}-${i}`}>
                    <code>{e.field}</code> {e.message}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        {done !== null && <Alert type="success" showIcon role="status" style={{ marginBottom: 16 }} title={m.published(done)} />}
        <Button type="primary" htmlType="submit" loading={publish.isPending}>
          {m.submit}
        </Button>
      </Form>
    </>
  );
}
