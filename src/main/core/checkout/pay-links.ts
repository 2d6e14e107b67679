import type { OrderDetail } from '@shared/domain'
import { AppError, conflict } from '@shared/errors'
import { PAY_LINK_DEFAULT_MINUTES, type PayLink, type PayLinkView } from '@shared/pay-links'
import { isPayable } from '@shared/order-rules'
import { audit } from '../audit'
import { getAccount } from '../accounts'
import { inTransaction, type CoreContext } from '../context'
import { getOrderDetail } from '../orders/read-order'
import { sql } from '../store/statements'
import type { StripeGateway } from '../stripe/gateway'
import { applySession, type SessionFacts } from './apply-session'
import { linksOfOrder, liveLink, toPayLink, type LinkRow } from './link-row'
import { qrDataUrl } from './qr'

/** A link about to run out is not handed to a customer: a new one is made instead. */
const MIN_REMAINING_MS = 2 * 60_000
/** Stripe refuses an expiry under 30 minutes away: a link not sent this long after it was prepared is dropped. */
const STALE_CREATING_MS = 20 * 60_000

export interface PayLinkOptions {
  /** Where the customer lands after paying (Stripe's success_url); `{CHECKOUT_SESSION_ID}` is filled in by Stripe. */
  successUrl: () => string | null
}

