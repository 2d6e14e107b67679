// One API request from raw parts to a serialized answer: auth, routing, parsing, idempotency, and the
// handler run inside a single SQLite transaction (an error thrown by a handler leaves no trace).

import type { SandboxCore } from '../context'
import { authenticate, PUBLISHABLE_KEY_MESSAGE, type ApiKeys } from './auth'
import { ApiError, authenticationError, internalError, invalidRequest, notFoundRoute } from './errors'
import { applyExpansions } from './expand'
import { FormSyntaxError, parseRequestParams, type FormObject } from './form'
import type { ApiRoute, Reply } from './handler'
import { canonicalJson, MAX_KEY_LENGTH, type IdempotencyStore } from './idempotency'
import { readExpand } from './params'
import { matchRoute } from './router'
import { expandableOfCharge } from '../resources/charges'

export interface IncomingApiRequest {
  method: string
  path: string
  query: string
  body: string
  requestId: string
  authorization: string | undefined
  contentType: string | undefined
  idempotencyKey: string | undefined
  stripeVersion: string | undefined
}

export interface ApiAnswer {
  status: number
  body: string
  headers: Record<string, string>
}

export interface DispatchDeps {
  core: SandboxCore
  routes: readonly ApiRoute[]
  idempotency: IdempotencyStore
  /** The account's keys; undefined = any test key (see auth.ts). */
  apiKeys?: ApiKeys
}

function serialize(status: number, body: object, headers: Record<string, string> = {}): ApiAnswer {
  return { status, body: JSON.stringify(body, null, 2), headers }
}

function readParams(incoming: IncomingApiRequest): FormObject {
  const type = incoming.contentType?.split(';')[0]?.trim().toLowerCase()
  if (incoming.body !== '' && type !== undefined && type !== 'application/x-www-form-urlencoded') {
    throw invalidRequest(
      `Invalid request: unsupported Content-Type ${type}. If error persists and you need assistance, please contact support@stripe.com.`,
    )
  }
  try {
    return parseRequestParams(incoming.query, incoming.body)
  } catch (error) {
    if (error instanceof FormSyntaxError) throw invalidRequest(error.message, { param: error.param })
    throw error
  }
}

function run(
  deps: DispatchDeps,
  route: ApiRoute,
  incoming: IncomingApiRequest,
  params: FormObject,
  pathParams: Record<string, string>,
  keyKind: 'secret' | 'publishable',
): ApiAnswer {
  const { core, idempotency } = deps
  const key = incoming.method === 'POST' ? incoming.idempotencyKey : undefined
  if (key !== undefined && key.length > MAX_KEY_LENGTH) {
    throw invalidRequest(`Idempotency-Key must be at most ${MAX_KEY_LENGTH} characters long.`)
  }
  const endpoint = `${incoming.method} ${incoming.path}`
  const fingerprint = canonicalJson(params)
  const request = { id: incoming.requestId, idempotency_key: key ?? null }
  return core.db
    .transaction((): ApiAnswer => {
      const saved = key === undefined ? undefined : idempotency.lookup(key, endpoint, fingerprint, core.now())
      if (saved) {
        return {
          status: saved.status,
          body: saved.body,
          headers: { 'idempotent-replayed': 'true', 'original-request': saved.requestId },
        }
      }
      const reply: Reply = route.handler({ core, request, params, pathParams, keyKind })
      const body =
        reply.status === 200
          ? applyExpansions(reply.body, readExpand(params), {
              byId: (id) => core.store.getAny(id),
              field: (record, field) => expandableOfCharge({ core, request }, record, field),
            })
          : reply.body
      const answer = serialize(reply.status, body)
      // As Stripe does: results of requests that ran are saved (declines included), rejections are not.
      if (key !== undefined && (reply.status < 400 || reply.status === 402)) {
        idempotency.save(
          key,
          endpoint,
          fingerprint,
          { status: answer.status, body: answer.body, requestId: incoming.requestId },
          core.now(),
        )
      }
      return answer
    })
    .immediate()
}

/** Stripe refuses a malformed Stripe-Version; the sandbox also refuses a real one it cannot render. */
function assertRenderableVersion(requested: string | undefined, own: string): void {
  if (requested === undefined || requested === own) return
  if (!/^\d{4}-\d{2}-\d{2}(?:\.[a-z]+)?$/.test(requested)) throw invalidRequest(`Invalid Stripe API version: ${requested}`)
  throw invalidRequest(`The Stripe sandbox answers in API version ${own} only, not ${requested}.`)
}

export function dispatchApi(deps: DispatchDeps, incoming: IncomingApiRequest): ApiAnswer {
  try {
    const keyKind = authenticate(incoming.authorization, deps.apiKeys)
    assertRenderableVersion(incoming.stripeVersion, deps.core.apiVersion)
    const match = matchRoute(deps.routes, incoming.method, incoming.path)
    if (!match) throw notFoundRoute(incoming.method, incoming.path)
    if (keyKind === 'publishable' && !match.route.publishable) throw authenticationError(PUBLISHABLE_KEY_MESSAGE)
    const params = readParams(incoming)
    const answer = run(deps, match.route, incoming, params, match.pathParams, keyKind)
    return {
      ...answer,
      headers: { ...answer.headers, ...(incoming.idempotencyKey ? { 'idempotency-key': incoming.idempotencyKey } : {}) },
    }
  } catch (error) {
    if (error instanceof ApiError) return serialize(error.status, { error: error.body })
    console.error('[sandbox] request failed', incoming.method, incoming.path, error)
    return serialize(500, { error: internalError().body })
  }
}
