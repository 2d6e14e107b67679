import { useState, type FormEvent } from 'react'
import { ROLE_LABELS, STAFF_ROLES, type StaffPerson, type StaffRole } from '@shared/staff'
import { api } from '../../api/transport'
import { useQuery } from '../../app/hooks'
import { useStaffSession } from '../../app/StaffGate'
import { useManagerAction } from '../../app/useManagerAction'
import { Button } from '../../ui/Button'
import { SelectField, TextField } from '../../ui/Field'
import { Panel } from '../../ui/Panel'
import { useToasts } from '../../ui/toasts'
import { ChangePinPanel } from './ChangePinPanel'

/** Everyone changes their own PIN here; the owner adds people, sets roles, resets forgotten PINs and removes leavers. */
export function StaffScreen() {
  const person = useStaffSession()?.person
  const [status, reload] = useQuery('staff:status', {})
  const isOwner = person?.role === 'owner'
  return (
    <div className="stack">
      <h1 tabIndex={-1}>Staff</h1>
      <ChangePinPanel />
      <Panel title="People" labelledBy="staff-people">
        {status.state === 'ready' && (
          <table className="table" aria-label="People">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                {isOwner && <th scope="col">Owner's actions</th>}
              </tr>
            </thead>
            <tbody>
              {status.data.people.map((p) => (
                <PersonRow key={p.id} person={p} editable={isOwner} changed={reload} />
              ))}
            </tbody>
          </table>
        )}
        {!isOwner && <p className="muted">Only the owner adds people, changes roles and resets PINs.</p>}
      </Panel>
      {isOwner && <AddPersonPanel added={reload} />}
    </div>
  )
}

function PersonRow({ person, editable, changed }: { person: StaffPerson; editable: boolean; changed: () => void }) {
  const toasts = useToasts()
  const asOwner = useManagerAction()
  const [pin, setPin] = useState('')
  const run = async (what: string, action: (managerToken: string) => Promise<unknown>) => {
    try {
      if ((await asOwner(action)) !== null) {
        toasts.success(what, person.name)
        changed()
      }
    } catch (failure) {
      toasts.error(`${what}: not done`, (failure as Error).message)
    }
  }
  return (
    <tr>
      <th scope="row">{person.name}</th>
      <td>
        {editable ? (
          <select className="input input-sm" aria-label={`Role of ${person.name}`} value={person.role} onChange={(e) => void run('Role changed', (managerToken) => api.invoke('staff:update', { managerToken, staffId: person.id, role: e.target.value as StaffRole }))}>
            {STAFF_ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        ) : (
          ROLE_LABELS[person.role]
        )}
      </td>
      {editable && (
        <td className="row">
          <input className="input input-sm pin-reset" type="password" inputMode="numeric" aria-label={`New PIN for ${person.name}`} placeholder="New PIN" value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))} />
          <Button size="sm" disabled={pin.length < 4} onClick={() => void run('PIN reset', (managerToken) => api.invoke('staff:resetPin', { managerToken, staffId: person.id, pin })).then(() => setPin(''))}>
            Reset PIN
          </Button>
          <Button size="sm" variant="ghost" onClick={() => void run('Removed', (managerToken) => api.invoke('staff:update', { managerToken, staffId: person.id, active: false }))}>
            Remove {person.name}
          </Button>
        </td>
      )}
    </tr>
  )
}

function AddPersonPanel({ added }: { added: () => void }) {
  const toasts = useToasts()
  const asOwner = useManagerAction()
  const [name, setName] = useState('')
  const [role, setRole] = useState<StaffRole>('cashier')
  const [pin, setPin] = useState('')
  const [error, setError] = useState<{ field: 'name' | 'pin'; message: string } | null>(null)
  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!name.trim()) return setError({ field: 'name', message: 'Enter their name' })
    if (!/^\d{4,8}$/.test(pin)) return setError({ field: 'pin', message: 'The PIN is 4 to 8 digits' })
    setError(null)
    try {
      const person = await asOwner((managerToken) => api.invoke('staff:add', { managerToken, name: name.trim(), role, pin }))
      if (!person) return
      toasts.success('Added to the staff', `${person.name}, ${ROLE_LABELS[person.role]}`)
      setName('')
      setPin('')
      added()
    } catch (failure) {
      setError({ field: 'name', message: (failure as Error).message })
    }
  }
  return (
    <Panel title="Add a person" labelledBy="staff-add">
      <form className="settings-inline wrap" onSubmit={submit} aria-label="Add a person">
        <TextField label="Name" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} error={error?.field === 'name' ? error.message : null} />
        <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
          {STAFF_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </SelectField>
        <TextField label="Their PIN" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))} error={error?.field === 'pin' ? error.message : null} hint="They change it at their first chance." />
        <Button type="submit" variant="primary">
          Add
        </Button>
      </form>
    </Panel>
  )
}
