import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Table, Typography } from 'antd';
import { ok, type CaseView, type components } from '../api';
import { formatDateTime } from '../format';
import { defineMessages, useI18n } from '../i18n';
import { useSession } from '../session';
import { QueryError } from './QueryError';

type Problem = components['schemas']['ArchiveProblemView'];

/**
 * 归档: where the case's archive stands (asked for, being packed by the
 * archive job, or sealed with its signed package), and the package verified
 * on demand (GET /cases/{id}/archive/verify), naming what fails.
 */
export function ArchiveSection({ caseView: c }: { caseView: CaseView }) {
  const { api } = useSession();
  const { lang } = useI18n();
  const m = useMessages();
  const verify = useMutation({
    mutationFn: () => ok(api.GET('/api/v1/cases/{id}/archive/verify', { params: { path: { id: c.id } } })),
  });
  if (!c.archive && c.status !== 'ARCHIVED') return null;
  const pkg = c.archive?.package;
  const result = verify.data;

  return (
    <section aria-labelledby="archive-title" style={{ marginTop: 24 }}>
      <Typography.Title level={2} id="archive-title" style={{ fontSize: 18 }}>
        {m.title}
      </Typography.Title>
      <Typography.Paragraph data-testid="archive-status">
        {!c.archive ? m.legacy : pkg ? m.sealed : m.building}
      </Typography.Paragraph>
      <Descriptions bordered size="small" column={1} style={{ marginBottom: 12 }}>
        {c.archive && (
          <Descriptions.Item label={m.requested}>
            {c.archive.requestedBy.name} · {formatDateTime(c.archive.requestedAt, lang)}
          </Descriptions.Item>
        )}
        {pkg && (
          <>
            <Descriptions.Item label={m.recordedAt}>{formatDateTime(pkg.at, lang)}</Descriptions.Item>
            <Descriptions.Item label={m.manifest}>
              <code data-testid="archive-manifest">{pkg.manifestSha256}</code>
            </Descriptions.Item>
            <Descriptions.Item label={m.key}>
              <code>{pkg.keyId}</code>
            </Descriptions.Item>
            <Descriptions.Item label={m.contents}>{m.contentsText(pkg.files, pkg.throughSeq)}</Descriptions.Item>
          </>
        )}
      </Descriptions>
      {pkg && (
        <Button data-testid="verify-archive" onClick={() => verify.mutate()} loading={verify.isPending} style={{ marginBottom: 12 }}>
          {m.verify}
        </Button>
      )}
      {verify.error && <QueryError error={verify.error} />}
      {result && (
        <>
          <Alert
            data-testid="archive-result"
            role="status"
            type={result.valid ? 'success' : 'error'}
            showIcon
            style={{ marginBottom: 12 }}
            message={result.valid ? m.valid(result.filesChecked, result.keyId ?? '') : m.invalid(result.problems.length)}
          />
          {!result.valid && (
            <Table<Problem>
              data-testid="archive-problems"
              size="small"
              rowKey={(p) => `${p.code}:${p.path ?? ''}`}
              pagination={false}
              dataSource={result.problems}
              columns={[
                { title: m.problem, dataIndex: 'code', width: 200, render: (_, p) => <code>{p.code}</code> },
                { title: m.file, dataIndex: 'path', width: 220, render: (_, p) => (p.path ? <code>{p.path}</code> : '—') },
                {
                  title: m.hashes,
                  key: 'hashes',
                  render: (_, p) =>
                    p.expected || p.actual ? (
                      <>
                        {m.expected} <code>{p.expected ?? '—'}</code>
                        <br />
                        {m.actual} <code>{p.actual ?? '—'}</code>
                      </>
                    ) : (
                      p.message
                    ),
                },
              ]}
            />
          )}
        </>
      )}
    </section>
  );
}

const useMessages = defineMessages({
  zh: {
    title: '归档',
    building: '已申请归档：归档任务正在生成并签名归档包，完成后案件即封存。',
    sealed: '案件已封存。归档包包含全部事件及其哈希、案件摘要、全部证据和文书，并由本机关的签名密钥（Ed25519）签名。',
    legacy: '本案在启用签名归档包之前归档，没有归档包；事件链可在下方校验。',
    requested: '申请归档',
    recordedAt: '归档包登记时间',
    manifest: '清单（manifest）SHA-256',
    key: '签名密钥',
    contents: '内容',
    contentsText: (files: number, through: number) => `${files} 个文件，第 1—${through} 号事件`,
    verify: '核验归档包',
    valid: (files: number, key: string) => `归档包完整：签名有效（密钥 ${key}），${files} 个文件均与清单一致，事件链完整。`,
    invalid: (n: number) => `归档包核验未通过：${n} 处问题。`,
    problem: '问题',
    file: '文件',
    hashes: '应为 / 实为',
    expected: '应为',
    actual: '实为',
  },
  en: {
    title: 'Archive',
    building: 'Archiving requested: the archive job is building and signing the package; the case is sealed once it is recorded.',
    sealed: "Sealed. The package holds every event with its hash, the case summary, every evidence file and document, signed with the agency's key (Ed25519).",
    legacy: 'Archived before signed packages: there is no package; the event chain can be verified below.',
    requested: 'Requested',
    recordedAt: 'Package recorded',
    manifest: 'Manifest SHA-256',
    key: 'Signing key',
    contents: 'Contents',
    contentsText: (files: number, through: number) => `${files} files, events 1–${through}`,
    verify: 'Verify the archive',
    valid: (files: number, key: string) => `The archive verifies: signature valid (key ${key}), all ${files} files match the manifest, the chain is whole.`,
    invalid: (n: number) => `The archive does not verify: ${n} problem${n === 1 ? '' : 's'}.`,
    problem: 'Problem',
    file: 'File',
    hashes: 'Expected / found',
    expected: 'expected',
    actual: 'found',
  },
});
