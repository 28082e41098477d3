import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import { ApiError, ok, type CaseView } from '../../api';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { codeInWords } from '../../labels';
import { useSession } from '../../session';
import { useAccessReason } from '../AccessReason';
import { QueryError } from '../QueryError';
import { useEvidenceMessages } from './messages';
import { downloadName, EVIDENCE_KIND_LABELS, formatBytes, peopleOf, type CustodyEntry, type EvidenceItem } from './model';
import { RecordEvidenceForm } from './RecordEvidenceForm';
import { TransferCustodyForm, useEvidenceList } from './TransferCustodyForm';

export interface EvidenceSectionProps {
  caseView: CaseView;
}

/** The case's evidence: each item with its hash, collectors and custody, the file on demand, and the forms the user may use. */
export function EvidenceSection({ caseView }: EvidenceSectionProps) {
  const m = useEvidenceMessages();
  const { t, lang } = useI18n();
  const { api } = useSession();
  const list = useEvidenceList(caseView.id);
  const [recording, setRecording] = useState(false);
  const [transferring, setTransferring] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  const names = peopleOf(caseView, items);
  const nameOf = (userId: string) => names.get(userId) ?? userId;
  const mayRecord = caseView.allowedActions.includes('evidence');
  const mayTransfer = caseView.allowedActions.includes('evidence-custody');

  // The file is fetched with the session's token and handed to the browser as a blob to save.
  // Evidence may carry the party's full personal information: the reason is asked first, sent, and logged (PIPL).
  const reason = useAccessReason();
  const content = useMutation({
    mutationFn: async ({ item, reason: why }: { item: EvidenceItem; reason: string }) => {
      const blob = await ok(
        api.GET('/api/v1/cases/{id}/evidence/{evidenceId}/content', {
          params: { path: { id: caseView.id, evidenceId: item.evidenceId }, header: { 'X-Access-Reason': encodeURIComponent(why) } },
          headers: { 'Accept-Language': lang === 'zh' ? 'zh-CN' : 'en' },
          parseAs: 'blob',
        }),
      );
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = downloadName(item);
      document.body.append(a);
      a.click();
      a.remove();
      // Released once the browser has surely taken it for the download.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  });
  const refusedItem = content.error ? (content.variables?.item.title ?? '') : '';
  const refusal = content.error instanceof ApiError ? content.error.problem : undefined;

  return (
    <section id="evidence" aria-labelledby="evidence-title" style={{ marginTop: 24 }} data-testid="evidence-section">
      <Typography.Title level={2} id="evidence-title" style={{ fontSize: 18 }}>
        {m.section}
      </Typography.Title>
      <Typography.Paragraph>{m.sectionHelp}</Typography.Paragraph>
      {mayRecord && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setRecording(true)} data-testid="record-evidence">
          {m.record}
        </Button>
      )}
      {reason.dialog}
      {content.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          data-testid="evidence-content-error"
          data-code={refusal?.code}
          title={`${m.contentRefused(refusedItem)}${refusal ? `: ${refusal.title}` : ''}`}
          description={
            refusal ? (
              <>
                <div>{refusal.detail}</div>
                <code>{refusal.code}</code>
              </>
            ) : (
              content.error.message
            )
          }
          closable={{ 'aria-label': t.close }}
          onClose={() => content.reset()}
        />
      )}
      {list.error && <QueryError error={list.error} />}
      <Table<EvidenceItem>
        data-testid="evidence"
        size="small"
        rowKey="evidenceId"
        loading={list.isPending}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: m.none }}
        scroll={{ x: 1180 }}
        expandable={{
          expandedRowRender: (e) => <ItemDetails item={e} nameOf={nameOf} />,
        }}
        columns={[
          { title: m.kind, key: 'kind', width: 90, render: (_, e) => (lang === 'zh' ? EVIDENCE_KIND_LABELS[e.kind] : codeInWords(e.kind)) },
          {
            title: m.title,
            key: 'title',
            render: (_, e) => (
              <Space size={4} wrap>
                <span>{e.title}</span>
                {e.origin && e.origin !== 'INITIAL' && <Tag data-testid="evidence-origin-tag">{m.origins[e.origin]}</Tag>}
                {e.draft && (
                  <Tag data-testid="evidence-draft-tag" data-confirmed={e.confirmedBy ? 'true' : 'false'}>
                    {e.confirmedBy ? m.draftConfirmed : m.draftUnconfirmed}
                  </Tag>
                )}
              </Space>
            ),
          },
          { title: m.collectedAt, key: 'collectedAt', width: 140, render: (_, e) => formatDateTime(e.collectedAt, lang) },
          {
            title: `${m.collectors}（${t.certificate}）`,
            key: 'collectors',
            width: 190,
            render: (_, e) => (
              <span data-testid="evidence-collectors">
                {e.collectors.map((c) => (
                  <div key={c.userId} style={{ whiteSpace: 'nowrap' }}>
                    {c.name} <Typography.Text type="secondary">{c.certificateNumber}</Typography.Text>
                  </div>
                ))}
              </span>
            ),
          },
          { title: m.location, dataIndex: 'location', width: 150 },
          {
            title: m.sha256,
            key: 'sha256',
            width: 150,
            render: (_, e) => (
              <Typography.Text
                code
                title={e.sha256}
                data-sha256={e.sha256}
                copyable={{ text: e.sha256, tooltips: [m.copy, m.copied] }}
              >
                {e.sha256.slice(0, 12)}…
              </Typography.Text>
            ),
          },
          {
            title: m.content,
            key: 'content',
            width: 120,
            render: (_, e) =>
              e.text !== undefined ? (
                <Tag>{m.text}</Tag>
              ) : (
                <span data-testid="evidence-file">
                  <div>{e.mediaType ?? m.file}</div>
                  <div>{formatBytes(e.sizeBytes)}</div>
                </span>
              ),
          },
          { title: m.custodian, key: 'custodian', width: 80, render: (_, e) => <span data-testid="evidence-custodian">{nameOf(e.custodian)}</span> },
          {
            title: m.operations,
            key: 'ops',
            width: 110,
            render: (_, e) => (
              <Space size={0} direction="vertical" align="start">
                <Button
                  type="link"
                  size="small"
                  aria-label={m.downloadItem(e.title)}
                  loading={content.isPending && content.variables?.item.evidenceId === e.evidenceId}
                  onClick={() => void reason.ask(e.title).then((why) => why && content.mutate({ item: e, reason: why }))}
                  data-testid="evidence-download"
                >
                  {m.download}
                </Button>
                {mayTransfer && (
                  <Button type="link" size="small" aria-label={m.transferItem(e.title)} onClick={() => setTransferring(e.evidenceId)} data-testid="evidence-transfer">
                    {m.transfer}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />

      <Drawer open={recording} onClose={() => setRecording(false)} title={m.record} closable={{ 'aria-label': t.close }} size={560} destroyOnHidden>
        <RecordEvidenceForm caseView={caseView} />
      </Drawer>
      <Drawer
        open={transferring !== null}
        onClose={() => setTransferring(null)}
        title={m.transfer}
        closable={{ 'aria-label': t.close }}
        size={480}
        destroyOnHidden
      >
        {transferring && <TransferCustodyForm caseView={caseView} evidenceId={transferring} />}
      </Drawer>
    </section>
  );
}

/** The expanded row: who entered the item, its source and text, and its chain of custody. */
function ItemDetails({ item, nameOf }: { item: EvidenceItem; nameOf: (userId: string) => string }) {
  const m = useEvidenceMessages();
  const { lang } = useI18n();
  return (
    <div data-testid="evidence-details">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={m.recordedBy}>
          {item.recordedBy.name}
          {item.recordedBy.auxiliary && <Tag style={{ marginLeft: 8 }}>{m.auxiliaryDraft}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={m.recordedAt}>{formatDateTime(item.recordedAt, lang)}</Descriptions.Item>
        {item.source && <Descriptions.Item label={m.source}>{item.source}</Descriptions.Item>}
        <Descriptions.Item label={m.sha256}>
          <code>{item.sha256}</code>
        </Descriptions.Item>
        {item.text !== undefined && (
          <Descriptions.Item label={m.textContent} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{item.text}</Typography.Paragraph>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {m.chain}
      </Typography.Title>
      <Table<CustodyEntry>
        data-testid="custody-chain"
        size="small"
        pagination={false}
        rowKey={(c) => `${c.at}|${c.from}|${c.to}`}
        dataSource={item.custody}
        locale={{ emptyText: m.chainEmpty }}
        columns={[
          { title: m.from, key: 'from', render: (_, c) => nameOf(c.from) },
          { title: m.to, key: 'to', render: (_, c) => nameOf(c.to) },
          { title: m.at, key: 'at', render: (_, c) => formatDateTime(c.at, lang) },
          { title: m.reason, dataIndex: 'reason' },
        ]}
      />
    </div>
  );
}

export default EvidenceSection;
