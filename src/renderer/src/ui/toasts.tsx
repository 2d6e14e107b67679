import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'

export interface Toast {
  id: number
  tone: 'info' | 'success' | 'error'
  title: string
  /** What to do next, in plain words. */
  detail?: string
}

interface ToastApi {
  show(toast: Omit<Toast, 'id'>): void
  error(title: string, detail?: string): void
  success(title: string, detail?: string): void
}

const ToastContext = createContext<ToastApi | null>(null)

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([])
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), [])
  const show = useCallback(
    (toast: Omit<Toast, 'id'>) => {
      const id = Date.now() + Math.random()
      setToasts((all) => [...all.slice(-3), { ...toast, id }])
      // Errors stay longer (the person at the till may be looking at the customer), but never for good: a toast
      // that outlives its moment covers the screen and tells the next customer's story wrong.
      setTimeout(() => dismiss(id), toast.tone === 'error' ? 12_000 : 5000)
    },
    [dismiss],
  )
  // A toast belongs to the screen it was raised on.
  useEffect(() => {
    const clear = () => setToasts([])
    window.addEventListener('hashchange', clear)
    return () => window.removeEventListener('hashchange', clear)
  }, [])
  const api = useMemo<ToastApi>(
    () => ({
      show,
      error: (title, detail) => show({ tone: 'error', title, detail }),
      success: (title, detail) => show({ tone: 'success', title, detail }),
    }),
    [show],
  )
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
            <div className="toast-text">
              <strong>{toast.title}</strong>
              {toast.detail && <span>{toast.detail}</span>}
            </div>
            <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  )
}

export function useToasts(): ToastApi {
  const api = useContext(ToastContext)
  if (!api) throw new Error('useToasts outside ToastProvider')
  return api
}
