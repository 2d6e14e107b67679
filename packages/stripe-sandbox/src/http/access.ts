// Who may talk to this sandbox. It listens on loopback, but every web page the machine's browser opens can
// reach loopback too: a page can guess the port, rebind its own DNS name to 127.0.0.1, or post a form. So a
// request must name this sandbox in `Host` (no rebinding), come from no browser page or an allowed one
// (`Origin`), and, for the API, carry one of the account's keys (checked in auth.ts).

export interface AccessPolicy {
  /** `Host` is 127.0.0.1:<port>, localhost:<port> or the public URL's host. */
  hostAllowed(host: string | undefined): boolean
  /** No `Origin` (not a browser page), this sandbox's own pages, or an allowed origin. */
  originAllowed(origin: string | undefined): boolean
  /** Cross-origin callers that get CORS headers: the allowed origins only (own pages are same-origin). */
  corsAllowed(origin: string | undefined): boolean
}

export interface AccessOptions {
  port: () => number
  publicUrl?: string
  allowedOrigins?: readonly string[] | (() => readonly string[])
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase()
  } catch {
    return undefined
  }
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin
  } catch {
    return undefined
  }
}

export function createAccessPolicy(options: AccessOptions): AccessPolicy {
  const listed = () => (typeof options.allowedOrigins === 'function' ? options.allowedOrigins() : (options.allowedOrigins ?? []))
  const ownHosts = () => {
    const port = options.port()
    const hosts = [`127.0.0.1:${port}`, `localhost:${port}`]
    const publicHost = options.publicUrl ? hostOf(options.publicUrl) : undefined
    return publicHost ? [...hosts, publicHost] : hosts
  }
  const ownOrigins = () => {
    const origins = ownHosts().map((host) => `http://${host}`)
    const publicOrigin = options.publicUrl ? originOf(options.publicUrl) : undefined
    return publicOrigin ? [...origins, publicOrigin] : origins
  }
  // Exact string comparison: "null" (sandboxed frames, file://) and look-alikes never match.
  const corsAllowed = (origin: string | undefined) => origin !== undefined && listed().includes(origin)
  return {
    hostAllowed: (host) => host !== undefined && ownHosts().includes(host.toLowerCase()),
    originAllowed: (origin) => origin === undefined || ownOrigins().includes(origin) || corsAllowed(origin),
    corsAllowed,
  }
}
