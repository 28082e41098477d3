import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Table, Typography } from 'antd';
import { ApiError, ok, type CaseView, type components } from '../api';
import { formatDateTime } from '../format';
import { defineMessages, useI18n } from '../i18n';
import { codeInWords } from '../labels';
import { useSession } from '../session';
import { formatBytes } from './evidence/model';
import { useAccessReason } from './AccessReason';
import { QueryError } from './QueryError';

type DocumentView = components['schemas']['DocumentView'];

const useMessages = defineMessages({
  zh: {
    section: '文书',
    help: '本案制发的文书（PDF），每份按其校验值（sha256）保存；下载时重新校验，被篡改的文件不予提供。',
    none: '尚未制发文书',
    title: '文书',
    number: '文号',
    issuedAt: '制发时间',
    size: '大小',
    download: '下载',
    downloadOf: (t: string) => `下载 ${t}`,
    refused: (t: string) => `文书“${t}”未能下载`,
  },
  en: {
    section: 'Documents',
    help: 'The documents (PDF) this case issued, each kept by its sha256; re-hashed on download, a tampered file is never served.',
    none: 'No documents issued yet',
    title: 'Document',
    number: 'Number',
    issuedAt: 'Issued',
    size: 'Size',
    download: 'Download',
    downloadOf: (t: string) => `Download ${t}`,
    refused: (t: string) => `The document "${t}" could not be downloaded`,
  },
});

/** The case's documents (文书), each downloadable as its PDF. */
export function DocumentsSection({ caseView }: { caseView: CaseView }) {
  const m = useMessages();
  const { t, lang } = useI18n();
  const { api } = useSession();
  const list = useQuery({
    queryKey: ['case', caseView.id, 'documents'],
    queryFn: () => ok(api.GET('/api/v1/cases/{id}/documents', { params: { path: { id: caseView.id } } })),
  });
  const title = (d: DocumentView) => (lang === 'zh' ? d.title : `${codeInWords(d.kind)} (${d.title})`);
  // Fetched with the session's token, then handed to the browser as a blob to save.
  // The PDF carries the party's full personal information: the reason is asked first, sent, and logged (PIPL).
  const reason = useAccessReason();
  const download = useMutation({
    mutationFn: async ({ doc: d, reason: why }: { doc: DocumentView; reason: string }) => {
      const blob = await ok(
        api.GET('/api/v1/cases/{id}/documents/{documentId}', {
          params: { path: { id: caseView.id, documentId: d.id }, header: { 'X-Access-Reason': encodeURIComponent(why) } },
          headers: { 'Accept-Language': lang === 'zh' ? 'zh-CN' : 'en' },
          parseAs: 'blob',
        }),
      );
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = d.fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  });
  const refusal = download.error instanceof ApiError ? download.error.problem : undefined;

  return (
    <section id="documents" aria-labelledby="documents-title" style={{ marginTop: 24 }} data-testid="documents-section">
      <Typography.Title level={2} id="documents-title" style={{ fontSize: 18 }}>
        {m.section}
      </Typography.Title>
      <Typography.Paragraph>{m.help}</Typography.Paragraph>
      {reason.dialog}
      {download.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          data-testid="document-download-error"
          data-code={refusal?.code}
          title={`${m.refused(download.variables ? title(download.variables.doc) : '')}${refusal ? `: ${refusal.title}` : ''}`}
          description={refusal ? refusal.detail : download.error.message}
          closable={{ 'aria-label': t.close }}
          onClose={() => download.reset()}
        />
      )}
      {list.error && <QueryError error={list.error} />}
      <Table<DocumentView>
        data-testid="documents"
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: m.none }}
        columns={[
          { title: m.title, key: 'title', render: (_, d) => <span data-testid="document-title">{title(d)}</span> },
          { title: m.number, key: 'number', dataIndex: 'number' },
          { title: m.issuedAt, key: 'issuedAt', render: (_, d) => formatDateTime(d.issuedAt, lang) },
          { title: m.size, key: 'size', width: 90, render: (_, d) => formatBytes(d.sizeBytes) },
          {
            title: 'SHA-256',
            key: 'sha256',
            render: (_, d) => (
              <Typography.Text code title={d.sha256}>
                {d.sha256.slice(0, 12)}…
              </Typography.Text>
            ),
          },
          {
            title: m.download,
            key: 'download',
            width: 100,
            render: (_, d) => (
              <Button size="small" onClick={() => void reason.ask(title(d)).then((why) => why && download.mutate({ doc: d, reason: why }))} loading={download.isPending && download.variables?.doc.id === d.id} aria-label={m.downloadOf(title(d))} data-testid="document-download">
                {m.download}
              </Button>
            ),
          },
        ]}
      />
    </section>
  );
}
