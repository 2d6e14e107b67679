import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import express, { type NextFunction, type Request, type Response } from 'express'
import type { Envelope } from '@shared/errors'
import type { Dispatch } from '../core/api/dispatch'
import type { LiveBus } from '../core/bus/live-bus'
import { httpStatusFor, isAllowedHost, isAllowedOrigin, isJsonContentType } from './guards'
import { isLaunchToken, needsLaunchToken, newLaunchToken, newSeatId, readCookie, seatCookieName, seatOf, sessionCookie, tokenCookieName } from './launch-token'
import { streamLiveEvents } from './sse'
import { serveExports } from './exports'
import { closeServer, listenOnLoopback } from '../core/http/listen'

export interface HostOptions {
  dispatch: Dispatch
  bus: LiveBus
  /** The built renderer (out/renderer). */
  rendererDir: string
  csp: string
  port: number
  /** This launch's token (made fresh when not given). */
  launchToken?: string
}

export interface HostServer {
  url: string
  /** The address to open: the URL with this launch's token, which the browser trades for its cookie. */
  openUrl: string
  port: number
  close(): Promise<void>
}

/** The browser host: the same API as the Electron preload, over HTTP on loopback, plus the built renderer. */
export async function startHostServer(options: HostOptions): Promise<HostServer> {
  const app = express()
  app.disable('x-powered-by')
  app.set('etag', false)
  let port = options.port
  const closers = new Set<() => void>()
  const launchToken = options.launchToken ?? newLaunchToken()

  app.use((req, res, next) => {
    if (!isAllowedHost(req.headers.host, port)) return void res.status(421).type('text/plain').send('Unknown host')
    if (!isAllowedOrigin(req.headers.origin, port)) return void res.status(403).type('text/plain').send('Foreign origin')
    res.set({
      'Content-Security-Policy': options.csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
    })
    next()
  })

  // Opening the printed address: the token becomes this browser's cookie, then the address bar drops it.
  app.use((req, res, next) => {
    const offered = typeof req.query.token === 'string' ? req.query.token : undefined
    if (offered === undefined || req.method !== 'GET') return next()
    if (!isLaunchToken(offered, launchToken)) return void res.status(401).type('text/plain').send(STALE_ADDRESS)
    const cookies = [sessionCookie(tokenCookieName(port), launchToken)]
    if (!readCookie(req.headers.cookie, seatCookieName(port))) cookies.push(sessionCookie(seatCookieName(port), newSeatId()))
    res.set('Set-Cookie', cookies).set('Cache-Control', 'no-store').redirect(303, req.path)
  })

  app.use((req, res, next) => {
    if (!needsLaunchToken(req.path) || isLaunchToken(readCookie(req.headers.cookie, tokenCookieName(port)), launchToken)) return next()
    sendEnvelope(res, 401, { ok: false, error: { code: 'forbidden', message: NO_SESSION } })
  })

  app.get('/api/events', (req, res) => {
    const stop = streamLiveEvents(req, res, options.bus)
    closers.add(stop)
    res.on('close', () => closers.delete(stop))
  })

  serveExports(app, options.bus)
  app.post(
    '/api/:channel',
    (req, res, next) => {
      if (!isJsonContentType(req.headers['content-type'])) return void sendEnvelope(res, 415, unsupported('Send JSON'))
      next()
    },
    express.json({ limit: '64kb', strict: false }),
    async (req: Request<{ channel: string }>, res: Response) => {
      const seat = seatOf(readCookie(req.headers.cookie, seatCookieName(port)))
      const result = await options.dispatch(req.params.channel, req.body, { seat })
      sendEnvelope(res, result.ok ? 200 : httpStatusFor(result.error.code), result)
    },
  )
  app.all('/api/{*rest}', (_req, res) => sendEnvelope(res, 404, { ok: false, error: { code: 'not_found', message: 'No such API route' } }))

  if (existsSync(join(options.rendererDir, 'index.html'))) {
    app.use(express.static(options.rendererDir, { index: 'index.html', fallthrough: true, maxAge: 0 }))
  } else {
    app.get('/', (_req, res) => void res.status(503).type('text/plain').send('The renderer is not built: run `npm run build`'))
  }

  // Body-parser errors (malformed JSON, too large) become the same envelope as every other refusal.
  app.use((error: { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = error.status ?? 500
    const message =
      error.type === 'entity.too.large' ? 'Request body too large' : error.type === 'entity.parse.failed' ? 'Malformed JSON' : 'Bad request'
    sendEnvelope(res, status, { ok: false, error: { code: status === 500 ? 'internal' : 'invalid_input', message } })
  })

  const server = createServer(app)
  port = await listenOnLoopback(server, options.port)
  return {
    url: `http://127.0.0.1:${port}`,
    openUrl: `http://127.0.0.1:${port}/?token=${launchToken}`,
    port,
    close: () => {
      for (const stop of closers) stop()
      return closeServer(server)
    },
  }
}

function sendEnvelope(res: Response, status: number, body: Envelope<unknown>) {
  res.status(status).set('Cache-Control', 'no-store').json(body)
}

const NO_SESSION = 'This browser has no CourseTill session: open the address CourseTill printed when it started (it ends in ?token=…)'
const STALE_ADDRESS = 'This address is from an earlier start of CourseTill: open the one it printed this time'

const unsupported = (message: string): Envelope<never> => ({ ok: false, error: { code: 'invalid_input', message } })
