#include "payments/payment_state.h"

#include <array>
#include <ostream>
#include <string>

namespace rp::payments {
namespace {

struct StatusName {
  PaymentStatus status;
  std::string_view name;
  std::string_view event;
};

constexpr std::array<StatusName, 7> kStatuses = {{
    {PaymentStatus::pending, "pending", "payment.pending"},
    {PaymentStatus::posted, "posted", "payment.received"},
    {PaymentStatus::failed, "failed", "payment.failed"},
    {PaymentStatus::returned, "returned", "payment.returned"},
    {PaymentStatus::refunded, "refunded", "payment.refunded"},
    {PaymentStatus::voided, "voided", "payment.voided"},
    {PaymentStatus::moved, "moved", "payment.moved"},
}};

const StatusName& entry(PaymentStatus status) {
  for (const StatusName& item : kStatuses) {
    if (item.status == status) return item;
  }
  return kStatuses[0];
}

}  // namespace

std::string_view payment_status_name(PaymentStatus status) {
  return entry(status).name;
}

std::string_view payment_event_kind(PaymentStatus status) {
  return entry(status).event;
}

void PrintTo(PaymentStatus status, std::ostream* out) {
  *out << payment_status_name(status);
}

Result<PaymentStatus> parse_payment_status(std::string_view name) {
  for (const StatusName& item : kStatuses) {
    if (item.name == name) return item.status;
  }
  return invalid_input("status", "'" + std::string(name) + "' is not a payment status");
}

bool may_transition(PaymentStatus from, PaymentStatus to) {
  switch (from) {
    case PaymentStatus::pending:
      return to == PaymentStatus::posted || to == PaymentStatus::failed;
    case PaymentStatus::posted:
      return to == PaymentStatus::returned || to == PaymentStatus::refunded ||
             to == PaymentStatus::voided || to == PaymentStatus::moved;
    case PaymentStatus::failed:
    case PaymentStatus::returned:
    case PaymentStatus::refunded:
    case PaymentStatus::voided:
    case PaymentStatus::moved:
      return false;
  }
  return false;
}

Result<PaymentStatus> transition(PaymentStatus from, PaymentStatus to) {
  if (!may_transition(from, to)) {
    return conflict("a " + std::string(payment_status_name(from)) + " payment cannot become " +
                    std::string(payment_status_name(to)));
  }
  return to;
}

}  // namespace rp::payments
