// Names of things the API sends as codes (commodity, payment status), in the customer's words.
import type { MessageKey, Translate } from "./i18n/translate.ts";

/** Each commodity's name (a heading, a list) and its noun inside a sentence ("more {noun}"). */
const COMMODITIES: Record<string, { name: MessageKey; noun: MessageKey }> = {
  electric: { name: "commodityElectric", noun: "nounElectric" },
  water: { name: "commodityWater", noun: "nounWater" },
  gas: { name: "commodityGas", noun: "nounGas" },
  sewer: { name: "commoditySewer", noun: "nounSewer" },
};

/** "electric" -> "Electricity" / "Electricidad"; an unknown code is shown as sent. */
export function commodityName(commodity: string, t: Translate): string {
  const keys = COMMODITIES[commodity];
  return keys ? t(keys.name) : commodity;
}

/** "electric" -> "electricity" / "electricidad", for inside a sentence; unknown: as sent. */
export function commodityNoun(commodity: string, t: Translate): string {
  const keys = COMMODITIES[commodity];
  return keys ? t(keys.noun) : commodity;
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
