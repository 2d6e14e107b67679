import { useState, type FormEvent } from 'react'
import type { OrderSort } from '@shared/history'
import { Button } from '../../../ui/Button'
import type { FilterForm } from './filters-form'

const DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * The list as it would be scrolled to a day: sorted by date, it starts at that day's orders — newest first it
 * shows that day and older ones (To = the day), oldest first that day and newer ones (From = the day). The other
 * filters stay; the date fields show what happened, and clearing them goes back to all dates.
 */
export function jumpTo(date: string, form: FilterForm, sort: OrderSort): { form: FilterForm; sort: OrderSort } {
  const byDate: OrderSort = sort.key === 'created' ? sort : { key: 'created', direction: 'desc' }
  return byDate.direction === 'desc' ? { form: { ...form, from: '', to: date }, sort: byDate } : { form: { ...form, from: date, to: '' }, sort: byDate }
}

export function JumpToDate({ onJump }: { onJump: (date: string) => void }) {
  const [date, setDate] = useState('')
  function submit(event: FormEvent) {
    event.preventDefault()
    if (DATE.test(date)) onJump(date)
  }
  return (
    <form className="orders-jump" onSubmit={submit} aria-label="Jump to a date">
      <input type="date" className="input input-sm" aria-label="Jump to date" value={date} onChange={(e) => setDate(e.target.value)} />
      <Button size="sm" type="submit" disabled={!DATE.test(date)}>
        Go to date
      </Button>
    </form>
  )
}
