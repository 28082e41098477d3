// Service of documents (APL 61; CivPL): the method decides the deemed date.

import type { ServiceDetails } from '../case-records';
import type { PersonRef, ServiceRecord } from '../case-state';
import { SERVICE_METHODS, type ServiceMethod } from '../vocabulary';
import { fail, type Fail } from '../rejection';
import { zhOr, ZH_SERVICE } from '../messages';
import { ms, Validator } from './validation';

const DAY_MS = 86_400_000;
/** CivPL 95: served once 30 days have passed since publication. */
export const PUBLIC_NOTICE_DAYS = 30;

/** DIRECT: signed date; REFUSED: left with witnesses; ELECTRONIC: arrival; POSTAL: receipt; PUBLIC_NOTICE: +30 days. */
export function deemedServedAt(method: ServiceMethod, servedAt: string): string {
  if (method === 'PUBLIC_NOTICE') return new Date(ms(servedAt) + PUBLIC_NOTICE_DAYS * DAY_MS).toISOString();
  return servedAt;
}

export function validateService(v: Validator, prefix: string, s: unknown): void {
  const f = (name: string) => (prefix ? `${prefix}.${name}` : name);
  if (!v.object(prefix || 'service', s)) return;
  v.oneOf(f('method'), s.method, SERVICE_METHODS);
  v.instant(f('servedAt'), s.servedAt, { notFuture: true });
  v.text(f('recipient'), s.recipient);
  v.text(f('proof'), s.proof);
  v.bool(f('consentToElectronic'), s.consentToElectronic, { optional: true });
  v.bool(f('videoRecorded'), s.videoRecorded, { optional: true });
  if (v.array(f('witnesses'), s.witnesses, { optional: true })) {
    (s.witnesses as unknown[]).forEach((w, i) => v.text(`${f('witnesses')}[${i}]`, w));
  }
}

/** Legal conditions of each method; `allowed` narrows the methods (on-the-spot service). */
export function checkService(s: ServiceDetails, allowed?: readonly ServiceMethod[]): Fail | null {
  if (allowed && !allowed.includes(s.method)) {
    return fail('SERVICE.METHOD_NOT_ALLOWED', {
      en: `Service here must be ${allowed.join(' or ')}; got ${s.method}`,
      zh: `此处只能采用${zhOr(allowed.map((m) => ZH_SERVICE[m]))}，而提交的是${(ZH_SERVICE as Record<string, string>)[s.method] ?? s.method}`,
    });
  }
  if (s.method === 'ELECTRONIC' && s.consentToElectronic !== true) {
    return fail('SERVICE.CONSENT_REQUIRED', { en: 'Electronic service needs the party’s consent (APL 61)', zh: '电子送达须经当事人同意（《行政处罚法》第61条）' });
  }
  if (s.method === 'REFUSED' && !(s.witnesses && s.witnesses.length > 0) && s.videoRecorded !== true) {
    return fail('SERVICE.WITNESS_REQUIRED', {
      en: 'Service on refusal (留置送达) needs witnesses or a video record (CivPL 89)',
      zh: '留置送达须有见证人在场或以录像记录送达过程（《民事诉讼法》第89条）',
    });
  }
  return null;
}

export function serviceRecord(s: ServiceDetails, servedBy: PersonRef): ServiceRecord {
  const r: ServiceRecord = {
    method: s.method,
    servedAt: s.servedAt,
    deemedServedAt: deemedServedAt(s.method, s.servedAt),
    recipient: s.recipient,
    proof: s.proof,
    servedBy,
  };
  if (s.consentToElectronic !== undefined) r.consentToElectronic = s.consentToElectronic;
  if (s.witnesses !== undefined) r.witnesses = [...s.witnesses];
  if (s.videoRecorded !== undefined) r.videoRecorded = s.videoRecorded;
  return r;
}
