import { useState, type FormEvent } from 'react'
import type { ShiftReport } from '@shared/shifts'
import { api } from '../../api/transport'
import { formatDateTime } from '../../app/shop-format'
import { useLiveEvents, useQuery } from '../../app/hooks'
import { Button } from '../../ui/Button'
import { EmptyState, Loading, Panel } from '../../ui/Panel'
import { useToasts } from '../../ui/toasts'
import { AmountFields, readAmounts } from './amounts-form'
import { CloseShiftPanel } from './CloseShiftPanel'
import { DrawerMovePanel } from './DrawerMovePanel'
import { NoSalePanel } from './NoSalePanel'
import { ShiftReportView } from './ShiftReportView'

/** The drawer: open a shift with a float, move cash in or out, X report, close with a count into the Z report. */
export function ShiftScreen() {
  const [state, reload] = useQuery('shifts:state', {})
  const [catalog] = useQuery('catalog:list', {})
  const [report, setReport] = useState<ShiftReport | null>(null)
  useLiveEvents((event) => event.type === 'shift.changed' && reload())
  const currencies = catalog.state === 'ready' ? [...new Set(catalog.data.map((course) => course.currency))].sort() : []

  async function show(shiftId: number) {
    setReport(await api.invoke('shifts:report', { shiftId }))
  }

  return (
    <div className="stack shift-screen">
      <h1 tabIndex={-1}>Shift and drawer</h1>
      {state.state === 'loading' && <Loading />}
      {state.state === 'error' && <p role="alert">{state.message}</p>}
      {state.state === 'ready' && !state.data.open && <OpenShiftPanel currencies={currencies} opened={reload} />}
      {state.state === 'ready' && state.data.open && (
        <>
          <Panel
            title={`Shift #${state.data.open.id} is open`}
            labelledBy="shift-open"
            actions={
              <Button size="sm" onClick={() => void show(state.data.open!.id)}>
                X report
              </Button>
            }
          >
            <p className="muted">
              Opened {formatDateTime(state.data.open.openedAt)} by {state.data.open.openedBy}.
            </p>
          </Panel>
          <DrawerMovePanel currencies={currencies} moved={(next) => setReport(next)} />
          <NoSalePanel opened={(next) => setReport(next)} />
          <CloseShiftPanel shiftId={state.data.open.id} closed={(z) => (setReport(z), reload())} />
        </>
      )}
      {report && <ShiftReportView report={report} />}
      {state.state === 'ready' && (
        <Panel title="Closed shifts" labelledBy="shift-history">
          {state.data.recent.length === 0 ? (
            <EmptyState title="No shift closed yet" />
          ) : (
            <ul className="plain-list">
              {state.data.recent.map((shift) => (
                <li key={shift.id} className="row between">
                  <span>
                    Shift #{shift.id}: {formatDateTime(shift.openedAt)} – {shift.closedAt === null ? '' : formatDateTime(shift.closedAt)}, closed by {shift.closedBy}
                  </span>
                  <Button size="sm" onClick={() => void show(shift.id)}>
                    Z report #{shift.id}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      )}
    </div>
  )
}

function OpenShiftPanel({ currencies, opened }: { currencies: string[]; opened: () => void }) {
  const toasts = useToasts()
  const [values, setValues] = useState<Record<string, string>>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  async function submit(event: FormEvent) {
    event.preventDefault()
    const read = readAmounts(currencies, values)
    setErrors(read.errors)
    if (Object.keys(read.errors).length > 0) return
    setBusy(true)
    try {
      // A currency with no float is left out: there is nothing of it to count unless it is taken in.
      await api.invoke('shifts:open', { floats: read.amounts.filter((line) => line.amount > 0) })
      toasts.success('Shift opened', 'Cash sales and refunds now go through this drawer.')
      opened()
    } catch (failure) {
      toasts.error('Shift not opened', (failure as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Panel title="Open a shift" labelledBy="shift-new">
      <form className="stack" onSubmit={submit} aria-label="Open a shift">
        <p className="muted">Count the float in the drawer, per currency. Cash can be taken once a shift is open.</p>
        <AmountFields label="Float" currencies={currencies} values={values} onChange={setValues} errors={errors} />
        <Button variant="primary" type="submit" busy={busy}>
          Open shift
        </Button>
      </form>
    </Panel>
  )
}
