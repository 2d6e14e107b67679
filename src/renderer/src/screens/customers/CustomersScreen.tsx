import { CustomerDetailView } from './CustomerDetailView'
import { CustomerList } from './CustomerList'

/** #/customers: search and page through customers; #/customers/<id>: one customer. */
export function CustomersScreen({ customerId }: { customerId: number | null }) {
  return customerId ? <CustomerDetailView customerId={customerId} /> : <CustomerList />
}
