import { useState } from 'react'
import type { LogTail } from '@shared/live'
import { api } from '../../api/transport'
import { Button } from '../../ui/Button'
import { EmptyState, Panel } from '../../ui/Panel'
import { useToasts } from '../../ui/toasts'
import { useManagerAction } from '../../app/useManagerAction'
import { formatDateTime } from '../../app/shop-format'

const LINES = 200

/** One log line as "time level event details", from the JSON the main process writes (already redacted). */
function present(line: string): { at: string; level: string; event: string; rest: string } {
  try {
    const { at, level, event, ...rest } = JSON.parse(line) as Record<string, unknown>
    const details = Object.entries(rest).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    return { at: formatDateTime(Date.parse(String(at))), level: String(level), event: String(event), rest: details.join(' ') }
  } catch {
    return { at: '', level: '', event: '', rest: line }
  }
}

/** The last lines of the log file, for a manager (it names customers and orders). */
export function LogPanel() {
  const toasts = useToasts()
  const asManager = useManagerAction()
  const [tail, setTail] = useState<LogTail | null>(null)
  const [busy, setBusy] = useState(false)

  async function load() {
    setBusy(true)
    try {
      const result = await asManager((managerToken) => api.invoke('logs:tail', { managerToken, lines: LINES }))
      if (result) setTail(result)
    } catch (error) {
      toasts.error('The log could not be read', (error as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Panel
      title="Log"
      labelledBy="settings-log"
      className="settings-wide"
      actions={
        <Button size="sm" busy={busy} onClick={() => void load()}>
          {tail ? 'Refresh' : 'Show recent log'}
        </Button>
      }
    >
      {!tail ? (
        <p className="muted small">Payment events, state changes, tunnel and endpoint changes and errors, with secrets and card data removed. Managers only.</p>
      ) : tail.lines.length === 0 ? (
        <EmptyState title="The log is empty" />
      ) : (
        <>
          <p className="muted small mono">{tail.file}</p>
          <ol className="log-lines" aria-label="Log lines">
            {[...tail.lines].reverse().map((line, index) => {
              const entry = present(line)
              return (
                <li key={`${index}-${entry.at}`} className={`log-line log-${entry.level}`}>
                  <span className="log-at">{entry.at}</span>
                  <span className="log-event">{entry.event}</span>
                  <span className="log-rest">{entry.rest}</span>
                </li>
              )
            })}
          </ol>
        </>
      )}
    </Panel>
  )
}
