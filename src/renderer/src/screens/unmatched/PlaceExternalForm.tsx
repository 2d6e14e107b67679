import { useEffect, useState } from 'react'
import type { Account, Course } from '@shared/domain'
import type { ExternalPayment } from '@shared/external-payments'
import { formatMoney } from '@shared/money'
import { api } from '../../api/transport'
import { useManagerAction } from '../../app/useManagerAction'
import { Button } from '../../ui/Button'
import { SelectField, TextField } from '../../ui/Field'
import { useToasts } from '../../ui/toasts'

/** A manager places a waiting payment: a customer (found or new) and a course for each item; or dismisses it. */
export function PlaceExternalForm({ payment, onChanged }: { payment: ExternalPayment; onChanged: () => void }) {
  const managerCall = useManagerAction()
  const toasts = useToasts()
  const [query, setQuery] = useState(payment.email ?? '')
  const [matches, setMatches] = useState<Account[]>([])
  const [accountId, setAccountId] = useState<number | 'new'>(payment.accountId ?? 'new')
  const [newName, setNewName] = useState('')
  const [courses, setCourses] = useState<Course[]>([])
  const [mapping, setMapping] = useState<Array<number | ''>>(payment.lines.map((line) => line.courseId ?? ''))
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<'assign' | 'dismiss' | null>(null)

  useEffect(() => {
    api.invoke('catalog:list', { includeInactive: true }).then((all) => setCourses(all.filter((course) => course.currency === payment.currency)), () => undefined)
  }, [payment.currency])
  useEffect(() => {
    let current = true
    api.invoke('customers:search', { query, limit: 10 }).then((found) => current && setMatches(found), () => undefined)
    return () => {
      current = false
    }
  }, [query])

  async function act(kind: 'assign' | 'dismiss') {
    setBusy(kind)
    setError(null)
    try {
      const done = await managerCall((managerToken: string) =>
        kind === 'dismiss'
          ? api.invoke('external:dismiss', { externalId: payment.id, reason, managerToken })
          : api.invoke('external:assign', {
              externalId: payment.id,
              ...(accountId === 'new' ? { newCustomer: { name: newName, ...(payment.email ? {} : { email: query }) } } : { accountId }),
              courseIds: mapping.map(Number),
              managerToken,
            }),
      )
      if (done) {
        toasts.success(kind === 'dismiss' ? 'Payment dismissed' : `Recorded as order #${done.orderId}`)
        onChanged()
      }
    } catch (failure) {
      setError((failure as Error).message)
    } finally {
      setBusy(null)
    }
  }

  const unmapped = mapping.some((courseId) => courseId === '')
  return (
    <div className="stack place-external">
      <div className="row place-external-customer">
        <TextField label="Find customer" value={query} onChange={(event) => setQuery(event.target.value)} />
        <SelectField label="Customer" value={accountId} onChange={(event) => setAccountId(event.target.value === 'new' ? 'new' : Number(event.target.value))}>
          <option value="new">New customer{payment.email ? ` (${payment.email})` : ''}</option>
          {matches.map((account) => (
            <option key={account.id} value={account.id}>
              {account.name} · {account.email}
            </option>
          ))}
        </SelectField>
        {accountId === 'new' && <TextField label="New customer's name" value={newName} onChange={(event) => setNewName(event.target.value)} />}
      </div>
      {payment.lines.map((line, index) => (
        <SelectField
          key={index}
          label={`Course for “${line.description}”`}
          value={mapping[index]}
          onChange={(event) => setMapping((previous) => previous.map((value, at) => (at === index ? (event.target.value === '' ? '' : Number(event.target.value)) : value)))}
        >
          <option value="">Choose a course…</option>
          {courses.map((course) => (
            <option key={course.id} value={course.id}>
              {course.title} ({formatMoney(course.priceAmount, course.currency)})
            </option>
          ))}
        </SelectField>
      ))}
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <Button variant="primary" busy={busy === 'assign'} disabled={unmapped || (accountId === 'new' && newName.trim() === '')} onClick={() => void act('assign')}>
          Record as order
        </Button>
      </div>
      <div className="row place-external-dismiss">
        <TextField label="Reason to dismiss" value={reason} onChange={(event) => setReason(event.target.value)} placeholder="e.g. a staff test, refunded in Stripe" />
        <Button variant="ghost" busy={busy === 'dismiss'} disabled={reason.trim().length < 3} onClick={() => void act('dismiss')}>
          Dismiss
        </Button>
      </div>
    </div>
  )
}
