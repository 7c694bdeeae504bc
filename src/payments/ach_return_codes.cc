#include "payments/ach_return_codes.h"

#include <array>

namespace rp::payments {
namespace {

constexpr std::array<AchReturnReason, 24> kReasons{{
    {"R01", "insufficient funds", false},
    {"R02", "the account is closed", true},
    {"R03", "no account, or the account could not be found", true},
    {"R04", "the account number is not valid", true},
    {"R05", "an unauthorized debit to a consumer account", true},
    {"R06", "returned at the originating bank's request", false},
    {"R07", "the customer revoked the authorization", true},
    {"R08", "the customer stopped this payment", false},
    {"R09", "uncollected funds", false},
    {"R10", "the customer says the debit was not authorized", true},
    {"R11", "the debit does not match the customer's authorization", false},
    {"R12", "the account was sold to another bank", true},
    {"R13", "the routing number is not valid", true},
    {"R14", "the account holder has died (representative payee)", true},
    {"R15", "the account holder has died", true},
    {"R16", "the account is frozen", true},
    {"R17", "the entry could not be processed", false},
    {"R20", "the account does not allow debits", true},
    {"R23", "the customer refused the debit", false},
    {"R24", "a duplicate entry", false},
    {"R29", "the company did not authorize the debit", true},
    {"R31", "a permissible return (the bank agreed)", false},
    {"R33", "a return of an XCK entry", false},
    {"R37", "the source document was presented for payment", false},
}};

}  // namespace

Result<AchReturnReason> ach_return_reason(std::string_view code) {
  for (const AchReturnReason& reason : kReasons) {
    if (reason.code == code) return reason;
  }
  return invalid_input("return_code",
                       "'" + std::string(code.substr(0, 8)) +
                           "' is not an ACH return reason code for a debit (R01 insufficient "
                           "funds, R02 account closed, R03 no account, ...; docs/payments.md "
                           "lists them)");
}

}  // namespace rp::payments
