// What the public reads of a decision (事后公示): the 决定书's own words
// (decisionContent, the same the PDF renders), with the party's personal
// lines dropped and any personal information left in the text removed; or,
// where nothing may be published, the ground and the reason.

import type { CaseState, Party } from '../case/case-state';
import type { Message } from '../case/messages';
import { disclosurePlan } from '../case/stages/disclosure';
import type { WithheldGround } from '../case/vocabulary';
import { decisionContent, decisionSections, type DocumentSection } from '../documents/decision-content';
import type { JurisdictionPolicy } from '../policy/policy.types';
import { redactPersonalInformation, thirdPartiesOf, type PersonalInfoKind } from './redaction';

export interface PublishedDecision {
  publish: true;
  title: string;
  agency: string;
  documentNumber: string;
  caseNumber: string;
  /** Local date of the decision, YYYY-MM-DD. */
  decidedOn: string;
  partyName: string;
  legalBasis: string;
  penaltyLines: string[];
  amountDue: number;
  /** The decision's text in reading order, redacted. */
  sections: DocumentSection[];
  /** How many of each kind of personal information were left out. */
  removed: Partial<Record<PersonalInfoKind, number>>;
}

export type Publication = PublishedDecision | { publish: false; ground: WithheldGround; reason: Message };

/** The party's lines no publication shows: a person's home address, and anyone's ID number and phone. */
function privateFields(p: Party): Partial<Record<keyof Party, PersonalInfoKind>> {
  return { idNumber: 'ID_NUMBER', phone: 'PHONE', ...(p.type === 'PERSON' ? { address: 'ADDRESS' as const } : {}) };
}

/** The decision as it may be published, or why it may not; null while the case has no decision. */
export function publicationOf(s: CaseState, policy: JurisdictionPolicy): Publication | null {
  const content = decisionContent(s, policy);
  if (!content) return null;
  const plan = disclosurePlan(s, policy.timeZone);
  if (!plan.publish) return plan;
  const removed: PublishedDecision['removed'] = {};
  const drop = privateFields(s.party);
  content.party = content.party.filter((line) => {
    const kind = drop[line.field];
    if (kind) removed[kind] = (removed[kind] ?? 0) + 1;
    return !kind;
  });
  const subject = { party: s.party, thirdParties: thirdPartiesOf(s) };
  const sections = decisionSections(content).map((sec) => {
    const paragraphs = sec.paragraphs.map((p) => {
      const r = redactPersonalInformation(p, subject);
      for (const [kind, n] of Object.entries(r.removed) as [PersonalInfoKind, number][]) removed[kind] = (removed[kind] ?? 0) + n;
      return r.text;
    });
    return sec.heading ? { heading: sec.heading, paragraphs } : { paragraphs };
  });
  return {
    publish: true,
    title: content.title,
    agency: content.agency,
    documentNumber: content.documentNumber,
    caseNumber: content.caseNumber,
    decidedOn: content.decidedOn,
    partyName: content.party.find((l) => l.field === 'name')?.value ?? s.party.name,
    legalBasis: content.legalBasis,
    penaltyLines: content.penalty?.lines ?? [],
    amountDue: content.amountDue,
    sections,
    removed,
  };
}

/** The sections as plain text, one paragraph a line (what a search or a check of the published words reads). */
export function sectionsText(sections: DocumentSection[]): string {
  return sections.flatMap((s) => [...(s.heading ? [s.heading] : []), ...s.paragraphs]).join('\n');
}
