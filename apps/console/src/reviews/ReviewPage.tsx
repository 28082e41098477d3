import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Descriptions, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ok, type components } from '../api';
import { DaysLeftTag } from '../components/DaysLeft';
import { QueryError } from '../components/QueryError';
import { PageTitle } from '../components/Shell';
import { formatDateTime, formatLocalDate, yuan } from '../format';
import { useI18n } from '../i18n';
import { flagLabel, partyTypeLabel, procedureLabel, statusLabel } from '../labels';
import { useSession } from '../session';
import { BenchmarkBar } from './BenchmarkBar';
import { LegalReviewForm } from './LegalReviewForm';
import {
  baseLabel,
  evidenceKindLabel,
  groundLabel,
  levelLabel,
  opinionLabel,
  outcomeLabel,
  penaltyKindLabel,
  placementLabel,
  returnToLabel,
  useReviewMessages,
} from './messages';

type S = components['schemas'];
type LegalReviewView = S['LegalReviewView'];
type EvidenceItemView = S['EvidenceItemView'];

const section = { marginBottom: 24 } as const;
// Solid tags in dark shades: white text on them passes WCAG AA (antd's light preset tags do not).
const TAG = { red: '#a8071a', amber: '#876800', orange: '#ad4e00', green: '#237804', blue: '#0b5cad' } as const;
const h2 = { fontSize: 18 } as const;

