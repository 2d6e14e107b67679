import { useState, type FormEvent } from 'react'
import type { OrderSort } from '@shared/history'
import { jumpToDate } from '@shared/order-jump'
import { Button } from '../../../ui/Button'
import type { FilterForm } from './filters-form'

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Go to a date: the date range and sort of jumpToDate, the form's other filters kept. */
export function jumpTo(date: string, form: FilterForm, sort: OrderSort): { form: FilterForm; sort: OrderSort } {
  const jump = jumpToDate(date, sort)
  return { form: { ...form, from: jump.from, to: jump.to }, sort: jump.sort }
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
