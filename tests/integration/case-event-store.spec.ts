import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CaseEventStore, createDataSource, type AppendInput } from '@zhifa/persistence';
import { TEST_DATABASE_URL } from '../support/test-env';

describe('CaseEventStore on Postgres', () => {
  let ds: DataSource;
  let store: CaseEventStore;

  beforeAll(async () => {
    ds = createDataSource(TEST_DATABASE_URL, { logQueries: false });
    await ds.initialize();
    store = new CaseEventStore(ds);
  });
  afterAll(() => ds.destroy());

  function input(caseId: string, seqs: number[]): AppendInput {
    return {
      workflowId: `case-${caseId}`,
      caseId,
      outboxTopics: ['case-events'],
      events: seqs.map((seq) => ({
        seq,
        type: seq === 1 ? 'LEAD_REGISTERED' : 'EVIDENCE_RECORDED',
        actor: { userId: 'u1', name: '张伟', roles: ['OFFICER'] },
        occurredAt: `2026-11-2${seq % 10}T01:02:03.456Z`,
        payload: { n: seq, text: '现场检查笔录', nested: { b: 2, a: [1, 2] } },
      })),
      projection: {
        caseId,
        caseNumber: `T-${caseId.slice(0, 8)}`,
        agencyId: randomUUID(),
        status: 'LEAD_REGISTERED',
        procedure: 'ORDINARY',
        violationCode: 'FOOD-UNLICENSED',
        party: { type: 'PERSON', name: 'x' },
        officers: [{ userId: 'u1' }],
        flags: [],
        deadlines: {},
        policyVersion: 'p1',
        // The state as far as the projection reads it beyond the columns above.
        state: { status: 'LEAD_REGISTERED', officers: [{ userId: 'u1' }], auxiliaries: [{ userId: 'aux-1' }, { userId: 'u1' }], summary: 'Selling FOOD without a licence' },
        registeredAt: '2026-11-20T00:00:00.000Z',
        updatedAt: '2026-11-20T00:00:00.000Z',
        evidence: [],
      },
    };
  }

  it('appends a hash chain, projects the case and writes the outbox in one go', async () => {
    const caseId = randomUUID();
    const res = await store.append(input(caseId, [1, 2, 3]));
    expect(res).toMatchObject({ appended: 3, lastSeq: 3 });

    const events = await store.timeline(caseId);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(events[0].prevHash).toBe('0'.repeat(64));
    expect(events[1].prevHash).toBe(events[0].hash);
    expect(events[2].eventId).toBe(`case-${caseId}:3`);
    expect(await store.verify(caseId)).toEqual({ valid: true, events: 3 });

    const [row] = await ds.query('SELECT last_seq, status, assigned_user_ids, search_text FROM cases WHERE id = $1', [caseId]);
    // Who an ASSIGNED grant lets see it (each once), and what the list's text filter matches (lower-cased, one field from the next apart).
    expect(row).toEqual({ last_seq: 3, status: 'LEAD_REGISTERED', assigned_user_ids: ['u1', 'aux-1'], search_text: `t-${caseId.slice(0, 8)}\u001fx\u001fselling food without a licence` });
    const [{ count }] = await ds.query('SELECT count(*)::int AS count FROM outbox WHERE event_id LIKE $1', [`case-${caseId}:%`]);
    expect(count).toBe(3);
  });

  it('is idempotent on the event id: a retried append records nothing twice', async () => {
    const caseId = randomUUID();
    await store.append(input(caseId, [1, 2]));
    const again = await store.append(input(caseId, [1, 2, 3]));
    expect(again.appended).toBe(1);
    expect((await store.timeline(caseId)).map((e) => e.seq)).toEqual([1, 2, 3]);
    const [{ count }] = await ds.query('SELECT count(*)::int AS count FROM outbox WHERE event_id LIKE $1', [`case-${caseId}:%`]);
    expect(count).toBe(3);
  });

  it('refuses a different event at a seq already taken by another workflow (two writers), recording nothing', async () => {
    const caseId = randomUUID();
    await store.append(input(caseId, [1, 2]));
    const other = { ...input(caseId, [2]), workflowId: `other-${caseId}` };
    other.events[0].payload = { n: 'another command' };
    await expect(store.append(other)).rejects.toThrow('seq 2 is already taken by a different event');
    expect(await store.verify(caseId)).toEqual({ valid: true, events: 2 });
  });

  it('answers the same workflow asking for a seq it already recorded otherwise (a failed workflow task) with what the chain holds, writing nothing', async () => {
    const caseId = randomUUID();
    await store.append(input(caseId, [1]));
    await store.append({ ...input(caseId, [2, 3]), commandId: 'update-a' });
    const outboxBefore = await ds.query('SELECT count(*)::int AS count FROM outbox WHERE event_id LIKE $1', [`case-${caseId}:%`]);
    // The same command decided again at a later time: other timestamps, same seqs.
    const retried = { ...input(caseId, [2]), commandId: 'update-b' };
    retried.events[0].occurredAt = '2026-11-29T09:00:00.000Z';
    const res = await store.append(retried);
    expect(res.appended).toBe(0);
    expect(res.ahead?.map((e) => [e.seq, e.commandId, e.occurredAt])).toEqual([
      [2, 'update-a', '2026-11-22T01:02:03.456Z'],
      [3, 'update-a', '2026-11-23T01:02:03.456Z'],
    ]);
    expect(res.ahead?.[0].payload).toEqual({ n: 2, text: '现场检查笔录', nested: { b: 2, a: [1, 2] } });
    expect(await store.verify(caseId)).toEqual({ valid: true, events: 3 });
    expect(await ds.query('SELECT count(*)::int AS count FROM outbox WHERE event_id LIKE $1', [`case-${caseId}:%`])).toEqual(outboxBefore);
  });

  it('refuses a gap in the sequence', async () => {
    const caseId = randomUUID();
    await store.append(input(caseId, [1]));
    await expect(store.append(input(caseId, [3]))).rejects.toThrow('expected seq 2, got 3');
  });

  it('rejects UPDATE, DELETE and TRUNCATE of case_events through the trigger', async () => {
    const caseId = randomUUID();
    await store.append(input(caseId, [1]));
    await expect(ds.query(`UPDATE case_events SET type = 'X' WHERE case_id = $1`, [caseId])).rejects.toThrow(
      'case_events is append-only: UPDATE rejected',
    );
    await expect(ds.query(`DELETE FROM case_events WHERE case_id = $1`, [caseId])).rejects.toThrow(
      'case_events is append-only: DELETE rejected',
    );
    await expect(ds.query(`TRUNCATE case_events`)).rejects.toThrow('append-only: TRUNCATE rejected');
    expect(await store.verify(caseId)).toEqual({ valid: true, events: 1 });
  });

  it('finds where a chain was altered behind the trigger (superuser, trigger disabled)', async () => {
    const caseId = randomUUID();
    await store.append(input(caseId, [1, 2, 3]));
    await ds.transaction(async (m) => {
      await m.query('ALTER TABLE case_events DISABLE TRIGGER case_events_append_only');
      await m.query(`UPDATE case_events SET payload = jsonb_set(payload, '{n}', '99') WHERE case_id = $1 AND seq = 2`, [caseId]);
      await m.query('ALTER TABLE case_events ENABLE TRIGGER case_events_append_only');
    });
    const result = await store.verify(caseId);
    expect(result).toEqual({
      valid: false,
      events: 3,
      brokenAt: { seq: 2, eventId: `case-${caseId}:2`, reason: 'hash does not match the event content' },
    });
  });

  it('has a schema that matches the entities exactly (migrations are complete)', async () => {
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});
