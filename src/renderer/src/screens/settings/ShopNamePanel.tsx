import { useState, type FormEvent } from 'react'
import { api } from '../../api/transport'
import { useAppInfo } from '../../app/context'
import { Button } from '../../ui/Button'
import { TextField } from '../../ui/Field'
import { Panel } from '../../ui/Panel'
import { useToasts } from '../../ui/toasts'
import { useManagerAction } from '../../app/useManagerAction'
import { ReceiptDetailsForm } from './ReceiptDetailsForm'

/** The name printed on receipts and shown in the sidebar. */
export function ShopNamePanel() {
  const info = useAppInfo()
  const toasts = useToasts()
  const asManager = useManagerAction()
  const [name, setName] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const value = name ?? info?.shopName ?? ''

  async function save(event: FormEvent) {
    event.preventDefault()
    if (!value.trim()) return setError('Enter the name customers should see on their receipts')
    setError(null)
    setBusy(true)
    try {
      const saved = await asManager((managerToken) => api.invoke('settings:setShopName', { managerToken, shopName: value }))
      if (!saved) return
      toasts.success('Shop name saved', `Receipts now say “${saved.shopName}”.`)
      // The app's info (sidebar, receipts) refreshes itself on the live.changed event the save publishes.
      setName(null)
    } catch (failure) {
      setError((failure as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Panel title="Receipts" labelledBy="settings-receipts">
      <form className="settings-inline" onSubmit={save} aria-label="Receipt settings">
        <TextField className="grow" label="Shop name" maxLength={80} value={value} onChange={(e) => setName(e.target.value)} error={error} hint="Printed at the top of every receipt." />
        <Button type="submit" variant="primary" busy={busy} disabled={!info || value.trim() === info.shopName}>
          Save name
        </Button>
      </form>
      <div className="settings-part">
        <ReceiptDetailsForm />
      </div>
    </Panel>
  )
}
