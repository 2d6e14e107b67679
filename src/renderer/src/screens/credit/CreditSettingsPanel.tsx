import { useState, type FormEvent } from 'react'
import type { CreditCoupon } from '@shared/credit'
import { formatMoney, isCurrencyCode, parseAmount } from '@shared/money'
import { api } from '../../api/transport'
import { useQuery } from '../../app/hooks'
import { useManagerAction } from '../../app/useManagerAction'
import { Button } from '../../ui/Button'
import { TextField } from '../../ui/Field'
import { Panel } from '../../ui/Panel'
import { useToasts } from '../../ui/toasts'
import { formatDate } from '../orders/detail/format'
import { CreditExpiryForm } from './CreditExpiryForm'

/** Referral rules (threshold and bonus, applied in each order's currency) and credit coupons. Manager PIN. */
export function CreditSettingsPanel() {
  const [rules, reload] = useQuery('referrals:rules', {})
  const toasts = useToasts()
  const asManager = useManagerAction()
  const [threshold, setThreshold] = useState<string | null>(null)
  const [bonus, setBonus] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const current = rules.state === 'ready' ? rules.data : null
  const thresholdValue = threshold ?? current?.threshold ?? ''
  const bonusValue = bonus ?? current?.bonus ?? ''

  async function save(event: FormEvent) {
    event.preventDefault()
    if (!/^\d{1,9}(\.\d{1,3})?$/.test(thresholdValue) || !/^\d{1,9}(\.\d{1,3})?$/.test(bonusValue)) return setError('Amounts such as 10.00')
    setError(null)
    setBusy(true)
    try {
      const saved = await asManager((managerToken) => api.invoke('referrals:setRules', { threshold: thresholdValue, bonus: bonusValue, managerToken }))
      if (!saved) return
      toasts.success('Referral rules saved', `A first purchase of ${saved.threshold} or more pays ${saved.bonus} to both.`)
      setThreshold(null)
      setBonus(null)
      reload()
    } catch (failure) {
      setError((failure as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Panel title="Store credit and referrals" labelledBy="settings-credit">
      <form className="stack" onSubmit={save} aria-label="Referral rules">
        <div className="settings-inline">
          <TextField className="grow" label="Qualifying purchase" inputMode="decimal" value={thresholdValue} onChange={(e) => setThreshold(e.target.value)} hint="In the order's currency (10.00 is ¥10 or 10.000 KWD)." error={error} />
          <TextField className="grow" label="Bonus to each" inputMode="decimal" value={bonusValue} onChange={(e) => setBonus(e.target.value)} />
        </div>
        <div className="row end">
          <Button type="submit" variant="primary" busy={busy} disabled={!current || (thresholdValue === current.threshold && bonusValue === current.bonus)}>
            Save rules
          </Button>
        </div>
      </form>
      <CreditExpiryForm />
      <CouponsSection />
    </Panel>
  )
}

function CouponsSection() {
  const asManager = useManagerAction()
  const toasts = useToasts()
  const [coupons, setCoupons] = useState<CreditCoupon[] | null>(null)
  const [code, setCode] = useState('')
  const [currency, setCurrency] = useState('GBP')
  const [amount, setAmount] = useState('')
  const [max, setMax] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function show() {
    const listed = await asManager((managerToken) => api.invoke('coupons:list', { managerToken })).catch((failure: Error) => (setError(failure.message), null))
    if (listed) setCoupons(listed)
  }

  async function create(event: FormEvent) {
    event.preventDefault()
    const upper = currency.trim().toUpperCase()
    if (!isCurrencyCode(upper)) return setError('A currency code such as GBP')
    let minor: number
    try {
      minor = parseAmount(amount, upper)
    } catch (failure) {
      return setError((failure as Error).message)
    }
    if (max.trim() && !/^\d+$/.test(max.trim())) return setError('Redemptions: a whole number, or empty for no limit')
    setBusy(true)
    setError(null)
    try {
      const made = await asManager((managerToken) =>
        api.invoke('coupons:create', { code, amount: minor, currency: upper, maxRedemptions: max.trim() ? Number(max.trim()) : null, expiresAt: null, managerToken }),
      )
      if (!made) return
      toasts.success('Coupon created', `${made.code} adds ${formatMoney(made.amount, made.currency)}.`)
      setCode('')
      setAmount('')
      setMax('')
      await show()
    } catch (failure) {
      setError((failure as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="stack credit-coupons">
      <h3>Credit coupons</h3>
      <form className="credit-coupon-form" onSubmit={create} aria-label="New coupon">
        <TextField label="Code" value={code} onChange={(e) => setCode(e.target.value)} error={error} autoComplete="off" />
        <TextField label="Currency" value={currency} maxLength={3} onChange={(e) => setCurrency(e.target.value)} />
        <TextField label="Credit" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
        <TextField label="Max uses" inputMode="numeric" value={max} onChange={(e) => setMax(e.target.value)} />
        <Button type="submit" busy={busy} disabled={!code.trim() || !amount.trim()}>
          Create
        </Button>
      </form>
      {coupons === null ? (
        <Button size="sm" variant="ghost" onClick={() => void show()}>
          Show coupons
        </Button>
      ) : (
        <ul className="credit-coupon-list" aria-label="Coupons">
          {coupons.map((c) => (
            <li key={c.id}>
              <code className="mono">{c.code}</code> {formatMoney(c.amount, c.currency)} · used {c.redemptions}
              {c.maxRedemptions !== null ? ` of ${c.maxRedemptions}` : ''}
              {c.expiresAt !== null ? ` · until ${formatDate(c.expiresAt)}` : ''}
            </li>
          ))}
          {coupons.length === 0 && <li className="muted">No coupons yet</li>}
        </ul>
      )}
    </div>
  )
}
