import { useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { COMMAND_FORMS, type CommandFormAction, type FieldSchema } from '@zhifa/api-client';
import { ApiError, ok, type CaseView, type paths, type Problem } from '../api';
import { useI18n } from '../i18n';
import { roleLabel } from '../labels';
import { useSession } from '../session';
import { fieldHelp, fieldLabel, valueLabel } from './field-labels';
import { wallClock } from '../format';
import { BODY_FIELDS, BodySelect } from './BodySelect';
import { bodyOf, formFieldOf, isTimeValue, type TimeValue } from './form-values';
import { useCommandMessages } from './messages';

/** Fields whose value is a person of the agency (user ids), and whom they may name. */
const PERSON_FIELDS: Record<string, readonly string[] | 'anyone'> = {
  officerIds: ['OFFICER'],
  collectedByIds: ['OFFICER', 'AUXILIARY'],
  confirmerIds: ['OFFICER'],
  auxiliaryId: ['AUXILIARY'],
  supervisorId: ['OFFICER'],
  hostId: ['OFFICER', 'LEGAL_REVIEWER'],
  reviewerId: ['LEGAL_REVIEWER'],
  attendeeIds: ['AGENCY_HEAD'],
  replacementId: ['OFFICER', 'LEGAL_REVIEWER'],
  userId: 'anyone',
  from: ['OFFICER', 'AUXILIARY'],
  to: ['OFFICER', 'AUXILIARY'],
};

/** Free text long enough for a text area. */
const LONG_TEXT = new Set([
  'reason', 'summary', 'findings', 'legalBasis', 'discretionReasons', 'comments', 'text', 'statement', 'record', 'report',
  'minutes', 'resolution', 'facts', 'performance', 'grounds', 'thresholdFacts', 'note', 'terms', 'reasonNotPublic',
]);

/** Time fields that take a local date rather than an instant. */
const DATE_ONLY = new Set(['violationAt', 'dueDate']);

const isTimeField = (name: string, s: FieldSchema) => s.type === 'string' && !s.enum && (DATE_ONLY.has(name) || /At$/.test(name) || s.format === 'date-time');

/** What a command answered; the caller decides where to go next. */
export type CommandResult = Record<string, unknown>;

export interface CommandFormProps {
  action: CommandFormAction;
  /** The case the command is on (absent for registering a lead). */
  caseView?: CaseView;
  /** Values to start from (e.g. the case's officers at filing). */
  initial?: Record<string, unknown>;
  onDone(result: CommandResult): void;
}

/**
 * A command's form, built from the body schema the API publishes
 * (COMMAND_FORMS, generated from the OpenAPI document): a field added to a
 * command appears here, named by field-labels.ts. Nothing is validated in
 * the browser: the API judges, and its problem is shown — field errors on
 * their fields, the rest with its title, reason and code above the buttons.
 */
export function CommandForm({ action, caseView, initial, onDone }: CommandFormProps) {
  const schema = COMMAND_FORMS[action] as FieldSchema;
  const { api } = useSession();
  const m = useCommandMessages();
  const [form] = Form.useForm();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // One key per submission: a retry after a lost answer records nothing twice.
  const key = useRef<string | null>(null);
  const fields = useMemo(() => fieldPaths(schema), [schema]);
  // The fields the last refusal marked: cleared when the form is sent again.
  const marked = useRef<(string | number)[][]>([]);

  async function submit(values: Record<string, unknown>) {
    setProblem(null);
    setFailure(null);
    form.setFields(marked.current.map((name) => ({ name, errors: [] })));
    marked.current = [];
    const body = bodyOf(schema, values) as Record<string, unknown>;
    const bodyKey = JSON.stringify(body);
    if (!key.current || !key.current.endsWith(String(hash(bodyKey)))) key.current = `console-${crypto.randomUUID()}-${hash(bodyKey)}`;
    setSending(true);
    try {
      const result = await send(api, action, caseView?.id, body, key.current);
      key.current = null;
      onDone(result);
    } catch (err) {
      if (err instanceof ApiError && err.problem) {
        const p = err.problem;
        setProblem(p);
        // Several errors may land on one field (officerIds[0], officerIds[1]): all of them show.
        const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
        for (const e of p.errors ?? []) {
          const name = formFieldOf(e.field, fields);
          if (!name) continue;
          const entry = byField.get(name.join('.')) ?? { name, errors: [] };
          entry.errors.push(e.message);
          byField.set(name.join('.'), entry);
        }
        const placed = [...byField.values()];
        form.setFields(placed);
        marked.current = placed.map((x) => x.name);
      } else {
        setFailure(err instanceof Error ? err.message : String(err));
      }
      // A refusal is an answer: the same key would return it again, so the corrected form gets a new one.
      if (err instanceof ApiError && err.status < 500) key.current = null;
    } finally {
      setSending(false);
    }
  }

  const unplaced = (problem?.errors ?? []).filter((e) => !formFieldOf(e.field, fields));

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ ...defaults(schema, caseView), ...initial }}
      onFinish={(v) => void submit(v as Record<string, unknown>)}
      data-testid={`command-form-${action}`}
      requiredMark
    >
      {Object.entries(schema.properties ?? {}).map(([name, sub]) => (
        <Field key={name} action={action} name={[name]} label={name} schema={sub} required={schema.required?.includes(name) ?? false} caseView={caseView} />
      ))}
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="command-problem"
          data-code={problem.code}
          style={{ marginBottom: 16 }}
          title={problem.title}
          description={
            <>
              <Typography.Paragraph style={{ marginBottom: 4 }} data-testid="command-problem-detail">
                {problem.detail}
              </Typography.Paragraph>
              {unplaced.length > 0 && (
                <ul>
                  {unplaced.map((e) => (
                    <li key={e.field}>
                      {e.field}: {e.message}
                    </li>
                  ))}
                </ul>
              )}
              {problem.allowedActions && problem.allowedActions.length > 0 && (
                <Typography.Paragraph style={{ marginBottom: 4 }}>
                  {m.allowedNow}: {problem.allowedActions.join(', ')}
                </Typography.Paragraph>
              )}
              <Typography.Text type="secondary">
                {m.code}: <code>{problem.code}</code> · HTTP {problem.status}
              </Typography.Text>
            </>
          }
        />
      )}
      {failure && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={m.failed} description={failure} />}
      <Space>
        <Button type="primary" htmlType="submit" loading={sending} data-testid="command-submit">
          {m.submit}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        {m.judgedByApi}
      </Typography.Paragraph>
    </Form>
  );
}

