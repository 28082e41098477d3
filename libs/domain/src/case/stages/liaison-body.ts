// The outside body a liaison's act is recorded for (R310: the police and the
// procuratorate the transfer was dispatched to answer it), under 'liaison-bodies'.

import { inForce } from '../rule-changes';
import type { HandlerContext } from './kit';

/** `{ body }` to spread into a liaison's event, or nothing for acts judged before the rule or by a person of no body. */
export function actingBody(ctx: HandlerContext): { body?: string } {
  const body = ctx.actorSnapshot?.body;
  return body && inForce(ctx, 'liaison-bodies') ? { body } : {};
}
