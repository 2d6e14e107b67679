import { formatMoney } from '@shared/money'

/** An amount in minor units, formatted for its currency (¥6,800, KWD 15.000, £49.00). */
export function Money({ amount, currency, className }: { amount: number; currency: string; className?: string }) {
  return <span className={['money', className].filter(Boolean).join(' ')}>{formatMoney(amount, currency)}</span>
}
