import { useState } from 'react'
import type { Account, Course } from '@shared/domain'
import { api } from '../../api/transport'
import { navigate } from '../../app/route'
import { Button } from '../../ui/Button'
import { Money } from '../../ui/Money'
import { EmptyState, Panel } from '../../ui/Panel'
import { useToasts } from '../../ui/toasts'
import { CatalogPicker } from './CatalogPicker'
import { CustomerPicker } from './CustomerPicker'
import { RecurringOffers } from '../recurring/RecurringOffers'

/** The counter: pick courses and a customer, then Charge. Prices shown here are for the eye only. */
export function SellScreen() {
  const toasts = useToasts()
  const [cart, setCart] = useState<Course[]>([])
  const [customer, setCustomer] = useState<Account | null>(null)
  const [charging, setCharging] = useState(false)
  const currency = cart[0]?.currency
  const total = cart.reduce((sum, course) => sum + course.priceAmount, 0)

  function add(course: Course) {
    if (cart.some((c) => c.id === course.id)) return toasts.show({ tone: 'info', title: `${course.title} is already in the cart` })
    if (currency && course.currency !== currency) {
      return toasts.error(`${course.title} is priced in ${course.currency}`, `This cart is in ${currency}: one order holds one currency. Charge this cart first, then sell it on its own.`)
    }
    setCart((items) => [...items, course])
  }

  async function charge() {
    if (!customer) return toasts.error('Choose a customer first', 'Search by name or email, or add a new customer.')
    setCharging(true)
    try {
      const order = await api.invoke('orders:create', { accountId: customer.id, courseIds: cart.map((c) => c.id) })
      navigate('sell', 'order', order.id)
    } catch (failure) {
      toasts.error('The order could not be created', (failure as Error).message)
    } finally {
      setCharging(false)
    }
  }

  return (
    <div className="sell">
      <Panel title="Courses" className="sell-catalog" labelledBy="sell-courses-title">
        <CatalogPicker inCart={new Set(cart.map((c) => c.id))} onAdd={add} />
        <RecurringOffers customer={customer} />
      </Panel>
      <Panel title="Sale" className="sell-cart" labelledBy="sell-cart-title">
        <div className="stack">
          <CustomerPicker customer={customer} onChange={setCustomer} />
          <hr className="divider" />
          {cart.length === 0 ? (
            <EmptyState title="The cart is empty">Type a course name and press Enter to add it.</EmptyState>
          ) : (
            <ul className="cart-lines" aria-label="Cart">
              {cart.map((course) => (
                <li key={course.id} className="cart-line">
                  <span className="grow">{course.title}</span>
                  <Money amount={course.priceAmount} currency={course.currency} />
                  <button type="button" className="icon-button" aria-label={`Remove ${course.title}`} onClick={() => setCart((items) => items.filter((c) => c.id !== course.id))}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="cart-total">
            <span>Total</span>
            {currency ? <Money amount={total} currency={currency} /> : <span className="muted">—</span>}
          </div>
          <Button variant="primary" size="lg" busy={charging} disabled={cart.length === 0} onClick={() => void charge()}>
            Charge{currency ? ' ' : ''}
            {currency && <Money amount={total} currency={currency} />}
          </Button>
        </div>
      </Panel>
    </div>
  )
}
