// The typed client of the case API: openapi-fetch over the types generated
// from the committed OpenAPI document (schema.gen.ts, by `npm run openapi`).
// A field renamed in the API changes the generated types, and every caller
// that still uses the old name stops type-checking.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './schema.gen';

export type { components, operations, paths };

type Schemas = components['schemas'];
export type CaseView = Schemas['CaseView'];
export type CaseListView = Schemas['CaseListView'];
export type CommandResponse = Schemas['CommandResponse'];
export type DeadlineView = Schemas['DeadlineView'];
export type EvidenceItemView = Schemas['EvidenceItemView'];
export type TaskView = Schemas['TaskView'];
export type OverdueListView = Schemas['OverdueListView'];
export type OverdueItemView = Schemas['OverdueItemView'];
export type TransferWatchItemView = Schemas['TransferWatchItemView'];
export type NoTransferDecisionView = Schemas['NoTransferDecisionView'];
export type PolicyView = Schemas['PolicyView'];
export type PolicyVersionView = Schemas['PolicyVersionView'];
export type PolicyChangeView = Schemas['PolicyChangeView'];
export type DueDateView = Schemas['DueDateView'];
export type TimelineView = Schemas['TimelineView'];
export type ChainVerificationView = Schemas['ChainVerificationView'];
export type ProblemTypeView = Schemas['ProblemTypeDto'];
export type NotificationView = Schemas['NotificationView'];
export type NotificationListView = Schemas['NotificationListView'];
export type WebhookSettingsView = Schemas['WebhookSettingsView'];
export type WebhookDeliveryView = Schemas['WebhookDeliveryView'];
/** Every error body (application/problem+json). */
export type Problem = Schemas['ProblemDto'];

/** Success bodies are application/json, errors application/problem+json: the client reads both media types. */
export type ApiClient = Client<paths>;

export interface ApiClientOptions {
  /** The API's origin, e.g. http://127.0.0.1:3000 (paths start with /api/v1). */
  baseUrl: string;
  /** A bearer token, or a function giving the current one (each request asks). */
  token?: string | (() => string | Promise<string>);
  /** A fetch other than the global one (tests, instrumentation). */
  fetch?: typeof globalThis.fetch;
  headers?: Record<string, string>;
}

/**
 * A client of the case API. Errors come back as `error` typed as the
 * operation's problem+json body, never thrown:
 *   const { data, error, response } = await api.GET('/api/v1/cases/{id}', { params: { path: { id } } });
 */
export function createApiClient(opts: ApiClientOptions): ApiClient {
  const client = createClient<paths>({
    baseUrl: opts.baseUrl,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    ...(opts.headers ? { headers: opts.headers } : {}),
  });
  const token = opts.token;
  if (token !== undefined) {
    const auth: Middleware = {
      async onRequest({ request }) {
        request.headers.set('authorization', `Bearer ${typeof token === 'function' ? await token() : token}`);
        return request;
      },
    };
    client.use(auth);
  }
  return client;
}

// Each command's body schema, for forms built from the API's own description.
export { COMMAND_FORMS, type CommandEnumValue, type CommandFieldName, type CommandFormAction } from './command-forms.gen';
export type { FieldSchema } from './command-forms';
