// The console reaches the API only through the typed client generated from
// the OpenAPI document (@zhifa/api-client): a renamed field breaks the build.
import { createApiClient, type ApiClient, type Problem } from '@zhifa/api-client';

export type { ApiClient, Problem };
export type { CaseView, CaseListView, DeadlineView, TaskView, components, operations, paths } from '@zhifa/api-client';
export type DevTokenView = import('@zhifa/api-client').components['schemas']['DevTokenView'];

/** An answer other than success, with the API's problem+json body when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem?: Problem,
  ) {
    super(problem ? `${problem.detail} (${problem.code})` : `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

/** The success body, or an ApiError carrying the problem. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined) throw new ApiError(response.status, isProblem(error) ? error : undefined);
  return data;
}

function isProblem(x: unknown): x is Problem {
  return typeof x === 'object' && x !== null && 'code' in x && 'detail' in x;
}

/** A client on the console's own origin (case-api serves both), sending the current token. */
export function consoleClient(token: () => string, onUnauthorised: () => void): ApiClient {
  const client = createApiClient({ baseUrl: window.location.origin, token });
  client.use({
    onResponse({ response }) {
      if (response.status === 401) onUnauthorised();
      return response;
    },
  });
  return client;
}

/** A client without a token: the development sign-in list. */
export function anonymousClient(): ApiClient {
  return createApiClient({ baseUrl: window.location.origin });
}
