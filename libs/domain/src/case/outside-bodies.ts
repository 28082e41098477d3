// The register of outside bodies (R310 6, 7): the police units and
// procuratorates a transfer may be addressed to. The register itself is data
// the API reads; these checks judge a name against it, so the dispatch, the
// forwarding and a liaison's body are held to one rule.

import type { CaseState } from './case-state';
import { policeAddressee } from './read-access';
import type { Role } from './vocabulary';

export const OUTSIDE_BODY_KINDS = ['POLICE', 'PROCURATORATE'] as const;
export type OutsideBodyKind = (typeof OUTSIDE_BODY_KINDS)[number];

/** The kind of body each liaison role belongs to. */
export const LIAISON_BODY_KIND: Readonly<Record<'POLICE_LIAISON' | 'PROCURATORATE', OutsideBodyKind>> = { POLICE_LIAISON: 'POLICE', PROCURATORATE: 'PROCURATORATE' };

/** A body as the register holds it. */
export interface RegisteredBody {
  name: string;
  kind: OutsideBodyKind;
  active: boolean;
}

export type BodyProblemCode = 'BODY.NOT_REGISTERED' | 'BODY.SAME_UNIT';

/** A named body the register refuses, on the request's field. */
export interface BodyProblem {
  field: string;
  code: BodyProblemCode;
  en: string;
  zh: string;
}

const KIND_ZH: Record<OutsideBodyKind, string> = { POLICE: '公安机关', PROCURATORATE: '人民检察院' };
const KIND_EN: Record<OutsideBodyKind, string> = { POLICE: 'police unit', PROCURATORATE: 'procuratorate' };

/** `name` must be an active registered body of `kind`. */
export function registeredBodyProblem(register: readonly RegisteredBody[], field: string, name: string, kind: OutsideBodyKind): BodyProblem | null {
  const body = register.find((b) => b.name === name);
  if (body && body.kind === kind && body.active) return null;
  const why = !body
    ? { en: 'is not in the register of outside bodies', zh: '未在外部机关名录中登记' }
    : body.kind !== kind
      ? { en: `is registered as a ${KIND_EN[body.kind]}, not a ${KIND_EN[kind]}`, zh: `登记为${KIND_ZH[body.kind]}，不是${KIND_ZH[kind]}` }
      : { en: 'is deactivated in the register of outside bodies', zh: '已在外部机关名录中停用' };
  return { field, code: 'BODY.NOT_REGISTERED', en: `${name} ${why.en}: name a registered ${KIND_EN[kind]}`, zh: `${name}${why.zh}，请选择已登记的${KIND_ZH[kind]}` };
}

/** A dispatch names an active registered police unit and procuratorate (R310 6). */
export function dispatchBodyProblems(register: readonly RegisteredBody[], cmd: { policeAgency: string; procuratorate: string }): BodyProblem[] {
  return [registeredBodyProblem(register, 'policeAgency', cmd.policeAgency, 'POLICE'), registeredBodyProblem(register, 'procuratorate', cmd.procuratorate, 'PROCURATORATE')].filter(
    (p): p is BodyProblem => p !== null,
  );
}

/** A forwarding names an active registered police unit other than the one the transfer is addressed to (R310 7). */
export function forwardBodyProblems(register: readonly RegisteredBody[], state: CaseState | null, policeAgency: string): BodyProblem[] {
  const now = state ? policeAddressee(state) : undefined;
  if (now !== undefined && now === policeAgency) {
    return [
      {
        field: 'policeAgency',
        code: 'BODY.SAME_UNIT',
        en: `The transfer is already addressed to ${now}: forward it to another, competent unit`,
        zh: `本案已由${now}办理，转送须指定其他有管辖权的公安机关`,
      },
    ];
  }
  const p = registeredBodyProblem(register, 'policeAgency', policeAgency, 'POLICE');
  return p ? [p] : [];
}

/** A liaison's body names an active registered body of the kind their role belongs to; other staff name none. */
export function liaisonBodyProblems(register: readonly RegisteredBody[], roles: readonly Role[], body: string | null | undefined, field = 'body'): BodyProblem[] {
  const liaison = (['POLICE_LIAISON', 'PROCURATORATE'] as const).filter((r) => roles.includes(r));
  if (liaison.length === 0) return [];
  if (!body) {
    return [{ field, code: 'BODY.NOT_REGISTERED', en: 'A police or procuratorate liaison belongs to a registered body', zh: '公安机关或人民检察院联络人员须属于已登记的外部机关' }];
  }
  return liaison.map((r) => registeredBodyProblem(register, field, body, LIAISON_BODY_KIND[r])).filter((p): p is BodyProblem => p !== null);
}
