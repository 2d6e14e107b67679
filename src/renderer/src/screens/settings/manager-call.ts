import { AppError } from '@shared/errors'
import { formatDateTime } from '../../app/shop-format'

/** The form field a refusal names (details.field), to show the message next to it. */
export function fieldOf(error: unknown): string | null {
  const field = error instanceof AppError ? error.details?.field : undefined
  return typeof field === 'string' ? field : null
}

export function formatTime(ms: number | null): string {
  return ms === null ? '—' : formatDateTime(ms)
}
