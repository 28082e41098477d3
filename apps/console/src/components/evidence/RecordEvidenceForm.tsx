import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Progress, Radio, Select, Typography, Upload, type UploadFile } from 'antd';
import { ApiError, ok, type CaseView, type Problem } from '../../api';
import { useI18n } from '../../i18n';
import { codeInWords } from '../../labels';
import { useSession } from '../../session';
import { AgencyInstantPicker, agencyNowToTheMinute } from './AgencyInstantPicker';
import { useEvidenceMessages } from './messages';
import {
  AFTER_REPORT,
  EVIDENCE_KIND_LABELS,
  EVIDENCE_KINDS,
  fieldErrors,
  fileFingerprint,
  submissionFor,
  type EvidenceKind,
  type EvidenceOrigin,
  type EvidenceRecorded,
  type RecordEvidenceJson,
  type Submission,
} from './model';
import { ProblemAlert } from './ProblemAlert';
import { UploadInterrupted, uploadEvidence } from './upload';

interface Values {
  kind: EvidenceKind;
  title: string;
  collectedAt: string;
  collectedByIds: string[];
  location: string;
  source?: string;
  origin?: EvidenceOrigin;
  changesFacts?: boolean;
  credentialsShown?: boolean;
  rightsExplained?: boolean;
  mode: 'file' | 'text';
  text?: string;
  file?: UploadFile[];
}
const FIELDS = ['kind', 'title', 'collectedAt', 'collectedByIds', 'location', 'source', 'origin', 'changesFacts', 'credentialsShown', 'rightsExplained', 'text', 'file'] as const;
const ORIGINS: EvidenceOrigin[] = ['SUPPLEMENTARY', 'PARTY_DEFENCE', 'PARTY_HEARING'];

interface Progressing {
  percent: number;
  phase: 'uploading' | 'sent' | 'done' | 'failed';
}

export interface RecordEvidenceFormProps {
  caseView: CaseView;
  /** Called with the API's answer once the item is recorded. */
  onDone?: (recorded: EvidenceRecorded) => void;
}

/**
 * 调查取证: one evidence item, text (JSON) or a file (multipart, with upload
 * progress). One Idempotency-Key per submission: sending the same values
 * again after a failure retries under the same key.
 */
