/** Pays a Checkout Session on the sandbox's hosted page, as the customer's phone would (a form post). */
export async function payOnPage(url: string, card = '4242 4242 4242 4242', email = 'phone@example.com'): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, card_number: card, card_expiry: '12 / 40', card_cvc: '123', postal_code: '10115' }).toString(),
  })
}
