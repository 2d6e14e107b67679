import { ALL_TILLS } from '@shared/history'
import { useLiveEvents, useQuery } from '../../../app/hooks'
import { tillName } from '../shop/shop-order-href'
import { useId } from 'react'

/**
 * Shop mode: whose orders the list shows — this till's (the default), every till's, or one other till's, the
 * others as of the last sync. Not shown on a till that is not in a shop.
 */
export function TillFilter({ till, onChange }: { till: string; onChange: (till: string) => void }) {
  const id = useId()
  const [status] = useQuery('shop:status', {})
  const [tills, reload] = useQuery('shop:tills', {})
  useLiveEvents((event) => event.type === 'shop.synced' && reload())
  if (status.state !== 'ready' || !status.data.enabled) return null
  const others = tills.state === 'ready' ? tills.data.others : []
  // A till chosen from a shared link but not (yet) pulled here still shows as chosen.
  const unknown = till !== '' && till !== ALL_TILLS && !others.some((t) => t.installation === till)
  return (
    <span className="orders-till">
      <label htmlFor={id}>Till</label>
      <select id={id} className="input input-sm" value={till} onChange={(e) => onChange(e.target.value)}>
        <option value="">This till</option>
        <option value={ALL_TILLS}>All tills</option>
        {others.map((t) => (
          <option key={t.installation} value={t.installation}>
            {tillName(t.installation)} ({t.orders.toLocaleString('en-GB')})
          </option>
        ))}
        {unknown && <option value={till}>{tillName(till)}</option>}
      </select>
    </span>
  )
}
