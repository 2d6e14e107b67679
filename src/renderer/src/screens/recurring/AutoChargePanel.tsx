import { api } from '../../api/transport'
import { useQuery } from '../../app/hooks'
import { Panel } from '../../ui/Panel'
import { useToasts } from '../../ui/toasts'
import { useManagerAction } from '../../app/useManagerAction'
import { GraceDaysForm } from './GraceDaysForm'

/** Settings: charge payment plans' due parts automatically with the customer's saved card (manager PIN). */
export function AutoChargePanel() {
  const toasts = useToasts()
  const managerCall = useManagerAction()
  const [settings, reload] = useQuery('installments:settings', {})
  if (settings.state !== 'ready') return null
  return (
    <Panel title="Payment plans" labelledBy="settings-plans-title">
      <label className="row checkbox-row">
        <input
          type="checkbox"
          checked={settings.data.autoCharge}
          onChange={(event) => {
            const enabled = event.target.checked
            managerCall((managerToken: string) => api.invoke('installments:setAutoCharge', { enabled, managerToken })).then(reload, (error: Error) =>
              toasts.error('The setting could not be saved', error.message),
            )
          }}
        />
        Charge parts automatically with the saved card when they fall due (failures show on the customer)
      </label>
      <div className="settings-part">
        <GraceDaysForm saved={settings.data.graceDays} onSaved={reload} />
      </div>
    </Panel>
  )
}
