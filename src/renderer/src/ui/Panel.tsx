import type { ReactNode } from 'react'

/** A titled surface; `actions` sit at the right of the title row. */
export function Panel({ title, actions, children, className, labelledBy }: { title?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string; labelledBy?: string }) {
  return (
    <section className={['panel', className].filter(Boolean).join(' ')} aria-labelledby={labelledBy}>
      {(title || actions) && (
        <div className="panel-head">
          {title && <h2 id={labelledBy}>{title}</h2>}
          {actions && <div className="panel-actions">{actions}</div>}
        </div>
      )}
      {children}
    </section>
  )
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children && <div className="muted">{children}</div>}
    </div>
  )
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" /> {label}
    </div>
  )
}
