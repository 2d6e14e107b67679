import type { Course } from '@shared/domain'
import type { Db } from './store/db'
import { sql } from './store/statements'
import { escapeLike } from './accounts'
import { foldText } from '@shared/fold-text'

const COURSE_COLUMNS =
  'id, code, title, description, price_amount AS priceAmount, currency, active'

type CourseRow = Omit<Course, 'active'> & { active: number }

const toCourse = (row: CourseRow): Course => ({ ...row, active: row.active === 1 })

export function listCourses(db: Db, options: { query?: string; includeInactive?: boolean } = {}): Course[] {
  const needle = foldText(options.query?.trim() ?? '')
  const rows = sql(
    db,
    `SELECT ${COURSE_COLUMNS} FROM course
      WHERE (? OR active = 1)
        AND (? = '' OR fold(title) LIKE ? ESCAPE '\\' OR fold(code) LIKE ? ESCAPE '\\' OR fold(description) LIKE ? ESCAPE '\\')
      ORDER BY title COLLATE NOCASE`,
  ).all(options.includeInactive ? 1 : 0, needle, ...Array(3).fill(`%${escapeLike(needle)}%`)) as CourseRow[]
  return rows.map(toCourse)
}

export function getCourse(db: Db, id: number): Course | undefined {
  const row = sql(db, `SELECT ${COURSE_COLUMNS} FROM course WHERE id = ?`).get(id) as CourseRow | undefined
  return row && toCourse(row)
}
