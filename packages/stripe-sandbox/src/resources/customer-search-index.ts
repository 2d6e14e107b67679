// Stripe's search index trails writes ("data is searchable in under a minute"); with
// `account.customerSearchLagSeconds` the sandbox's does too: a search matches each customer as it was that many
// seconds ago on the sandbox clock. Each write records the searchable fields with its time; a search reads the
// newest version at least `lag` old. Lists and retrieves stay read-after-write, as on Stripe.

import type Stripe from 'stripe'
import type { Ctx } from '../context'

export type SearchableFields = Pick<Stripe.Customer, 'email' | 'name' | 'phone' | 'metadata'>

interface SearchVersion {
  at: number
  /** Null: the customer did not exist (yet) in the index at that time. */
  fields: SearchableFields | null
}

const VERSIONS = 'search_versions'

function fieldsOf(customer: Stripe.Customer): SearchableFields {
  return { email: customer.email, name: customer.name ?? null, phone: customer.phone ?? null, metadata: customer.metadata }
}

/** Records a write for the index; without a lag there is nothing to remember. */
export function indexCustomerWrite(ctx: Ctx, customer: Stripe.Customer): void {
  const lag = ctx.core.account.customerSearchLagSeconds
  if (lag === 0) return
  const now = ctx.core.now()
  const versions = ctx.core.store.getPrivate<SearchVersion[]>(customer.id, VERSIONS) ?? [{ at: now, fields: null }]
  // What a later search can still reach: the newest version already old enough, and everything newer.
  const settled = versions.filter((version) => version.at <= now - lag).slice(-1)
  const pending = versions.filter((version) => version.at > now - lag)
  ctx.core.store.setPrivate(customer.id, VERSIONS, [...settled, ...pending, { at: now, fields: fieldsOf(customer) }])
}

/** The customer as the search index sees it now; undefined while its creation has not reached the index. */
export function indexedFields(ctx: Ctx, customer: Stripe.Customer): SearchableFields | undefined {
  const lag = ctx.core.account.customerSearchLagSeconds
  if (lag === 0) return fieldsOf(customer)
  const horizon = ctx.core.now() - lag
  const versions = ctx.core.store.getPrivate<SearchVersion[]>(customer.id, VERSIONS)
  // Written before the lag was switched on (an older data file): indexed from its creation time.
  if (!versions) return customer.created <= horizon ? fieldsOf(customer) : undefined
  const visible = versions.filter((version) => version.at <= horizon).at(-1)
  return visible?.fields ?? undefined
}
