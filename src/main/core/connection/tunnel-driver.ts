// The tunnel behind a small interface: the ngrok library in the app, a fake in tests.

export interface TunnelConnectOptions {
  /** host:port to forward to; always the webhook listener on loopback. */
  addr: string
  authtoken: string
  /** A reserved ngrok domain, so the public URL (and the Stripe endpoint) survives restarts. */
  domain: string | null
}

export interface TunnelConnection {
  /** The public https URL. */
  url: string
  close(): Promise<void>
  /** Called once when the tunnel drops; the owner then reconnects. */
  onDisconnect(listener: (reason: string) => void): void
}

export interface TunnelDriver {
  connect(options: TunnelConnectOptions): Promise<TunnelConnection>
}
