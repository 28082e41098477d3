import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@zhifa/config';
import type { CaseEventMessage } from '@zhifa/contracts';
import { jobReported, type CaseCommand, type CaseState } from '@zhifa/domain';
import { ArchiveKeyRepository, CaseEventStore, CaseReadRepository } from '@zhifa/persistence';
import type { DispatchedJob } from './dispatch/job-handler';
import {
  caseSummary,
  documentFiles,
  evidenceFiles,
  keyResolver,
  MANIFEST_FILE,
  packageDir,
  PrivateKeyStore,
  SIGNATURE_FILE,
  sha256Of,
  verifyPackage,
  writePackage,
  type ArchiveManifest,
} from '@zhifa/archive';
import { CaseReporter } from './case-reporter.service';

/** The case event that starts an archive job. */
export const ARCHIVE_JOB_EVENT = 'ARCHIVE_REQUESTED';

export interface ArchiveJobResult {
  caseId: string;
  /** recorded: the package reported now; duplicate: this job had reported it already; sealed: the case was archived without this job. */
  outcome: 'recorded' | 'duplicate' | 'sealed';
  package?: { dir: string; manifestSha256: string; keyId: string; throughSeq: number };
}

interface BuiltPackage {
  dir: string;
  manifest: ArchiveManifest;
  manifestSha256: string;
  signature: string;
}

/**
 * 归档: builds a case's archive package when archiving is requested — every
 * event with its chain hash, the summary, every evidence file and document,
 * a manifest signed with the agency's current Ed25519 key — and reports it to
 * the case (RECORD_ARCHIVE_PACKAGE), which seals it. Idempotent: the same job
 * again finds its report in the case and does nothing; a run after a crash
 * finds the package in place and reports that one, so a case has one package.
 */
@Injectable()
export class ArchiveJob {
  private readonly logger = new Logger('ArchiveJob');
  private readonly privateKeys: PrivateKeyStore;

  constructor(
    private readonly cases: CaseReadRepository,
    private readonly events: CaseEventStore,
    private readonly keys: ArchiveKeyRepository,
    private readonly reporter: CaseReporter,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {
    this.privateKeys = new PrivateKeyStore(cfg.archiveKeyDir);
  }

  /** The dispatch's entry: the job as the `archive` queue gives it. */
  run(job: DispatchedJob<CaseEventMessage>): Promise<ArchiveJobResult> {
    return this.handle(job.data, job.id);
  }

  async handle(message: CaseEventMessage, jobId: string): Promise<ArchiveJobResult> {
    if (message.type !== ARCHIVE_JOB_EVENT) throw new Error(`archive job ${jobId}: ${message.type} is not ${ARCHIVE_JOB_EVENT}`);
    const { caseId } = message;
    const row = await this.cases.byId(caseId);
    if (!row) throw new Error(`case ${caseId} not projected yet`);
    const state = row.state as unknown as CaseState;
    if (jobReported(state, jobId)) return { caseId, outcome: 'duplicate', ...(state.archive?.package ? { package: this.recorded(caseId, state) } : {}) };
    if (state.status === 'ARCHIVED') return { caseId, outcome: 'sealed' };
    if (state.status !== 'ARCHIVING') throw new Error(`case ${caseId} is ${state.status}, not waiting for its archive`);

    const built = await this.build(caseId, state, row.lastSeq);
    const { manifest } = built;
    const command: CaseCommand = {
      type: 'RECORD_ARCHIVE_PACKAGE',
      manifestSha256: built.manifestSha256,
      signature: built.signature,
      keyId: manifest.keyId,
      throughSeq: manifest.throughSeq,
      lastHash: manifest.lastHash,
      files: manifest.files.length,
    };
    let report: { duplicate: boolean };
    try {
      report = await this.reporter.report(caseId, jobId, command);
    } catch (err) {
      // Another run of this job sealed the case meanwhile and its workflow ended: the case shows the report.
      const now = (await this.cases.byId(caseId))?.state as unknown as CaseState | undefined;
      if (!now || !jobReported(now, jobId)) throw err;
      return { caseId, outcome: 'duplicate', package: this.recorded(caseId, now) };
    }
    this.logger.log(`case ${caseId}: package ${built.manifestSha256.slice(0, 12)} signed by ${manifest.keyId}, ${manifest.files.length} files, events 1..${manifest.throughSeq}${report.duplicate ? ' (already reported)' : ''}`);
    const pkg = { dir: built.dir, manifestSha256: built.manifestSha256, keyId: manifest.keyId, throughSeq: manifest.throughSeq };
    return { caseId, outcome: report.duplicate ? 'duplicate' : 'recorded', package: pkg };
  }

  private recorded(caseId: string, state: CaseState): ArchiveJobResult['package'] {
    const p = state.archive!.package!;
    return { dir: packageDir(this.cfg.archiveDir, caseId), manifestSha256: p.manifestSha256, keyId: p.keyId, throughSeq: p.throughSeq };
  }

  /** The case's package: the one in place when it holds every event and verifies, else a new one. */
  private async build(caseId: string, state: CaseState, lastSeq: number): Promise<BuiltPackage> {
    const chain = await this.events.verify(caseId);
    if (!chain.valid) throw new Error(`case ${caseId}: the event chain is broken at event ${chain.brokenAt?.seq} (${chain.brokenAt?.reason}); not archived`);
    const events = await this.events.timeline(caseId);
    // The read model and the chain are written in one transaction: a difference means an event landed between the two reads.
    if (events.at(-1)?.seq !== lastSeq) throw new Error(`case ${caseId} moved while its package was prepared; retried`);
    const dir = packageDir(this.cfg.archiveDir, caseId);

    const existing = await this.existing(dir, lastSeq);
    if (existing) return existing;
    const key = await this.keys.current(state.agencyId);
    if (!key) throw new Error(`agency ${state.agencyId} has no archive signing key: create one (npm run archive-key -- rotate ${state.agencyId}, or node dist/infra/archive/archive-key.main.js rotate ${state.agencyId} in the image)`);
    const signer = { keyId: key.keyId, privateKey: await this.privateKeys.load(key.keyId) };
    const content = {
      caseId,
      caseNumber: state.caseNumber,
      agencyId: state.agencyId,
      events,
      summary: caseSummary(state, caseId, lastSeq),
      files: [...evidenceFiles(state, this.cfg.evidenceDir), ...documentFiles(events, this.cfg.evidenceDir)],
    };
    try {
      return await writePackage(dir, content, signer, new Date().toISOString());
    } catch (err) {
      // Another run of this job put its package in place first: report that one.
      const theirs = await this.existing(dir, lastSeq);
      if (theirs) return theirs;
      throw err;
    }
  }

  /** A package already in place that holds events 1..lastSeq and verifies; one that does not is removed (the case never recorded it). */
  private async existing(dir: string, lastSeq: number): Promise<BuiltPackage | null> {
    if (!(await stat(dir).catch(() => null))) return null;
    const v = await verifyPackage(dir, keyResolver(this.keys));
    if (v.valid && v.throughSeq === lastSeq) {
      const raw = await readFile(join(dir, MANIFEST_FILE));
      const signature = (await readFile(join(dir, SIGNATURE_FILE), 'utf8')).trim();
      return { dir, manifest: JSON.parse(raw.toString('utf8')) as ArchiveManifest, manifestSha256: sha256Of(raw), signature };
    }
    this.logger.warn(`${dir}: an earlier package that ${v.valid ? `ends at event ${v.throughSeq}` : `fails verification (${v.problems.map((p) => p.code).join(', ')})`} is replaced`);
    await rm(dir, { recursive: true, force: true });
    return null;
  }
}
