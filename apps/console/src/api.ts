// The console reaches the API only through the typed client generated from
// the OpenAPI document (@zhifa/api-client): a renamed field breaks the build.
import { createApiClient, type ApiClient, type Problem } from '@zhifa/api-client';
import type { Middleware } from 'openapi-fetch';

export type { ApiClient, Problem };
export type { CaseView, CaseListView, DeadlineView, TaskView, components, operations, paths } from '@zhifa/api-client';
export type DevTokenView = import('@zhifa/api-client').components['schemas']['DevTokenView'];

/**
 * An answer other than success, with the API's problem+json body when it sent
 * one: its detail and errors[].message are in the console's language (the
 * client asks for it), its code stable whatever the language.
 */
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

/**
 * The console's language as an Accept-Language: the page's lang attribute,
 * which the i18n provider keeps in step with the language toggle (zh-CN by default).
 */
export function acceptLanguage(): 'zh-CN' | 'en' {
  return document.documentElement.lang === 'en' ? 'en' : 'zh-CN';
}

/** Asks every request's problems in the language the console shows, read when the request is sent. */
const inConsoleLanguage: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept-language', acceptLanguage());
    return request;
  },
};

/** A client on the console's own origin (case-api serves both), sending the current token and language. */
export function consoleClient(token: () => string, onUnauthorised: () => void): ApiClient {
  const client = createApiClient({ baseUrl: window.location.origin, token });
  client.use(inConsoleLanguage);
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
  const client = createApiClient({ baseUrl: window.location.origin });
  client.use(inConsoleLanguage);
  return client;
}
