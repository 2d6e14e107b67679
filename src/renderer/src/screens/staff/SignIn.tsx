import { useState, type FormEvent } from 'react'
import { ROLE_LABELS, type StaffPerson, type StaffSession } from '@shared/staff'
import { api } from '../../api/transport'
import { Button } from '../../ui/Button'
import { PinPad } from './PinPad'

/** Who is at the till: a tile per person, then their PIN on the pad. Also the quick switch and the idle lock's screen. */
export function SignIn({ people, shopName, done }: { people: StaffPerson[]; shopName: string; done: (session: StaffSession) => void }) {
  const [chosen, setChosen] = useState<StaffPerson | null>(people.length === 1 ? people[0]! : null)
  const [pin, setPin] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!chosen) return
    if (!/^\d{4,8}$/.test(pin)) return setError('The PIN is 4 to 8 digits')
    setBusy(true)
    try {
      done(await api.invoke('staff:signIn', { staffId: chosen.id, pin }))
    } catch (failure) {
      setPin('')
      setError((failure as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="gate">
      <div className="gate-card stack">
        <h1>{shopName}: who is at the till?</h1>
        <ul className="people-tiles" aria-label="Staff">
          {people.map((person) => (
            <li key={person.id}>
              <button
                type="button"
                className="person-tile"
                aria-pressed={chosen?.id === person.id}
                onClick={() => {
                  setChosen(person)
                  setPin('')
                  setError(null)
                }}
              >
                <span className="person-name">{person.name}</span>
                <span className="muted">{ROLE_LABELS[person.role]}</span>
              </button>
            </li>
          ))}
        </ul>
        {chosen && (
          <form className="stack" onSubmit={submit} aria-label={`Sign in as ${chosen.name}`}>
            <PinPad label={`${chosen.name}'s PIN`} value={pin} onChange={setPin} error={error} autoFocus />
            <Button variant="primary" size="lg" type="submit" busy={busy}>
              Sign in
            </Button>
          </form>
        )}
      </div>
    </main>
  )
}