/** A small stable number for a body: the key changes when the content does. */
function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return h >>> 0;
}

/** Every field path of the form ("party.name", "points.0.reason" as they come), for placing field errors. */
function fieldPaths(schema: FieldSchema, prefix: string[] = [], out = new Set<string>()): Set<string> {
  for (const [name, sub] of Object.entries(schema.properties ?? {})) {
    const path = [...prefix, name];
    out.add(path.join('.'));
    if (sub.type === 'object') fieldPaths(sub, path, out);
    // Items of a list of objects: errors name them by index; 20 rows is far more than any form holds.
    if (sub.type === 'array' && sub.items?.type === 'object') {
      for (let i = 0; i < 20; i++) fieldPaths(sub.items, [...path, String(i)], out);
    }
  }
  return out;
}

/** Starting values: required times now, people and recipients the case already names. */
function defaults(schema: FieldSchema, caseView?: CaseView): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const now = wallClock(new Date());
  for (const [name, sub] of Object.entries(schema.properties ?? {})) {
    const required = schema.required?.includes(name) ?? false;
    if (required && isTimeField(name, sub) && !DATE_ONLY.has(name)) out[name] = { wall: now, dateOnly: false } satisfies TimeValue;
    if (name === 'recipient' && caseView) out[name] = caseView.party.name;
    if ((name === 'officerIds' || name === 'collectedByIds') && caseView?.officers.length) out[name] = caseView.officers.map((o) => o.userId);
    if (sub.type === 'object' && sub.properties) {
      const inner = defaults(sub, caseView);
      if (Object.keys(inner).length && required) out[name] = inner;
    }
  }
  return out;
}

