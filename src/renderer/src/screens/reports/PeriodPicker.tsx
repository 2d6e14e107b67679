import { MAX_REPORT_DAYS, daysInPeriod, isIsoDay, presetPeriod, type PeriodPreset } from '@shared/insight'
import { TextField } from '../../ui/Field'

export type PeriodChoice = PeriodPreset | 'custom'
export interface Period {
  choice: PeriodChoice
  from: string
  to: string
}

const CHOICES: Array<[PeriodChoice, string]> = [
  ['last7', 'Last 7 days'],
  ['last30', 'Last 30 days'],
  ['last90', 'Last 90 days'],
  ['thisMonth', 'This month'],
  ['custom', 'Custom'],
]

/** Why a custom period cannot be reported yet, or null when it can. */
export function periodProblem(period: Period): string | null {
  if (!isIsoDay(period.from) || !isIsoDay(period.to)) return 'Choose both dates'
  if (period.to < period.from) return '"To" is before "From"'
  if (daysInPeriod(period.from, period.to) > MAX_REPORT_DAYS) return `Choose at most ${MAX_REPORT_DAYS} days`
  return null
}

export function PeriodPicker({ period, today, onChange }: { period: Period; today: string; onChange: (period: Period) => void }) {
  const problem = period.choice === 'custom' ? periodProblem(period) : null
  return (
    <div className="period-picker">
      <div className="segmented" role="group" aria-label="Period">
        {CHOICES.map(([choice, label]) => (
          <button
            key={choice}
            type="button"
            className="segment"
            aria-pressed={period.choice === choice}
            onClick={() => onChange(choice === 'custom' ? { ...period, choice } : { choice, ...presetPeriod(choice, today) })}
          >
            {label}
          </button>
        ))}
      </div>
      {period.choice === 'custom' && (
        <div className="period-custom">
          <TextField label="From" type="date" value={period.from} max={today} onChange={(e) => onChange({ ...period, from: e.target.value })} />
          <TextField label="To" type="date" value={period.to} max={today} onChange={(e) => onChange({ ...period, to: e.target.value })} error={problem} />
        </div>
      )}
    </div>
  )
}
