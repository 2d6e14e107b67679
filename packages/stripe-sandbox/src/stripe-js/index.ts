// Browser entry: the Stripe.js stand-in, an object to hand to <Elements stripe={...}> that draws the card form in
// the page and calls the sandbox with the publishable key.
export { createSandboxStripe, type SandboxStripeOptions } from './sandbox-stripe'
