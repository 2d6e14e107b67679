import { openDatabase, type Db } from '../src/main/core/store/db'

// One read timed the way the history benches report it: cold = the first call on a fresh connection (empty SQLite
// page cache; the OS cache may hold the file), warm = the median of the next `runs` calls.
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1).padStart(8)} ms`
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** `run` returns how many of `unit` it read (printed beside the times). */
export function timeRead(file: string, runs: number, label: string, run: (db: Db) => number, labelWidth = 40, unit = 'rows') {
  const db = openDatabase(file)
  let started = performance.now()
  const rows = run(db)
  const cold = performance.now() - started
  const warm: number[] = []
  for (let i = 0; i < runs; i++) {
    started = performance.now()
    run(db)
    warm.push(performance.now() - started)
  }
  db.close()
  console.log(`  ${label.padEnd(labelWidth)} cold ${ms(cold)}   warm median ${ms(median(warm))}   ${rows.toLocaleString('en').padStart(9)} ${unit}`)
}

export { ms }
