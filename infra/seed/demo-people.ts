import type { OutsideBodyKind, Role } from '@zhifa/domain';

// Fixed ids so that dev tokens and the README's curl examples stay valid
// across restarts of the local stack.
export const DEMO_AGENCY = {
  id: '0b8f5c1e-2d7a-4c1b-9e57-000000000001',
  code: 'CZSJ',
  name: '长治市市场监督管理局 (demo)',
  jurisdiction: '长治市市场监督管理局',
};

export interface DemoUser {
  id: string;
  username: string;
  name: string;
  roles: Role[];
  /** The outside body a police or procuratorate liaison belongs to, as the demo's dispatches name it. */
  body?: string;
  certificate?: { number: string; scope: string; validFrom: string; validTo: string; status: 'ACTIVE' | 'SUSPENDED' | 'REVOKED' };
}

const cert = (number: string, scope = 'ENFORCEMENT:market', validTo = '2028-12-31') => ({
  number,
  scope,
  validFrom: '2024-01-01',
  validTo,
  status: 'ACTIVE' as const,
});

export const DEMO_USERS: DemoUser[] = [
  { id: '0b8f5c1e-2d7a-4c1b-9e57-000000000101', username: 'officer.zhang', name: '张伟', roles: ['OFFICER'], certificate: cert('14040120240001') },
  { id: '0b8f5c1e-2d7a-4c1b-9e57-000000000102', username: 'officer.li', name: '李娜', roles: ['OFFICER'], certificate: cert('14040120240002') },
  { id: '0b8f5c1e-2d7a-4c1b-9e57-000000000103', username: 'officer.wang', name: '王强', roles: ['OFFICER'], certificate: cert('14040120240003') },
  {
    id: '0b8f5c1e-2d7a-4c1b-9e57-000000000104',
    username: 'officer.expired',
    name: '赵敏 (certificate expired)',
    roles: ['OFFICER'],
    certificate: cert('14040120210004', 'ENFORCEMENT:market', '2025-12-31'),
  },
  { id: '0b8f5c1e-2d7a-4c1b-9e57-000000000201', username: 'aux.chen', name: '陈静 (辅助人员)', roles: ['AUXILIARY'] },
  {
    id: '0b8f5c1e-2d7a-4c1b-9e57-000000000301',
    username: 'reviewer.liu',
    name: '刘洋',
    roles: ['LEGAL_REVIEWER'],
    certificate: cert('FZSH20240001', 'LEGAL_REVIEW'),
  },
  // A second legal reviewer with the qualification (APL 58 ¶3): a review the first cannot finish in time is reassigned.
  {
    id: '0b8f5c1e-2d7a-4c1b-9e57-000000000302',
    username: 'reviewer.ma',
    name: '马丽',
    roles: ['LEGAL_REVIEWER'],
    certificate: cert('FZSH20240002', 'LEGAL_REVIEW'),
  },
  { id: '0b8f5c1e-2d7a-4c1b-9e57-000000000401', username: 'head.sun', name: '孙局长', roles: ['AGENCY_HEAD'] },
  // A second head: a collective discussion (集体讨论) is of the agency's heads together (APL 57).
  { id: '0b8f5c1e-2d7a-4c1b-9e57-000000000402', username: 'head.qian', name: '钱副局长', roles: ['AGENCY_HEAD'] },
  { id: '0b8f5c1e-2d7a-4c1b-9e57-000000000501', username: 'supervisor.zhou', name: '周督察', roles: ['SUPERVISOR'] },
  { id: '0b8f5c1e-2d7a-4c1b-9e57-000000000601', username: 'police.wu', name: '吴警官', roles: ['POLICE_LIAISON'], body: '长治市公安局' },
  // A liaison of another police body: the demo's transfers are not addressed to it, so it sees none.
  { id: '0b8f5c1e-2d7a-4c1b-9e57-000000000602', username: 'police.jiang', name: '蒋警官 (晋城市公安局)', roles: ['POLICE_LIAISON'], body: '晋城市公安局' },
  // A liaison of the district branch 长治市公安局 forwards a transfer to when the act happened in 潞州区 (R310 7).
  { id: '0b8f5c1e-2d7a-4c1b-9e57-000000000603', username: 'police.tian', name: '田警官 (潞州分局)', roles: ['POLICE_LIAISON'], body: '长治市公安局潞州分局' },
  { id: '0b8f5c1e-2d7a-4c1b-9e57-000000000701', username: 'procurator.zheng', name: '郑检察官', roles: ['PROCURATORATE'], body: '长治市人民检察院' },
  { id: '0b8f5c1e-2d7a-4c1b-9e57-000000000801', username: 'admin', name: '系统管理员', roles: ['ADMIN'] },
  // Administers across agencies (agencies and their lists of powers); belongs to the demo agency, acts on none of its cases.
  { id: '0b8f5c1e-2d7a-4c1b-9e57-000000000901', username: 'sysadmin', name: '平台管理员', roles: ['SYSTEM_ADMIN'] },
];

/** The register of outside bodies the demo's transfers and liaisons name (real bodies; regions as text). */
export const DEMO_BODIES: { name: string; kind: OutsideBodyKind; region: string }[] = [
  { name: '长治市公安局', kind: 'POLICE', region: '长治市' },
  { name: '长治市公安局潞州分局', kind: 'POLICE', region: '长治市潞州区' },
  { name: '晋城市公安局', kind: 'POLICE', region: '晋城市' },
  { name: '长治市人民检察院', kind: 'PROCURATORATE', region: '长治市' },
];