interface FieldProps {
  action: CommandFormAction;
  /** The name inside the enclosing Form.List (or the form). */
  name: (string | number)[];
  /** The whole path from the form's root: the input's id (cmd-party-name, cmd-points-0). */
  path?: (string | number)[];
  /** The field's own name (the last part of the path that is not an index). */
  label: string;
  schema: FieldSchema;
  required: boolean;
  caseView?: CaseView;
}

function Field({ action, name, path = name, label, schema, required, caseView }: FieldProps) {
  const { lang } = useI18n();
  const text = fieldLabel(action, label, lang);
  const help = fieldHelp(action, label, schema.description, lang);
  const id = `cmd-${path.join('-')}`;

  if (schema.type === 'object' && schema.properties) {
    return (
      <Card size="small" title={<span id={`${id}-title`}>{text}</span>} style={{ marginBottom: 16 }} role="group" aria-labelledby={`${id}-title`}>
        {help && <Typography.Paragraph type="secondary">{help}</Typography.Paragraph>}
        {Object.entries(schema.properties).map(([sub, s]) => (
          <Field key={sub} action={action} name={[...name, sub]} path={[...path, sub]} label={sub} schema={s} required={schema.required?.includes(sub) ?? false} caseView={caseView} />
        ))}
      </Card>
    );
  }
  if (schema.type === 'array' && schema.items?.type === 'object') {
    return <ObjectList action={action} name={name} path={path} label={label} text={text} help={help} schema={schema.items} caseView={caseView} />;
  }
  if (schema.type === 'array' && !schema.items?.enum && !PERSON_FIELDS[label] && label !== 'evidenceIds') {
    return <TextList name={name} path={path} text={text} help={help} required={required} />;
  }
  return (
    <Form.Item name={name} label={text} htmlFor={id} required={required} extra={help} {...(schema.type === 'boolean' && !required ? { valuePropName: 'checked' } : {})}>
      <Widget id={id} label={label} schema={schema} required={required} caseView={caseView} />
    </Form.Item>
  );
}

function ObjectList({ action, name, path, label, text, help, schema, caseView }: { action: CommandFormAction; name: (string | number)[]; path: (string | number)[]; label: string; text: string; help?: string; schema: FieldSchema; caseView?: CaseView }) {
  const m = useCommandMessages();
  return (
    <Form.List name={name}>
      {(rows, { add, remove }) => (
        <Card size="small" title={text} style={{ marginBottom: 16 }} data-field={label}>
          {help && <Typography.Paragraph type="secondary">{help}</Typography.Paragraph>}
          {rows.map((row, i) => (
            <Card key={row.key} size="small" type="inner" title={`${text} ${i + 1}`} extra={<Button size="small" onClick={() => remove(row.name)}>{m.remove}</Button>} style={{ marginBottom: 8 }}>
              {Object.entries(schema.properties ?? {}).map(([sub, s]) => (
                <Field key={sub} action={action} name={[row.name, sub]} path={[...path, row.name, sub]} label={sub} schema={s} required={schema.required?.includes(sub) ?? false} caseView={caseView} />
              ))}
            </Card>
          ))}
          <Button onClick={() => add()} data-testid={`add-${path.join('-')}`}>
            {m.add} {text}
          </Button>
        </Card>
      )}
    </Form.List>
  );
}

function TextList({ name, path, text, help, required }: { name: (string | number)[]; path: (string | number)[]; text: string; help?: string; required: boolean }) {
  const m = useCommandMessages();
  return (
    <Form.Item label={text} required={required} extra={help}>
      <Form.List name={name}>
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, i) => (
              <Space key={row.key} align="baseline" style={{ display: 'flex' }}>
                <Form.Item name={row.name} style={{ width: 340 }}>
                  <Input id={`cmd-${[...path, row.name].join('-')}`} aria-label={`${text} ${i + 1}`} />
                </Form.Item>
                <Button size="small" onClick={() => remove(row.name)}>
                  {m.remove}
                </Button>
              </Space>
            ))}
            <Button onClick={() => add('')} data-testid={`add-${path.join('-')}`}>
              {m.add} {text}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

