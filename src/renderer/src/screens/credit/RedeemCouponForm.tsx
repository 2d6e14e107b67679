import { useState, type FormEvent } from 'react'
import { api } from '../../api/transport'
import { Button } from '../../ui/Button'
import { TextField } from '../../ui/Field'
import { useToasts } from '../../ui/toasts'

/** Staff type a coupon's code to add its credit to this customer (once per customer, within its limits). */
export function RedeemCouponForm({ customerId, onRedeemed }: { customerId: number; onRedeemed: () => void }) {
  const toasts = useToasts()
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!code.trim()) return setError('Enter the coupon code')
    setBusy(true)
    setError(null)
    try {
      await api.invoke('coupons:redeem', { customerId, code: code.trim() })
      toasts.success('Coupon redeemed', `Its credit was added for ${code.trim().toUpperCase()}.`)
      setCode('')
      onRedeemed()
    } catch (failure) {
      setError((failure as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="settings-inline" onSubmit={submit} aria-label="Redeem a coupon">
      <TextField className="grow" label="Coupon code" value={code} onChange={(e) => setCode(e.target.value)} error={error} autoComplete="off" />
      <Button type="submit" busy={busy} disabled={code.trim() === ''}>
        Redeem
      </Button>
    </form>
  )
}
