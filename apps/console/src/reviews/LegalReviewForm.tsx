import { useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Radio, Space } from 'antd';
import type { FormInstance } from 'antd';
import { ApiError, ok, type CaseView, type components, type Problem } from '../api';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { OPINIONS, opinionLabel, RETURN_TOS, returnToLabel, useReviewMessages, type Opinion, type ReturnTo } from './messages';

type CommandResponse = components['schemas']['CommandResponse'];
type LegalReviewDto = components['schemas']['LegalReviewDto'];

/** A field's name as FormInstance.setFields takes it. */
type FieldName = Parameters<FormInstance<Values>['setFields']>[0][number]['name'];

interface Values {
  opinion?: Opinion;
  text?: string;
  points?: string[];
  returnTo?: ReturnTo;
}

/** A problem's field (`points[1]`, `text`) as the form's name path (['points', 1], ['text']). */
function namePath(field: string): FieldName {
  return field
    .split(/[.[\]]/)
    .filter((p) => p !== '')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p)) as FieldName;
}

/** A fresh key per submission; a request that got no answer is retried with the same key, so it is recorded at most once. */
function newKey(): string {
  return crypto.randomUUID();
}

/**
 * The legal reviewer's opinion (POST /cases/{id}/legal-review): APPROVE,
 * RETURN with the points to revise and where the case goes back to, or
 * REJECT; the written opinion always. The API judges it; a refusal is shown
 * as it came (title, detail, code) with its field errors on the fields.
 * Used by the review page and by the case page's command drawer.
 */
export function LegalReviewForm({ caseView, onDone }: { caseView: Pick<CaseView, 'id'>; onDone: (result: CommandResponse) => void }) {
  const { api } = useSession();
  const { lang } = useI18n();
  const m = useReviewMessages();
  const [form] = Form.useForm<Values>();
  const opinion = Form.useWatch('opinion', form);
  const key = useRef(newKey());
  const [problem, setProblem] = useState<Problem | null>(null);

  const send = useMutation({
    mutationFn: (body: LegalReviewDto) =>
      ok(
        api.POST('/api/v1/cases/{id}/legal-review', {
          params: { path: { id: caseView.id }, header: { 'Idempotency-Key': key.current } },
          body,
        }),
      ),
    onSuccess: (result) => {
      key.current = newKey();
      setProblem(null);
      form.resetFields();
      onDone(result);
    },
    onError: (err) => {
      if (!(err instanceof ApiError)) return; // no answer: the same key is sent again on retry
      key.current = newKey();
      setProblem(err.problem ?? null);
      form.setFields((err.problem?.errors ?? []).map((e) => ({ name: namePath(e.field), errors: [e.message] })));
    },
  });

  function submit(v: Values): void {
    const body: LegalReviewDto = { opinion: v.opinion!, text: (v.text ?? '').trim() };
    const points = (v.points ?? []).map((p) => p.trim()).filter((p) => p !== '');
    if (v.opinion !== 'APPROVE' && points.length > 0) body.points = points;
    if (v.opinion === 'RETURN') body.returnTo = v.returnTo;
    send.mutate(body);
  }

  const withPoints = opinion === 'RETURN' || opinion === 'REJECT';
  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="legal-review-form" requiredMark initialValues={{ points: [''] }}>
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="legal-review-problem"
          style={{ marginBottom: 16 }}
          title={`${m.refused}: ${problem.title}`}
          description={
            <>
              {problem.detail} <code>{problem.code}</code>
            </>
          }
        />
      )}
      {send.error && !(send.error instanceof ApiError) && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={`${m.refused}: ${send.error.message}`} />}
      <Form.Item name="opinion" label={m.opinion} rules={[{ required: true, message: m.required }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={OPINIONS.map((o) => ({ value: o, label: opinionLabel(o, lang) }))}
        />
      </Form.Item>
      {opinion === 'RETURN' && (
        <Form.Item name="returnTo" label={m.returnTo} rules={[{ required: true, message: m.required }]}>
          <Radio.Group options={RETURN_TOS.map((r) => ({ value: r, label: returnToLabel(r, lang) }))} />
        </Form.Item>
      )}
      {withPoints && (
        <Form.List
          name="points"
          rules={[
            {
              validator: async (_, points?: string[]) => {
                if (opinion === 'RETURN' && !(points ?? []).some((p) => p && p.trim() !== '')) throw new Error(m.pointsRequired);
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <fieldset data-testid="review-points" style={{ border: '1px solid #d9d9d9', borderRadius: 6, padding: '8px 16px 16px', marginBottom: 24 }}>
              <legend style={{ width: 'auto', padding: '0 4px', marginBottom: 0, fontSize: 14, border: 0 }}>
                {m.points}
                {opinion === 'RETURN' && <span aria-hidden="true" style={{ color: '#a8071a' }}> *</span>}
              </legend>
              <p style={{ color: 'rgba(0, 0, 0, 0.68)' }}>{opinion === 'RETURN' ? m.pointsHelpReturn : m.pointsHelpReject}</p>
              {fields.map((field, i) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={field.name} label={m.point(i + 1)} style={{ minWidth: 360 }}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid={`point-${i}`} />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)} aria-label={m.removePoint(i + 1)} disabled={fields.length === 1}>
                    ×
                  </Button>
                </Space>
              ))}
              <Button type="dashed" onClick={() => add('')} data-testid="add-point">
                + {m.addPoint}
              </Button>
              <Form.ErrorList errors={errors} />
            </fieldset>
          )}
        </Form.List>
      )}
      <Form.Item name="text" label={m.opinionText} extra={m.opinionTextHelp} rules={[{ required: true, whitespace: true, message: m.required }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="opinion-text" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={send.isPending} data-testid="submit-opinion">
        {m.submit}
      </Button>
    </Form>
  );
}