interface WidgetProps {
  id: string;
  label: string;
  schema: FieldSchema;
  required: boolean;
  caseView?: CaseView;
  value?: unknown;
  onChange?: (v: unknown) => void;
}

/** The input of one field; Form.Item passes value and onChange. */
function Widget(props: WidgetProps) {
  const { id, label, schema, required, value, onChange } = props;
  const { lang } = useI18n();
  const m = useCommandMessages();
  if (PERSON_FIELDS[label]) return <PersonSelect {...props} multiple={schema.type === 'array'} />;
  if (label === 'evidenceIds') return <EvidenceSelect {...props} />;
  if (label === 'violationCode') return <ViolationSelect {...props} />;
  if (BODY_FIELDS[label]) return <BodySelect {...props} />;
  if (schema.type === 'array' && schema.items?.enum) {
    const options = schema.items.enum.map((v) => ({ value: v, label: valueLabel(v, lang) }));
    return options.length <= 6 ? (
      <div id={id} role="group">
        <Checkbox.Group options={options} value={value as string[]} onChange={onChange} />
      </div>
    ) : (
      <Select id={id} mode="multiple" options={options} value={value as string[]} onChange={onChange} placeholder={m.choose} showSearch optionFilterProp="label" />
    );
  }
  if (schema.enum) {
    const options = schema.enum.map((v) => ({ value: v, label: valueLabel(v, lang) }));
    return options.length <= 5 ? (
      <Radio.Group id={id} options={options} value={value} onChange={(e) => onChange?.(e.target.value)} />
    ) : (
      <Select id={id} options={options} value={value} onChange={onChange} placeholder={m.choose} allowClear={!required} showSearch optionFilterProp="label" />
    );
  }
  if (schema.type === 'boolean') {
    // A required yes/no is answered explicitly; an optional one is a switch left off.
    return required ? (
      <Radio.Group
        id={id}
        value={value}
        onChange={(e) => onChange?.(e.target.value)}
        options={[
          { value: true, label: m.yes },
          { value: false, label: m.no },
        ]}
      />
    ) : (
      <Switch id={id} checked={value === true} onChange={(v) => onChange?.(v)} />
    );
  }
  if (schema.type === 'number' || schema.type === 'integer') {
    return <InputNumber id={id} style={{ width: 220 }} min={0} value={value as number} onChange={onChange} />;
  }
  if (isTimeField(label, schema)) return <TimeInput {...props} dateOnly={DATE_ONLY.has(label)} />;
  if (LONG_TEXT.has(label)) return <Input.TextArea id={id} autoSize={{ minRows: 2, maxRows: 8 }} value={value as string} onChange={(e) => onChange?.(e.target.value)} />;
  return <Input id={id} value={value as string} onChange={(e) => onChange?.(e.target.value)} placeholder={typeof schema.example === 'string' ? schema.example : undefined} />;
}

/** A time in the agency's zone, whatever the browser's: the picker shows and takes the agency's wall clock. */
function TimeInput({ id, value, onChange, dateOnly }: WidgetProps & { dateOnly: boolean }) {
  const m = useCommandMessages();
  const v = isTimeValue(value) ? dayjs(value.wall) : null;
  return (
    <Space direction="vertical" size={0}>
      <DatePicker
        id={id}
        showTime={dateOnly ? false : { format: 'HH:mm' }}
        format={dateOnly ? 'YYYY-MM-DD' : 'YYYY-MM-DD HH:mm'}
        value={v}
        onChange={(d: Dayjs | null) => onChange?.(d ? ({ wall: d.format(dateOnly ? 'YYYY-MM-DD' : 'YYYY-MM-DDTHH:mm'), dateOnly } satisfies TimeValue) : undefined)}
        style={{ width: 220 }}
      />
      {!dateOnly && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.agencyTime}</Typography.Text>}
    </Space>
  );
}

