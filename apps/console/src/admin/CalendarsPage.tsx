import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Table, Typography } from 'antd';
import { ApiError, ok, type components, type Problem } from '../api';
import { QueryError } from '../components/QueryError';
import { PageTitle } from '../components/Shell';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { useAdminMessages } from './messages';

type CalendarView = components['schemas']['CalendarView'];
interface Values {
  year: number;
  holidays: string;
  adjustedWorkingDays: string;
  source: string;
}

/** Dates as typed: one a line (commas and spaces also separate), blanks dropped. */
function dates(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[\s,，、]+/)
    .map((d) => d.trim())
    .filter((d) => d.length > 0);
}

/** 节假日安排 (ADMIN): the published years, and a form to publish the next one. */
export default function CalendarsPage() {
  const { api } = useSession();
  const { lang } = useI18n();
  const m = useAdminMessages();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const list = useQuery({ queryKey: ['calendars'], queryFn: () => ok(api.GET('/api/v1/admin/calendars')) });

  const publish = useMutation({
    mutationFn: (v: Values) =>
      ok(
        api.POST('/api/v1/admin/calendars', {
          body: { year: v.year, holidays: dates(v.holidays), adjustedWorkingDays: dates(v.adjustedWorkingDays), source: v.source },
        }),
      ),
    onMutate: () => {
      setProblem(null);
      setDone(null);
    },
    onSuccess: async (c) => {
      setDone(c.year);
      form.resetFields();
      await queries.invalidateQueries({ queryKey: ['calendars'] });
    },
    onError: (err) => setProblem(err instanceof ApiError && err.problem ? err.problem : ({ code: 'HTTP', detail: err.message } as Problem)),
  });

  return (
    <>
      <PageTitle>{m.title}</PageTitle>
      <Typography.Paragraph>{m.intro}</Typography.Paragraph>
      {list.error && <QueryError error={list.error} />}
      <Table<CalendarView>
        data-testid="calendars"
        loading={list.isFetching}
        dataSource={list.data?.items}
        rowKey="year"
        pagination={false}
        locale={{ emptyText: m.empty }}
        columns={[
          { title: m.year, dataIndex: 'year' },
          { title: m.source, dataIndex: 'source' },
          { title: m.holidays, key: 'holidays', render: (_, c) => m.days(c.holidays.length) },
          { title: m.adjusted, key: 'adjusted', render: (_, c) => c.adjustedWorkingDays.join('、') || '—' },
          { title: m.publishedAt, key: 'at', render: (_, c) => formatDateTime(c.publishedAt, lang) },
          { title: m.publishedBy, dataIndex: 'publishedBy' },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        {m.publish}
      </Typography.Title>
      <Form<Values> form={form} layout="vertical" style={{ maxWidth: 640 }} onFinish={(v) => publish.mutate(v)}>
        <Form.Item name="year" label={m.year} rules={[{ required: true }]}>
          <InputNumber min={1949} max={2200} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="holidays" label={m.holidays} extra={m.holidaysHelp} rules={[{ required: true }]}>
          <Input.TextArea rows={6} />
        </Form.Item>
        <Form.Item name="adjustedWorkingDays" label={m.adjusted} extra={m.adjustedHelp}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="source" label={m.source} extra={m.sourceHelp} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        {problem && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={`${m.refused}: ${problem.detail}`}
            description={
              <ul data-testid="calendar-errors">
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
