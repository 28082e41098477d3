import type { NotificationListView, NotificationView } from '@zhifa/api-client';
import { jobIdFor } from '@zhifa/contracts';
import { CaseNotificationHandler } from '../../apps/jobs/src/notifications/case-notification.handler';
import { eventually } from '../support/eventually';
import { http, startStack, Stack } from '../support/stack';
import { Client } from './command-helpers';

// In-app notifications, end to end: the event is recorded by the workflow,
// relayed from the outbox to BullMQ, judged by apps/jobs and read over HTTP.

describe('notifications (GET /me/notifications)', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack({ jobs: true });
    api = new Client(stack);
  });
  afterAll(async () => {
    await stack?.close();
  });

  const mine = async (user: string, query = '') => {
    const res = await http<NotificationListView>(stack, 'GET', `/api/v1/me/notifications${query}`, { token: await api.token(user) });
    expect(res.status).toBe(200);
    return res.body;
  };
  /** What `user` was told about one event of the case (waits for the job: jobs run after the command answers). */
  const toldOf = async (user: string, caseId: string, type: string): Promise<NotificationView | undefined> =>
    (await mine(user, '?pageSize=100')).items.find((n) => n.caseId === caseId && n.eventType === type);
  const rows = async (caseId: string, type: string): Promise<{ user_id: string }[]> =>
    stack.ds.query('SELECT user_id FROM notifications WHERE case_id = $1 AND event_type = $2 ORDER BY user_id', [caseId, type]);

  it('tells a lead to the co-officer and the heads whose filing decision waits, and to no one else', async () => {
    const c = await api.register();
    const note = await eventually(() => toldOf('officer.li', c.id, 'LEAD_REGISTERED'));
    expect(note).toMatchObject({
      caseNumber: c.caseNumber,
      reason: 'OFFICER',
      readAt: null,
      link: { caseId: c.id, section: 'actions' },
      message: { zh: `${c.caseNumber}：案源已登记，待立案审批`, en: `${c.caseNumber}: lead registered, awaiting the filing decision` },
    });
    expect((await toldOf('head.sun', c.id, 'LEAD_REGISTERED'))?.reason).toBe('WAITING');
    expect((await toldOf('head.qian', c.id, 'LEAD_REGISTERED'))?.reason).toBe('WAITING');
    // One statement writes them all: the registering officer, the reviewers, the supervisor, another officer and the police are not told.
    expect((await rows(c.id, 'LEAD_REGISTERED')).map((r) => r.user_id)).toEqual([api.id('officer.li'), api.id('head.sun'), api.id('head.qian')].sort());

    // The filing hands the heads nothing new: only the officers hear of it (not the head who filed it).
    const id = c.id;
    await api.command('head.sun', id, 'filing', { approve: true, reason: 'facts verified', officerIds: [api.id('officer.zhang'), api.id('officer.li')] });
    await eventually(async () => (await rows(id, 'FILING_APPROVED')).length === 2);
    expect((await rows(id, 'FILING_APPROVED')).map((r) => r.user_id)).toEqual([api.id('officer.zhang'), api.id('officer.li')].sort());
  });

  it('tells a dispatched transfer to the liaisons of the bodies it names, never to another police body', async () => {
    const id = await api.filedCase();
    await api.command('officer.zhang', id, 'criminal-transfer', { grounds: '销售伪劣产品, 销售金额达到追诉标准', officerIds: [api.id('officer.zhang'), api.id('officer.li')] });
    const approved = await api.command('head.sun', id, 'criminal-transfer/approval', { approve: true, reason: '同意移送' });
    expect(approved.status).toBe(200);
    const dispatched = await api.command('officer.zhang', id, 'criminal-transfer/dispatch', {
      sentAt: new Date(Date.now() - 1000).toISOString(),
      policeAgency: '长治市公安局',
      procuratorate: '长治市人民检察院',
      documents: ['移送书', '调查报告', '涉案物品清单'],
    });
    expect(dispatched.status).toBe(200);
    const police = await eventually(() => toldOf('police.wu', id, 'TRANSFER_DISPATCHED'));
    // The police's decision now waits for them; the procuratorate gets its copy.
    expect(police.reason).toBe('WAITING');
    expect((await eventually(() => toldOf('procurator.zheng', id, 'TRANSFER_DISPATCHED')))?.reason).toBe('LIAISON');
    expect(await toldOf('police.jiang', id, 'TRANSFER_DISPATCHED')).toBeUndefined();
    // Nothing before the dispatch was theirs to hear.
    expect((await mine('police.wu', '?pageSize=100')).items.filter((n) => n.caseId === id).map((n) => n.eventType)).toEqual(['TRANSFER_DISPATCHED']);
  });

  it("never carries a party's ID number, phone or address (PIPL), neither over HTTP nor in the stored message", async () => {
    const party = { type: 'PERSON', name: '赵某', idNumber: '140402199001011234', phone: '13835501234', address: '山西省长治市潞州区英雄中路1号' };
    const c = await api.register({ party });
    await eventually(() => toldOf('officer.li', c.id, 'LEAD_REGISTERED'));
    const read = await http(stack, 'GET', '/api/v1/me/notifications?pageSize=100', { token: await api.token('officer.li') });
    const stored = JSON.stringify(await stack.ds.query('SELECT * FROM notifications WHERE case_id = $1', [c.id]));
    for (const leak of [party.idNumber, party.phone, party.address, '140402', '138****']) {
      expect(JSON.stringify(read.body)).not.toContain(leak);
      expect(stored).not.toContain(leak);
    }
  });

  it('a retried job adds nothing: one notification per (event, person)', async () => {
    const c = await api.register();
    await eventually(async () => (await rows(c.id, 'LEAD_REGISTERED')).length === 3);
    const [e] = await stack.ds.query(`SELECT event_id, payload FROM case_events WHERE case_id = $1 AND seq = 1`, [c.id]);
    const handler = stack.jobs!.get(CaseNotificationHandler);
    const data = { eventId: e.event_id, caseId: c.id, seq: 1, type: 'LEAD_REGISTERED', payload: e.payload };
    expect(await handler.run({ id: jobIdFor(e.event_id, 'notifications'), queue: 'notifications', name: 'LEAD_REGISTERED', data, attempt: 2 })).toBe(0);
    expect(await rows(c.id, 'LEAD_REGISTERED')).toHaveLength(3);
  });

  it('marks one read, then all; counts the unread; another person\'s notification is 404', async () => {
    const c = await api.register();
    await eventually(() => toldOf('officer.li', c.id, 'LEAD_REGISTERED'));
    await api.command('head.sun', c.id, 'filing', { approve: true, reason: 'facts verified', officerIds: [api.id('officer.zhang'), api.id('officer.li')] });
    const filed = await eventually(() => toldOf('officer.li', c.id, 'FILING_APPROVED'));
    // The filing issues its 立案审批表 (the documents queue), recorded as DOCUMENT_ISSUED: the officers hear of that too.
    const issued = await eventually(() => toldOf('officer.li', c.id, 'DOCUMENT_ISSUED'));
    expect(issued).toMatchObject({ reason: 'OFFICER', link: { caseId: c.id, section: 'documents' }, message: { zh: `${c.caseNumber}：已制作文书` } });

    const before = await mine('officer.li');
    expect(before.unread).toBeGreaterThanOrEqual(3);
    // Newest first.
    const ids = before.items.map((n) => Number(n.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(ids.slice(0, 2).sort()).toEqual([Number(filed.id), Number(issued.id)].sort());

    const token = await api.token('officer.li');
    const read = await http<NotificationView>(stack, 'POST', `/api/v1/me/notifications/${filed.id}/read`, { token });
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    const again = await http<NotificationView>(stack, 'POST', `/api/v1/me/notifications/${filed.id}/read`, { token });
    expect(again.body.readAt).toBe(read.body.readAt);
    const after = await mine('officer.li');
    expect(after.unread).toBe(before.unread - 1);
    expect((await mine('officer.li', '?unread=true&pageSize=100')).items.map((n) => n.id)).not.toContain(filed.id);

    const heads = await eventually(() => toldOf('head.sun', c.id, 'LEAD_REGISTERED'));
    const foreign = await http(stack, 'POST', `/api/v1/me/notifications/${heads.id}/read`, { token });
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('content-type')).toContain('application/problem+json');
    expect(foreign.body).toMatchObject({ code: 'NOTIFICATION.NOT_FOUND' });
    expect((await toldOf('head.sun', c.id, 'LEAD_REGISTERED'))?.readAt).toBeNull();
    expect((await http(stack, 'POST', '/api/v1/me/notifications/not-a-number/read', { token })).status).toBe(404);

    const all = await http<{ marked: number; unread: number }>(stack, 'POST', '/api/v1/me/notifications/read-all', { token });
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ marked: after.unread, unread: 0 });
    const none = await mine('officer.li', '?unread=true');
    expect(none).toMatchObject({ items: [], total: 0, unread: 0 });
    expect((await mine('officer.li')).total).toBe(before.total);
    expect((await http(stack, 'GET', '/api/v1/me/notifications?unread=maybe', { token })).status).toBe(400);
  });
});
