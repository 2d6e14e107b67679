import { useEffect, useState, type KeyboardEvent, type RefObject } from 'react'
import type { Course } from '@shared/domain'
import { useQuery } from '../../app/hooks'
import { Money } from '../../ui/Money'
import { EmptyState, Loading } from '../../ui/Panel'

/** Keyboard first: type to search, arrows to move, Enter to add. Mouse works too. */
export function CatalogPicker({ inCart, owned, onAdd, inputRef: search }: { inCart: ReadonlySet<number>; owned: ReadonlySet<number>; onAdd: (course: Course) => boolean; inputRef: RefObject<HTMLInputElement | null> }) {
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const [catalog] = useQuery('catalog:list', { query })
  const courses = catalog.state === 'ready' ? catalog.data : []

  useEffect(() => setActive(0), [query])
  useEffect(() => search.current?.focus(), [search])

  // Cleared after each add, so the next typed name or scanned code starts afresh.
  function add(course: Course) {
    if (onAdd(course)) setQuery('')
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(courses.length - 1, i + 1))
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1))
    else if (event.key === 'Enter' && courses[active]) add(courses[active])
    else return
    event.preventDefault()
  }

  const activeId = courses[active] ? `course-option-${courses[active].id}` : undefined
  return (
    <div className="catalog">
      <input
        ref={search}
        type="search"
        className="input catalog-search"
        placeholder="Search courses — ↑ ↓ to choose, Enter to add"
        aria-label="Search courses"
        role="combobox"
        aria-expanded="true"
        aria-controls="course-options"
        aria-activedescendant={activeId}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {catalog.state === 'loading' && <Loading label="Loading the catalog…" />}
      {catalog.state === 'error' && (
        <p role="alert" className="error">
          The catalog could not be loaded: {catalog.message}
        </p>
      )}
      {catalog.state === 'ready' && courses.length === 0 && <EmptyState title={`No course matches “${query}”`}>Try another word, or a course code.</EmptyState>}
      <ul id="course-options" role="listbox" aria-label="Course catalog" className="course-list">
        {courses.map((course, index) => (
          <li
            key={course.id}
            id={`course-option-${course.id}`}
            role="option"
            aria-selected={index === active}
            className={['course-option', index === active ? 'active' : '', inCart.has(course.id) ? 'in-cart' : ''].join(' ')}
            onMouseEnter={() => setActive(index)}
            onClick={() => add(course)}
          >
            <div className="course-main">
              <span className="course-title">{course.title}</span>
              <span className="course-description">{course.description}</span>
            </div>
            <div className="course-side">
              <Money amount={course.priceAmount} currency={course.currency} className="course-price" />
              <span className="course-code">{inCart.has(course.id) ? 'In cart' : owned.has(course.id) ? 'Already owned' : course.code}</span>
            </div>
          </li>
        ))}
      </ul>
    </div>
  )
}
