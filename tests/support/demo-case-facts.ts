import type { ActorSnapshot } from '@zhifa/domain';
import { DEMO_AGENCY, DEMO_USERS } from '../../infra/seed/demo-people';

/** A demo user as the API resolves them from Postgres: roles and certificate included. */
export function demoActor(username: string): ActorSnapshot {
  const u = DEMO_USERS.find((x) => x.username === username);
  if (!u) throw new Error(`no demo user ${username}`);
  return { userId: u.id, name: u.name, agencyId: DEMO_AGENCY.id, roles: u.roles, certificates: u.certificate ? [u.certificate] : [], ...(u.body ? { body: u.body } : {}) };
}

/** What APL 59 asks a decision to state besides its outcome and penalty (the demo's remedy bodies). */
export function decisionContents(evidenceIds: string[], over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    legalBasis: '《食品安全法》第一百二十二条',
    facts: '当事人未取得食品经营许可证销售预包装食品',
    evidenceIds,
    performance: '自收到本决定书之日起十五日内到指定银行缴纳罚款',
    remedy: { reconsiderationBody: '长治市人民政府', court: '长治市市场监督管理局所在地有管辖权的人民法院' },
    ...over,
  };
}