export function RecordEvidenceForm({ caseView, onDone }: RecordEvidenceFormProps) {
  const m = useEvidenceMessages();
  const { lang } = useI18n();
  const { api, session } = useSession();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form) ?? 'file';
  const submission = useRef<Submission | null>(null);
  const [progress, setProgress] = useState<Progressing | null>(null);
  const [problem, setProblem] = useState<{ problem: Problem; other: { field: string; message: string }[] } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<EvidenceRecorded | null>(null);
  const acceptLanguage = lang === 'zh' ? 'zh-CN' : 'en';
  const me = caseView.officers.find((o) => o.userId === session?.userId);

  const record = useMutation({
    mutationFn: async (v: Values): Promise<EvidenceRecorded> => {
      const fields = {
        kind: v.kind,
        title: v.title,
        collectedAt: v.collectedAt,
        collectedByIds: v.collectedByIds,
        location: v.location,
        ...(v.source?.trim() ? { source: v.source.trim() } : {}),
        ...(v.origin ? { origin: v.origin } : {}),
        ...(v.changesFacts ? { changesFacts: true } : {}),
        ...(v.credentialsShown ? { credentialsShown: true } : {}),
        ...(v.rightsExplained ? { rightsExplained: true } : {}),
      };
      const file = v.mode === 'file' ? v.file?.[0]?.originFileObj : undefined;
      const fingerprint = JSON.stringify({ ...fields, text: v.mode === 'text' ? v.text : undefined, file: file ? fileFingerprint(file) : null });
      submission.current = submissionFor(submission.current, fingerprint, 'evidence');
      const key = submission.current.key;

      if (v.mode === 'text') {
        const body: RecordEvidenceJson = { ...fields, text: v.text ?? '' };
        return ok(
          api.POST('/api/v1/cases/{id}/evidence', {
            params: { path: { id: caseView.id }, header: { 'Idempotency-Key': key } },
            headers: { 'Accept-Language': acceptLanguage },
            body,
          }),
        );
      }
      if (!file) throw new Error(m.fileRequired);
      setProgress({ percent: 0, phase: 'uploading' });
      return uploadEvidence(
        { ...fields, file },
        {
          caseId: caseView.id,
          token: session?.token ?? '',
          idempotencyKey: key,
          acceptLanguage,
          onProgress: (sent, total) => setProgress({ percent: Math.floor((sent / total) * 100), phase: 'uploading' }),
          onSent: () => setProgress({ percent: 100, phase: 'sent' }),
        },
      );
    },
    onMutate: () => {
      setProblem(null);
      setFailure(null);
      setRecorded(null);
      setProgress(null);
      form.setFields(FIELDS.map((name) => ({ name, errors: [] })));
    },
    onSuccess: async (result, v) => {
      submission.current = null;
      setRecorded(result);
      setProgress((p) => (p ? { percent: 100, phase: 'done' } : null));
      form.resetFields();
      form.setFieldValue('mode', v.mode);
      await queries.invalidateQueries({ queryKey: ['case', caseView.id] });
      onDone?.(result);
    },
    onError: (err) => {
      setProgress((p) => (p ? { ...p, phase: 'failed' } : null));
      if (err instanceof ApiError && err.problem) {
        const placed = fieldErrors(err.problem, FIELDS);
        form.setFields(placed.fields);
        setProblem({ problem: err.problem, other: placed.other });
        // An ended session: the next read of the case finds it and signs out.
        if (err.status === 401) void queries.invalidateQueries({ queryKey: ['case', caseView.id] });
      } else if (err instanceof UploadInterrupted) {
        setFailure(m.interrupted);
      } else {
        setFailure(err.message);
      }
    },
  });

  if (!caseView.allowedActions.includes('evidence')) return null;
  const afterReport = AFTER_REPORT.includes(caseView.status);
  const required = [{ required: true, message: m.required }];

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      data-testid="record-evidence-form"
      disabled={record.isPending}
      initialValues={{ mode: 'file', collectedAt: agencyNowToTheMinute(), collectedByIds: me ? [me.userId] : [] }}
      onFinish={(v) => record.mutate(v)}
    >
      {problem && <ProblemAlert problem={problem.problem} other={problem.other} testId="record-evidence-problem" />}
      {failure && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={failure} data-testid="record-evidence-failure" />}
      {recorded && (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginBottom: 16 }}
          data-testid="record-evidence-done"
          data-sha256={recorded.sha256}
          title={m.recorded(recorded.sha256)}
        />
      )}
      <Form.Item name="kind" label={m.kind} rules={required}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={EVIDENCE_KINDS.map((k) => ({ value: k, label: lang === 'zh' ? EVIDENCE_KIND_LABELS[k] : codeInWords(k) }))} />
      </Form.Item>
      <Form.Item name="title" label={m.title} rules={required}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="collectedAt" label={m.collectedAt} extra={m.collectedAtHelp} rules={required}>
        <AgencyInstantPicker />
      </Form.Item>
      <Form.Item name="collectedByIds" label={m.collectors} extra={m.collectorsHelp} rules={[{ required: true, type: 'array', min: 1, message: m.required }]}>
        <CollectorsField label={m.collectors} officers={caseView.officers} />
      </Form.Item>
      <Form.Item name="location" label={m.location} rules={required}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="source" label={m.source}>
        <Input maxLength={300} placeholder={m.sourcePlaceholder} />
      </Form.Item>
      {afterReport && (
        <>
          <Form.Item name="origin" label={m.origin} extra={m.originHelp}>
            <Select allowClear data-testid="evidence-origin" options={ORIGINS.map((o) => ({ value: o, label: m.origins[o] }))} />
          </Form.Item>
          <Form.Item name="changesFacts" valuePropName="checked">
            <Checkbox data-testid="evidence-changes-facts">{m.changesFacts}</Checkbox>
          </Form.Item>
        </>
      )}
      <fieldset style={{ border: 0, padding: 0, margin: 0 }} aria-label={m.rightsNotice}>
        <Typography.Text strong>{m.rightsNotice}</Typography.Text>
        <Form.Item name="credentialsShown" valuePropName="checked" style={{ marginBottom: 0 }}>
          <Checkbox data-testid="evidence-credentials-shown">{m.credentialsShown}</Checkbox>
        </Form.Item>
        <Form.Item name="rightsExplained" valuePropName="checked">
          <Checkbox data-testid="evidence-rights-explained">{m.rightsExplained}</Checkbox>
        </Form.Item>
      </fieldset>
      <Form.Item name="mode" label={m.content}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'file', label: m.file },
            { value: 'text', label: m.text },
          ]}
        />
      </Form.Item>
      {mode === 'text' ? (
        <Form.Item name="text" label={m.textContent} rules={required}>
          <Input.TextArea rows={5} maxLength={100000} />
        </Form.Item>
      ) : (
        <Form.Item
          name="file"
          label={m.file}
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList?: UploadFile[] }) => e?.fileList}
          rules={[{ required: true, type: 'array', min: 1, message: m.fileRequired }]}
        >
          {/* Kept in the browser until submitted: the form sends it with its fields. */}
          <Upload beforeUpload={() => false} maxCount={1} data-testid="evidence-file">
            <Button>{m.chooseFile}</Button>
          </Upload>
        </Form.Item>
      )}
      {progress && (
        <div style={{ marginBottom: 16 }}>
          <Progress
            percent={progress.percent}
            status={progress.phase === 'failed' ? 'exception' : progress.phase === 'done' ? 'success' : 'active'}
            aria-label={m.uploadProgress}
            data-testid="evidence-upload-progress"
            data-phase={progress.phase}
          />
          {progress.phase === 'uploading' && <Typography.Text>{m.uploading}</Typography.Text>}
          {progress.phase === 'sent' && <Typography.Text>{m.hashing}</Typography.Text>}
        </div>
      )}
      <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="record-evidence-submit">
        {m.submitRecord}
      </Button>
    </Form>
  );
}

interface CollectorsProps {
  label: string;
  officers: CaseView['officers'];
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
}

/** The case's officers as checkboxes in a named group (the group carries the field's description and error state). */
function CollectorsField({ label, officers, value, onChange, id, ...aria }: CollectorsProps) {
  return (
    <div role="group" id={id} aria-label={label} aria-describedby={aria['aria-describedby']} aria-invalid={aria['aria-invalid']} data-testid="collectors">
      <Checkbox.Group
        value={value}
        onChange={(v) => onChange?.(v as string[])}
        options={officers.map((o) => ({ value: o.userId, label: `${o.name}（${o.certificateNumber}）` }))}
      />
    </div>
  );
}

export default RecordEvidenceForm;
