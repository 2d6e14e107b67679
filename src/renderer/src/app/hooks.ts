import { useEffect, useRef, useState } from 'react'
import type { LiveEvent } from '@shared/domain'
import type { Channel, ChannelInput, ChannelResult } from '@shared/ipc-contract'
import { onConnectionChange } from '../api/connection'
import { api } from '../api/transport'

/** Subscribes to the main process's live events for as long as the component is mounted. */
export function useLiveEvents(listener: (event: LiveEvent) => void) {
  const latest = useRef(listener)
  latest.current = listener
  useEffect(() => api.onLiveEvent((event) => latest.current(event)), [])
}

export type Query<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'error'; message: string }

/** Calls `listener` each time the host answers again after being gone (to reload what the screen shows). */
export function useReconnect(listener: () => void) {
  const latest = useRef(listener)
  latest.current = listener
  useEffect(() => onConnectionChange((state) => state === 'online' && latest.current()), [])
}

/** Calls a channel whenever its input changes (compared as JSON), on `reload()` and when the host is back. */
export function useQuery<C extends Channel>(channel: C, input: ChannelInput<C>): [Query<ChannelResult<C>>, () => void] {
  const [query, setQuery] = useState<Query<ChannelResult<C>>>({ state: 'loading' })
  const [generation, setGeneration] = useState(0)
  const key = JSON.stringify(input)
  useReconnect(() => setGeneration((g) => g + 1))
  useEffect(() => {
    let current = true
    api.invoke(channel, JSON.parse(key) as ChannelInput<C>).then(
      (data) => current && setQuery({ state: 'ready', data }),
      (error: Error) => current && setQuery({ state: 'error', message: error.message }),
    )
    return () => {
      current = false
    }
  }, [channel, key, generation])
  return [query, () => setGeneration((g) => g + 1)]
}
