import { useState } from 'react'
import type { Account } from '@shared/domain'
import { api } from '../../api/transport'
import { useQuery } from '../../app/hooks'
import { navigate } from '../../app/route'
import { Button } from '../../ui/Button'
import { Money } from '../../ui/Money'
import { EmptyState, Loading, Panel } from '../../ui/Panel'
import { useToasts } from '../../ui/toasts'
import { PER } from './period'

/**
 * Memberships and payment plans on sale: each sells on its own to the chosen customer and opens the ordinary
 * checkout for its first payment (a membership's is its subscription's first invoice, paid by card).
 */
/** `onSold`: the sale went to its checkout, so the counter's draft (customer, cart) starts afresh, as after Charge. */
export function RecurringOffers({ customer, onSold }: { customer: Account | null; onSold: () => void }) {
  const toasts = useToasts()
  const [plans] = useQuery('memberships:plans', {})
  const [offers] = useQuery('installments:offers', {})
  const [busy, setBusy] = useState<string | null>(null)

  async function sell(key: string, start: (accountId: number) => Promise<number>) {
    if (!customer) return toasts.error('Choose a customer first', 'A membership or a payment plan belongs to one customer.')
    setBusy(key)
    try {
      const orderId = await start(customer.id)
      onSold()
      navigate('sell', 'order', orderId)
    } catch (failure) {
      toasts.error('It could not be sold', (failure as Error).message)
    } finally {
      setBusy(null)
    }
  }

  if (plans.state === 'loading' || offers.state === 'loading') return <Loading label="Loading memberships…" />
  const planList = plans.state === 'ready' ? plans.data : []
  const offerList = offers.state === 'ready' ? offers.data : []
  return (
    <Panel title="Memberships and payment plans" labelledBy="sell-recurring-title" className="recurring-offers">
      {planList.length + offerList.length === 0 && <EmptyState title="Nothing recurring on sale" />}
      <ul className="offer-list" aria-label="Memberships">
        {planList.map((plan) => (
          <li key={plan.id} className="offer">
            <div className="grow">
              <div className="offer-title">{plan.title}</div>
              <div className="muted">{plan.courses.map((c) => c.title).join(', ')}</div>
            </div>
            <span className="offer-price">
              <Money amount={plan.amount} currency={plan.currency} /> / {PER[plan.interval]}
            </span>
            <Button busy={busy === `plan-${plan.id}`} onClick={() => void sell(`plan-${plan.id}`, async (accountId) => (await api.invoke('memberships:start', { accountId, planId: plan.id })).orderId)}>
              Sell membership
            </Button>
          </li>
        ))}
      </ul>
      <ul className="offer-list" aria-label="Payment plans">
        {offerList.map((offer) => (
          <li key={offer.id} className="offer">
            <div className="grow">
              <div className="offer-title">{offer.courseTitle}</div>
              <div className="muted">
                {offer.parts} parts, one every {offer.intervalDays} days · total <Money amount={offer.total} currency={offer.currency} />
              </div>
            </div>
            <span className="offer-price">
              <Money amount={offer.partAmounts[0] ?? 0} currency={offer.currency} /> today
            </span>
            <Button busy={busy === `offer-${offer.id}`} onClick={() => void sell(`offer-${offer.id}`, async (accountId) => (await api.invoke('installments:start', { accountId, offerId: offer.id })).id)}>
              Sell in parts
            </Button>
          </li>
        ))}
      </ul>
    </Panel>
  )
}
