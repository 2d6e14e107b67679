import { useId, useState, type FormEvent } from 'react'
import { MAX_ADDRESS_LINES, TAX_ID_PATTERN } from '@shared/contract/receipts'
import { api } from '../../api/transport'
import { useAppInfo } from '../../app/context'
import { useManagerAction } from '../../app/useManagerAction'
import { Button } from '../../ui/Button'
import { TextField } from '../../ui/Field'
import { useToasts } from '../../ui/toasts'

/** What is wrong with an address or tax id, field by field; the main process checks the same again. */
export function receiptDetailsErrors(address: string, taxId: string): { address?: string; taxId?: string } {
  const lines = address.split('\n').filter((line) => line.trim())
  const errors: { address?: string; taxId?: string } = {}
  if (lines.length > MAX_ADDRESS_LINES) errors.address = `At most ${MAX_ADDRESS_LINES} lines: a receipt roll is narrow`
  else if (lines.some((line) => line.trim().length > 60)) errors.address = 'At most 60 characters a line'
  if (taxId.trim() && !TAX_ID_PATTERN.test(taxId.trim())) errors.taxId = 'Letters and digits (3–40), with spaces, dots, dashes or slashes between, such as GB 123 4567 89'
  return errors
}

/** Settings → Receipts: the address and tax id printed under the shop's name on every receipt (manager PIN). */
export function ReceiptDetailsForm() {
  const info = useAppInfo()
  const toasts = useToasts()
  const asManager = useManagerAction()
  const addressId = useId()
  const [address, setAddress] = useState<string | null>(null)
  const [taxId, setTaxId] = useState<string | null>(null)
  const [errors, setErrors] = useState<{ address?: string; taxId?: string }>({})
  const [busy, setBusy] = useState(false)
  const addressValue = address ?? info?.shopAddress ?? ''
  const taxIdValue = taxId ?? info?.shopTaxId ?? ''
  const unchanged = addressValue === (info?.shopAddress ?? '') && taxIdValue === (info?.shopTaxId ?? '')

  async function save(event: FormEvent) {
    event.preventDefault()
    const problems = receiptDetailsErrors(addressValue, taxIdValue)
    setErrors(problems)
    if (problems.address || problems.taxId) return
    setBusy(true)
    try {
      const saved = await asManager((managerToken) => api.invoke('settings:setReceiptDetails', { address: addressValue, taxId: taxIdValue, managerToken }))
      if (!saved) return
      toasts.success('Receipt details saved', 'Every receipt now prints the address and tax id.')
      setAddress(null)
      setTaxId(null)
    } catch (failure) {
      setErrors({ address: (failure as Error).message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="stack receipt-details" onSubmit={save} aria-label="Address and tax id">
      <div className="field">
        <label htmlFor={addressId}>Shop address</label>
        <textarea
          id={addressId}
          className="input"
          rows={3}
          maxLength={300}
          value={addressValue}
          onChange={(e) => setAddress(e.target.value)}
          aria-invalid={errors.address ? true : undefined}
          aria-describedby={`${addressId}-note`}
        />
        {errors.address ? (
          <span id={`${addressId}-note`} className="field-error" role="alert">
            {errors.address}
          </span>
        ) : (
          <span id={`${addressId}-note`} className="field-hint">
            Up to {MAX_ADDRESS_LINES} lines, printed under the name.
          </span>
        )}
      </div>
      <TextField label="Tax id (VAT number)" maxLength={40} value={taxIdValue} onChange={(e) => setTaxId(e.target.value)} error={errors.taxId ?? null} hint="Printed on every receipt. Leave empty if the shop has none." />
      <div className="row end">
        <Button type="submit" variant="primary" busy={busy} disabled={!info || unchanged}>
          Save address and tax id
        </Button>
      </div>
    </form>
  )
}
