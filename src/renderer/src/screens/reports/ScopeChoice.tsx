import type { RevenueScope } from '@shared/insight'
import { formatDateTime } from '../../app/shop-format'

const CHOICES: Array<[RevenueScope, string]> = [
  ['till', 'This till'],
  ['shop', 'Whole shop'],
]

/** What the whole-shop figures are as of: the other tills' part is the last complete pull from the shop database. */
export function scopeFreshness(asOf: number | null | undefined): string {
  return asOf ? `Whole shop, as of ${formatDateTime(asOf)}` : 'Whole shop, not synced with the other tills yet'
}

/**
 * Shop mode: whose money the charts and tables count, this till's own or every till's (the others' as pulled, so it
 * shows offline). The same segmented buttons as the period: each a toggle button, reachable by Tab, pressed by
 * Enter or Space.
 */
export function ScopeChoice({ scope, asOf, onChange }: { scope: RevenueScope; asOf: number | null | undefined; onChange: (scope: RevenueScope) => void }) {
  return (
    <div className="report-scope">
      <div className="segmented" role="group" aria-label="Whose sales">
        {CHOICES.map(([choice, label]) => (
          <button key={choice} type="button" className="segment" aria-pressed={scope === choice} onClick={() => onChange(choice)}>
            {label}
          </button>
        ))}
      </div>
      <span className="muted small" role="status">
        {scope === 'shop' ? scopeFreshness(asOf) : 'This till’s own sales'}
      </span>
    </div>
  )
}
