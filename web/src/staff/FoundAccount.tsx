// The account a typed number names, shown before money is placed on it (a lockbox check applied,
// a payment moved): who it is, where, and its state, so a mistyped number is caught by a person
// and not only by the check digit.
import type { AccountDetail } from "./api";
import { formatMoney } from "../shared/money";
import { codeLabel } from "./labels";

/** "123 Main St, Apt 4, Springfield, OR 97477". */
function addressLine(a: AccountDetail): string {
  const address = a.service_address ?? a.mailing_address;
  return [address.line1, address.line2, address.city, `${address.state} ${address.zip}`].filter(Boolean).join(", ");
}

export function FoundAccount({ account: a }: { account: AccountDetail }) {
  return (
    <dl class="facts found-account" data-testid="found-account">
      <dt>Account</dt>
      <dd><strong>{a.account_number}</strong> ({codeLabel(a.status)})</dd>
      <dt>Customer</dt>
      <dd>{a.customer.name}</dd>
      <dt>Service address</dt>
      <dd>{addressLine(a)}</dd>
      <dt>Balance</dt>
      <dd>{formatMoney(a.balance)}</dd>
    </dl>
  );
}
