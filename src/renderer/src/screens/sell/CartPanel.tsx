import type { RefObject } from 'react'
import type { Course, Ownership } from '@shared/domain'
import { Button } from '../../ui/Button'
import { Money } from '../../ui/Money'
import { EmptyState } from '../../ui/Panel'

interface CartPanelProps {
  cart: Course[]
  owned: ReadonlyMap<number, Ownership>
  confirmOwned: readonly number[]
  notice: string | null
  charging: boolean
  chargeRef: RefObject<HTMLButtonElement | null>
  onRemove: (course: Course) => void
  onConfirmOwned: (courseId: number, sellAgain: boolean) => void
  onCharge: () => void
  onPark: () => void
}

/** The lines of the sale, each course the customer already owns flagged until staff decide, then Charge. */
export function CartPanel({ cart, owned, confirmOwned, notice, charging, chargeRef, onRemove, onConfirmOwned, onCharge, onPark }: CartPanelProps) {
  const currency = cart[0]?.currency
  const total = cart.reduce((sum, course) => sum + course.priceAmount, 0)
  const undecided = cart.filter((course) => owned.has(course.id) && !confirmOwned.includes(course.id))
  return (
    <div className="stack cart">
      {cart.length === 0 ? (
        <EmptyState title="The cart is empty">Type a course name and press Enter to add it.</EmptyState>
      ) : (
        <ul className="cart-lines" aria-label="Cart">
          {cart.map((course) => {
            const ownedFrom = owned.get(course.id)
            return (
              <li key={course.id} className="cart-line-wrap">
                <div className="cart-line">
                  <span className="grow">{course.title}</span>
                  <Money amount={course.priceAmount} currency={course.currency} />
                  <button type="button" className="icon-button" aria-label={`Remove ${course.title}`} onClick={() => onRemove(course)}>
                    ×
                  </button>
                </div>
                {ownedFrom && (
                  <div className="cart-owned" role="note">
                    <span>
                      {ownedFrom.installation ? (
                        <>Already owned (bought at another till of the shop).</>
                      ) : (
                        <>
                          Already owned (order <a href={`#/orders/${ownedFrom.orderId}`}>#{ownedFrom.orderId}</a>).
                        </>
                      )}
                    </span>
                    <label className="cart-owned-choice">
                      <input type="checkbox" checked={confirmOwned.includes(course.id)} onChange={(e) => onConfirmOwned(course.id, e.target.checked)} /> Sell again anyway
                    </label>
                  </div>
                )}
              </li>
            )
          })}
        </ul>
      )}
      {notice && (
        <p className="inline-notice" role="status">
          {notice}
        </p>
      )}
      <div className="cart-total">
        <span>Total</span>
        {currency ? <Money amount={total} currency={currency} /> : <span className="muted">—</span>}
      </div>
      {undecided.length > 0 && (
        <p className="field-error" id="charge-blocked">
          Remove the course{undecided.length > 1 ? 's' : ''} the customer already owns, or tick “Sell again anyway”.
        </p>
      )}
      <div className="cart-actions">
        <Button variant="ghost" disabled={cart.length === 0} onClick={onPark} title="F8">
          Park sale
        </Button>
        <Button ref={chargeRef} variant="primary" size="lg" className="grow" busy={charging} disabled={cart.length === 0 || undecided.length > 0} aria-describedby={undecided.length > 0 ? 'charge-blocked' : undefined} onClick={onCharge} title="F9">
          Charge{currency ? ' ' : ''}
          {currency && <Money amount={total} currency={currency} />}
        </Button>
      </div>
    </div>
  )
}
