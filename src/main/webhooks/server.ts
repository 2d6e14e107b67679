import express, { type NextFunction, type Request, type Response } from 'express'
import { BodyTooLargeError, readRawBody } from '../core/http/raw-body'
import { closeServer, createTimedServer, listenOnLoopback } from '../core/http/listen'
import { WEBHOOK_PATH, type WebhookIngress, type WebhookIngressOptions } from '../core/ports'
import { verifyStripeDelivery } from './verify'

export { WEBHOOK_PATH }
export const WEBHOOK_BODY_LIMIT_BYTES = 1024 * 1024
/** Stripe gives up on a delivery after about 10 s; no socket on this port lives longer than this. */
export const WEBHOOK_REQUEST_TIMEOUT_MS = 15_000

export interface WebhookServerOptions extends WebhookIngressOptions {
  /** How long a request may take to arrive, headers and body (tests use a short one). */
  requestTimeoutMs?: number
}

export type WebhookServer = WebhookIngress

/**
 * The listener the tunnel forwards to: POST /webhooks/stripe and nothing else (no API, no pages on this port).
 * The 2xx goes out only after the event and its effect are committed; a failure answers 500 so Stripe retries.
 */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const app = express()
  app.disable('x-powered-by')
  app.set('etag', false)
  // Exactly /webhooks/stripe: not /webhooks/Stripe, not /webhooks/stripe/ (the tunnel exposes this one path).
  app.set('case sensitive routing', true)
  app.set('strict routing', true)

  // The raw bytes on this route only: no JSON parser ever sees a body before its signature is checked.
  app.post(WEBHOOK_PATH, async (req: Request, res: Response) => {
    let body: Buffer
    try {
      body = await readRawBody(req, WEBHOOK_BODY_LIMIT_BYTES)
    } catch (error) {
      if (error instanceof BodyTooLargeError) res.set('Connection', 'close')
      return void res.status(error instanceof BodyTooLargeError ? 413 : 400).json({ error: error instanceof BodyTooLargeError ? 'Payload too large' : 'Bad request' })
    }
    const verified = verifyStripeDelivery(body, req.get('stripe-signature'), options.secrets())
    if (!verified.ok) return void res.status(verified.status).json({ error: verified.reason })
    try {
      const result = await options.process(verified.event)
      res.status(200).json({ received: true, ...result })
    } catch (error) {
      options.onError?.(error, verified.event)
      res.status(500).json({ error: 'The event could not be applied; it will be retried' })
    }
  })

  app.use((_req, res) => void res.status(404).json({ error: 'Not found' }))
  app.use((_error: unknown, _req: Request, res: Response, _next: NextFunction) => void res.status(400).json({ error: 'Bad request' }))

  const server = createTimedServer(app, options.requestTimeoutMs ?? WEBHOOK_REQUEST_TIMEOUT_MS)
  const port = await listenOnLoopback(server, options.port)
  return { url: `http://127.0.0.1:${port}${WEBHOOK_PATH}`, port, close: () => closeServer(server) }
}
