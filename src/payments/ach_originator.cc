#include "payments/ach_originator.h"

namespace rp::payments {
namespace {

ChargeResult declined_for(const BankAccount& account) {
  return {ChargeOutcome::declined, "",
          "the bank account could not be verified: " + account.validation_note};
}

ChargeResult approved_for(const BankAccount& account) {
  return {ChargeOutcome::approved, "ach:" + std::to_string(account.id), ""};
}

ChargeResult vault_error(const Error& error) {
  return {ChargeOutcome::processor_error, "", error.message};
}

}  // namespace

Result<AccountValidation> TestBankAccountValidator::validate(const BankAccount& account) {
  if (account.last_four == "0003")
    return AccountValidation{false, "no account with this number at the bank"};
  if (account.last_four == "0004") return AccountValidation{false, "the account is closed"};
  if (account.last_four == "0119") {
    return unavailable("the account validation service did not answer; try again");
  }
  return AccountValidation{true, ""};
}

AchOriginator::AchOriginator(store::Database& database, VaultKey key,
                             BankAccountValidator& validator)
    : database_(database), key_(key), validator_(validator) {}

ChargeResult AchOriginator::charge(const ChargeRequest& request) {
  auto account = database_.read<BankAccount>(
      [&](store::Session& session) { return open_bank_account(session, key_, request.token); });
  if (!account.ok()) return vault_error(account.error());
  if (account->validation == "invalid") return declined_for(*account);
  if (account->validation == "valid") return approved_for(*account);
  auto answer = validator_.validate(*account);
  if (!answer.ok()) {
    return {ChargeOutcome::processor_error, "", answer.error().message};
  }
  auto recorded = database_.write<BankAccount>([&](store::Session& session) -> Result<BankAccount> {
    RP_TRY(record_bank_validation(session, account->id, answer->valid, answer->note));
    return open_bank_account(session, key_, request.token);  // the first answer, if another won
  });
  if (!recorded.ok()) return vault_error(recorded.error());
  return recorded->validation == "valid" ? approved_for(*recorded) : declined_for(*recorded);
}

std::optional<ChargeResult> AchOriginator::lookup(const ChargeRequest& request) {
  auto account = database_.read<BankAccount>(
      [&](store::Session& session) { return open_bank_account(session, key_, request.token); });
  if (!account.ok()) return vault_error(account.error());
  if (account->validation == "valid") return approved_for(*account);
  if (account->validation == "invalid") return declined_for(*account);
  return std::nullopt;  // never validated: the charge never happened
}

Result<TokenInfo> AchOriginator::describe(const std::string& token) {
  auto account = database_.read<BankAccount>(
      [&](store::Session& session) { return open_bank_account(session, key_, token); });
  RP_TRY(account);
  return TokenInfo{"bank", account->label(), account->last_four};
}

Result<void> AchOriginator::void_charge(const ChargeRequest&) {
  return success();
}

PaymentProcessor& ProcessorByToken::of(const std::string& token) {
  return is_bank_token(token) ? banks_ : cards_;
}

ChargeResult ProcessorByToken::charge(const ChargeRequest& request) {
  return of(request.token).charge(request);
}

std::optional<ChargeResult> ProcessorByToken::lookup(const ChargeRequest& request) {
  return of(request.token).lookup(request);
}

Result<TokenInfo> ProcessorByToken::describe(const std::string& token) {
  return of(token).describe(token);
}

Result<void> ProcessorByToken::void_charge(const ChargeRequest& request) {
  return of(request.token).void_charge(request);
}

}  // namespace rp::payments
