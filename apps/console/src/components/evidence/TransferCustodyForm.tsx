import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Select } from 'antd';
import { ApiError, ok, type CaseView, type Problem } from '../../api';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { QueryError } from '../QueryError';
import { AgencyInstantPicker, agencyNowToTheMinute } from './AgencyInstantPicker';
import { useEvidenceMessages } from './messages';
import { fieldErrors, peopleOf, submissionFor, type CommandResponse, type Submission, type TransferCustody } from './model';
import { ProblemAlert } from './ProblemAlert';

interface Values extends TransferCustody {
  evidenceId: string;
}
const FIELDS = ['evidenceId', 'from', 'to', 'at', 'reason'] as const;

export interface TransferCustodyFormProps {
  caseView: CaseView;
  /** The item to hand over; without it the form lets the user choose one. */
  evidenceId?: string;
  onDone?: (answer: CommandResponse) => void;
}

/** The case's evidence list (shared with the evidence section: one query, one key). */
export function useEvidenceList(caseId: string) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['case', caseId, 'evidence'],
    queryFn: () => ok(api.GET('/api/v1/cases/{id}/evidence', { params: { path: { id: caseId } } })),
  });
}

/** 证据流转: hand an item from its current custodian to an officer of the case, with time and reason. */
export function TransferCustodyForm({ caseView, evidenceId, onDone }: TransferCustodyFormProps) {
  const m = useEvidenceMessages();
  const { lang } = useI18n();
  const { api } = useSession();
  const queries = useQueryClient();
  const list = useEvidenceList(caseView.id);
  const [form] = Form.useForm<Values>();
  const chosen = Form.useWatch('evidenceId', form) ?? evidenceId;
  const submission = useRef<Submission | null>(null);
  const [problem, setProblem] = useState<{ problem: Problem; other: { field: string; message: string }[] } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const transfer = useMutation({
    mutationFn: async ({ evidenceId: id, ...body }: Values) => {
      submission.current = submissionFor(submission.current, JSON.stringify({ id, ...body }), 'custody');
      return ok(
        api.POST('/api/v1/cases/{id}/evidence/{evidenceId}/custody', {
          params: { path: { id: caseView.id, evidenceId: id }, header: { 'Idempotency-Key': submission.current.key } },
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
      form.resetFields(['to', 'reason']);
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

  const custodian = list.data?.items.find((e) => e.evidenceId === chosen)?.custodian;
  // The item's custodian as the list gives it now is the one handing it over.
  useEffect(() => {
    form.setFieldValue('from', custodian);
    if (custodian && form.getFieldValue('to') === custodian) form.setFieldValue('to', undefined);
  }, [form, custodian]);

  if (!caseView.allowedActions.includes('evidence-custody')) return null;
  if (list.error) return <QueryError error={list.error} />;
  const items = list.data?.items ?? [];
  const names = peopleOf(caseView, items);
  const item = items.find((e) => e.evidenceId === chosen);
  const nameOf = (userId: string) => names.get(userId) ?? userId;
  const others = caseView.officers.filter((o) => o.userId !== item?.custodian);
  const required = [{ required: true, message: m.required }];

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      data-testid="transfer-custody-form"
      disabled={transfer.isPending || list.isPending}
      initialValues={{ evidenceId, at: agencyNowToTheMinute() }}
      onFinish={(v) => transfer.mutate(v)}
    >
      {problem && <ProblemAlert problem={problem.problem} other={problem.other} testId="transfer-custody-problem" />}
      {failure && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={failure} />}
      {done && <Alert type="success" showIcon role="status" style={{ marginBottom: 16 }} title={m.transferred} data-testid="transfer-custody-done" />}
      <Form.Item name="evidenceId" label={m.item} rules={required}>
        <Select options={items.map((e) => ({ value: e.evidenceId, label: `${e.title}（${e.sha256.slice(0, 12)}…）` }))} />
      </Form.Item>
      <Form.Item name="from" label={m.currentCustodian} rules={required}>
        {/* Sent as the API's check against the record: the custodian the user saw. */}
        <Select disabled options={item ? [{ value: item.custodian, label: nameOf(item.custodian) }] : []} />
      </Form.Item>
      <Form.Item name="to" label={m.newCustodian} rules={required} extra={item && others.length === 0 ? m.noOtherOfficer : undefined}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={others.map((o) => ({ value: o.userId, label: `${o.name}（${o.certificateNumber}）` }))} />
      </Form.Item>
      <Form.Item name="at" label={m.transferAt} extra={m.collectedAtHelp} rules={required}>
        <AgencyInstantPicker />
      </Form.Item>
      <Form.Item name="reason" label={m.transferReason} rules={required}>
        <Input.TextArea rows={3} maxLength={2000} placeholder={m.transferReasonPlaceholder} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={transfer.isPending} data-testid="transfer-custody-submit">
        {m.submit}
      </Button>
    </Form>
  );
}

export default TransferCustodyForm;
