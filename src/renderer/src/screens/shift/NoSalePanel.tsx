import { useState, type FormEvent } from 'react'
import type { ShiftReport } from '@shared/shifts'
import { api } from '../../api/transport'
import { needsManagerSession, useManagerAction } from '../../app/useManagerAction'
import { Button } from '../../ui/Button'
import { TextField } from '../../ui/Field'
import { Panel } from '../../ui/Panel'
import { useToasts } from '../../ui/toasts'

/**
 * Opens the drawer without a sale, with the reason. A cashier's opening asks for a manager's PIN on the spot (the main
 * process refuses it otherwise); a manager's own goes straight through.
 */
export function NoSalePanel({ opened }: { opened: (report: ShiftReport) => void }) {
  const toasts = useToasts()
  const asManager = useManagerAction()
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const why = reason.trim()
    if (!why) return setError('Say why the drawer is opened: the reason is kept with the shift')
    setError(null)
    setBusy(true)
    try {
      let report: ShiftReport | null
      try {
        report = await api.invoke('shifts:noSale', { reason: why })
      } catch (failure) {
        if (!needsManagerSession(failure)) throw failure
        report = await asManager((managerToken) => api.invoke('shifts:noSale', { reason: why, managerToken }))
        if (!report) return setError('Opening the drawer without a sale needs a manager’s approval')
      }
      toasts.success('Drawer opened (no sale)', why)
      setReason('')
      opened(report)
    } catch (failure) {
      setError((failure as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Panel title="Open drawer without a sale" labelledBy="shift-no-sale">
      <form className="drawer-move" onSubmit={submit} aria-label="No sale">
        <TextField label="Why" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} error={error} hint="A cashier needs a manager's PIN." />
        <Button type="submit" busy={busy}>
          Open drawer
        </Button>
      </form>
    </Panel>
  )
}
