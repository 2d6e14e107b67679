import { asSignedIn } from './staff-calls'
import Stripe from 'stripe'
import { startCourseTill, type CourseTill } from '../../src/main/compose'
import { loadConfig } from '../../src/main/core/config'
import { sandboxKeys } from '../../src/main/core/connection/sandbox-access'
import type { DeliveryFaults, SandboxHandle, SandboxOptions } from '@coursetill/stripe-sandbox'
import { SUBSCRIBED_EVENTS } from '../../src/main/core/payments/subscribed-events'
import type { LiveEvent, OrderDetail } from '../../src/shared/domain'
import { AppError } from '../../src/shared/errors'
import type { Channel, ChannelInput, ChannelResult } from '../../src/shared/ipc-contract'
import { tempDir } from './temp-store'

export interface TestTill {
  till: CourseTill
  dataDir: string
  /** The official SDK, pointed at the till's sandbox: the tests' customer and Stripe dashboard. */
  stripe: Stripe
  events: LiveEvent[]
  order(courseIds: number[], accountId?: number): OrderDetail
  detail(orderId: number): OrderDetail
  count(table: string, where?: string): number
  /** Through dispatch, as a window calls it: validation and the manager check included. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>>
  /**
   * Sets the manager PIN (first use: that makes the owner, "Owner", PIN 2468), opens a shift with no float as them, and
   * returns their session token; from then on `call` sends it as the person signed in (staffToken).
   */
  managerToken(): Promise<string>
  /** Resolves when the sandbox has no webhook delivery pending or in flight. */
  deliveriesSettled(): Promise<void>
  close(): Promise<void>
}

/** The test's delivery wishes split into the sandbox's public options and its test-only faults. */
function sandboxDeliveryOf(delivery: SandboxOptions['delivery'] & DeliveryFaults = {}) {
  const { retryScheduleMs = [100, 200, 400, 800], timeoutMs, ...faults } = delivery
  return { sandboxDelivery: { retryScheduleMs, ...(timeoutMs === undefined ? {} : { timeoutMs }) }, sandboxFaults: faults }
}

/**
 * A whole till on a temp data folder: real SQLite, its sandbox on loopback, its webhook listener on a free port.
 * With `sharedSandbox` it is one of several tills on one Stripe account instead: it talks to that sandbox with
 * test keys, as it would to Stripe, and gets its own webhook endpoint there (a till without a tunnel is given one
 * by hand, as `stripe listen` would: STRIPE_WEBHOOK_SECRET).
 */
export async function startTestTill(
  options: { delivery?: SandboxOptions['delivery'] & DeliveryFaults; dataDir?: string; env?: Record<string, string>; sharedSandbox?: SandboxHandle; clock?: () => number } = {},
): Promise<TestTill> {
  const dataDir = options.dataDir ?? tempDir()
  const shared = options.sharedSandbox
  const admin = shared ? sandboxClient(shared) : null
  const endpoint = admin ? await admin.webhookEndpoints.create({ url: 'http://127.0.0.1:9/not-yet', enabled_events: [...SUBSCRIBED_EVENTS] }) : null
  const sharedEnv: Record<string, string> = shared
    ? { STRIPE_SECRET_KEY: SHARED_SECRET_KEY, STRIPE_PUBLISHABLE_KEY: 'pk_test_shared_account', STRIPE_API_URL: shared.url, STRIPE_WEBHOOK_SECRET: endpoint!.secret! }
    : {}
  const config = loadConfig({ COURSETILL_DATA_DIR: dataDir, COURSETILL_WEBHOOK_PORT: '0', ...sharedEnv, ...options.env }, { userDataDir: dataDir })
  const till = await startCourseTill(config, {
    version: '0.0.0-test',
    ...(options.clock ? { clock: options.clock } : {}),
    payments: { ...sandboxDeliveryOf(options.delivery), catchUpIntervalMs: 3_600_000 },
  })
  if (admin) await admin.webhookEndpoints.update(endpoint!.id, { url: till.payments.webhook.url })
  const sandbox = shared ?? till.payments.sandbox!
  const stripe = admin ?? sandboxClient(sandbox, sandboxKeys(till.ctx.db).secretKey)
  const events: LiveEvent[] = []
  till.ctx.bus.subscribe((event) => events.push(event))
  const handlers = till.handlers
  const { db } = till.ctx
  let signedIn: string | null = null
  // Once managerToken() has made the owner, every call through dispatch — the helper's or a test's own
  // `t.till.dispatch` — is made as them, as a window signed in would, unless the test names someone itself.
  const dispatch = till.dispatch
  till.dispatch = (channel, payload, caller) =>
    dispatch(channel, asSignedIn(payload, signedIn), caller)
  return {
    till,
    dataDir,
    stripe,
    events,
    order: (courseIds, accountId = 1) => handlers['orders:create']({ accountId, courseIds, confirmOwned: courseIds }) as OrderDetail,
    detail: (orderId) => handlers['orders:get']({ orderId }) as OrderDetail,
    count: (table, where = '1') => db.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get() as number,
    async call(channel, input) {
      const envelope = await till.dispatch(channel, input)
      if (!envelope.ok) throw new AppError(envelope.error.code, envelope.error.message, envelope.error.details)
      return envelope.value as never
    },
    async managerToken() {
      if (signedIn !== null) return signedIn
      const session = await till.dispatch('manager:setPin', { pin: '2468' })
      if (!session.ok) throw new Error(session.error.message)
      const token = (session.value as { token: string }).token
      // Once staff exist, cash goes through an open shift's drawer (core/shifts/drawer.ts).
      const shift = await till.dispatch('shifts:open', { floats: [], staffToken: token })
      if (!shift.ok) throw new Error(shift.error.message)
      signedIn = token
      return token
    },
    deliveriesSettled: () => sandbox.idle(),
    async close() {
      await till.close()
    },
  }
}

/** Any test key works against the sandbox: it plays one Stripe account, whoever asks. */
const SHARED_SECRET_KEY = 'sk_test_shared_account'

export function sandboxClient(sandbox: Pick<SandboxHandle, 'port'>, secretKey = SHARED_SECRET_KEY): Stripe {
  return new Stripe(secretKey, { host: '127.0.0.1', port: sandbox.port, protocol: 'http', maxNetworkRetries: 0 })
}

/** Confirms an intent as the customer's browser would, with a test PaymentMethod; declines do not throw. */
export async function payAs(stripe: Stripe, paymentIntentId: string, paymentMethod: string): Promise<Stripe.PaymentIntent> {
  try {
    return await stripe.paymentIntents.confirm(paymentIntentId, { payment_method: paymentMethod })
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError) return stripe.paymentIntents.retrieve(paymentIntentId)
    throw error
  }
}

/** Plays the issuer's 3-D Secure challenge in the sandbox. */
export async function authenticate(stripe: Stripe, _sandboxUrl: string, paymentIntentId: string, outcome: 'complete' | 'fail') {
  const intent = await stripe.paymentIntents.retrieve(paymentIntentId)
  // The SDK's raw request: the till's own sandbox key, as the sandbox only accepts that one.
  await stripe.rawRequest('POST', `/v1/payment_intents/${paymentIntentId}/sandbox_authenticate`, {
    client_secret: intent.client_secret!,
    outcome,
  })
}
