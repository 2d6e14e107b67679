import { useCallback, useEffect, useRef, useState } from 'react'
import type { OrderFilters, OrderListRow, OrderSort } from '@shared/history'
import { api } from '../../../api/transport'

const FIRST_PAGE = 100
const NEXT_PAGES = 200

export interface OrderPages {
  rows: OrderListRow[]
  /** No more pages after the loaded ones. */
  done: boolean
  loading: boolean
  error: string | null
  loadMore(): void
  /** Starts again from the first page (after a change in the store). */
  reload(): void
}

interface State {
  rows: OrderListRow[]
  cursor: string | null
  done: boolean
  loading: boolean
  error: string | null
}

const START: State = { rows: [], cursor: null, done: false, loading: true, error: null }

/** Infinite loading by keyset cursor: pages arrive in order as the grid scrolls toward the end of what it has. */
export function useOrderPages(filters: OrderFilters | null, sort: OrderSort): OrderPages {
  const [state, setState] = useState<State>(START)
  const [generation, setGeneration] = useState(0)
  // Answers to a superseded query (filters changed mid-flight) are dropped, never mixed into the new list.
  const current = useRef(0)
  const key = JSON.stringify({ filters, sort })

  const fetchPage = useCallback(
    (cursor: string | null, ticket: number) => {
      const { filters: wanted, sort: order } = JSON.parse(key) as { filters: OrderFilters | null; sort: OrderSort }
      if (!wanted) return setState({ ...START, loading: false, done: true })
      setState((s) => ({ ...s, loading: true, error: null }))
      api.invoke('orders:list', { filters: wanted, sort: order, limit: cursor ? NEXT_PAGES : FIRST_PAGE, ...(cursor ? { cursor } : {}) }).then(
        (page) => {
          if (ticket !== current.current) return
          setState((s) => ({ rows: cursor ? [...s.rows, ...page.rows] : page.rows, cursor: page.nextCursor, done: page.nextCursor === null, loading: false, error: null }))
        },
        (error: Error) => ticket === current.current && setState((s) => ({ ...s, loading: false, error: error.message })),
      )
    },
    [key],
  )

  useEffect(() => {
    current.current += 1
    setState(START)
    fetchPage(null, current.current)
  }, [fetchPage, generation])

  const loadMore = useCallback(() => {
    if (state.loading || state.done || !state.cursor) return
    fetchPage(state.cursor, current.current)
  }, [fetchPage, state.loading, state.done, state.cursor])

  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  return { rows: state.rows, done: state.done, loading: state.loading, error: state.error, loadMore, reload }
}
