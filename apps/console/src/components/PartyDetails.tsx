import { useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, Modal } from 'antd';
import type { CaseView } from '../api';
import { ApiError, ok } from '../api';
import { defineMessages, useI18n } from '../i18n';
import { partyTypeLabel } from '../labels';
import { useSession } from '../session';

type Party = CaseView['party'];

const usePartyMessages = defineMessages({
  zh: {
    idNumber: '身份证号码',
    phone: '联系电话',
    address: '住所（地址）',
    showFull: '查看完整信息',
    title: '查看当事人完整个人信息',
    intro: '完整的身份证号码、电话和地址只为办案需要查看。请说明理由：每次查看都会记录查看人、时间、案件和理由，供执法监督人员查阅（《个人信息保护法》）。',
    reason: '查看理由',
    reasonRequired: '请填写查看理由',
    submit: '查看',
    close: '关闭',
    logged: '本次查看已记录。',
  },
  en: {
    idNumber: 'ID number',
    phone: 'Phone',
    address: 'Address',
    showFull: 'Show in full',
    title: "The party's full personal information",
    intro: "The full ID number, phone and address are shown only when the case needs them. Give the reason: each read is logged with who, when, the case and the reason, for supervisors (PIPL).",
    reason: 'Reason',
    reasonRequired: 'Give the reason',
    submit: 'Show',
    close: 'Close',
    logged: 'This read was logged.',
  },
});

const FIELDS = ['idNumber', 'phone', 'address'] as const;

/** The party as every view shows it (personal fields masked), and the logged way to read them in full. */
export function PartyDetails({ caseId, party }: { caseId: string; party: Party }) {
  const { api } = useSession();
  const { lang } = useI18n();
  const m = usePartyMessages();
  const [open, setOpen] = useState(false);
  const [full, setFull] = useState<Party | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const held = FIELDS.filter((f) => party[f]);

  const read = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      setFull(await ok(api.GET('/api/v1/cases/{id}/party', { params: { path: { id: caseId }, header: { 'X-Access-Reason': encodeURIComponent(reason) } } })));
    } catch (e) {
      setError(e instanceof ApiError ? (e.problem?.detail ?? e.message) : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span data-testid="party">
      {party.name} ({partyTypeLabel(party.type, lang)})
      {held.map((f) => (
        <span key={f} style={{ marginInlineStart: 8 }} data-field={f}>
          {m[f]}：{party[f]}
        </span>
      ))}
      {held.length > 0 && (
        <Button size="small" style={{ marginInlineStart: 8 }} onClick={() => setOpen(true)}>
          {m.showFull}
        </Button>
      )}
      <Modal
        title={m.title}
        open={open}
        onCancel={() => {
          setOpen(false);
          setFull(null);
        }}
        footer={null}
        destroyOnHidden
      >
        {full ? (
          <>
            <Descriptions bordered size="small" column={1} data-testid="party-full">
              {FIELDS.filter((f) => full[f]).map((f) => (
                <Descriptions.Item key={f} label={m[f]}>
                  <span data-full={f}>{full[f]}</span>
                </Descriptions.Item>
              ))}
            </Descriptions>
            <p style={{ marginTop: 12 }}>{m.logged}</p>
          </>
        ) : (
          <Form layout="vertical" onFinish={(v: { reason: string }) => void read(v)}>
            <p>{m.intro}</p>
            <Form.Item name="reason" label={m.reason} rules={[{ required: true, whitespace: true, message: m.reasonRequired }]}>
              <Input maxLength={200} />
            </Form.Item>
            {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
            <Button type="primary" htmlType="submit" loading={busy}>
              {m.submit}
            </Button>
          </Form>
        )}
      </Modal>
    </span>
  );
}
