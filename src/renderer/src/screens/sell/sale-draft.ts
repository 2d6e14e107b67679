import { useCallback, useEffect, useState } from 'react'
import type { Account, Course } from '@shared/domain'

/** The sale being rung up: kept in localStorage so it survives visiting Orders, a reload, or a closed tab. */
export interface SaleDraft {
  cart: Course[]
  customer: Account | null
  /** Courses the customer already owns that staff chose to sell again anyway. */
  confirmOwned: number[]
}

export interface ParkedSale extends SaleDraft {
  id: string
  parkedAt: number
}

export const EMPTY_SALE: SaleDraft = { cart: [], customer: null, confirmOwned: [] }
const SALE_KEY = 'coursetill.sale'
const PARKED_KEY = 'coursetill.parked'
const CHANGED = 'coursetill-sale-changed'

function read<T>(key: string, fallback: T, valid: (value: unknown) => boolean): T {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? 'null')
    return valid(value) ? (value as T) : fallback
  } catch {
    // A hand-edited or truncated entry is worth less than a working till: start empty.
    return fallback
  }
}

const isDraft = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && Array.isArray((value as SaleDraft).cart) && Array.isArray((value as SaleDraft).confirmOwned)

function write(key: string, value: unknown) {
  localStorage.setItem(key, JSON.stringify(value))
  window.dispatchEvent(new Event(CHANGED))
}

function useStored<T>(key: string, fallback: T, valid: (value: unknown) => boolean): [T, (next: T) => void] {
  const [value, setValue] = useState<T>(() => read(key, fallback, valid))
  useEffect(() => {
    const refresh = () => setValue(read(key, fallback, valid))
    window.addEventListener(CHANGED, refresh)
    window.addEventListener('storage', refresh)
    return () => {
      window.removeEventListener(CHANGED, refresh)
      window.removeEventListener('storage', refresh)
    }
  }, [key, fallback, valid])
  const save = useCallback((next: T) => write(key, next), [key])
  return [value, save]
}

const isParkedList = (value: unknown) => Array.isArray(value) && value.every(isDraft)
const NO_PARKED: ParkedSale[] = []

export function useSaleDraft() {
  return useStored<SaleDraft>(SALE_KEY, EMPTY_SALE, isDraft)
}

export function useParkedSales() {
  return useStored<ParkedSale[]>(PARKED_KEY, NO_PARKED, isParkedList)
}

export function parkedId(now: number): string {
  return `${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`
}
