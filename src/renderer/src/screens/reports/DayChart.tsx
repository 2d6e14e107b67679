import { niceScale, type CurrencyRevenue } from '@shared/insight'
import { formatMoney } from '@shared/money'
import { dayChartSummary, dayLabel, longDayLabel } from './report-format'

const WIDTH = 960
const HEIGHT = 260
const PAD = { left: 96, right: 12, top: 12, bottom: 30 }

/** Gross up, refunds down from the zero line, net as a mark on each day: one currency only. */
export function DayChart({ revenue, from, to }: { revenue: CurrencyRevenue; from: string; to: string }) {
  const money = (amount: number) => formatMoney(amount, revenue.currency)
  const days = revenue.days
  const scale = niceScale(Math.max(...days.map((d) => d.gross)), Math.max(...days.map((d) => d.refunds)))
  const plotWidth = WIDTH - PAD.left - PAD.right
  const plotHeight = HEIGHT - PAD.top - PAD.bottom
  const y = (value: number) => PAD.top + ((scale.max - value) / (scale.max - scale.min)) * plotHeight
  const band = plotWidth / days.length
  const barWidth = Math.max(1, Math.min(28, band * 0.7))
  const labelEvery = Math.ceil(days.length / Math.floor(plotWidth / 64))
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={dayChartSummary(revenue, from, to)}>
      {scale.ticks.map((tick) => (
        <g key={tick} className={tick === 0 ? 'chart-zero' : 'chart-grid'}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
          <text x={PAD.left - 8} y={y(tick)} dy="0.32em" textAnchor="end" className="chart-tick">
            {tick < 0 ? `−${money(-tick)}` : money(tick)}
          </text>
        </g>
      ))}
      {days.map((day, index) => {
        const centre = PAD.left + band * index + band / 2
        const x = centre - barWidth / 2
        return (
          <g key={day.day} className="chart-day">
            <title>{`${longDayLabel(day.day)}: gross ${money(day.gross)}, refunds ${money(day.refunds)}, net ${money(day.net)}`}</title>
            <rect x={PAD.left + band * index} y={PAD.top} width={band} height={plotHeight} className="chart-hit" />
            {day.gross > 0 && <rect x={x} y={y(day.gross)} width={barWidth} height={y(0) - y(day.gross)} className="bar-gross" rx={1.5} />}
            {day.refunds > 0 && <rect x={x} y={y(0)} width={barWidth} height={y(-day.refunds) - y(0)} className="bar-refund" rx={1.5} />}
            {(day.gross > 0 || day.refunds > 0) && <line x1={x - 3} x2={x + barWidth + 3} y1={y(day.net)} y2={y(day.net)} className="mark-net" />}
            {index % labelEvery === 0 && (
              <text x={centre} y={HEIGHT - 10} textAnchor="middle" className="chart-tick">
                {dayLabel(day.day)}
              </text>
            )}
          </g>
        )
      })}
    </svg>
  )
}

export function ChartLegend() {
  return (
    <ul className="chart-legend" aria-hidden="true">
      <li>
        <span className="swatch swatch-gross" /> Gross
      </li>
      <li>
        <span className="swatch swatch-refund" /> Refunds
      </li>
      <li>
        <span className="swatch swatch-net" /> Net
      </li>
    </ul>
  )
}
