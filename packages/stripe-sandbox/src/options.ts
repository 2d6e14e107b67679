// What a caller can ask of startSandbox: public options (what a real integration would configure), and the
// fault knobs (test-only: they make the sandbox misbehave on purpose, like a bad day at Stripe).

import type { OpenDatabase } from './store/db'

export interface SandboxOptions {
  /** SQLite file; ':memory:' (the default) gives a throwaway account. */
  dataFile?: string
  /** How to open it, i.e. which native binding to use; default: the installed better-sqlite3. */
  openDatabase?: OpenDatabase
  /** 0 or undefined = any free port; always binds 127.0.0.1 only. */
  port?: number
  /** Base URL handed out in links (checkout and 3-D Secure pages); default http://127.0.0.1:<port>. */
  publicUrl?: string
  /**
   * The account's API keys. Given, only these keys are accepted (a wrong key is a 401, as Stripe answers);
   * absent, any `sk_test_`/`rk_test_` key is the secret key and any `pk_test_` the publishable one (handy
   * for a developer's own sandbox; an embedding app should pass keys of its own).
   */
  apiKeys?: { secret: readonly string[]; publishable: readonly string[] }
  /**
   * Browser origins allowed to call the API and post the pages (CORS): the origins of the page that runs the
   * Stripe.js stand-in. A request carrying any other Origin is refused. Default: none.
   */
  allowedOrigins?: readonly string[] | (() => readonly string[])
  delivery?: {
    /** Default Stripe test-mode-like (5 min, 30 min, 2 h); tests pass e.g. [50, 100, 200]. */
    retryScheduleMs?: number[]
    /** Per attempt; default 10_000. */
    timeoutMs?: number
    /**
     * Stripe delivers concurrently and promises no order, so by default neither does the sandbox: each batch
     * of due deliveries is shuffled and sent over `concurrency` lanes per endpoint. `ordered: true` sends one
     * endpoint's deliveries one by one in creation order (for debugging a receiver, never Stripe's behaviour).
     */
    ordered?: boolean
    /** Deliveries in flight at once per endpoint when unordered; default 4. */
    concurrency?: number
    /** Seeds the shuffle (and the `drop` fault): the same seed replays the same send order. Default random. */
    seed?: number
  }
  /**
   * Account settings Stripe keeps per account. `rawCardData`: card numbers may be sent with a secret key (Stripe
   * refuses them unless "raw card data APIs" are enabled on the account; default false, as on a new account).
   * `customerSearchLagSeconds`: customer search sees writes this many seconds (sandbox clock) late, as Stripe's
   * search index can lag up to a minute; default 0 (read-after-write).
   */
  account?: { rawCardData?: boolean; customerSearchLagSeconds?: number }
  /** Convenience: registers an endpoint for all event types ('*') at start. */
  webhook?: { url: string; secret?: string }
  /** Clock injection for tests (unix seconds); default real time. */
  now?: () => number
}

/** Test-only: deliberate webhook trouble, for receivers that must survive it. None of it is Stripe's default. */
export interface DeliveryFaults {
  /** Deliver each event N times; default 1. */
  copies?: number
  /** Shuffle each batch even when `delivery.ordered` is set (unordered is already the default). */
  shuffle?: boolean
  /** Share (0..1) of first attempts lost on the way, recorded as failed and retried on the schedule; default 0. */
  drop?: number
  /** First attempt this many ms late; default 0. */
  delayMs?: number
  /** Default true; false = record events but send nothing (tests of "no webhooks"; see setDeliveryEnabled). */
  enabled?: boolean
}

export interface SandboxHandle {
  /** e.g. http://127.0.0.1:54321 (SDK: new Stripe(key, { host: '127.0.0.1', port, protocol: 'http' })). */
  url: string
  port: number
  /** Stops the server and delivery, closes the database. */
  close(): Promise<void>
  setDeliveryEnabled(on: boolean): void
  /** Resolves when no webhook delivery is pending or in flight (tests use it). */
  idle(): Promise<void>
  /** The delivery seed in use (pass it back as `delivery.seed` to replay a run's order). */
  seed: number
}
