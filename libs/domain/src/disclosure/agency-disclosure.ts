// 事前公示 (APL 39; 118号): what an agency publishes before it enforces —
// its powers and their legal bases, the procedures with their time limits,
// and the party's remedies — read from the jurisdiction policy in force, so
// the public page says what the engine enforces.

import type { PeriodSpec } from '../policy/policy.types';
import type { JurisdictionPolicy } from '../policy/policy.types';
import { ZH_PENALTY } from '../case/zh-vocabulary';
import { REMEDY_PERIODS } from '../case/stages/decision';
import { PENALTY_KINDS, type PenaltyKind } from '../case/vocabulary';
import type { AgencyPower } from '../agency/powers';

export interface PublicPower {
  code: string;
  title: string;
  legalBasis: string;
  penaltyRange: string;
}

export interface PublicStep {
  step: string;
  /** The time limit as the law or the policy sets it, e.g. "15个工作日". */
  limit?: string;
  source: string;
}

export interface AgencyDisclosure {
  powers: PublicPower[];
  penaltyKinds: { kind: PenaltyKind; name: string }[];
  penaltyKindsSource: string;
  procedures: { procedure: 'ORDINARY' | 'SIMPLE'; name: string; steps: PublicStep[] }[];
  remedies: PublicStep[];
}

/** A period as the public reads it: 15个工作日, 90日, 6个月. */
export function periodWords(p: Pick<PeriodSpec, 'days' | 'kind' | 'months'>): string {
  const months = p.months ? `${p.months}个月` : '';
  const days = p.days > 0 ? `${p.days}${p.kind === 'WORKING' ? '个工作日' : '日'}` : '';
  return months + days || '即时';
}

function step(step: string, period: PeriodSpec | undefined, fallback: string): PublicStep {
  return period ? { step, limit: periodWords(period), source: period.source } : { step, source: fallback };
}

/** What the agency publishes; `list`: its own list of enforcement matters (权责清单), the policy's whole catalogue when it has none. */
export function agencyDisclosure(policy: JurisdictionPolicy, list: readonly AgencyPower[] | null = null): AgencyDisclosure {
  const d = policy.deadlines;
  const kinds = policy.penaltyPowers?.kinds ?? PENALTY_KINDS;
  const max = policy.simpleProcedure.maxFine;
  return {
    powers: policy.violations.flatMap((v) => {
      const listed = list === null ? { legalBasis: v.legalBasis } : list.find((p) => p.violationCode === v.code);
      return listed ? [{ code: v.code, title: v.title, legalBasis: listed.legalBasis, penaltyRange: v.penaltyRange }] : [];
    }),
    penaltyKinds: kinds.map((kind) => ({ kind, name: ZH_PENALTY[kind] })),
    penaltyKindsSource: policy.penaltyPowers?.source ?? '《行政处罚法》第九条',
    procedures: [
      {
        procedure: 'ORDINARY',
        name: '普通程序',
        steps: [
          step('案源登记、核查，决定是否立案', d.filingDecision, 'MSA 18'),
          { step: '立案：两名以上持有效执法证件的执法人员办理', source: 'APL 42, 54' },
          { step: '调查取证：出示执法证件，告知当事人权利', source: 'APL 55' },
          step('案件审核（查审分离）', d.caseReview, 'APL 58'),
          step('行政处罚事先告知；当事人陈述、申辩', d.defence, 'APL 44, 45, 62'),
          step('听证（符合条件的，当事人可以申请）', d.hearingRequest ?? d.defence, 'APL 63, 64'),
          step('重大执法决定法制审核、集体讨论', d.legalReview, 'APL 57, 58'),
          step('作出行政处罚决定', d.decision, 'APL 57, 59, 60'),
          step('送达行政处罚决定书', d.service, 'APL 61'),
          step('履行（缴纳罚款）', d.payment, 'APL 66, 67'),
          step('行政处罚决定公示', d.disclosure, '国办发〔2018〕118号'),
          step('结案、归档', d.closure, 'MSA 77–79'),
        ],
      },
      {
        procedure: 'SIMPLE',
        name: `简易程序（当场处罚：警告或者对公民处${max.PERSON}元以下、对法人或者其他组织处${max.ORGANISATION}元以下罚款）`,
        steps: [
          { step: '出示执法证件，当场告知违法事实、处罚理由和依据，听取陈述、申辩', source: 'APL 52' },
          { step: '填写预定格式、编有号码的行政处罚决定书，当场交付当事人', source: 'APL 52' },
          step('报所属行政机关备案', d.simpleReport, 'APL 52'),
        ],
      },
    ],
    remedies: [
      step('陈述、申辩（自收到行政处罚事先告知书之日起）', d.defence, 'APL 45, 62'),
      step('申请听证（自收到行政处罚事先告知书之日起）', d.hearingRequest ?? d.defence, 'APL 63, 64'),
      {
        step: '申请行政复议（自知道或者应当知道行政处罚决定之日起）',
        limit: `${REMEDY_PERIODS.reconsiderationDays}日`,
        source: REMEDY_PERIODS.reconsiderationSource,
      },
      {
        step: '提起行政诉讼（自知道或者应当知道行政处罚决定之日起）',
        limit: `${REMEDY_PERIODS.litigationMonths}个月`,
        source: REMEDY_PERIODS.litigationSource,
      },
    ],
  };
}
