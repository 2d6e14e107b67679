import { parseAmount } from '@shared/money'
import type { CurrencyAmount } from '@shared/shifts'
import { TextField } from '../../ui/Field'

/** One amount field per currency ("Float (GBP)", "Counted (JPY)"), typed as the notes read: 100, 50.25, 10000. */
export function AmountFields({ label, currencies, values, onChange, errors }: { label: string; currencies: string[]; values: Record<string, string>; onChange: (values: Record<string, string>) => void; errors: Record<string, string> }) {
  return (
    <div className="amount-grid">
      {currencies.map((currency) => (
        <TextField
          key={currency}
          label={`${label} (${currency})`}
          inputMode="decimal"
          autoComplete="off"
          value={values[currency] ?? ''}
          onChange={(e) => onChange({ ...values, [currency]: e.target.value })}
          error={errors[currency] ?? null}
        />
      ))}
    </div>
  )
}

/** Each field read in its currency's minor units (blank is zero); the errors say which field is wrong. */
export function readAmounts(currencies: string[], values: Record<string, string>): { amounts: CurrencyAmount[]; errors: Record<string, string> } {
  const amounts: CurrencyAmount[] = []
  const errors: Record<string, string> = {}
  for (const currency of currencies) {
    const text = (values[currency] ?? '').trim()
    try {
      amounts.push({ currency, amount: text === '' ? 0 : parseAmount(text, currency) })
    } catch (error) {
      errors[currency] = (error as Error).message
    }
  }
  return { amounts, errors }
}
