// Who is acting, as resolved by the API from Postgres on every command.
// The token only names the user; roles, certificates and assignment come
// from the database and travel with the command into the workflow.

export const ROLES = [
  'OFFICER',
  'AUXILIARY',
  'LEGAL_REVIEWER',
  'AGENCY_HEAD',
  'SUPERVISOR',
  'POLICE_LIAISON',
  'PROCURATORATE',
  'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

export interface CertificateSnapshot {
  number: string;
  scope: string;
  validFrom: string; // YYYY-MM-DD
  validTo: string; // YYYY-MM-DD
  status: 'ACTIVE' | 'SUSPENDED' | 'REVOKED';
}

export interface ActorSnapshot {
  userId: string;
  name: string;
  agencyId: string;
  roles: Role[];
  certificates: CertificateSnapshot[];
}
