import type { Db } from '../../src/main/core/store/db'
import demoData from '../../resources/demo-data.json'
import { REGIONS, type Region } from './people-data'
import { weightedPicker, type Random } from './random'
import type { StripeIds } from './stripe-ids'
import { busyTimes, DAY_MS, type HistoryWindow } from './timeline'

export interface Customer {
  id: number
  /** The currency they usually buy in. */
  currency: string
}

export interface CustomerPool {
  count: number
  /** Who places an order at `at`: someone signed up by then, often a recent sign-up (new customers buy soonest). */
  pickCustomer(rng: Random, at: number): Customer
}

const SHARE_SIGNED_UP_BEFORE_HISTORY = 0.08
const SHARE_WITH_STRIPE_CUSTOMER = 0.35
const SHARE_OF_ORDERS_FROM_RECENT_SIGNUPS = 0.3
const DEMO_SIGNUP_DAYS_BEFORE_HISTORY = 400

const pickRegion = weightedPicker(REGIONS.map((region) => [region, region.weight] as const))

/** Creates `count` customers (the demo ones first, kept if already there) with unique emails, ordered by sign-up. */
export function signUpCustomers(db: Db, rng: Random, count: number, window: HistoryWindow, stripeIds: StripeIds): CustomerPool {
  const insert = db.prepare(
    'INSERT INTO account (email, name, phone, stripe_customer_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const insertDemo = db.prepare(
    'INSERT INTO account (email, name, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING',
  )
  const findByEmail = db.prepare('SELECT id FROM account WHERE email = ?').pluck()
  const customers: Customer[] = []
  const signedUpAt: number[] = []
  // Customers already in the store (a first start's demo data, someone typed in) keep their emails.
  const emails = new UniqueEmails(db.prepare('SELECT email FROM account').pluck().all() as string[])

  const demoSignUp = window.start - DEMO_SIGNUP_DAYS_BEFORE_HISTORY * DAY_MS
  for (const demo of demoData.customers) {
    insertDemo.run(demo.email, demo.name, demo.phone, demoSignUp, demoSignUp)
    emails.reserve(demo.email)
    // Their usual currency is drawn like anyone's: the demo file does not say where they live.
    customers.push({ id: findByEmail.get(demo.email) as number, currency: pickRegion(rng).currency })
    signedUpAt.push(demoSignUp)
  }

  for (const at of signUpTimes(rng, Math.max(0, count - customers.length), window)) {
    const region = pickRegion(rng)
    const first = rng.pick(region.firstNames)
    const last = rng.pick(region.lastNames)
    const middle = rng.chance(region.middleNameShare) ? rng.pick(region.firstNames) : null
    const name = middle === null || middle === first ? `${first} ${last}` : `${first} ${middle} ${last}`
    const email = emails.claim(rng, first, last, region)
    const phone = rng.chance(region.phoneShare) ? region.phone(rng) : null
    const stripeCustomer = rng.chance(SHARE_WITH_STRIPE_CUSTOMER) ? stripeIds.customer() : null
    const { lastInsertRowid } = insert.run(email, name, phone, stripeCustomer, at, at)
    customers.push({ id: Number(lastInsertRowid), currency: region.currency })
    signedUpAt.push(at)
  }

  return {
    count: customers.length,
    pickCustomer(rng, at) {
      const signedUp = Math.max(1, countAtOrBefore(signedUpAt, at))
      const recent = Math.max(1, Math.floor(signedUp / 50))
      const index = rng.chance(SHARE_OF_ORDERS_FROM_RECENT_SIGNUPS) ? signedUp - rng.int(1, recent) : rng.int(0, signedUp - 1)
      return customers[index]
    },
  }
}

/** Ascending: a few long-standing customers from before the history window, the rest joining as trade grows. */
function signUpTimes(rng: Random, count: number, window: HistoryWindow): Float64Array {
  const early = Math.ceil(count * SHARE_SIGNED_UP_BEFORE_HISTORY)
  const earlyTimes = new Float64Array(early).map(() => window.start - rng.int(1, 365 * DAY_MS)).sort()
  const times = new Float64Array(count)
  times.set(earlyTimes)
  times.set(busyTimes(rng, count - early, window), early)
  return times
}

function countAtOrBefore(sorted: readonly number[], at: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (sorted[middle] <= at) low = middle + 1
    else high = middle
  }
  return low
}

/** Emails as people make them (amelia.hart@…, ahart85@…), numbered only when the obvious one is taken. */
class UniqueEmails {
  private readonly taken: Set<string>
  private readonly nextSuffix = new Map<string, number>()

  constructor(existing: readonly string[]) {
    this.taken = new Set(existing.map((email) => email.toLowerCase()))
  }

  reserve(email: string): void {
    this.taken.add(email.toLowerCase())
  }

  claim(rng: Random, first: string, last: string, region: Region): string {
    const f = ascii(first)
    const l = ascii(last)
    // first.last is listed twice because it is the commonest form; the digits are a birth year.
    const local = rng.pick([`${f}.${l}`, `${f}.${l}`, `${f}${l}`, `${f[0]}${l}`, `${f}_${l}`, `${f[0]}${l}${rng.int(60, 99)}`])
    const domain = rng.pick(region.domains)
    let email = `${local}@${domain}`
    while (this.taken.has(email)) {
      const suffix = this.nextSuffix.get(local + domain) ?? 2
      this.nextSuffix.set(local + domain, suffix + 1)
      email = `${local}${suffix}@${domain}`
    }
    this.taken.add(email)
    return email
  }
}

/** Lower-case ASCII letters only, as mail providers accept them: Müller → muller, O'Connor → oconnor. */
function ascii(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
}
