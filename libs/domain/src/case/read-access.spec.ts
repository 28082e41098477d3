import { people, scenario } from '../testing/case-fixtures';
import { readAccess } from './read-access';

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

  it('lets police and procuratorate in only once a transfer exists', () => {
    expect(readAccess(filed, people.police)).toMatchObject({ ok: false, hidden: true });
    const transferred = scenario('TRANSFERRED').state!;
    expect(readAccess(transferred, people.police)).toEqual({ ok: true });
    expect(readAccess(transferred, people.procurator)).toEqual({ ok: true });
  });

  it('lets in the hearing host the case names', () => {
    const scheduled = scenario('HEARING_SCHEDULED').state!;
    const host = scheduled.hearing!.host!;
    const hostActor = host.userId === people.host.userId ? people.host : people.reviewer;
    expect(readAccess(scheduled, { ...hostActor, roles: ['OFFICER'] })).toEqual({ ok: true });
  });
});
