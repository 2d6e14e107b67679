import type Stripe from 'stripe'
import type { ProcessResult } from './payments/process-event'
import type { StripeEventEnvelope } from './payments/event-envelope'

// What core needs from the outside world, declared here and plugged in by the composition root
// (src/main/compose.ts). Core never imports a shell: the webhook listener, the sandbox, the tunnel and the
// official SDK's client all arrive through these ports, so tests can hand in real ones or fakes alike.
// The tunnel driver port is core/connection/tunnel-driver.ts; the logger is core/logging/logger.ts.

/** The one route Stripe's webhooks are sent to: the ingress serves it, the managed endpoint points at it. */
export const WEBHOOK_PATH = '/webhooks/stripe'

/** Where Stripe's webhooks come in: a listener on loopback that hands every verified event to `process`. */
export interface WebhookIngress {
  /** The full local URL of the webhook route. */
  url: string
  port: number
  close(): Promise<void>
}

export interface WebhookIngressOptions {
  port: number
  /** Accepted signing secrets, read on every delivery so a rotated or newly registered secret applies at once. */
  secrets: () => readonly string[]
  /** Resolves only once the event and its effect are committed: the ingress acknowledges after it. */
  process: (event: StripeEventEnvelope) => Promise<ProcessResult>
  onError?: (error: unknown, event: StripeEventEnvelope) => void
}

export type StartWebhookIngress = (options: WebhookIngressOptions) => Promise<WebhookIngress>

/** A Stripe-compatible API running on this machine: sandbox mode, when no keys are configured. */
export interface LocalStripe {
  url: string
  port: number
  close(): Promise<void>
  setDeliveryEnabled(on: boolean): void
  /** Resolves when no webhook delivery is pending or in flight. */
  idle(): Promise<void>
}

export interface LocalStripeOptions {
  /** Where the local Stripe keeps its state; it delivers webhooks to endpoints registered through its API. */
  dataFile: string
  /** The only keys it accepts: this till's own (a page that finds its port cannot guess them). */
  apiKeys: { secret: string[]; publishable: string[] }
  /** The only origins its CORS answers: the till's own pages, whose Stripe.js stand-in calls it. */
  allowedOrigins: string[]
}

export type StartLocalStripe = (options: LocalStripeOptions) => Promise<LocalStripe>

export interface StripeConnection {
  secretKey: string
  /** A Stripe-compatible base URL (the sandbox); Stripe itself when null. */
  apiUrl: URL | null
}

/** The official SDK's client for one account, pinned to our API version. */
export type StripeFactory = (connection: StripeConnection) => Stripe

/** Everything core is given from outside; compose.ts supplies the real ones. */
export interface CorePorts {
  startWebhookIngress: StartWebhookIngress
  startLocalStripe: StartLocalStripe
  stripeFactory: StripeFactory
}
