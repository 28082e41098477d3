// One case of each document kind, driven through decide()/evolve() from the
// fixture commands with their facts written in Chinese, each as the issuing
// event left it: for the rendering tests and the sample pages in
// docs/documents/.

import type { CaseEvent } from '../case/case-events';
import type { CaseState } from '../case/case-state';
import { evolve } from '../case/evolve';
import type { JurisdictionPolicy } from '../policy/policy.types';
import { documentKindFor, type DocumentKind } from '../documents/document-kinds';
import type { SourceEvent } from '../documents/document-texts';
import { CaseRunner, commands as C, DAY, people, plus, T0 } from './case-fixtures';
import { testPolicy } from './test-policy';

const { officerA: A, head: H, reviewer: R } = people;

export interface DocumentSample {
  kind: DocumentKind;
  state: CaseState;
  source: SourceEvent;
}

const FACTS = '当事人于2026年2月1日至2月20日未取得食品经营许可证，在其经营场所销售预包装食品，货值金额人民币3000元。';

function chineseCase(): CaseRunner {
  const r = new CaseRunner(testPolicy(), T0);
  r.exec(C.registerOrdinary({ summary: '涉嫌未取得食品经营许可证销售预包装食品', source: '群众投诉' }), A);
  r.exec(C.approveFiling({ reason: '经核查，有违法事实，属于本机关管辖。' }), H);
  r.exec(C.evidence(1, r.now, { title: '现场检查笔录' }), A);
  r.exec(C.evidence(2, r.now, { kind: 'DOCUMENTARY', title: '进货单据及销售记录', credentialsShown: undefined, rightsExplained: undefined }), A);
  r.exec(C.report({ findings: FACTS, discretionReasons: '初次违法，货值金额较小，依法从轻处罚。' }), A);
  r.exec(C.review(), R);
  r.exec(C.approveNotice(), H);
  r.exec(C.notice(r.now), A);
  return r;
}

function heard(): CaseRunner {
  const r = chineseCase();
  r.exec(C.requestHearing(r.now), A);
  r.exec({ ...C.scheduleHearing(r.now, plus(r.now, 20 * DAY)), location: '长治市市场监督管理局第一听证室' }, A);
  r.at(plus(r.now, 20 * DAY)).exec(
    {
      type: 'RECORD_HEARING',
      heldAt: r.now,
      record: '调查人员陈述了违法事实、证据和拟处罚意见；当事人委托代理人蒋某到场，承认未取得许可证销售食品的事实，称许可证正在申请中，请求从轻处罚。双方进行了质证和辩论，当事人作了最后陈述。',
      report: '听证主持人认为，违法事实清楚，证据确凿；当事人所称许可申请正在办理，不能作为不予处罚的理由；拟处罚意见适当，建议维持。',
    },
    A,
  );
  return r;
}

function decidedAndClosed(): CaseRunner {
  const r = chineseCase();
  r.exec(C.defence({ statement: '许可证正在申请中，请求从轻处罚。', points: [{ point: '许可申请正在办理', adopted: false, reason: '许可申请未获批准前不得从事食品经营' }], hearingWaived: true }), A);
  r.exec(C.decide({ facts: FACTS, evidenceIds: ['ev-1', 'ev-2'] }), H);
  r.exec(C.serve(r.now, { recipient: '蒋某（法定代表人）', proof: '送达回证 第101号' }), A);
  r.exec(C.pay(52000, r.now), A);
  r.exec({ ...C.close(), summary: '罚没款已全部缴清，处罚决定执行完毕，申请结案。' }, H);
  return r;
}

function transferred(): CaseRunner {
  const r = new CaseRunner(testPolicy(), T0);
  r.exec(C.registerOrdinary({ summary: '涉嫌销售伪劣产品', source: '监督抽检', violationCode: 'PRODUCT-FAKE' }), A);
  r.exec(C.approveFiling({ reason: '抽检不合格，涉嫌以不合格产品冒充合格产品。' }), H);
  r.exec(C.evidence(1, r.now, { title: '抽样检验报告' }), A);
  r.exec({ ...C.proposeTransfer(), grounds: '销售伪劣产品，销售金额达到立案追诉标准（《刑法》第一百四十条）', thresholdFacts: '销售金额人民币68000元' }, A);
  r.exec(C.approveTransfer(), H);
  r.exec(C.dispatchTransfer(r.now), A);
  return r;
}

/** Each document kind, from the case as its issuing event left it (the latest such event). */
export function documentSamples(): { policy: JurisdictionPolicy; samples: DocumentSample[] } {
  const policy = testPolicy();
  const runs = [heard(), decidedAndClosed(), transferred()];
  const samples = new Map<DocumentKind, DocumentSample>();
  for (const r of runs) {
    let state: CaseState | null = null;
    r.log.forEach((rec, i) => {
      state = evolve(state, rec.event as CaseEvent, { at: rec.at, policy: r.policy });
      const kind = documentKindFor(rec.event.type);
      if (!kind || samples.has(kind)) return;
      const actor = [people.officerA, people.head, people.reviewer].find((p) => p.userId === rec.actor);
      samples.set(kind, {
        kind,
        state: state!,
        source: { seq: i + 1, type: rec.event.type, occurredAt: rec.at, payload: rec.event as unknown as Record<string, unknown>, actorName: actor?.name ?? '' },
      });
    });
  }
  return { policy, samples: [...samples.values()] };
}
