// What a case remembers of its public disclosure (事后公示, 118号; APL 48):
// the head's ground for not publishing, the publication or the reason it was
// withheld, and its withdrawal after a challenge revoked or changed the decision.

import type { Message } from './messages';
import type { DisclosureState, NonDisclosureGround, WithheldGround } from './vocabulary';

/** The head's ground, stated with the decision, for not publishing it (《政府信息公开条例》 14–15). */
export interface NonDisclosure {
  ground: NonDisclosureGround;
  reason: string;
}

/** The decision's disclosure as the disclosure job reported it. */
export interface DisclosureRecord {
  disclosureId: string;
  state: DisclosureState;
  /** When the job reported the publication, or that it withheld it. */
  at: string;
  /** WITHHELD: why nothing was published. */
  withheld?: { ground: WithheldGround; reason: Message };
  /** A challenge revoked or changed the published decision: withdrawn within the period (APL 48), with this reason. */
  withdrawal?: { reason: Message; owedSince: string; withdrawnAt?: string };
}
