import { useState } from 'react'
import type { OrderDetail } from '@shared/domain'
import { api } from '../../api/transport'
import { Button } from '../../ui/Button'

/** A card attempt left waiting for 3-D Secure by a reload or a closed tab: pay it again, or give it up. */
export function InterruptedCard({ orderId, onChanged }: { orderId: number; onChanged: (order: OrderDetail) => void }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function abandon() {
    setBusy(true)
    try {
      onChanged(await api.invoke('payments:abandonCard', { orderId }))
    } catch (failure) {
      setError((failure as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="interrupted" role="region" aria-label="Interrupted card payment">
      <p>
        <strong>The card payment was interrupted during 3-D Secure.</strong> Enter the card again below to retry, or stop that attempt to take cash or
        cancel the order.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <Button busy={busy} onClick={() => void abandon()}>
        Stop the card attempt
      </Button>
    </div>
  )
}
