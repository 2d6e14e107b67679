import { useState, type FormEvent } from 'react'
import type { ShiftReport } from '@shared/shifts'
import { api } from '../../api/transport'
import { useLiveEvents, useQuery } from '../../app/hooks'
import { useManagerAction } from '../../app/useManagerAction'
import { Button } from '../../ui/Button'
import { Panel } from '../../ui/Panel'
import { useToasts } from '../../ui/toasts'
import { AmountFields, readAmounts } from './amounts-form'

/** Closing: count each currency the drawer held; a manager approves; the Z report is saved and cannot change. */
export function CloseShiftPanel({ shiftId, closed }: { shiftId: number; closed: (z: ShiftReport) => void }) {
  const toasts = useToasts()
  const asManager = useManagerAction()
  const [x, reload] = useQuery('shifts:report', { shiftId })
  // A sale in another currency adds a line to count.
  useLiveEvents((event) => (event.type === 'shift.changed' || event.type === 'payment.changed' || event.type === 'order.changed') && reload())
  const [values, setValues] = useState<Record<string, string>>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const currencies = x.state === 'ready' ? x.data.drawer.map((line) => line.currency) : []

  async function submit(event: FormEvent) {
    event.preventDefault()
    const missing = currencies.filter((c) => (values[c] ?? '').trim() === '')
    const read = readAmounts(currencies, values)
    const next = { ...Object.fromEntries(missing.map((c) => [c, `Count the ${c} in the drawer`])), ...read.errors }
    setErrors(next)
    if (Object.keys(next).length > 0) return
    setBusy(true)
    try {
      const result = await asManager((managerToken) => api.invoke('shifts:close', { managerToken, counts: read.amounts }))
      if (!result) return
      toasts.success('Shift closed', 'The Z report is saved with the shift.')
      closed(result.report)
    } catch (failure) {
      toasts.error('Shift not closed', (failure as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Panel title="Close the shift" labelledBy="shift-close">
      <form className="stack" onSubmit={submit} aria-label="Close the shift">
        <p className="muted">Count the cash in the drawer, per currency, without looking at what is expected. A manager approves the close.</p>
        {currencies.length === 0 ? <p className="muted">No cash went through this drawer.</p> : <AmountFields label="Counted" currencies={currencies} values={values} onChange={setValues} errors={errors} />}
        <Button variant="primary" type="submit" busy={busy}>
          Close shift
        </Button>
      </form>
    </Panel>
  )
}
