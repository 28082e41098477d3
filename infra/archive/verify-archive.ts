// `npm run verify-archive -- <package-dir> [--json]`: checks an archive
// package (its signature and key, every file, the chain of its events) and
// names exactly what fails. Public keys come from the database (DATABASE_URL):
// a key rotated out still verifies what it signed while it was current.

import { createDataSource, ArchiveKeyRepository } from '@zhifa/persistence';
import { keyResolver, verifyPackage, type ArchiveVerification } from '@zhifa/archive';

export interface CliOutput {
  out(line: string): void;
}

function describe(dir: string, v: ArchiveVerification): string[] {
  const lines = [`package  ${dir}`];
  if (v.caseId) lines.push(`case     ${v.caseNumber} (${v.caseId}), events 1..${v.throughSeq}`);
  if (v.keyId) lines.push(`signed   by key ${v.keyId} at ${v.signedAt}`);
  if (v.manifestSha256) lines.push(`manifest sha256 ${v.manifestSha256}`);
  lines.push(`files    ${v.filesChecked} checked`);
  if (v.valid) {
    lines.push('VALID: the signature, every file and the chain check out');
    return lines;
  }
  lines.push(`INVALID: ${v.problems.length} problem${v.problems.length === 1 ? '' : 's'}`);
  for (const p of v.problems) {
    lines.push(`  ${p.code}${p.path ? ` ${p.path}` : ''}: ${p.message}`);
    if (p.expected !== undefined || p.actual !== undefined) lines.push(`    expected ${p.expected ?? '-'}\n    actual   ${p.actual ?? '-'}`);
  }
  return lines;
}

/** Exit code: 0 valid, 1 invalid, 2 usage. */
export async function verifyArchiveCli(args: string[], databaseUrl: string, io: CliOutput): Promise<number> {
  const json = args.includes('--json');
  const dirs = args.filter((a) => !a.startsWith('--'));
  if (dirs.length !== 1) {
    io.out('usage: npm run verify-archive -- <package-dir> [--json]');
    return 2;
  }
  const ds = createDataSource(databaseUrl, { logQueries: false });
  await ds.initialize();
  try {
    const v = await verifyPackage(dirs[0], keyResolver(new ArchiveKeyRepository(ds)));
    if (json) io.out(JSON.stringify(v, null, 2));
    else for (const line of describe(dirs[0], v)) io.out(line);
    return v.valid ? 0 : 1;
  } finally {
    await ds.destroy();
  }
}
