import { useState } from 'react'
import type { OrderExport, OrderFilters, OrderSort } from '@shared/history'
import { api } from '../../../api/transport'
import { useLiveEvents } from '../../../app/hooks'
import { useManagerAction } from '../../../app/useManagerAction'
import { Button } from '../../../ui/Button'
import { useToasts } from '../../../ui/toasts'

type State = { phase: 'idle' } | { phase: 'running'; rows: number; total: number } | { phase: 'done'; result: OrderExport }

/** CSV of the filtered orders for the accountant; needs the manager PIN. */
export function ExportButton({ filters, sort }: { filters: OrderFilters | null; sort: OrderSort }) {
  const asManager = useManagerAction()
  const toasts = useToasts()
  const [state, setState] = useState<State>({ phase: 'idle' })

  useLiveEvents((event) => {
    if (event.type === 'orders.export' && event.state === 'running') setState((s) => (s.phase === 'running' ? { phase: 'running', rows: event.rows, total: event.total } : s))
  })

  async function start() {
    if (!filters) return
    try {
      const result = await asManager((managerToken) => {
        setState({ phase: 'running', rows: 0, total: 0 })
        return api.invoke('orders:export', { filters, sort, managerToken, bom: true })
      })
      if (!result) return setState({ phase: 'idle' })
      setState({ phase: 'done', result })
      toasts.success('Export ready', `${result.rows.toLocaleString('en-GB')} orders in ${result.fileName}`)
    } catch (failure) {
      setState({ phase: 'idle' })
      toasts.error('The export failed', (failure as Error).message)
    }
  }

  // The browser host serves the file for download; in the desktop app the file is already on this machine.
  const inBrowser = !window.coursetill
  return (
    <div className="orders-export">
      {state.phase === 'running' && (
        <span className="orders-export-progress" role="status">
          <progress max={state.total || undefined} value={state.total ? state.rows : undefined} aria-label="Export progress" />
          {state.total ? `${state.rows.toLocaleString('en-GB')} of ${state.total.toLocaleString('en-GB')}` : 'Starting…'}
        </span>
      )}
      {state.phase === 'done' &&
        (inBrowser ? (
          <a className="btn btn-secondary btn-sm" href={state.result.downloadUrl} download={state.result.fileName}>
            Download {state.result.fileName}
          </a>
        ) : (
          <span className="orders-export-path small" title={state.result.path}>
            Saved to <code>{state.result.path}</code>
          </span>
        ))}
      <Button variant="secondary" busy={state.phase === 'running'} disabled={!filters} onClick={() => void start()}>
        Export CSV
      </Button>
    </div>
  )
}
