// `npm test`: every check in order, then one closing line "N passed, N failed" counting Vitest and Playwright tests.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

// Not under test-results/: Playwright empties its output folder when it starts.
const RESULTS = 'reports'
const VITEST_JSON = `${RESULTS}/vitest.json`
const PLAYWRIGHT_JSON = `${RESULTS}/playwright.json`

function step(name: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.status !== 0) console.error(`✖ ${name} failed (exit ${result.status ?? result.signal})`)
  return result.status === 0
}

interface Counts {
  passed: number
  failed: number
  skipped: number
}

function vitestCounts(): Counts {
  if (!existsSync(VITEST_JSON)) return { passed: 0, failed: 0, skipped: 0 }
  const report = JSON.parse(readFileSync(VITEST_JSON, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests }
}

function playwrightCounts(): Counts {
  if (!existsSync(PLAYWRIGHT_JSON)) return { passed: 0, failed: 0, skipped: 0 }
  const report = JSON.parse(readFileSync(PLAYWRIGHT_JSON, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected, skipped: report.stats.skipped }
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
rmSync(RESULTS, { recursive: true, force: true })
mkdirSync(RESULTS, { recursive: true })

const ok =
  step('typecheck', npx, ['tsc', '--noEmit', '-p', 'tsconfig.node.json']) &&
  step('typecheck (web)', npx, ['tsc', '--noEmit', '-p', 'tsconfig.web.json']) &&
  step('typecheck (test harness)', npx, ['tsc', '--noEmit', '-p', 'tests/e2e/elements-harness/tsconfig.json']) &&
  step('lint', npx, ['eslint', '--max-warnings=0', '.']) &&
  step('build', npx, ['electron-vite', 'build']) &&
  step('unit and integration tests', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_JSON}`]) &&
  step('end-to-end tests', npx, ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_JSON })

const unit = vitestCounts()
const e2e = playwrightCounts()
console.log(`\nvitest: ${unit.passed} passed, ${unit.failed} failed; playwright: ${e2e.passed} passed, ${e2e.failed} failed`)
console.log(`tests: ${unit.passed + e2e.passed} passed, ${unit.failed + e2e.failed} failed, ${unit.skipped + e2e.skipped} skipped`)
process.exit(ok ? 0 : 1)
