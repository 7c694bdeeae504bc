#include "auth/account_claims.h"

#include "core/email_address.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "accounts/account_events.h"
#include "accounts/account_preferences.h"
#include "auth/address_match.h"
#include "auth/claim_messages.h"
#include "auth/credentials.h"
#include "core/json_writer.h"
#include "core/money.h"
#include "core/time.h"
#include "notify/email.h"
#include "notify/letters.h"
#include "notify/text_message.h"
#include "store/utility_settings.h"

namespace rp::auth {
namespace {

using store::Row;
using store::Session;

// A link notice's recipient when it went by letter to the mailing address.
constexpr std::string_view kMailedNotice = "letter:mailing-address";

// The account as a claim needs it.
struct AccountFacts {
  std::int64_t id = 0;
  std::string number;
  std::string holder;
  std::string contact_email;  // lower case; empty when none is on file
  std::string contact_phone;  // 10 digits; empty when none (or no US number) is on file
  std::string language;
  std::string line1, line2, city, state, zip;  // the service address
  std::string mailing_address;                 // lines joined by "\n", as a letter prints it
};

std::string address_lines(const std::string& line1, const std::string& line2,
                          const std::string& city, const std::string& state,
                          const std::string& zip) {
  std::string address = line1;
  if (!line2.empty()) address += "\n" + line2;
  return address + "\n" + city + ", " + state + " " + zip;
}

Result<AccountFacts> account_facts(Session& session, std::int64_t account_id) {
  auto rows = session.query_named("auth/claim_account_facts", {account_id});
  RP_TRY(rows);
  if (rows->empty()) return not_found("account " + std::to_string(account_id) + " does not exist");
  const Row& row = rows->at(0);
  AccountFacts facts{
      .id = row.integer("id"),
      .number = row.text("number"),
      .holder = row.text("customer_name"),
      .contact_email = row.text("contact_email"),
      .contact_phone = accounts::us_phone_digits(row.text("contact_phone")).value_or(""),
      .language = row.text("language"),
      .line1 = row.text("line1"),
      .line2 = row.text("line2"),
      .city = row.text("city"),
      .state = row.text("state"),
      .zip = row.text("zip"),
      .mailing_address =
          address_lines(row.text("mail_line1"), row.text("mail_line2"), row.text("mail_city"),
                        row.text("mail_state"), row.text("mail_zip"))};
  for (char& c : facts.contact_email)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return facts;
}

// "K7QP-M3XD" (about 40 bits), printed in capitals, typed in any case.
std::string new_claim_code() {
  return new_typed_code("ABCDEFGHJKMNPQRSTUVWXYZ23456789");
}

std::string claim_code_digest(std::string_view typed) {
  return typed_code_digest("claim", typed);
}

std::string link_base(const LoginSettings& settings) {
  std::string base = settings.public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base;
}

std::string proof_of(const AccountFacts& facts, const std::string& email,
                     const ClaimRequest& request, const std::vector<Money>& recent_amounts,
                     const std::optional<Money>& bill_amount) {
  if (!facts.contact_email.empty() && facts.contact_email == email) return "contact_email";
  if (bill_amount && !request.account_number.empty()) {
    auto named = AccountNumber::parse(request.account_number);
    const bool same_account = named.ok() && named->digits() == facts.number;
    const bool on_a_bill = std::find(recent_amounts.begin(), recent_amounts.end(), *bill_amount) !=
                           recent_amounts.end();
    if (same_account && on_a_bill) return "bill";
  }
  if (!facts.contact_phone.empty() &&
      accounts::us_phone_digits(request.phone).value_or("") == facts.contact_phone) {
    return "contact_phone";
  }
  return "letter";
}

// Links the claim's account, records the event and emails the notices.
Result<void> link_claim(Session& session, const LoginSettings& settings, std::int64_t claim_id,
                        std::int64_t user_id, std::int64_t account_id, const std::string& proof) {
  const Instant at = now();
  const std::string when = format_instant(at);
  auto changed = session.execute_named("auth/link_claim", {when, claim_id});
  RP_TRY(changed);
  if (*changed != 1) return success();  // linked already
  auto held = session.query_named("auth/holds_account_id", {user_id, account_id});
  RP_TRY(held);
  if (!held->empty()) return success();
  auto user = session.query_named("auth/user_by_id", {user_id});
  RP_TRY(user);
  if (user->empty()) return not_found("login " + std::to_string(user_id) + " does not exist");
  const std::string login_email = user->at(0).text("email");
  auto facts = account_facts(session, account_id);
  RP_TRY(facts);
  RP_TRY(
      session.execute_named("auth/link_account", {user_id, account_id, when, user_id, account_id}));
  JsonWriter details;
  details.begin_object().key("login").string(masked_email(login_email));
  details.key("proof").string(proof).end_object();
  RP_TRY(accounts::record_event(
      session,
      {account_id, "login.linked", "customer:" + std::to_string(user_id),
       "Portal login " + masked_email(login_email) + " linked (" + proof + ")", details.take()}));
  // Who is told: the email on file and every other login holding the account.
  std::vector<std::pair<std::string, std::string>> recipients;  // email, language
  if (!facts->contact_email.empty() && facts->contact_email != login_email) {
    recipients.emplace_back(facts->contact_email, facts->language);
  }
  auto others = session.query_named("auth/other_logins_of_account", {account_id, user_id});
  RP_TRY(others);
  for (const Row& row : *others) {
    const std::string email = row.text("email");
    const bool told = std::any_of(recipients.begin(), recipients.end(),
                                  [&](const auto& recipient) { return recipient.first == email; });
    if (!told && email != login_email) recipients.emplace_back(email, row.text("language"));
  }
  auto utility = store::utility_name(session);
  RP_TRY(utility);
  const std::string last_four = facts->number.substr(facts->number.size() - 4);
  for (const auto& [email, language] : recipients) {
    const std::string token = new_secret_token();
    RP_TRY(session.execute_named(
        "auth/insert_link_notice",
        {user_id, account_id, email, token_digest(token), format_instant(at + kDisownLinkLife)}));
    auto queued = notify::queue_email(
        session, link_notice_email(language, email, *utility, last_four, masked_email(login_email),
                                   link_base(settings) + "/not-me?token=" + token));
    RP_TRY(queued);
  }
  // No email on file and no other login, and the holder's own email did not prove it: a letter to
  // the mailing address, where the bills go, with the same way to undo it.
  if (recipients.empty() && login_email != facts->contact_email) {
    const std::string token = new_secret_token();
    RP_TRY(session.execute_named("auth/insert_link_notice",
                                 {user_id, account_id, std::string(kMailedNotice),
                                  token_digest(token), format_instant(at + kDisownLinkLife)}));
    RP_TRY(notify::queue_letter(
        session,
        {0, account_id, "account-link-notice", facts->holder, facts->mailing_address,
         facts->language,
         link_notice_letter(facts->language, *utility, last_four, masked_email(login_email),
                            link_base(settings) + "/not-me?token=" + token),
         ""}));
  }
  return success();
}

// Queues the letter with a new code for a letter claim.
Result<void> mail_claim_code(Session& session, std::int64_t claim_id, std::int64_t account_id) {
  auto facts = account_facts(session, account_id);
  RP_TRY(facts);
  const std::string code = new_claim_code();
  const Instant at = now();
  const std::string expires = format_instant(at + kClaimCodeLife);
  RP_TRY(
      session.execute_named("auth/set_claim_code", {claim_code_digest(code), expires, claim_id}));
  const std::string address =
      address_lines(facts->line1, facts->line2, facts->city, facts->state, facts->zip);
  const std::string expires_on = expires.substr(0, 10);
  auto utility = store::utility_name(session);
  RP_TRY(utility);
  auto queued = notify::queue_letter(
      session, {0, account_id, "account-link-code", facts->holder, address, facts->language,
                claim_code_letter(facts->language, *utility, code, expires_on), ""});
  RP_TRY(queued);
  return success();
}

// Texts the phone on file a one-time link that proves a phone claim.
Result<void> text_claim_link(Session& session, const LoginSettings& settings, std::int64_t claim_id,
                             std::int64_t user_id, std::int64_t account_id) {
  auto facts = account_facts(session, account_id);
  RP_TRY(facts);
  if (facts->contact_phone.empty()) return success();  // the phone was removed since
  auto user = session.query_named("auth/user_by_id", {user_id});
  RP_TRY(user);
  if (user->empty()) return not_found("login " + std::to_string(user_id) + " does not exist");
  const std::string token = new_secret_token();
  const std::string expires = format_instant(now() + kClaimTextLinkLife);
  RP_TRY(session.execute_named("auth/set_claim_code", {token_digest(token), expires, claim_id}));
  auto utility = store::utility_name(session);
  RP_TRY(utility);
  auto queued = notify::queue_text(
      session,
      {"+1" + facts->contact_phone,
       claim_link_text(facts->language, *utility, facts->number.substr(facts->number.size() - 4),
                       masked_email(user->at(0).text("email")),
                       link_base(settings) + "/claim-by-text?token=" + token)});
  RP_TRY(queued);
  return success();
}

}  // namespace

Result<std::vector<std::int64_t>> match_claimable_accounts(Session& session,
                                                           const ClaimRequest& request) {
  std::optional<AccountNumber> number;
  if (!request.account_number.empty()) {
    auto parsed = AccountNumber::parse(request.account_number);
    RP_TRY(parsed);
    number = *parsed;
  }
  auto zip_five = zip5(request.zip);
  if (!zip_five) {
    return invalid_input("zip", "the ZIP code must be 5 digits (or ZIP+4)").coded("zip-invalid");
  }
  if (!request.phone.empty() && !accounts::us_phone_digits(request.phone)) {
    return invalid_input("phone", "'" + request.phone +
                                      "' is not a US phone number (10 digits, e.g. 541-555-0134)")
        .coded("phone-invalid");
  }
  if (normalize_street(request.street).empty()) {
    return invalid_input("street", "enter the street address where you have service")
        .coded("street-required");
  }
  auto rows = session.query_named("auth/accounts_at_zip", {*zip_five});
  RP_TRY(rows);
  std::vector<std::int64_t> found;
  for (const Row& row : *rows) {
    if (!same_street(request.street, row.text("line1"), row.text("line2"))) continue;
    const bool named = number && row.text("number") == number->digits();
    const bool current = row.integer("current_service") == 1 && row.text("status") != "closed";
    if (number ? named : current) found.push_back(row.integer("id"));
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  if (found.empty()) {
    return invalid_input(
               "address",
               number ? "that account number has no service at that street address and ZIP; "
                        "check all three as they appear on your bill"
                      : "we found no account with service at that street address and ZIP; "
                        "check the house number, street, unit (Apt, Unit, #) and ZIP as they "
                        "appear on your bill, or add your account number")
        .coded(number ? "address-not-at-account" : "address-not-found");
  }
  return found;
}

Result<void> record_claims(Session& session, const LoginSettings& settings, std::int64_t user_id,
                           const std::string& email, const std::vector<std::int64_t>& accounts,
                           const ClaimRequest& request) {
  std::optional<Money> bill_amount;
  if (!request.bill_amount.empty()) {
    std::string text = request.bill_amount;
    if (text.front() == '$') text.erase(text.begin());
    auto parsed = Money::parse(text, "bill_amount");
    if (!parsed.ok()) {
      return invalid_input("bill_amount",
                           "enter the amount due from one of your last two bills, like 84.50")
          .coded("bill-amount-invalid");
    }
    bill_amount = *parsed;
  }
  const std::string at = format_instant(now());
  for (std::int64_t account_id : accounts) {
    auto held = session.query_named("auth/holds_account_id", {user_id, account_id});
    RP_TRY(held);
    if (!held->empty()) continue;  // the login holds it already
    auto facts = account_facts(session, account_id);
    RP_TRY(facts);
    std::vector<Money> recent;
    if (bill_amount && settings.recent_amounts_due) {
      auto number = AccountNumber::parse(facts->number);
      RP_TRY(number);
      auto amounts = settings.recent_amounts_due(session, *number, 2);
      RP_TRY(amounts);
      recent = *amounts;
    }
    const std::string proof = proof_of(*facts, email, request, recent, bill_amount);
    RP_TRY(session.query_named("auth/insert_claim", {user_id, account_id, proof, at}));
  }
  return success();
}

Result<void> settle_claims(Session& session, const LoginSettings& settings, std::int64_t user_id) {
  auto open = session.query_named("auth/open_claims_of_user", {user_id});
  RP_TRY(open);
  for (const Row& row : *open) {
    const std::int64_t claim_id = row.integer("id");
    const std::int64_t account_id = row.integer("account_id");
    const std::string proof = row.text("proof");
    if (proof == "letter") {
      if (row.text("code_hash").empty()) RP_TRY(mail_claim_code(session, claim_id, account_id));
      continue;
    }
    if (proof == "contact_phone") {
      if (row.text("code_hash").empty()) {
        RP_TRY(text_claim_link(session, settings, claim_id, user_id, account_id));
      }
      continue;
    }
    RP_TRY(link_claim(session, settings, claim_id, user_id, account_id, proof));
  }
  return success();
}

Result<std::vector<PendingAccount>> pending_accounts(Session& session, std::int64_t user_id) {
  auto open = session.query_named("auth/open_claims_of_user", {user_id});
  RP_TRY(open);
  std::vector<PendingAccount> pending;
  const std::string at = format_instant(now());
  for (const Row& row : *open) {
    const std::string proof = row.text("proof");
    if (proof != "letter" && proof != "contact_phone") continue;
    const std::string expires = row.text("expires_at");
    if (!expires.empty() && expires <= at) continue;
    if (proof == "letter" && row.integer("wrong_codes") >= kClaimCodeTries) continue;
    const std::string street = row.text("street");
    const bool listed = std::any_of(pending.begin(), pending.end(),
                                    [&](const PendingAccount& p) { return p.street == street; });
    if (listed) continue;
    if (proof == "letter") {
      pending.push_back({street, expires, "letter", ""});
    } else {
      auto facts = account_facts(session, row.integer("account_id"));
      RP_TRY(facts);
      const std::string& phone = facts->contact_phone;
      pending.push_back(
          {street, expires, "text", phone.size() >= 2 ? phone.substr(phone.size() - 2) : ""});
    }
  }
  return pending;
}

Result<Me> claim_with_code(store::Database& database, const LoginSettings& settings,
                           std::int64_t user_id, const std::string& code) {
  enum class Outcome { linked, wrong, expired };
  auto outcome = database.write<Outcome>([&](Session& session) -> Result<Outcome> {
    auto open = session.query_named("auth/open_claims_of_user", {user_id});
    RP_TRY(open);
    const std::string digest = claim_code_digest(code);
    const std::string at = format_instant(now());
    for (const Row& row : *open) {
      if (row.text("proof") != "letter" || row.text("code_hash").empty() ||
          row.integer("wrong_codes") >= kClaimCodeTries) {
        continue;
      }
      // Digests: comparing them tells nothing of codes.
      if (row.text("code_hash") != digest) continue;
      if (row.text("expires_at") <= at) return Outcome::expired;
      RP_TRY(link_claim(session, settings, row.integer("id"), user_id, row.integer("account_id"),
                        "letter"));
      return Outcome::linked;
    }
    for (const Row& row : *open) {
      if (row.text("proof") == "letter") {
        RP_TRY(session.execute_named("auth/count_wrong_claim_code", {row.integer("id")}));
      }
    }
    return Outcome::wrong;
  });
  RP_TRY(outcome);
  if (*outcome == Outcome::wrong) {
    return invalid_input("code",
                         "that code does not match the letter we mailed; check it, or add the "
                         "account again to have a new letter mailed")
        .coded("claim-code-wrong");
  }
  if (*outcome == Outcome::expired) {
    Error expired = conflict(
                        "that code has expired; add the account again to have a new letter "
                        "mailed")
                        .coded("claim-code-expired");
    expired.field = "code";
    return expired;
  }
  return load_me(database, user_id);
}

Result<TextClaimLinked> claim_by_text(store::Database& database, const LoginSettings& settings,
                                      const std::string& token) {
  return database.write<TextClaimLinked>([&](Session& session) -> Result<TextClaimLinked> {
    Error gone = conflict("this link has expired or was already used").coded("link-expired");
    gone.field = "token";
    if (token.empty()) return gone;
    auto rows = session.query_named("auth/phone_claim_by_code", {token_digest(token)});
    RP_TRY(rows);
    if (rows->empty() || !rows->at(0).is_null("linked_at")) return gone;
    const Row& claim = rows->at(0);
    if (claim.text("expires_at") <= format_instant(now())) return gone;
    RP_TRY(link_claim(session, settings, claim.integer("id"), claim.integer("user_id"),
                      claim.integer("account_id"), "contact_phone"));
    const std::string number = claim.text("number");
    return TextClaimLinked{number.substr(number.size() - 4),
                           masked_email(claim.text("login_email"))};
  });
}

Result<void> disown_link(store::Database& database, const std::string& token) {
  return database.write_work([&](Session& session) -> Result<void> {
    Error gone = conflict("this link has expired or was already used").coded("link-expired");
    gone.field = "token";
    auto rows = session.query_named("auth/link_notice_by_hash", {token_digest(token)});
    RP_TRY(rows);
    if (rows->empty() || !rows->at(0).is_null("used_at")) return gone;
    const Row& notice = rows->at(0);
    auto expires = parse_instant(notice.text("expires_at"), "expires_at");
    RP_TRY(expires);
    if (*expires <= now()) return gone;
    const std::string at = format_instant(now());
    auto used = session.execute_named("auth/use_link_notice", {at, notice.integer("id")});
    RP_TRY(used);
    if (*used != 1) return gone;
    const std::int64_t user_id = notice.integer("user_id");
    const std::int64_t account_id = notice.integer("account_id");
    RP_TRY(session.execute_named("auth/unlink_account", {user_id, account_id}));
    RP_TRY(session.execute_named("auth/end_sessions_of_user", {at, user_id}));
    RP_TRY(accounts::record_event(
        session,
        {account_id, "login.disowned",
         notice.text("sent_to") == kMailedNotice ? std::string(kMailedNotice)
                                                 : "email:" + notice.text("sent_to"),
         "A portal login was removed from the account: its holder said it was not them", "{}"}));
    return success();
  });
}

}  // namespace rp::auth
