import { useSyncExternalStore } from 'react'
import { connectionState, onConnectionChange } from '../api/connection'

/** Shown while the till's host does not answer; it goes away by itself when the host is back. */
export function OfflineBanner() {
  const state = useSyncExternalStore(onConnectionChange, connectionState)
  return (
    <div className="offline-banner" role="status" aria-live="polite" hidden={state === 'online'}>
      {state === 'offline' && (
        <>
          <strong>CourseTill is not answering.</strong> Nothing is lost: this screen reconnects by itself as soon as it is back.
        </>
      )}
    </div>
  )
}
