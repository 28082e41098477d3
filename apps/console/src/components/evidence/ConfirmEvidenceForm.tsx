import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Select } from 'antd';
import { ApiError, ok, type CaseView, type Problem } from '../../api';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { QueryError } from '../QueryError';
import { useEvidenceMessages } from './messages';
import { fieldErrors, submissionFor, type CommandResponse, type Submission } from './model';
import { ProblemAlert } from './ProblemAlert';
import { useEvidenceList } from './TransferCustodyForm';

interface Values {
  evidenceId: string;
  confirmerIds: string[];
}
const FIELDS = ['evidenceId', 'confirmerIds'] as const;

export interface ConfirmEvidenceFormProps {
  caseView: CaseView;
  onDone?: (answer: CommandResponse) => void;
}

/** 确认证据草稿: two certified officers of the case confirm an item auxiliary staff drafted; it then counts as evidence. */
export function ConfirmEvidenceForm({ caseView, onDone }: ConfirmEvidenceFormProps) {
  const m = useEvidenceMessages();
  const { lang } = useI18n();
  const { api, session } = useSession();
  const queries = useQueryClient();
  const list = useEvidenceList(caseView.id);
  const [form] = Form.useForm<Values>();
  const submission = useRef<Submission | null>(null);
  const [problem, setProblem] = useState<{ problem: Problem; other: { field: string; message: string }[] } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const confirm = useMutation({
    mutationFn: async ({ evidenceId, ...body }: Values) => {
      submission.current = submissionFor(submission.current, JSON.stringify({ evidenceId, ...body }), 'confirm');
      return ok(
        api.POST('/api/v1/cases/{id}/evidence/{evidenceId}/confirmation', {
          params: { path: { id: caseView.id, evidenceId }, header: { 'Idempotency-Key': submission.current.key } },
          headers: { 'Accept-Language': lang === 'zh' ? 'zh-CN' : 'en' },
          body,
        }),
      );
    },
    onMutate: () => {
      setProblem(null);
      setFailure(null);
      setDone(false);
      form.setFields(FIELDS.map((name) => ({ name, errors: [] })));
    },
    onSuccess: async (answer) => {
      submission.current = null;
      setDone(true);
      form.resetFields(['evidenceId']);
      await queries.invalidateQueries({ queryKey: ['case', caseView.id] });
      onDone?.(answer);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.problem) {
        const placed = fieldErrors(err.problem, FIELDS);
        form.setFields(placed.fields);
        setProblem({ problem: err.problem, other: placed.other });
      } else {
        setFailure(err.message);
      }
    },
  });

  if (!caseView.allowedActions.includes('evidence-confirmation')) return null;
  if (list.error) return <QueryError error={list.error} />;
  const drafts = (list.data?.items ?? []).filter((e) => e.draft && !e.confirmedBy);
  const me = caseView.officers.find((o) => o.userId === session?.userId);
  const required = [{ required: true, message: m.required }];

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      data-testid="confirm-evidence-form"
      disabled={confirm.isPending || list.isPending}
      initialValues={{ evidenceId: drafts.length === 1 ? drafts[0].evidenceId : undefined, confirmerIds: me ? [me.userId] : [] }}
      onFinish={(v) => confirm.mutate(v)}
    >
      {problem && <ProblemAlert problem={problem.problem} other={problem.other} testId="confirm-evidence-problem" />}
      {failure && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={failure} />}
      {done && <Alert type="success" showIcon role="status" style={{ marginBottom: 16 }} title={m.confirmed} data-testid="confirm-evidence-done" />}
      <Form.Item name="evidenceId" label={m.draftItem} rules={required}>
        <Select data-testid="confirm-evidence-item" options={drafts.map((e) => ({ value: e.evidenceId, label: `${e.title}（${e.recordedBy.name}）` }))} />
      </Form.Item>
      <Form.Item name="confirmerIds" label={m.confirmers} extra={m.confirmersHelp} rules={[{ required: true, type: 'array', min: 1, message: m.required }]}>
        <OfficersField label={m.confirmers} officers={caseView.officers} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={confirm.isPending} data-testid="confirm-evidence-submit">
        {m.submit}
      </Button>
    </Form>
  );
}

interface OfficersProps {
  label: string;
  officers: CaseView['officers'];
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
}

/** The case's officers as checkboxes in a named group (the group carries the field's description and error state). */
function OfficersField({ label, officers, value, onChange, id, ...aria }: OfficersProps) {
  return (
    <div role="group" id={id} aria-label={label} aria-describedby={aria['aria-describedby']} aria-invalid={aria['aria-invalid']}>
      <Checkbox.Group value={value} onChange={(v) => onChange?.(v as string[])} options={officers.map((o) => ({ value: o.userId, label: `${o.name}（${o.certificateNumber}）` }))} />
    </div>
  );
}

export default ConfirmEvidenceForm;
