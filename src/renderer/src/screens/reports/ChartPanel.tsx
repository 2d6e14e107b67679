import { useId, useState, type ReactNode } from 'react'
import { Panel } from '../../ui/Panel'

/** A chart with a button that swaps it for the same numbers as a table (for reading exact figures, or a screen reader). */
export function ChartPanel({ title, legend, chart, table }: { title: string; legend?: ReactNode; chart: ReactNode; table: ReactNode }) {
  const [asTable, setAsTable] = useState(false)
  const id = useId()
  return (
    <Panel
      title={title}
      labelledBy={id}
      className="chart-panel"
      actions={
        <>
          {!asTable && legend}
          <button type="button" className="btn btn-ghost btn-sm" aria-pressed={asTable} onClick={() => setAsTable((shown) => !shown)}>
            {asTable ? 'Show chart' : 'Show table'}
          </button>
        </>
      }
    >
      {asTable ? table : chart}
    </Panel>
  )
}
