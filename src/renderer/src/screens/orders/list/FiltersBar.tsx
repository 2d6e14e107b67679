import { useEffect, useState } from 'react'
import { ORDER_STATUSES, type OrderStatus } from '@shared/domain'
import type { MethodFilter } from '@shared/history'
import { orderStatusLabel } from '@shared/order-rules'
import { useQuery } from '../../../app/hooks'
import { shopDay } from '../../../app/shop-format'
import { Button } from '../../../ui/Button'
import { SelectField, TextField } from '../../../ui/Field'
import { CustomerFilter } from './CustomerFilter'
import { JumpToDate } from './JumpToDate'
import { DATE_PRESETS, EMPTY_FORM, isFiltered, presetRange, type FilterForm } from './filters-form'

/** Every filter of the orders list; the search box waits for a pause in typing before it asks again. */
export function FiltersBar({ form, onChange, onJump, error }: { form: FilterForm; onChange: (form: FilterForm) => void; onJump: (date: string) => void; error: string | null }) {
  const [courses] = useQuery('catalog:list', { includeInactive: true })
  const [text, setText] = useState(form.text)
  const set = (patch: Partial<FilterForm>) => onChange({ ...form, ...patch })

  useEffect(() => setText(form.text), [form.text])
  useEffect(() => {
    if (text === form.text) return
    const timer = setTimeout(() => onChange({ ...form, text }), 250)
    return () => clearTimeout(timer)
  }, [text, form, onChange])

  function toggle(status: OrderStatus) {
    set({ statuses: form.statuses.includes(status) ? form.statuses.filter((s) => s !== status) : [...form.statuses, status] })
  }

  return (
    <div className="orders-filters" role="search" aria-label="Filter orders">
      <div className="orders-filter-fields">
        <TextField label="Search" type="search" className="orders-search" placeholder="#123, pi_…, name, email" value={text} onChange={(e) => setText(e.target.value)} maxLength={200} />
        <CustomerFilter customer={form.customer} onChange={(customer) => set({ customer })} />
        <SelectField label="Course" value={form.courseId ?? ''} onChange={(e) => set({ courseId: e.target.value ? Number(e.target.value) : null })}>
          <option value="">Any course</option>
          {courses.state === 'ready' &&
            courses.data.map((course) => (
              <option key={course.id} value={course.id}>
                {course.title}
                {course.active ? '' : ' (retired)'}
              </option>
            ))}
        </SelectField>
        <SelectField label="Paid by" value={form.method} onChange={(e) => set({ method: e.target.value as MethodFilter | '' })}>
          <option value="">Any method</option>
          <option value="card">Card</option>
          <option value="cash">Cash</option>
          <option value="both">Card and cash</option>
          <option value="credit">Store credit</option>
        </SelectField>
        <TextField label="From" type="date" value={form.from} max={form.to || undefined} onChange={(e) => set({ from: e.target.value })} error={error} />
        <TextField label="To" type="date" value={form.to} min={form.from || undefined} onChange={(e) => set({ to: e.target.value })} />
      </div>
      <div className="orders-status-chips" role="group" aria-label="Status">
        {ORDER_STATUSES.map((status) => (
          <button key={status} type="button" className="orders-chip" aria-pressed={form.statuses.includes(status)} onClick={() => toggle(status)}>
            {orderStatusLabel(status)}
          </button>
        ))}
        <span className="orders-presets" role="group" aria-label="Dates">
          {DATE_PRESETS.map((preset) => {
            const range = presetRange(preset, shopDay())
            const on = form.from === range.from && form.to === range.to
            return (
              <button key={preset} type="button" className="orders-chip" aria-pressed={on} onClick={() => set(on ? { from: '', to: '' } : range)}>
                {preset}
              </button>
            )
          })}
          <JumpToDate onJump={onJump} />
        </span>
        {isFiltered(form) && (
          <Button variant="ghost" size="sm" onClick={() => onChange({ ...EMPTY_FORM, till: form.till })}>
            Clear filters
          </Button>
        )}
      </div>
    </div>
  )
}
