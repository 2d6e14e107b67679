import { useEffect, useState } from 'react'
import type { Course } from '@shared/domain'
import { formatMoney } from '@shared/money'
import { api } from '../api/transport'

type Load = { state: 'loading' } | { state: 'ready'; courses: Course[] } | { state: 'error'; message: string }

export function CatalogScreen() {
  const [query, setQuery] = useState('')
  const [load, setLoad] = useState<Load>({ state: 'loading' })

  useEffect(() => {
    let current = true
    api.invoke('catalog:list', { query }).then(
      (courses) => current && setLoad({ state: 'ready', courses }),
      (error: Error) => current && setLoad({ state: 'error', message: error.message }),
    )
    return () => {
      current = false
    }
  }, [query])

  return (
    <section aria-labelledby="catalog-title" className="panel">
      <div className="panel-head">
        <h1 id="catalog-title">Courses</h1>
        <input
          type="search"
          className="input"
          placeholder="Search courses"
          aria-label="Search courses"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      {load.state === 'loading' && <p className="muted">Loading the catalog…</p>}
      {load.state === 'error' && (
        <p role="alert" className="error">
          The catalog could not be loaded: {load.message}
        </p>
      )}
      {load.state === 'ready' && load.courses.length === 0 && <p className="muted">No course matches “{query}”.</p>}
      {load.state === 'ready' && load.courses.length > 0 && (
        <ul className="course-grid" aria-label="Course catalog">
          {load.courses.map((course) => (
            <li key={course.id} className="course-card">
              <div className="course-title">{course.title}</div>
              <div className="course-description">{course.description}</div>
              <div className="course-foot">
                <span className="course-code">{course.code}</span>
                <span className="course-price">{formatMoney(course.priceAmount, course.currency)}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
