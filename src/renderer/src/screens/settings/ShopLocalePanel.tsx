import { useState, type FormEvent } from 'react'
import { api } from '../../api/transport'
import { useAppInfo } from '../../app/context'
import { formatDateTime } from '../../app/shop-format'
import { useManagerAction } from '../../app/useManagerAction'
import { Button } from '../../ui/Button'
import { SelectField } from '../../ui/Field'
import { Panel } from '../../ui/Panel'
import { useToasts } from '../../ui/toasts'
import { fieldOf } from './manager-call'

const LOCALES: Array<[string, string]> = [
  ['en-GB', 'English (UK)'],
  ['en-US', 'English (US)'],
  ['de-DE', 'Deutsch'],
  ['fr-FR', 'Français'],
  ['it-IT', 'Italiano'],
  ['ja-JP', '日本語'],
  ['ar-KW', 'العربية (الكويت)'],
]
const ZONES: readonly string[] = Intl.supportedValuesOf('timeZone')

/** The shop's time zone and date style: which day a sale belongs to in reports, and how every date reads. */
export function ShopLocalePanel() {
  const info = useAppInfo()
  const toasts = useToasts()
  const asManager = useManagerAction()
  const [timeZone, setTimeZone] = useState<string | null>(null)
  const [locale, setLocale] = useState<string | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const zone = timeZone ?? info?.timeZone ?? ''
  const lang = locale ?? info?.locale ?? 'en-GB'

  async function save(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setErrors({})
    try {
      const saved = await asManager((managerToken) => api.invoke('settings:setShopLocale', { managerToken, timeZone: zone, locale: lang }))
      if (!saved) return
      toasts.success('Time zone and date style saved', `Days now start at midnight in ${saved.timeZone}.`)
      setTimeZone(null)
      setLocale(null)
    } catch (failure) {
      setErrors({ [fieldOf(failure) ?? 'timeZone']: (failure as Error).message })
    } finally {
      setBusy(false)
    }
  }

  const unchanged = !info || (zone === info.timeZone && lang === info.locale)
  return (
    <Panel title="Time zone and dates" labelledBy="settings-locale">
      <form className="stack" onSubmit={save} aria-label="Time zone and dates">
        <SelectField label="Shop time zone" value={zone} onChange={(e) => setTimeZone(e.target.value)} error={errors.timeZone} hint="Reports, date filters and receipts count days in this zone, whatever this computer is set to.">
          {[...new Set([zone, ...ZONES])].map((z) => (
            <option key={z} value={z}>
              {z.replace(/_/g, ' ')}
            </option>
          ))}
        </SelectField>
        <SelectField label="Date style" value={lang} onChange={(e) => setLocale(e.target.value)} error={errors.locale}>
          {LOCALES.map(([tag, name]) => (
            <option key={tag} value={tag}>
              {name}
            </option>
          ))}
        </SelectField>
        <p className="muted small">Now: {formatDateTime(Date.now())}</p>
        <div className="row end">
          <Button type="submit" variant="primary" busy={busy} disabled={unchanged}>
            Save time zone and dates
          </Button>
        </div>
      </form>
    </Panel>
  )
}
