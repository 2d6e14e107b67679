import { niceScale, type CurrencyRevenue } from '@shared/insight'
import { formatMoney } from '@shared/money'
import { courseChartSummary, shorten } from './report-format'

const WIDTH = 960
const ROW = 30
const LABEL = 230
const VALUE = 250
const SHOWN = 12

/** One row per course, largest net first: the gross bar, with the net part of it solid. */
export function CourseChart({ revenue }: { revenue: CurrencyRevenue }) {
  const money = (amount: number) => formatMoney(amount, revenue.currency)
  const courses = revenue.courses.slice(0, SHOWN)
  const scale = niceScale(Math.max(...courses.map((c) => c.gross)))
  const plot = WIDTH - LABEL - VALUE
  const width = (amount: number) => (Math.max(0, amount) / scale.max) * plot
  const height = courses.length * ROW + 8
  return (
    <>
      <svg className="chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={courseChartSummary(revenue)}>
        {courses.map((course, index) => {
          const top = 4 + index * ROW
          return (
            <g key={course.code}>
              <title>{`${course.title}: gross ${money(course.gross)}, refunds ${money(course.refunds)}, net ${money(course.net)}`}</title>
              <text x={LABEL - 10} y={top + ROW / 2} dy="0.32em" textAnchor="end" className="chart-label">
                {shorten(course.title, 30)}
              </text>
              <rect x={LABEL} y={top + 5} width={width(course.gross)} height={ROW - 10} className="bar-gross-soft" rx={2} />
              <rect x={LABEL} y={top + 5} width={width(course.net)} height={ROW - 10} className="bar-gross" rx={2} />
              <text x={LABEL + width(course.gross) + 8} y={top + ROW / 2} dy="0.32em" className={course.net < 0 ? 'chart-value negative' : 'chart-value'}>
                {money(course.net)}
                {course.refunds > 0 && <tspan className="chart-tick">{`  of ${money(course.gross)}`}</tspan>}
              </text>
            </g>
          )
        })}
      </svg>
      {revenue.courses.length > SHOWN && <p className="muted small">And {revenue.courses.length - SHOWN} more courses: show the table to see them all.</p>}
    </>
  )
}
