import { randomUUID } from 'node:crypto';
import { DEMO_USERS } from '../../infra/seed/demo-people';
import { startStack, Stack } from '../support/stack';
import { ago, Client } from './command-helpers';

// GET /cases and GET /cases/:id apply one rule (the domain's readScope): for
// every demo user, a case in the list opens, and a case that opens is listed.
describe('read access: the list and the single read agree', () => {
  let stack: Stack;
  let api: Client;
  const token = `read-scope-${randomUUID()}`;
  const ids: Record<'zhangLi' | 'wangLi' | 'transferred', string> = { zhangLi: '', wangLi: '', transferred: '' };

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
    const summary = (what: string) => ({ summary: `${token} ${what}` });
    ids.zhangLi = (await api.register(summary('zhang and li'))).id;
    ids.wangLi = (await api.register({ ...summary('wang and li'), officerIds: [api.id('officer.wang'), api.id('officer.li')] }, 'officer.wang')).id;
    // A case sent to the police: the liaisons may read it from then on.
    ids.transferred = await api.filedCase({ ...summary('transferred'), violationCode: 'PRODUCT-FAKE' });
    const steps: [string, string, Record<string, unknown>][] = [
      ['officer.zhang', 'criminal-transfer', { grounds: 'fake goods', officerIds: [api.id('officer.zhang'), api.id('officer.li')] }],
      ['head.sun', 'criminal-transfer/approval', { approve: true, reason: 'threshold reached' }],
      ['officer.li', 'criminal-transfer/dispatch', { sentAt: ago(60), policeAgency: '长治市公安局', procuratorate: '长治市人民检察院', documents: ['移送书'] }],
    ];
    for (const [user, action, body] of steps) {
      const res = await api.command(user, ids.transferred, action, body);
      if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  });
  afterAll(() => stack?.close());

  const listed = async (username: string): Promise<string[]> => {
    const res = await api.get<{ items: { id: string }[]; total: number }>(username, `/cases?text=${token}&pageSize=100`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(res.body.items.length);
    return res.body.items.map((c) => c.id);
  };
  const opens = async (username: string, id: string): Promise<boolean> => {
    const res = await api.get(username, `/cases/${id}`);
    expect([200, 403, 404]).toContain(res.status);
    return res.status === 200;
  };

  it.each(DEMO_USERS.map((u) => u.username))('%s: every listed case opens and every case that opens is listed', async (username) => {
    const inList = await listed(username);
    const readable: string[] = [];
    for (const id of Object.values(ids)) if (await opens(username, id)) readable.push(id);
    expect(inList.sort()).toEqual(readable.sort());
  });

  it('lists what each side may read: overseers all, officers their own, liaisons the case transferred to their body, auxiliaries nothing', async () => {
    const names = async (username: string) => {
      const got = await listed(username);
      return Object.entries(ids).filter(([, id]) => got.includes(id)).map(([name]) => name);
    };
    expect(await names('head.sun')).toEqual(['zhangLi', 'wangLi', 'transferred']);
    expect(await names('reviewer.liu')).toEqual(['zhangLi', 'wangLi', 'transferred']);
    expect(await names('officer.zhang')).toEqual(['zhangLi', 'transferred']);
    expect(await names('officer.wang')).toEqual(['wangLi']);
    expect(await names('officer.li')).toEqual(['zhangLi', 'wangLi', 'transferred']);
    expect(await names('police.wu')).toEqual(['transferred']);
    // The transfer went to 长治市公安局: a liaison of another police body reads nothing.
    expect(await names('police.jiang')).toEqual([]);
    expect(await names('procurator.zheng')).toEqual(['transferred']);
    expect(await names('aux.chen')).toEqual([]);
  });
});
