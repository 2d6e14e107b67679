import type { Ctx } from '../context'
import type { KeyKind } from './auth'
import type { ApiError } from './errors'
import type { FormObject } from './form'

export interface ApiRequest extends Ctx {
  params: FormObject
  pathParams: Record<string, string>
  keyKind: KeyKind
}

/** A handler's answer. Card declines are replies too, not throws: the state they cause must commit. */
export interface Reply {
  status: number
  body: object
}

export type Handler = (request: ApiRequest) => Reply

export interface ApiRoute {
  method: 'GET' | 'POST' | 'DELETE'
  path: string
  handler: Handler
  /** Reachable with a publishable key (the routes Stripe.js calls); the handler checks the client secret. */
  publishable?: boolean
}

export function ok(body: object): Reply {
  return { status: 200, body }
}

export function errorReply(error: ApiError): Reply {
  return { status: error.status, body: { error: error.body } }
}

/** The path parameter `name`; routes only match when it is present, so a miss is a programming error. */
export function pathParam(request: ApiRequest, name = 'id'): string {
  const value = request.pathParams[name]
  if (value === undefined) throw new Error(`route has no :${name} segment`)
  return value
}
