import type { OrderStatus } from '@shared/domain'
import { deriveOrderStatus } from '../../src/main/core/orders/order-status'
import type { Catalog, SellableCourse } from './catalog'
import type { CustomerPool } from './customers'
import { lastChange, planSettlement, type Settlement } from './payments'
import { weightedPicker, type Random } from './random'

export interface PlannedOrder {
  accountId: number
  currency: string
  /** Sum of the items' unit amounts, in minor units. */
  amount: number
  items: readonly SellableCourse[]
  /** deriveOrderStatus() of the planned rows: the value purchase_order.status caches. */
  status: OrderStatus
  settlement: Settlement
  createdAt: number
  updatedAt: number
}

// Roughly a healthy shop's history: most orders paid, a few of every other kind for the screens to show.
const pickTargetStatus = weightedPicker<OrderStatus>([
  ['successful', 76],
  ['pending', 6],
  ['failed', 4],
  ['canceled', 4],
  ['refunded', 4],
  ['partially_paid', 3],
  ['partially_refunded', 3],
])
const pickItemCount = weightedPicker([
  [1, 62],
  [2, 27],
  [3, 11],
])
const SHARE_IN_USUAL_CURRENCY = 0.9

export type OrderPlanner = (rng: Random, createdAt: number) => PlannedOrder

export function createOrderPlanner(catalog: Catalog, customers: CustomerPool, now: number): OrderPlanner {
  if (catalog.currencies.length === 0) throw new Error('the catalog has no course on sale throughout the history window')
  const sellable = new Set(catalog.currencies)

  return (rng, createdAt) => {
    const customer = customers.pickCustomer(rng, createdAt)
    const usual = sellable.has(customer.currency) && rng.chance(SHARE_IN_USUAL_CURRENCY)
    const currency = usual ? customer.currency : rng.pick(catalog.currencies)
    // One currency per order, as the till enforces: every item comes from that currency's courses.
    const items = catalog.pickCourses(rng, currency, createdAt, pickItemCount(rng))
    const unitAmounts = items.map((course) => course.priceAmount)
    const amount = unitAmounts.reduce((sum, unit) => sum + unit, 0)
    if (!Number.isSafeInteger(amount) || amount <= 0) throw new Error(`order total ${amount} ${currency} is not a positive whole amount`)

    const order = { amount, currency, unitAmounts, createdAt, now }
    const settlement = planSettlement(rng, order, pickTargetStatus(rng))
    const status = deriveOrderStatus({
      amount,
      canceled: settlement.canceledAt !== null,
      payments: settlement.payments,
      refunds: settlement.refunds,
    })
    return { accountId: customer.id, currency, amount, items, status, settlement, createdAt, updatedAt: lastChange(order, settlement) }
  }
}

/** Statuses under which the order's courses belong to its customer (a refunded order's were taken back). */
export function grantsCourses(order: PlannedOrder): boolean {
  return (order.status === 'successful' || order.status === 'partially_refunded') && order.settlement.paidInFullAt !== null
}