function PersonSelect({ id, label, value, onChange, multiple }: WidgetProps & { multiple: boolean }) {
  const { api } = useSession();
  const { lang } = useI18n();
  const m = useCommandMessages();
  const people = useQuery({ queryKey: ['people'], queryFn: () => ok(api.GET('/api/v1/people')), staleTime: 60_000 });
  const allowed = PERSON_FIELDS[label];
  const options = (people.data?.items ?? [])
    .filter((p) => allowed === 'anyone' || p.roles.some((r) => allowed.includes(r)))
    .map((p) => {
      const cert = p.certificates.find((c) => c.validToday);
      const roles = p.roles.map((r) => roleLabel(r, lang)).join('、');
      return { value: p.id, label: `${p.name}（${roles}${cert ? ` · ${cert.number}` : p.certificates.length ? ` · ${m.certificateInvalid}` : ''}）` };
    });
  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      loading={people.isLoading}
      options={options}
      value={value as string | string[]}
      onChange={onChange}
      placeholder={m.choosePerson}
      optionFilterProp="label"
      showSearch
      allowClear
    />
  );
}

function EvidenceSelect({ id, caseView, value, onChange }: WidgetProps) {
  const { api } = useSession();
  const m = useCommandMessages();
  const caseId = caseView?.id ?? '';
  const evidence = useQuery({
    queryKey: ['case', caseId, 'evidence'],
    queryFn: () => ok(api.GET('/api/v1/cases/{id}/evidence', { params: { path: { id: caseId } } })),
    enabled: caseId !== '',
  });
  const options = (evidence.data?.items ?? []).map((e) => ({ value: e.evidenceId, label: `${e.title}（${e.sha256.slice(0, 12)}…）` }));
  return <Select id={id} mode="multiple" loading={evidence.isLoading} options={options} value={value as string[]} onChange={onChange} placeholder={m.chooseEvidence} showSearch optionFilterProp="label" />;
}

function ViolationSelect({ id, value, onChange }: WidgetProps) {
  const { api } = useSession();
  const m = useCommandMessages();
  const policy = useQuery({ queryKey: ['policy', 'current'], queryFn: () => ok(api.GET('/api/v1/policies/current')), staleTime: 300_000 });
  const options = (policy.data?.violations ?? []).map((v) => ({ value: v.code, label: `${v.code} — ${v.title}` }));
  return <Select id={id} loading={policy.isLoading} options={options} value={value as string} onChange={onChange} placeholder={m.choose} showSearch optionFilterProp="label" />;
}

/** Sends a command; registration is POST /cases, every other command POST /cases/{id}/<action>. */
async function send(api: ReturnType<typeof useSession>['api'], action: CommandFormAction, caseId: string | undefined, body: Record<string, unknown>, key: string): Promise<CommandResult> {
  const headers = { 'Idempotency-Key': key };
  if (action === 'register') {
    return (await ok(api.POST('/api/v1/cases', { body: body as never, headers }))) as CommandResult;
  }
  if (!caseId) throw new Error(`${action} needs a case`);
  // Every action but registration is a path under /cases/{id} (checked against the generated paths in command-paths.ts).
  const path = casePath(action);
  return (await ok(api.POST(path as '/api/v1/cases/{id}/filing', { params: { path: { id: caseId } }, body: body as never, headers }))) as CommandResult;
}

/** Actions whose path is not simply /cases/{id}/<action> (they have forms of their own). */
type OwnPath = 'register' | 'evidence-custody' | 'evidence-confirmation';
type CaseCommandPath = `/api/v1/cases/{id}/${Exclude<CommandFormAction, OwnPath>}`;
// Every such path is one the API publishes: a path renamed in the API fails the type check here.
const PATHS_PUBLISHED: [Exclude<CaseCommandPath, keyof paths>] extends [never] ? true : never = true;
void PATHS_PUBLISHED;

export function casePath(action: CommandFormAction): CaseCommandPath {
  if (action === 'register' || action === 'evidence-custody' || action === 'evidence-confirmation') throw new Error(`${action} has a path of its own`);
  return `/api/v1/cases/{id}/${action}`;
}

