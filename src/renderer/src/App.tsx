import { useEffect, useState } from 'react'
import type { AppInfo } from '@shared/domain'
import { api } from './api/transport'
import { CatalogScreen } from './screens/CatalogScreen'

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null)
  useEffect(() => {
    api.invoke('app:info', {}).then(setInfo, () => setInfo(null))
  }, [])
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">{info?.shopName ?? 'CourseTill'}</span>
        {info?.mode === 'sandbox' && (
          <span className="badge badge-sandbox" title="Payments go to the built-in Stripe sandbox; no real money moves">
            Sandbox
          </span>
        )}
        {info?.mode === 'test' && <span className="badge badge-test">Stripe test mode</span>}
      </header>
      <main className="content">
        <CatalogScreen />
      </main>
    </div>
  )
}
