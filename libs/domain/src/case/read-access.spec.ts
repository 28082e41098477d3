import { AGENCY_ID, OTHER_AGENCY_ID, people, person, POLICE_AGENCY_ID, scenario, SCENARIO_NAMES } from '../testing/case-fixtures';
import type { CaseState } from './case-state';
import { assignedUserIds, grantCovers, policeAddressee, readAccess, readScope, transferBodies } from './read-access';

describe('readAccess', () => {
  const filed = scenario('FILED').state!;

  it('lets in the case officers and the agency overseers', () => {
    for (const who of [people.officerA, people.officerB, people.head, people.reviewer, people.supervisor]) {
      expect(readAccess(filed, who)).toEqual({ ok: true });
    }
  });

  it('refuses an officer of the agency not on the case, with a reason', () => {
    expect(readAccess(filed, people.officerC)).toMatchObject({ ok: false, hidden: false, code: 'CASE.NOT_ASSIGNED' });
  });

  it('hides another agency’s case', () => {
    expect(readAccess(filed, people.otherAgencyOfficer)).toMatchObject({ ok: false, hidden: true, code: 'CASE.NOT_FOUND' });
  });

  it('lets police and procuratorate in only once a transfer is dispatched to their body', () => {
    expect(readAccess(filed, people.police)).toMatchObject({ ok: false, hidden: true });
    const approved = scenario('TRANSFER_APPROVED').state!;
    expect(readAccess(approved, people.police)).toMatchObject({ ok: false, hidden: true, code: 'CASE.NOT_FOUND' });
    const transferred = scenario('TRANSFERRED').state!;
    expect(readAccess(transferred, people.police)).toEqual({ ok: true });
    expect(readAccess(transferred, people.procurator)).toEqual({ ok: true });
  });

  it('hides a transfer dispatched to another body, even from a liaison filed under the agency', () => {
    const transferred = scenario('TRANSFERRED').state!;
    expect(readAccess(transferred, people.otherPolice)).toMatchObject({ ok: false, hidden: true, code: 'CASE.NOT_FOUND' });
    // The police body is not the procuratorate: each role answers for its own addressee.
    expect(readAccess(transferred, { ...people.police, roles: ['PROCURATORATE'] })).toMatchObject({ ok: false, hidden: true });
    // A liaison of no named body reads no transfer; one seated in the agency is hidden from, not told why.
    const bodiless = person(people.police.userId, people.police.name, ['POLICE_LIAISON'], [], people.police.agencyId);
    expect(readAccess(transferred, bodiless)).toMatchObject({ ok: false, hidden: true });
    expect(readAccess(transferred, { ...people.otherPolice, agencyId: AGENCY_ID })).toMatchObject({ ok: false, hidden: true, code: 'CASE.NOT_FOUND' });
  });

  it('lets in the hearing host the case names', () => {
    const scheduled = scenario('HEARING_SCHEDULED').state!;
    const host = scheduled.hearing!.host!;
    const hostActor = host.userId === people.host.userId ? people.host : people.reviewer;
    expect(readAccess(scheduled, { ...hostActor, roles: ['OFFICER'] })).toEqual({ ok: true });
  });
});

describe('readScope', () => {
  it('gives an overseer the whole agency and an officer the cases assigned to them', () => {
    expect(readScope(people.head).grants).toEqual([{ kind: 'AGENCY', agencyId: AGENCY_ID }]);
    expect(readScope(people.officerC).grants).toEqual([{ kind: 'ASSIGNED', agencyId: AGENCY_ID, userId: people.officerC.userId }]);
  });

  it('adds the transferred cases of any agency for the liaisons', () => {
    expect(readScope(people.police)).toEqual({
      agencyId: POLICE_AGENCY_ID,
      grants: [
        { kind: 'TRANSFERRED', addressee: 'policeAgency', body: '长治市公安局' },
        { kind: 'ASSIGNED', agencyId: POLICE_AGENCY_ID, userId: people.police.userId },
      ],
    });
  });

  it('covers a case of any agency transferred to the liaison’s body, and nothing else outside their agency', () => {
    const transferred = { ...scenario('TRANSFERRED').state!, agencyId: OTHER_AGENCY_ID };
    const filed = { ...scenario('FILED').state!, agencyId: OTHER_AGENCY_ID };
    const covers = (who: (typeof people)[keyof typeof people], state: typeof filed) => readScope(who).grants.some((g) => grantCovers(g, state));
    expect(covers(people.police, transferred)).toBe(true);
    expect(covers(people.police, filed)).toBe(false);
    expect(covers(people.otherPolice, transferred)).toBe(false);
    expect(covers(people.head, transferred)).toBe(false);
    expect(readAccess(transferred, people.head)).toMatchObject({ ok: false, hidden: true });
  });
});

describe('policeAddressee and transferBodies', () => {
  it('address the transfer to the last forwarding’s unit; every unit it passed through reads it', () => {
    const r = scenario('TRANSFERRED');
    expect(policeAddressee(r.s)).toBe('长治市公安局');
    r.exec({ type: 'FORWARD_TRANSFER', policeAgency: '长治市公安局潞州分局', at: r.now, reason: '违法行为发生地在潞州区' }, people.police);
    expect(policeAddressee(r.s)).toBe('长治市公安局潞州分局');
    // Before 'forward-readdresses' a forwarding changed nobody's part.
    expect(policeAddressee(r.s, { rulesBefore: 'forward-readdresses' })).toBe('长治市公安局');
    expect(transferBodies(r.s, 'policeAgency')).toEqual(['长治市公安局', '长治市公安局潞州分局']);
    expect(transferBodies(r.s, 'procuratorate')).toEqual(['长治市人民检察院']);
    const covers = (body: string) => grantCovers({ kind: 'TRANSFERRED', addressee: 'policeAgency', body }, r.s);
    expect([covers('长治市公安局'), covers('长治市公安局潞州分局'), covers('晋城市公安局')]).toEqual([true, true, false]);
  });

  it('name nobody before a dispatch', () => {
    const approved = scenario('TRANSFER_APPROVED').state!;
    expect(policeAddressee(approved)).toBeUndefined();
    expect(transferBodies(approved, 'policeAgency')).toEqual([]);
  });
});

describe('what the read rule reads of a case', () => {
  // case-api reads a case for its chain without the evidence items (the bulk of a long case): the rule must not need them.
  it.each(SCENARIO_NAMES)('%s: every person is judged the same without the evidence items', (name) => {
    const state = scenario(name).state!;
    const withoutEvidence = { ...state, evidence: undefined } as unknown as CaseState;
    for (const actor of Object.values(people)) expect(readAccess(withoutEvidence, actor)).toEqual(readAccess(state, actor));
  });

  it('assignedUserIds: the officers, the auxiliary staff and the hearing host, each once', () => {
    const s = scenario('HEARING_SCHEDULED').state!;
    // Only the ids matter here: an officer attached again as staff is named once.
    const auxiliaries = [{ userId: s.officers[0].userId }, { userId: 'u-aux' }] as CaseState['auxiliaries'];
    const withAuxiliary: CaseState = { ...s, auxiliaries };
    expect(assignedUserIds(withAuxiliary)).toEqual([...s.officers.map((o) => o.userId), 'u-aux', s.hearing!.host!.userId]);
  });
});
