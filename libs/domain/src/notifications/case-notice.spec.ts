import type { ActorSnapshot } from '../case/actor.types';
import type { CaseCommand } from '../case/case-commands';
import { CASE_EVENT_TYPES } from '../case/command-table';
import { CaseRunner, commands as C, DAY, people, plus, scenario, SYSTEM } from '../testing/case-fixtures';
import { caseNotice, type NoticeReason } from './case-notice';
import { EVENT_NOTICES } from './event-notices';

const { officerA: A, officerB: B, head: H, deputyHead: H2, reviewer: R, reviewer2: R2, host: HOST, police: P, otherPolice: P2, procurator: PR, supervisor: S, otherAgencyOfficer: O } = people;
const EVERYONE: ActorSnapshot[] = [A, B, H, H2, R, R2, HOST, P, P2, PR, S, O];
const name = new Map(EVERYONE.map((p) => [p.userId, p]));

/** Runs one command and says who is told of its event, and why. */
function told(r: CaseRunner, command: CaseCommand, actor: ActorSnapshot | typeof SYSTEM): { who: Record<string, NoticeReason>; zh: string; en: string; section: string } {
  const before = r.state ? structuredClone(r.state) : null;
  const [event] = r.exec(command, actor);
  const n = caseNotice({
    caseNumber: 'TEST〔2026〕1号',
    event,
    actorUserId: 'userId' in actor ? actor.userId : undefined,
    before,
    after: r.s,
    people: EVERYONE,
    opts: { now: r.now, policy: r.policy },
    timeZone: r.policy.timeZone,
  });
  const who = Object.fromEntries(n.recipients.map((x) => [name.get(x.userId)?.name ?? x.userId, x.reason]));
  return { who, zh: n.message.zh, en: n.message.en, section: n.section };
}

describe('who is told of an event', () => {
  it('a lead tells the co-officer and the heads, whose filing decision now waits; not the officer who registered it, nor anyone else', () => {
    const r = new CaseRunner();
    const n = told(r, C.registerOrdinary(), A);
    expect(n.who).toEqual({ [B.name]: 'OFFICER', [H.name]: 'WAITING', [H2.name]: 'WAITING' });
    expect(n.zh).toBe('TEST〔2026〕1号：案源已登记，待立案审批');
    expect(n.en).toBe('TEST〔2026〕1号: lead registered, awaiting the filing decision');
  });

  it('evidence tells the other officer only: nothing new waits for the heads or the reviewers', () => {
    const r = scenario('FILED');
    expect(told(r, C.evidence(2, r.now), A).who).toEqual({ [B.name]: 'OFFICER' });
  });

  it('a report tells the officers and the reviewers whose case review now waits', () => {
    const r = scenario('FILED');
    const n = told(r, C.report(), A);
    expect(n.who).toMatchObject({ [B.name]: 'OFFICER', [R.name]: 'WAITING' });
    expect(n.who[H.name]).toBeUndefined();
    expect(n.who[O.name]).toBeUndefined();
  });

  it('a legal review request tells the named reviewer; a scheduled hearing tells its host', () => {
    const r = scenario('HEARING_HELD');
    const review = told(r, C.requestLegalReview(), A);
    expect(review.who[R.name]).toBeDefined();
    expect(review.section).toBe('legal-review');
    const h = scenario('HEARING_REQUESTED');
    expect(told(h, C.scheduleHearing(h.now, plus(h.now, 20 * DAY)), A).who[HOST.name]).toBeDefined();
  });

  it('a reassigned review tells the new reviewer and the one it was taken from; not the head who reassigned it', () => {
    const r = scenario('LEGAL_REVIEW_PENDING');
    const n = told(r, C.reassignLegalReview(R2), H);
    expect(n.who).toMatchObject({ [A.name]: 'OFFICER', [B.name]: 'OFFICER', [R.name]: 'NAMED', [R2.name]: 'NAMED' });
    expect(n.who[H.name]).toBeUndefined();
    expect(n.zh).toBe('TEST〔2026〕1号：法制审核已重新指派审核人员');
  });

  it('a dispatched transfer tells the liaisons of the bodies it names, never another body\'s', () => {
    const r = scenario('TRANSFER_APPROVED');
    const n = told(r, C.dispatchTransfer(r.now), A);
    expect(n.who).toMatchObject({ [P.name]: expect.any(String), [PR.name]: 'LIAISON' });
    expect(n.who[P2.name]).toBeUndefined();
  });

  it('a transfer proposal goes to no liaison: nothing is addressed to them yet', () => {
    const r = scenario('FILED');
    const n = told(r, C.proposeTransfer(), A);
    expect(n.who).toEqual({ [B.name]: 'OFFICER', [H.name]: 'WAITING', [H2.name]: 'WAITING' });
  });
});

describe('deadline reminders and escalations go to whoever must meet the deadline', () => {
  it("an agency deadline's reminder tells the officers and the step's holder; its escalation the heads too", () => {
    const r = scenario('LEGAL_REVIEW_PENDING');
    const due = r.s.deadlines.legalReview!;
    r.at(due.remindAt!);
    const reminder = told(r, C.reminder('legalReview'), SYSTEM);
    expect(reminder.who).toEqual({ [A.name]: 'OFFICER', [B.name]: 'OFFICER', [R.name]: 'RESPONSIBLE' });
    expect(reminder.zh).toMatch(/：期限即将届满，法制审核期限将于\d{4}年\d+月\d+日届满$/);
    expect(reminder.en).toMatch(/: deadline approaching — the legal review limit ends on \d{4}-\d{2}-\d{2}$/);
    expect(reminder.section).toBe('deadlines');
    r.at(plus(due.dueAt, 1000));
    const escalation = told(r, C.escalation('legalReview'), SYSTEM);
    // The heads may now reassign the review (its step answers to the same limit), so they are told as responsible.
    expect(Object.keys(escalation.who).sort()).toEqual([A.name, B.name, R.name, H.name, H2.name].sort());
    expect(escalation.zh).toMatch(/法制审核期限已于.*届满$/);
  });

  it("the police's deadline tells the addressed police liaison; its escalation the officers too, never the heads", () => {
    const r = scenario('TRANSFERRED');
    const due = r.s.deadlines.policeFilingDecision!;
    r.at(plus(due.dueAt, 1000));
    const escalation = told(r, C.escalation('policeFilingDecision'), SYSTEM);
    expect(escalation.who).toEqual({ [P.name]: 'RESPONSIBLE', [A.name]: 'OFFICER', [B.name]: 'OFFICER' });
  });
});

describe('every event reads in both languages', () => {
  it('names each event in Chinese and English', () => {
    for (const type of CASE_EVENT_TYPES) {
      expect(EVENT_NOTICES[type].zh).toMatch(/[\u4e00-\u9fff]/);
      expect(EVENT_NOTICES[type].en).toMatch(/^[a-z"'(]/i);
    }
  });
});
