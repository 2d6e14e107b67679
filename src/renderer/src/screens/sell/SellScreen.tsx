import { useEffect, useRef, useState } from 'react'
import type { Account, Course, Ownership } from '@shared/domain'
import { AppError } from '@shared/errors'
import { api } from '../../api/transport'
import { navigate } from '../../app/route'
import { Panel } from '../../ui/Panel'
import { CartPanel } from './CartPanel'
import { CatalogPicker } from './CatalogPicker'
import { CustomerPicker } from './CustomerPicker'
import { RecurringOffers } from '../recurring/RecurringOffers'
import { OpenSales } from './OpenSales'
import { EMPTY_SALE, parkedId, useParkedSales, useSaleDraft, type ParkedSale } from './sale-draft'
import { useSellShortcuts } from './sell-shortcuts'

/** The counter: pick courses and a customer, then Charge. Prices shown here are for the eye only. */
export function SellScreen() {
  const [sale, saveSale] = useSaleDraft()
  const [parked, saveParked] = useParkedSales()
  const [owned, setOwned] = useState<ReadonlyMap<number, Ownership>>(new Map())
  const [notice, setNotice] = useState<string | null>(null)
  const [charging, setCharging] = useState(false)
  const searchRef = useRef<HTMLInputElement>(null)
  const customerRef = useRef<HTMLInputElement>(null)
  const chargeRef = useRef<HTMLButtonElement>(null)
  const { cart, customer } = sale
  const currency = cart[0]?.currency

  const customerId = customer?.id
  useEffect(() => {
    if (customerId === undefined) return setOwned(new Map())
    let current = true
    api.invoke('customers:owned', { customerId }).then(
      (rows) => current && setOwned(new Map(rows.map((row) => [row.courseId, row]))),
      () => current && setOwned(new Map()),
    )
    return () => {
      current = false
    }
  }, [customerId])

  function add(course: Course): boolean {
    if (cart.some((c) => c.id === course.id)) {
      setNotice(`${course.title} is already in the cart.`)
      return true
    }
    if (currency && course.currency !== currency) {
      setNotice(`${course.title} is priced in ${course.currency}, this cart in ${currency}: one order holds one currency. Charge or park this cart first.`)
      return false
    }
    setNotice(null)
    saveSale({ ...sale, cart: [...cart, course] })
    return true
  }

  function pickCustomer(account: Account | null) {
    saveSale({ ...sale, customer: account, confirmOwned: [] })
    // Next step of the sale: Charge when there is something to charge, otherwise back to the catalog.
    setTimeout(() => (account && cart.length > 0 ? chargeRef.current : account ? searchRef.current : customerRef.current)?.focus(), 0)
  }

  async function charge() {
    if (cart.length === 0 || charging) return
    if (!customer) {
      setNotice('Choose a customer first: search by name or email, or add a new one.')
      return customerRef.current?.focus()
    }
    setCharging(true)
    try {
      const order = await api.invoke('orders:create', { accountId: customer.id, courseIds: cart.map((c) => c.id), confirmOwned: sale.confirmOwned.filter((id) => cart.some((c) => c.id === id)) })
      saveSale(EMPTY_SALE)
      navigate('sell', 'order', order.id)
    } catch (failure) {
      const alreadyOwned = failure instanceof AppError ? failure.details?.alreadyOwned : undefined
      if (Array.isArray(alreadyOwned) && customer) {
        // Someone sold it meanwhile (another till): refresh what the customer owns so the lines say so.
        const rows = await api.invoke('customers:owned', { customerId: customer.id }).catch(() => [])
        setOwned(new Map(rows.map((row) => [row.courseId, row])))
      }
      setNotice(`The order could not be created: ${(failure as Error).message}`)
    } finally {
      setCharging(false)
    }
  }

  function park() {
    if (cart.length === 0) return
    saveParked([...parked, { ...sale, id: parkedId(Date.now()), parkedAt: Date.now() }])
    saveSale(EMPTY_SALE)
    setNotice('Sale parked: resume it from “Unfinished”.')
    searchRef.current?.focus()
  }

  function resume(chosen: ParkedSale) {
    const rest = parked.filter((p) => p.id !== chosen.id)
    // The sale on screen is parked in its place rather than lost.
    saveParked(cart.length > 0 ? [...rest, { ...sale, id: parkedId(Date.now()), parkedAt: Date.now() }] : rest)
    saveSale({ cart: chosen.cart, customer: chosen.customer, confirmOwned: chosen.confirmOwned })
    setNotice(null)
  }

  useSellShortcuts({ search: searchRef, customer: customerRef, charge: () => void charge(), park })

  return (
    <div className="sell">
      <Panel title="Courses" className="sell-catalog" labelledBy="sell-courses-title">
        <CatalogPicker inCart={new Set(cart.map((c) => c.id))} owned={new Set(owned.keys())} onAdd={add} inputRef={searchRef} />
        <RecurringOffers customer={customer} onSold={() => saveSale(EMPTY_SALE)} />
      </Panel>
      <div className="sell-side stack">
        <Panel title="Sale" className="sell-cart" labelledBy="sell-cart-title">
          <div className="stack">
            <CustomerPicker customer={customer} onChange={pickCustomer} inputRef={customerRef} />
            <hr className="divider" />
            <CartPanel
              cart={cart}
              owned={owned}
              confirmOwned={sale.confirmOwned}
              notice={notice}
              charging={charging}
              chargeRef={chargeRef}
              onRemove={(course) => saveSale({ ...sale, cart: cart.filter((c) => c.id !== course.id), confirmOwned: sale.confirmOwned.filter((id) => id !== course.id) })}
              onConfirmOwned={(courseId, again) => saveSale({ ...sale, confirmOwned: again ? [...sale.confirmOwned, courseId] : sale.confirmOwned.filter((id) => id !== courseId) })}
              onCharge={() => void charge()}
              onPark={park}
            />
          </div>
        </Panel>
        <p className="shortcut-hint muted small">
          <kbd>F2</kbd> courses · <kbd>F4</kbd> customer · <kbd>F8</kbd> park · <kbd>F9</kbd> charge
        </p>
        <OpenSales parked={parked} onResume={resume} onDiscard={(gone) => saveParked(parked.filter((p) => p.id !== gone.id))} />
      </div>
    </div>
  )
}
