// Who is acting, as resolved by the API from Postgres on every command.
// The token only names the user; roles, certificates and assignment come
// from the database and travel with the command into the workflow.

import type { CertificateStatus, Role } from './vocabulary';

export type { Role } from './vocabulary';

export interface CertificateSnapshot {
  number: string;
  scope: string;
  validFrom: string; // YYYY-MM-DD
  validTo: string; // YYYY-MM-DD
  status: CertificateStatus;
}

export interface ActorSnapshot {
  userId: string;
  name: string;
  agencyId: string;
  roles: Role[];
  certificates: CertificateSnapshot[];
  /**
   * The outside body a police or procuratorate liaison belongs to (e.g. 长治市公安局), as a
   * transfer's dispatch names it; absent for the agency's own staff.
   */
  body?: string;
}
