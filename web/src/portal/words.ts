// Names of things the API sends as codes (commodity, payment status), in the customer's words.
import type { MessageKey, Translate } from "./i18n/translate.ts";

const COMMODITIES: Record<string, MessageKey> = {
  electric: "commodityElectric",
  water: "commodityWater",
  gas: "commodityGas",
  sewer: "commoditySewer",
};

/** "electric" -> "Electricity" / "Electricidad"; an unknown code is shown as sent. */
export function commodityName(commodity: string, t: Translate): string {
  const key = COMMODITIES[commodity];
  return key ? t(key) : commodity;
}

const PAYMENT_STATUSES: Record<string, MessageKey> = {
  pending: "paymentPending",
  posted: "paymentPosted",
  failed: "paymentFailed",
  returned: "paymentReturned",
  refunded: "paymentRefunded",
  voided: "paymentVoided",
};

export function paymentStatusName(status: string, t: Translate): string {
  const key = PAYMENT_STATUSES[status];
  return key ? t(key) : status;
}

const METHODS: Record<string, MessageKey> = {
  card: "methodCard",
  bank: "methodBank",
  cash: "methodCash",
  check: "methodCheck",
};

export function paymentMethodName(method: string, t: Translate): string {
  const key = METHODS[method];
  return key ? t(key) : method;
}
