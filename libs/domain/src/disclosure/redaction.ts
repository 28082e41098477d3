// The personal information a published decision must not show (domain spec
// §5; 118号): ID numbers, phone numbers, a person's home address, bank
// accounts, and the names of third parties. Pure text in, text out: the
// disclosure job publishes what this leaves. An organisation's credit code,
// name and registered premises, the agency's officers, amounts, dates and
// document numbers stay: they are what the publication is for.

import type { CaseState, Party } from '../case/case-state';

export const PERSONAL_INFO_KINDS = ['ID_NUMBER', 'PHONE', 'ADDRESS', 'BANK_ACCOUNT', 'THIRD_PARTY'] as const;
export type PersonalInfoKind = (typeof PERSONAL_INFO_KINDS)[number];

/** What stands in the published text for each kind removed. */
export const REDACTED: Readonly<Record<Exclude<PersonalInfoKind, 'THIRD_PARTY'>, string>> = {
  ID_NUMBER: '［身份证号码已隐去］',
  PHONE: '［电话号码已隐去］',
  ADDRESS: '［住址已隐去］',
  BANK_ACCOUNT: '［银行账号已隐去］',
};

export interface RedactionSubject {
  party: Party;
  /** People the case names who are neither the party nor its officers: their names are masked (张某). */
  thirdParties: string[];
}

export interface Redaction {
  text: string;
  /** How many of each kind were removed (kinds not met are absent). */
  removed: Partial<Record<PersonalInfoKind, number>>;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

function plausibleDate(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** A resident ID number (GB 11643): 18 characters with a valid check digit and birth date, or the old 15-digit form. */
export function isResidentIdNumber(s: string): boolean {
  if (/^\d{17}[\dXx]$/.test(s)) {
    const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(s[i]), 0);
    return ID_CHECK[sum % 11] === s[17].toUpperCase() && plausibleDate(Number(s.slice(6, 10)), Number(s.slice(10, 12)), Number(s.slice(12, 14)));
  }
  return /^\d{15}$/.test(s) && plausibleDate(1900 + Number(s.slice(6, 8)), Number(s.slice(8, 10)), Number(s.slice(10, 12)));
}

const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '司徒', '夏侯', '轩辕', '端木', '西门', '南宫'];

/** A person's name as publications write it: the surname and 某 (张三 → 张某, 欧阳娜娜 → 欧阳某). */
export function maskName(name: string): string {
  const n = name.trim();
  if (!/^[\u4e00-\u9fa5·]{2,}$/.test(n)) return '某';
  const surname = COMPOUND_SURNAMES.find((c) => n.startsWith(c) && n.length > c.length) ?? n[0];
  return `${surname}某`;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Removes the personal information from `text`; the subject's own figures go first, then anything shaped like one. */
export function redactPersonalInformation(text: string, subject: RedactionSubject): Redaction {
  const removed: Redaction['removed'] = {};
  const count = (kind: PersonalInfoKind, n: number) => {
    if (n > 0) removed[kind] = (removed[kind] ?? 0) + n;
  };
  let out = text;
  const replace = (kind: PersonalInfoKind, pattern: RegExp, by: (match: string, ...groups: string[]) => string | null) => {
    let n = 0;
    out = out.replace(pattern, (match: string, ...rest: unknown[]) => {
      const r = by(match, ...(rest.filter((x) => typeof x === 'string') as string[]));
      if (r === null) return match;
      n++;
      return r;
    });
    count(kind, n);
  };
  const literal = (kind: Exclude<PersonalInfoKind, 'THIRD_PARTY'>, value: string | undefined) => {
    if (value && value.trim().length >= 4) replace(kind, new RegExp(escape(value.trim()), 'g'), () => REDACTED[kind]);
  };
  const person = subject.party.type === 'PERSON';
  const creditCode = subject.party.creditCode?.toUpperCase();

  // The party's own, exactly as registered (whatever their shape).
  literal('ID_NUMBER', subject.party.idNumber);
  literal('PHONE', subject.party.phone);
  if (person) literal('ADDRESS', subject.party.address);

  // Labelled: whatever follows 住址 / 账号… up to the end of the clause.
  const homeLabels = person ? '家庭住址|现住址|居住地址|户籍地址|住址|居住地|户籍地|住所' : '家庭住址|现住址|居住地址|户籍地址|住址|居住地|户籍地';
  replace('ADDRESS', new RegExp(`(${homeLabels})([:：]\\s*)([^，,。；;、\\n（）()［］]+)`, 'g'), (_m, label, sep, value) =>
    value.includes('已隐去') ? null : `${label}${sep}${REDACTED.ADDRESS}`,
  );
  replace('BANK_ACCOUNT', /(银行账号|银行帐号|账号|帐号|银行账户|账户|帐户|卡号)([:：]?\s*)(\d[\d\s-]{6,28}\d)(?!\d)/g, (_m, label, sep) => `${label}${sep}${REDACTED.BANK_ACCOUNT}`);

  // Shaped: ID numbers (checked, so an account number is not taken for one), phones, then long digit runs.
  replace('ID_NUMBER', /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g, (m) => (isResidentIdNumber(m) && m.toUpperCase() !== creditCode ? REDACTED.ID_NUMBER : null));
  replace('PHONE', /(?<![\d])(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)/g, () => REDACTED.PHONE);
  replace('PHONE', /(?<![\d])(?:\(0\d{2,3}\)\s?|0\d{2,3}-)\d{7,8}(?:-\d{1,4})?(?!\d)/g, () => REDACTED.PHONE);
  replace('BANK_ACCOUNT', /(?<![0-9A-Za-z])\d(?:[\s-]?\d){15,18}(?![0-9A-Za-z])/g, (m) => (m.replace(/\D/g, '') === creditCode ? null : REDACTED.BANK_ACCOUNT));

  // Third parties' names, longest first (a name inside another is masked once).
  const names = [...new Set(subject.thirdParties.map((n) => n.trim()).filter((n) => n.length >= 2 && n !== subject.party.name))].sort((a, b) => b.length - a.length);
  for (const name of names) replace('THIRD_PARTY', new RegExp(escape(name), 'g'), () => maskName(name));
  return { text: out, removed };
}

/** The leading name of a free-text person entry ("蒋某某 (法定代表人)" → "蒋某某"). */
function nameIn(entry: string): string | undefined {
  const m = /^\s*([\u4e00-\u9fa5·]{2,6})/.exec(entry);
  return m?.[1];
}

/**
 * The third parties the case itself names: recipients and witnesses of its
 * service records who are not the party, nor (for an organisation) its legal
 * representative, whose name the publication carries.
 */
export function thirdPartiesOf(s: CaseState): string[] {
  const own = new Set([s.party.name, s.party.legalRepresentative].filter((n): n is string => Boolean(n)));
  const entries = [s.notice?.service, s.service].flatMap((r) => (r ? [r.recipient, ...(r.witnesses ?? [])] : []));
  return [...new Set(entries.map(nameIn).filter((n): n is string => n !== undefined && !own.has(n) && !n.endsWith('某')))];
}
