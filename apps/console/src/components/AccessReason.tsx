import { useRef, useState, type ReactNode } from 'react';
import { Form, Input, Modal } from 'antd';
import { defineMessages } from '../i18n';

const useMessages = defineMessages({
  zh: {
    title: (what: string) => `下载：${what}`,
    intro: '该文件载有当事人完整的身份证号码、电话或地址。请说明理由：每次下载都会记录下载人、时间、案件、文件和理由，供执法监督人员查阅（《个人信息保护法》）。',
    reason: '下载理由',
    reasonRequired: '请填写下载理由',
    submit: '下载',
    cancel: '取消',
  },
  en: {
    title: (what: string) => `Download: ${what}`,
    intro: "This file carries the party's full ID number, phone or address. Give the reason: each download is logged with who, when, the case, the file and the reason, for supervisors (PIPL).",
    reason: 'Reason',
    reasonRequired: 'Give the reason',
    submit: 'Download',
    cancel: 'Cancel',
  },
});

/**
 * PIPL: asks why before a file carrying the party's full personal information
 * is downloaded (sent as X-Access-Reason and logged). `ask(what)` opens the
 * dialog and resolves with the reason, or null when cancelled; the last
 * reason given on the page is offered again.
 */
export function useAccessReason(): { ask: (what: string) => Promise<string | null>; dialog: ReactNode } {
  const m = useMessages();
  const [form] = Form.useForm<{ reason: string }>();
  const [what, setWhat] = useState<string | null>(null);
  // Which ask this is: the dialog and its form are made anew for each, with the last reason offered.
  const [round, setRound] = useState(0);
  const pending = useRef<((reason: string | null) => void) | null>(null);
  const last = useRef('');
  const settle = (reason: string | null) => {
    pending.current?.(reason);
    pending.current = null;
    setWhat(null);
  };
  const ask = (item: string) =>
    new Promise<string | null>((resolve) => {
      pending.current = resolve;
      setRound((n) => n + 1);
      setWhat(item);
    });
  const dialog = (
    <Modal
      title={what ? m.title(what) : ''}
      open={what !== null}
      okText={m.submit}
      cancelText={m.cancel}
      onOk={() => void form.validateFields().then(({ reason }) => settle((last.current = reason.trim())))}
      onCancel={() => settle(null)}
      destroyOnHidden
    >
      <p>{m.intro}</p>
      <Form key={round} form={form} layout="vertical" initialValues={{ reason: last.current }} onFinish={({ reason }) => settle((last.current = reason.trim()))}>
        <Form.Item name="reason" label={m.reason} rules={[{ required: true, whitespace: true, message: m.reasonRequired }]}>
          <Input maxLength={200} data-testid="access-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
  return { ask, dialog };
}