/** One case's legal review: header, proposal, benchmark band, evidence, earlier rounds and, for its named reviewer, the opinion form. */
export default function ReviewPage() {
  const { caseId = '' } = useParams();
  const { api } = useSession();
  const { t, lang } = useI18n();
  const m = useReviewMessages();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const path = { params: { path: { id: caseId } } };
  const read = useQuery({ queryKey: ['case', caseId], queryFn: () => ok(api.GET('/api/v1/cases/{id}', path)) });
  const review = useQuery({ queryKey: ['case', caseId, 'legal-review'], queryFn: () => ok(api.GET('/api/v1/cases/{id}/legal-review', path)) });
  const evidence = useQuery({ queryKey: ['case', caseId, 'evidence'], queryFn: () => ok(api.GET('/api/v1/cases/{id}/evidence', path)) });

  const error = read.error ?? review.error;
  if (error) return <QueryError error={error} />;
  const c = read.data;
  const lr = review.data;
  if (!c || !lr) return <Card loading aria-busy="true" />;
  const mayAnswer = lr.pending && c.allowedActions.includes('legal-review');

  return (
    <>
      <Link to="/reviews">← {m.backToQueue}</Link>
      <PageTitle>
        {m.reviewTitle} <span data-testid="case-number">{c.caseNumber}</span>{' '}
        <Tag color="blue" style={{ verticalAlign: 'middle' }} data-testid="case-status">
          {statusLabel(c.status, lang)}
        </Tag>
      </PageTitle>

      <section aria-labelledby="review-case-title" style={section}>
        <Typography.Title level={2} id="review-case-title" style={h2}>
          {m.caseHeader}
        </Typography.Title>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="review-header">
          <Descriptions.Item label={t.party}>
            {c.party.name} ({partyTypeLabel(c.party.type, lang)})
          </Descriptions.Item>
          <Descriptions.Item label={t.violation}>{c.violationCode}</Descriptions.Item>
          <Descriptions.Item label={t.procedure}>{procedureLabel(c.procedure, lang)}</Descriptions.Item>
          <Descriptions.Item label={t.flags}>
            {c.flags.length ? c.flags.map((f) => <Tag key={f} color={f === 'OVERDUE' ? TAG.red : TAG.amber}>{flagLabel(f, lang)}</Tag>) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t.officers}>{c.officers.map((o) => o.name).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={m.majorCase}>
            <span data-testid="major-case">
              {c.majorCase ? (
                <>
                  {c.majorCase.grounds.map((g) => (
                    <Tag key={g} color={TAG.orange}>
                      {groundLabel(g, lang)}
                    </Tag>
                  ))}
                  {m.majorGrounds}: {c.majorCase.reason} ({c.majorCase.markedBy.name}, {formatDateTime(c.majorCase.at, lang)})
                </>
              ) : (
                m.notMarked
              )}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={m.reviewGrounds} span={2}>
            {lr.grounds.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {lr.grounds.map((g) => (
                  <li key={g}>{g}</li>
                ))}
              </ul>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label={m.assignee}>
            <span data-testid="assignee">{lr.assignee ? `${lr.assignee.name} (${m.reviewerCert} ${lr.assignee.certificateNumber})` : '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={m.reviewDeadline}>
            {lr.deadline ? (
              <span data-testid="review-deadline">
                {formatLocalDate(lr.deadline.basis.dueDate, lang)} ({lr.deadline.basis.source}){' '}
                {lr.deadline.daysLeft !== undefined && lr.deadline.overdue !== undefined ? <DaysLeftTag daysLeft={lr.deadline.daysLeft} overdue={lr.deadline.overdue} /> : null}
              </span>
            ) : (
              '—'
            )}
          </Descriptions.Item>
        </Descriptions>
      </section>

      <Proposal lr={lr} />

      <section aria-labelledby="review-evidence-title" style={section}>
        <Typography.Title level={2} id="review-evidence-title" style={h2}>
          {m.evidence}
        </Typography.Title>
        {evidence.error && <QueryError error={evidence.error} />}
        <Table<EvidenceItemView>
          data-testid="review-evidence"
          size="small"
          rowKey="evidenceId"
          pagination={false}
          loading={evidence.isPending}
          dataSource={evidence.data?.items ?? []}
          locale={{ emptyText: m.noEvidence }}
          columns={[
            { title: m.evidenceTitle, dataIndex: 'title' },
            { title: m.evidenceKind, dataIndex: 'kind', render: (_, e) => evidenceKindLabel(e.kind, lang) },
            { title: m.collectedAt, dataIndex: 'collectedAt', render: (_, e) => formatDateTime(e.collectedAt, lang) },
            { title: m.collectors, key: 'collectors', render: (_, e) => e.collectors.map((o) => o.name).join('、') },
            { title: m.location, dataIndex: 'location' },
            { title: m.sha256, dataIndex: 'sha256', render: (_, e) => <code title={e.sha256}>{e.sha256.slice(0, 12)}…</code> },
          ]}
        />
      </section>

      <Rounds lr={lr} />

      <section aria-labelledby="review-form-title" style={section}>
        <Typography.Title level={2} id="review-form-title" style={h2}>
          {m.formTitle}
        </Typography.Title>
        {mayAnswer ? (
          <Card>
            <LegalReviewForm
              caseView={c}
              onDone={() => {
                void message.success(m.done);
                void queries.invalidateQueries({ queryKey: ['case', caseId] });
                void queries.invalidateQueries({ queryKey: ['me', 'tasks'] });
              }}
            />
          </Card>
        ) : (
          <Typography.Paragraph data-testid="no-opinion">{lr.pending ? m.notYours : m.noPendingReview}</Typography.Paragraph>
        )}
      </section>
    </>
  );
}

/** The current report's proposal, with the fine in figures and in Chinese uppercase, and the benchmark band it falls in. */
function Proposal({ lr }: { lr: LegalReviewView }) {
  const { lang } = useI18n();
  const m = useReviewMessages();
  const p = lr.proposal;
  const d = p?.discretion;
  return (
    <section aria-labelledby="review-proposal-title" style={section}>
      <Typography.Title level={2} id="review-proposal-title" style={h2}>
        {m.proposal}
      </Typography.Title>
      {!p ? (
        <Typography.Paragraph>{m.noProposal}</Typography.Paragraph>
      ) : (
        <>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="proposal" styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label={m.outcome}>{outcomeLabel(p.proposedOutcome, lang)}</Descriptions.Item>
            <Descriptions.Item label={m.penalty}>{p.proposedPenalty ? p.proposedPenalty.kinds.map((k) => penaltyKindLabel(k, lang)).join('、') : '—'}</Descriptions.Item>
            <Descriptions.Item label={m.fine} span={2}>
              {p.proposedPenalty?.fineAmount !== undefined ? (
                <span data-testid="proposed-fine">
                  <strong>{yuan(p.proposedPenalty.fineAmount)}</strong>
                  {p.fineInCapitals && (
                    <>
                      {' '}（<span lang="zh-CN">{p.fineInCapitals}</span>）
                    </>
                  )}
                </span>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label={m.legalBasis}>{p.legalBasis}</Descriptions.Item>
            <Descriptions.Item label={m.level}>{levelLabel(p.circumstanceLevel, lang)}</Descriptions.Item>
            <Descriptions.Item label={m.discretionReasons}>{p.discretionReasons ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={m.bases}>
              {p.discretionBases.length
                ? p.discretionBases.map((b) => `${baseLabel(b.kind, lang)} ${b.kind.endsWith('_M2') ? b.value : yuan(b.value)}${b.note ? ` (${b.note})` : ''}`).join('；')
                : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={m.findings} span={2}>
              {p.findings}
            </Descriptions.Item>
            <Descriptions.Item label={m.submittedBy}>
              {p.submittedBy.name}, {formatDateTime(p.submittedAt, lang)}
            </Descriptions.Item>
            <Descriptions.Item label={m.assessment}>{p.assessment.length ? p.assessment.join('；') : '—'}</Descriptions.Item>
          </Descriptions>

          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
            {m.benchmark}
          </Typography.Title>
          {!d ? (
            <Typography.Paragraph data-testid="no-benchmark">{m.noBenchmark}</Typography.Paragraph>
          ) : (
            <>
              <BenchmarkBar d={d} />
              <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="benchmark" styles={{ label: { whiteSpace: 'nowrap' } }}>
                <Descriptions.Item label={m.band}>{d.finding.band}</Descriptions.Item>
                <Descriptions.Item label={m.placement}>
                  <Tag color={d.placement === 'OUTSIDE' ? TAG.red : d.placement === 'BELOW_STATUTORY_MINIMUM' ? TAG.orange : TAG.green} data-placement={d.placement}>
                    {placementLabel(d.placement, lang)}
                  </Tag>
                </Descriptions.Item>
                <Descriptions.Item label={m.statutory}>
                  <span data-testid="statutory-range">
                    {yuan(d.finding.statutory.min)} – {yuan(d.finding.statutory.max)}
                  </span>
                  {d.multipleOf && ` (${d.multipleOf.statutory.min}–${d.multipleOf.statutory.max} × ${baseLabel(d.multipleOf.kind, lang)} ${yuan(d.multipleOf.value)})`}
                </Descriptions.Item>
                <Descriptions.Item label={`${m.levelRange} (${levelLabel(d.finding.level, lang)})`}>
                  <span data-testid="level-range">{d.finding.range ? `${yuan(d.finding.range.min)} – ${yuan(d.finding.range.max)}` : '—'}</span>
                </Descriptions.Item>
                <Descriptions.Item label={m.ruleSource} span={2}>
                  <span data-testid="rule-source">{d.finding.source}</span>
                </Descriptions.Item>
              </Descriptions>
            </>
          )}
        </>
      )}
    </section>
  );
}

/** Every round, oldest first: who asked, who was named, what was proposed, the opinion and its points. */
function Rounds({ lr }: { lr: LegalReviewView }) {
  const { lang } = useI18n();
  const m = useReviewMessages();
  return (
    <section aria-labelledby="review-rounds-title" style={section}>
      <Typography.Title level={2} id="review-rounds-title" style={h2}>
        {m.rounds}
      </Typography.Title>
      {lr.rounds.length === 0 ? (
        <Typography.Paragraph>{m.noRounds}</Typography.Paragraph>
      ) : (
        <ol data-testid="review-rounds" style={{ listStyle: 'none', padding: 0, margin: 0, borderInlineStart: '2px solid #d9d9d9' }}>
          {lr.rounds.map((r) => {
            const colour = r.opinion === 'APPROVE' ? TAG.green : r.opinion === undefined ? TAG.blue : TAG.red;
            return (
              <li key={r.round} data-round={r.round} data-opinion={r.opinion ?? 'PENDING'} style={{ position: 'relative', padding: '0 0 16px 20px' }}>
                <span aria-hidden="true" style={{ position: 'absolute', left: -7, top: 4, width: 12, height: 12, borderRadius: 6, background: colour }} />
                <Typography.Text strong>
                  {m.round(r.round)} · {formatDateTime(r.requestedAt, lang)}
                </Typography.Text>{' '}
                {r.opinion ? <Tag color={r.opinion === 'APPROVE' ? TAG.green : TAG.red}>{opinionLabel(r.opinion, lang)}</Tag> : <Tag color={TAG.blue}>{m.awaiting}</Tag>}
                <div>
                  {r.requestedBy && m.requestedBy(r.requestedBy.name)}
                  {r.assignments[0] && `，${m.assignedTo(r.assignments[0].reviewer.name)}`}
                  {r.assignments.slice(1).map((a) => (
                    <div key={a.at}>{m.reassigned(a.reviewer.name, a.reason ?? '')}</div>
                  ))}
                </div>
                {r.proposal && (
                  <div>
                    {m.proposedThen}: {outcomeLabel(r.proposal.outcome, lang)}
                    {r.proposal.penalty?.fineAmount !== undefined && `，${yuan(r.proposal.penalty.fineAmount)}`}（{levelLabel(r.proposal.circumstanceLevel, lang)}）
                  </div>
                )}
                {r.opinion && (
                  <div>
                    {r.reviewer && m.reviewedBy(r.reviewer.name)}
                    {r.reviewedAt && ` · ${formatDateTime(r.reviewedAt, lang)}`}
                    <blockquote style={{ margin: '4px 0', paddingInlineStart: 12, borderInlineStart: '3px solid #d9d9d9' }}>{r.text}</blockquote>
                    {r.returnTo && (
                      <div>
                        {m.returnTo}: {returnToLabel(r.returnTo, lang)}
                      </div>
                    )}
                    {r.points && r.points.length > 0 && (
                      <>
                        {m.points}:
                        <ol style={{ margin: 0 }}>
                          {r.points.map((p, i) => (
                            <li key={i}>{p}</li>
                          ))}
                        </ol>
                      </>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
