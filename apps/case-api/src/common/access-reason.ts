import { Injectable } from '@nestjs/common';
import { personalFieldsOf, type ActorSnapshot, type CaseState } from '@zhifa/domain';
import { PersonalDataAccessRepository, type CaseEntity, type PersonalDataSource } from '@zhifa/persistence';
import { badRequest, fieldProblem } from './problem';

/** The longest reason kept (a sentence, not a file). */
export const ACCESS_REASON_MAX = 200;

/** How the header is described wherever it is required (OpenAPI). */
export const ACCESS_REASON_HEADER = {
  name: 'X-Access-Reason',
  required: true,
  description: `Why the party's full personal information is needed (e.g. 送达决定书), at most ${ACCESS_REASON_MAX} characters, URI-encoded when not ASCII; the read is logged for supervisors`,
} as const;

/** The header's reason, decoded; a missing, blank, undecodable or overlong one is a 400 naming the header. */
export function accessReason(header: string | undefined): string {
  let reason = '';
  try {
    reason = decodeURIComponent(header ?? '').trim();
  } catch {
    throw badRequest([fieldProblem('X-Access-Reason', { en: 'is not valid URI-encoded text', zh: '不是有效的 URI 编码文本' })]);
  }
  if (!reason) {
    throw badRequest(
      [fieldProblem('X-Access-Reason', { en: 'is required: say why the full ID number, phone or address is needed', zh: '必须填写：说明查看完整身份证号、电话或地址的理由' })],
      { en: "A party's full personal information is read only for a stated reason (PIPL)", zh: '查看当事人完整个人信息须说明理由（《个人信息保护法》）' },
    );
  }
  if ([...reason].length > ACCESS_REASON_MAX) {
    throw badRequest([fieldProblem('X-Access-Reason', { en: `is longer than ${ACCESS_REASON_MAX} characters`, zh: `超过${ACCESS_REASON_MAX}个字` })]);
  }
  return reason;
}

/**
 * PIPL: a read of a party's full personal information — the party itself, or
 * a document or evidence file that carries it — logged with who, the case,
 * what was read and the reason given, before anything is sent.
 */
@Injectable()
export class PersonalDataReads {
  constructor(private readonly log: PersonalDataAccessRepository) {}

  async record(row: CaseEntity, actor: ActorSnapshot, reason: string, source: PersonalDataSource, sourceRef: string | null = null): Promise<void> {
    await this.log.record({
      caseId: row.id,
      caseNumber: row.caseNumber,
      agencyId: row.agencyId,
      userId: actor.userId,
      userName: actor.name,
      roles: [...actor.roles],
      fields: personalFieldsOf((row.state as unknown as CaseState).party),
      reason,
      source,
      sourceRef,
    });
  }
}