/** Pay on phone / send link: Checkout Sessions for what orders still owe, for the Stripe account in use. */
export function createPayLinks(ctx: CoreContext, gateway: StripeGateway, options: PayLinkOptions) {
  const opening = new Map<number, Promise<PayLinkView>>()

  /** The order's open link when it is still for what is owed and not about to expire; otherwise a new one. */
  function open(orderId: number, lifetimeMinutes = PAY_LINK_DEFAULT_MINUTES): Promise<PayLinkView> {
    const running = opening.get(orderId)
    if (running) return running
    const started = openLink(orderId, lifetimeMinutes).finally(() => opening.delete(orderId))
    opening.set(orderId, started)
    return started
  }

  async function openLink(orderId: number, lifetimeMinutes: number): Promise<PayLinkView> {
    const order = payableOrder(orderId)
    let live = liveLink(ctx.db, orderId)
    if (live?.status === 'open' && (live.amount !== order.amountDue || live.expires_at - ctx.now() < MIN_REMAINING_MS)) {
      await expireAtStripe(live)
      return openLink(orderId, lifetimeMinutes)
    }
    if (live?.status === 'creating' && ctx.now() - live.created_at > STALE_CREATING_MS) {
      dropCreating(live)
      live = undefined
    }
    const row = live ?? prepare(order, lifetimeMinutes)
    if (row.status === 'open') return view(row)
    return view(await send(order, row))
  }

  function payableOrder(orderId: number): OrderDetail {
    const order = getOrderDetail(ctx.db, orderId)
    if (!isPayable(order.status) || order.canceledAt !== null) throw conflict(`Order ${orderId} is ${order.status.replace('_', ' ')}; it takes no payment`)
    if (order.amountDue === 0) throw conflict(`Order ${orderId} has nothing left to pay`)
    if (order.kind === 'membership' || order.kind === 'renewal') throw conflict(`Order ${orderId} is a membership's; it is paid by card at the till`)
    if (order.payments.some((p) => p.status === 'processing' || p.status === 'requires_action')) {
      throw conflict(`A card payment for order ${orderId} is in progress; wait for it before sending a link`)
    }
    return order
  }

  /** Written before Stripe is asked, with the expiry it will ask for: a retry sends the very same request. */
  function prepare(order: OrderDetail, lifetimeMinutes: number): LinkRow {
    return inTransaction(ctx, () => {
      const now = ctx.now()
      const seq = (sql(ctx.db, 'SELECT coalesce(max(seq), 0) FROM checkout_link WHERE order_id = ?').pluck().get(order.id) as number) + 1
      const expiresAt = Math.ceil((now + lifetimeMinutes * 60_000) / 1000) * 1000
      sql(ctx.db, `INSERT INTO checkout_link (order_id, seq, amount, currency, status, expires_at, created_at, updated_at) VALUES (?, ?, ?, ?, 'creating', ?, ?, ?)`).run(
        order.id,
        seq,
        order.amountDue,
        order.currency,
        expiresAt,
        now,
        now,
      )
      return liveLink(ctx.db, order.id)!
    })
  }

  async function send(order: OrderDetail, row: LinkRow): Promise<LinkRow> {
    const successUrl = options.successUrl()
    if (!successUrl) throw conflict('Pay by link needs COURSETILL_PAY_LINK_RETURN_URL: the page customers see after paying')
    // The shop's one Stripe customer for this person (found by email, made once), as a card payment uses.
    const account = getAccount(ctx.db, order.accountId)!
    const customer = account.stripeCustomerId ?? (await gateway.ensureCustomer(account))
    if (!account.stripeCustomerId) {
      inTransaction(ctx, () => sql(ctx.db, 'UPDATE account SET stripe_customer_id = ?, updated_at = ? WHERE id = ? AND stripe_customer_id IS NULL').run(customer, ctx.now(), account.id))
    }
    const session = await gateway.createPayLinkSession({
      orderId: order.id,
      seq: row.seq,
      amount: row.amount,
      currency: row.currency,
      expiresAt: row.expires_at / 1000,
      customer,
      email: account.email,
      description: `CourseTill order #${order.id}: ${order.items.map((item) => item.title).join(', ')}`.slice(0, 250),
      successUrl,
    })
    return inTransaction(ctx, (queue) => {
      const now = ctx.now()
      sql(ctx.db, "UPDATE checkout_link SET stripe_session_id = ?, url = ?, status = 'open', updated_at = ? WHERE id = ? AND status = 'creating'").run(session.id, session.url, now, row.id)
      audit(ctx.db, now, { actor: 'staff', action: 'pay_link.created', entityType: 'purchase_order', entityId: order.id, orderId: order.id, detail: { session: session.id, amount: row.amount, currency: row.currency, expiresAt: row.expires_at } })
      queue({ type: 'payLink.changed', orderId: order.id, linkId: row.id, status: 'open' })
      // The session may have been settled by a webhook in between: the row says what is true now.
      return linksOfOrder(ctx.db, order.id).find((link) => link.id === row.id)!
    })
  }

  function dropCreating(row: LinkRow) {
    inTransaction(ctx, () => sql(ctx.db, "UPDATE checkout_link SET status = 'expired', updated_at = ? WHERE id = ? AND status = 'creating'").run(ctx.now(), row.id))
  }

  function applyFresh(session: SessionFacts) {
    inTransaction(ctx, (queue) => applySession({ db: ctx.db, now: ctx.now(), actor: 'till', queue, installationId: ctx.installationId }, session, 'fresh'))
  }

  /** Expires the session at Stripe; one the customer completed meanwhile is recorded as paid instead. */
  async function expireAtStripe(link: LinkRow) {
    if (!link.stripe_session_id) return dropCreating(link)
    const id = link.stripe_session_id
    try {
      applyFresh(await gateway.expireSession(id))
    } catch (error) {
      // Stripe expires only open sessions: this one was completed (or expired) meanwhile, and says so when read.
      if (!(error instanceof AppError) || error.code !== 'invalid_input') throw error
      applyFresh(await gateway.retrieveSession(id))
    }
  }

  /** The direct check: each open link of the order read from Stripe (the customer says they paid, or it expired). */
  async function sync(orderId: number): Promise<PayLink[]> {
    for (const link of linksOfOrder(ctx.db, orderId)) {
      if (link.status === 'open' && link.stripe_session_id) applyFresh(await gateway.retrieveSession(link.stripe_session_id))
    }
    return list(orderId)
  }

  /**
   * Once the order needs no link any more (paid another way, canceled) or owes another amount (cash was taken),
   * its open link is expired at Stripe, so the customer cannot pay what is no longer owed.
   */
  async function expireUnneeded(orderId: number, always = false): Promise<PayLink[]> {
    const order = getOrderDetail(ctx.db, orderId)
    const live = liveLink(ctx.db, orderId)
    // A link still being made is left to finish: the next look (catch-up, the screen) expires it.
    if (live?.status === 'open' && (always || order.canceledAt !== null || order.amountDue !== live.amount)) await expireAtStripe(live)
    return list(orderId)
  }

  const list = (orderId: number): PayLink[] => linksOfOrder(ctx.db, orderId).map(toPayLink)

  return { open, sync, expireUnneeded, list }
}

async function view(row: LinkRow): Promise<PayLinkView> {
  const link = toPayLink(row)
  return { ...link, qrDataUrl: link.url ? await qrDataUrl(link.url) : null }
}

export type PayLinks = ReturnType<typeof createPayLinks>
