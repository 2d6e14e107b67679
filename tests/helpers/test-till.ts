import Stripe from 'stripe'
import { startCourseTill, type CourseTill } from '../../src/main/core/app'
import { loadConfig } from '../../src/main/core/config'
import { SANDBOX_SECRET_KEY } from '../../src/main/core/payments/setup'
import type { SandboxOptions } from '../../src/main/sandbox'
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
  /** Sets the manager PIN (first use) and returns an unlocked session token. */
  managerToken(): Promise<string>
  /** Resolves when the sandbox has no webhook delivery pending or in flight. */
  deliveriesSettled(): Promise<void>
  close(): Promise<void>
}

/** A whole till on a temp data folder: real SQLite, its sandbox on loopback, its webhook listener on a free port. */
export async function startTestTill(
  options: { delivery?: SandboxOptions['delivery']; dataDir?: string; env?: Record<string, string> } = {},
): Promise<TestTill> {
  const dataDir = options.dataDir ?? tempDir()
  const config = loadConfig({ COURSETILL_DATA_DIR: dataDir, COURSETILL_WEBHOOK_PORT: '0', ...options.env }, { userDataDir: dataDir })
  const till = await startCourseTill(config, {
    version: '0.0.0-test',
    payments: { sandboxDelivery: { retryScheduleMs: [100, 200, 400, 800], ...options.delivery }, catchUpIntervalMs: 3_600_000 },
  })
  const sandbox = till.payments.sandbox!
  const stripe = new Stripe(SANDBOX_SECRET_KEY, { host: '127.0.0.1', port: sandbox.port, protocol: 'http', maxNetworkRetries: 0 })
  const events: LiveEvent[] = []
  till.ctx.bus.subscribe((event) => events.push(event))
  const handlers = till.handlers
  const { db } = till.ctx
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
      const session = await till.dispatch('manager:setPin', { pin: '2468' })
      if (!session.ok) throw new Error(session.error.message)
      return (session.value as { token: string }).token
    },
    deliveriesSettled: () => sandbox.idle(),
    async close() {
      await till.close()
    },
  }
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
export async function authenticate(stripe: Stripe, sandboxUrl: string, paymentIntentId: string, outcome: 'complete' | 'fail') {
  const intent = await stripe.paymentIntents.retrieve(paymentIntentId)
  const response = await fetch(`${sandboxUrl}/v1/payment_intents/${paymentIntentId}/sandbox_authenticate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${SANDBOX_SECRET_KEY}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_secret: intent.client_secret!, outcome }),
  })
  if (!response.ok) throw new Error(`sandbox_authenticate answered ${response.status}: ${await response.text()}`)
}
