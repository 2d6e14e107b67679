import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { newRequestId } from '../store/ids'
import { BodyTooLargeError, readBody } from './body'
import type { AccessPolicy } from './access'
import { corsHeaders, preflightHeaders } from './cors'
import { dispatchApi, type DispatchDeps } from './dispatch'
import { ApiError, internalError } from './errors'
import { FormSyntaxError, parseRequestParams } from './form'
import { escapeHtml, page, type PageReply, type PageRoute } from './pages'
import { matchRoute } from './router'

export interface ServerDeps extends DispatchDeps {
  pages: readonly PageRoute[]
  /** Runs after every request whose transaction committed (wakes the webhook worker). */
  afterRequest: () => void
  access: AccessPolicy
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function sendJson(response: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, no-store', ...headers })
  response.end(body)
}

function servePage(
  deps: ServerDeps,
  route: PageRoute,
  pathParams: Record<string, string>,
  query: string,
  body: string,
  requestId: string,
  response: ServerResponse,
): void {
  const { core } = deps
  let reply: PageReply
  try {
    const params = parseRequestParams(query, body)
    // A refusal thrown by the handler rolls its transaction back, then shows as an error page.
    reply = core.db
      .transaction(() => route.handler({ core, request: { id: requestId, idempotency_key: null }, params, pathParams }))
      .immediate()
  } catch (error) {
    if (!(error instanceof ApiError || error instanceof FormSyntaxError)) throw error
    reply = page('Error', `<p class="error">${escapeHtml(error.message)}</p>`, 400)
  }
  if ('redirect' in reply) {
    response.writeHead(303, { Location: reply.redirect })
    response.end()
  } else {
    // Never inside another site's frame: a page that framed the pay page could click through it.
    response.writeHead(reply.status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "frame-ancestors 'none'",
      'X-Frame-Options': 'DENY',
    })
    response.end(reply.html)
  }
}

function refuse(response: ServerResponse, message: string): void {
  const body = { error: { type: 'invalid_request_error', message } }
  sendJson(response, 403, JSON.stringify(body), { Connection: 'close' })
}

async function handle(deps: ServerDeps, request: IncomingMessage, response: ServerResponse, requestId: string): Promise<void> {
  const origin = header(request, 'origin')
  const method = (request.method ?? 'GET').toUpperCase()
  response.setHeader('request-id', requestId)
  // Before reading the body or touching the store: a refused request changes nothing and learns nothing.
  if (!deps.access.hostAllowed(header(request, 'host'))) {
    request.resume()
    return refuse(response, 'This Host is not the Stripe sandbox; use the address it printed (127.0.0.1 or localhost and its port).')
  }
  if (!deps.access.originAllowed(origin)) {
    request.resume()
    return refuse(response, `Requests from the origin ${origin} are not allowed by this Stripe sandbox.`)
  }
  const cors = deps.access.corsAllowed(origin)
  if (cors) for (const [name, value] of Object.entries(corsHeaders(origin))) response.setHeader(name, value)
  if (method === 'OPTIONS') {
    response.writeHead(204, cors ? preflightHeaders(origin) : {})
    response.end()
    return
  }
  const url = new URL(request.url ?? '/', 'http://sandbox.invalid')
  let body: string
  try {
    body = await readBody(request)
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error
    const tooLarge = { error: { type: 'invalid_request_error', message: 'Request body too large: the limit is 1 MB.' } }
    return sendJson(response, 413, JSON.stringify(tooLarge), { Connection: 'close' })
  }
  const pageMatch = matchRoute(deps.pages, method, url.pathname)
  if (pageMatch) {
    servePage(deps, pageMatch.route, pageMatch.pathParams, url.search.slice(1), body, requestId, response)
  } else {
    const answer = dispatchApi(deps, {
      method,
      path: url.pathname,
      query: url.search.slice(1),
      body,
      requestId,
      authorization: header(request, 'authorization'),
      contentType: header(request, 'content-type'),
      idempotencyKey: header(request, 'idempotency-key'),
      stripeVersion: header(request, 'stripe-version'),
    })
    sendJson(response, answer.status, answer.body, {
      'stripe-version': header(request, 'stripe-version') ?? deps.core.apiVersion,
      ...answer.headers,
    })
  }
  deps.afterRequest()
}

export function createSandboxServer(deps: ServerDeps): Server {
  return createServer((request, response) => {
    const requestId = newRequestId()
    handle(deps, request, response, requestId).catch((error: unknown) => {
      console.error('[sandbox] unhandled error', error)
      if (!response.headersSent) sendJson(response, 500, JSON.stringify({ error: internalError().body }), {})
      else response.end()
    })
  })
}
