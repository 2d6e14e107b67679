// Going live: settings, Stripe keys, the tunnel, the webhook endpoint and logs (owned by the live area).
export const liveChannels = {} as const
