import { writeFileSync } from 'node:fs';
import { DEMO_USERS } from '../seed/demo-people';

// Walks a demo case through the running API, as a user would with curl,
// and prints the dev tokens. Usage: node dist/infra/demo/demo.main.js <api base>

type Tokens = Record<string, { userId: string; token: string; roles: string[]; name: string }>;

async function call(base: string, token: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(method === 'POST' ? { 'idempotency-key': `demo-${path.replace(/\W/g, '-')}-${Date.now()}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

async function main(): Promise<void> {
  const base = process.argv[2] ?? 'http://127.0.0.1:3000';
  const list = (await (await fetch(`${base}/api/v1/dev/tokens`)).json()) as { username: string; userId: string; token: string; roles: string[]; name: string }[];
  const tokens: Tokens = Object.fromEntries(list.map((t) => [t.username, t]));
  writeFileSync(
    '.data/dev-tokens.txt',
    list.map((t) => `${t.username.padEnd(18)} ${t.roles.join(',').padEnd(16)} ${t.token}`).join('\n') + '\n',
  );

  console.log('\n==> Dev tokens (full list in .data/dev-tokens.txt)');
  for (const t of list) console.log(`  ${t.username.padEnd(18)} ${t.roles.join(',').padEnd(16)} ${t.token.slice(0, 24)}…`);

  const zhang = tokens['officer.zhang'];
  const li = DEMO_USERS.find((u) => u.username === 'officer.li')!;
  console.log('\n==> Demo: officer.zhang registers a lead (案源登记)');
  const created = await call(base, zhang.token, 'POST', '/cases', {
    source: 'complaint (12315 hotline)',
    discoveredAt: new Date().toISOString(),
    party: { type: 'ORGANISATION', name: '长治市某某食品商行 (demo)', idNumber: '91140400MA0DEMO01X' },
    violationCode: 'FOOD-UNLICENSED',
    summary: 'Selling packaged food without a food business licence',
    procedure: 'ORDINARY',
    officerIds: [zhang.userId, li.id],
  });
  console.log(`  case ${String(created.caseNumber)} (${String(created.id)}) is ${String(created.status)}`);
  for (const d of (created.deadlines as { kind: string; dueAt: string; basis: { source: string; dueDate: string } }[]) ?? []) {
    console.log(`  deadline ${d.kind}: due ${d.basis.dueDate} (${d.basis.source})`);
  }
  const verify = await call(base, zhang.token, 'GET', `/cases/${String(created.id)}/timeline/verify`);
  console.log(`  timeline: ${String(verify.events)} event(s), hash chain valid: ${String(verify.valid)}`);
  console.log(`\n  Try: curl -H "Authorization: Bearer $(grep ^officer.zhang .data/dev-tokens.txt | awk '{print $3}')" ${base}/api/v1/cases/${String(created.id)}`);
}

main().catch((err: unknown) => {
  console.error(`demo failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
