#include "payments/lockbox.h"

#include <sodium.h>

#include "accounts/account_service.h"
#include "billing/document/scan_line.h"
#include "core/idempotency_key.h"
#include "core/time.h"
#include "payments/bank_files/bai2.h"
#include "payments/payment_records.h"

namespace rp::payments {
namespace {

using store::Row;
using store::Session;

std::string sha256_hex(std::string_view text) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()),
                     text.size());
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}

LockboxItem item_of(const Row& row) {
  LockboxItem item;
  item.id = row.integer("id");
  item.line = row.integer("line");
  item.deposited_on = row.text("deposited_on");
  item.amount = Money::from_cents(row.integer("amount_cents"));
  item.bank_reference = row.text("bank_reference");
  item.customer_reference = row.text("customer_reference");
  item.text = row.text("detail_text");
  item.status = row.text("status");
  item.reason = row.text("reason");
  item.account_number = row.text("account_number");
  item.confirmation = row.text("confirmation");
  return item;
}

bool is_credit(const std::string& type_code) {
  return type_code.size() == 3 && type_code >= "100" && type_code <= "399";
}

// A scan line somewhere in `text`: 9 digits, a space, 10 digits, a space, a digit.
std::optional<billing::document::ScanLine> find_scan_line(std::string_view text) {
  constexpr std::size_t kLength = 22;
  for (std::size_t start = 0; start + kLength <= text.size(); ++start) {
    if (start > 0 && std::isdigit(static_cast<unsigned char>(text[start - 1]))) continue;
    auto parsed = billing::document::parse_scan_line(text.substr(start, kLength));
    if (parsed.ok()) return *parsed;
  }
  return std::nullopt;
}

struct Match {
  std::int64_t account_id = 0;
  std::string reason;  // no match: why
};

// The account's id, or 0 when there is none (the item then waits in suspense).
Result<std::int64_t> account_id_of(Session& session, const AccountNumber& account) {
  auto found = accounts::find_account_key(session, account);
  if (!found.ok() && found.error().kind == ErrorKind::not_found) return std::int64_t{0};
  RP_TRY(found);
  return found->id;
}

Result<Match> match_item(Session& session, const bai2::Item& item) {
  for (const std::string* field : {&item.customer_reference, &item.text}) {
    if (auto scan = find_scan_line(*field)) {
      auto id = account_id_of(session, scan->account);
      RP_TRY(id);
      if (*id != 0) return Match{*id, ""};
      return Match{0, "the stub's scan line names account " + scan->account.formatted() +
                          ", which does not exist"};
    }
  }
  if (!item.customer_reference.empty()) {
    auto account = AccountNumber::parse(item.customer_reference);
    if (account.ok()) {
      auto id = account_id_of(session, *account);
      RP_TRY(id);
      if (*id != 0) return Match{*id, ""};
      return Match{0, "no account has number " + account->formatted()};
    }
    return Match{0, "the customer reference '" + item.customer_reference +
                        "' is not an account number and there is no scan line"};
  }
  return Match{0, "the item has no scan line and no account number"};
}

// Posts a lockbox check on the account and returns its payment id.
Result<std::int64_t> post_check(Session& session, std::int64_t account_id, Money amount,
                                const std::string& deposited_on, const std::string& item_key,
                                const std::string& actor) {
  auto confirmation = take_confirmation(session);
  RP_TRY(confirmation);
  const std::string at = format_instant(now());
  auto inserted = session.query_named(
      "payments/insert_lockbox_payment",
      {account_id, *confirmation, amount.cents(), std::string("Check by mail"),
       system_idempotency_key("lockbox", item_key), item_key, deposited_on, at, at, actor});
  RP_TRY(inserted);
  const std::int64_t id = inserted->at(0).integer("id");
  auto stored = find_payment(session, "payments/payment_by_id", {id});
  RP_TRY(stored);
  RP_TRY(apply_outcome(session, **stored, {ChargeOutcome::approved, "lockbox", ""}, actor));
  return id;
}

Result<std::vector<LockboxItem>> items_of_import(Session& session, std::int64_t import_id) {
  auto rows = session.query_named("payments/lockbox_items_of_import", {import_id});
  RP_TRY(rows);
  std::vector<LockboxItem> items;
  for (const Row& row : *rows) items.push_back(item_of(row));
  return items;
}

Result<LockboxImport> import_in(Session& session, const bai2::File& file, const std::string& hash,
                                const std::string& actor) {
  LockboxImport report;
  auto earlier = session.query_named("payments/lockbox_import_by_hash", {hash});
  RP_TRY(earlier);
  if (!earlier->empty()) {
    report.import_id = earlier->at(0).integer("id");
    report.already_imported = true;
    auto items = items_of_import(session, report.import_id);
    RP_TRY(items);
    report.items = std::move(*items);
    return report;
  }
  const std::string at = format_instant(now());
  auto created = session.query_named(
      "payments/insert_lockbox_import",
      {hash, file.sender, file.file_id, format_local_date(file.creation_date), at, actor});
  RP_TRY(created);
  report.import_id = created->at(0).integer("id");
  std::int64_t items = 0;
  for (const bai2::Group& group : file.groups) {
    const std::string deposited_on = format_local_date(group.as_of_date);
    for (const bai2::Account& account : group.accounts) {
      for (const bai2::Item& item : account.items) {
        const std::string where = "line " + std::to_string(item.line) + ": ";
        if (!is_credit(item.type_code)) {
          report.skipped.push_back(where + "type " + item.type_code + " (not a credit), $" +
                                   item.amount.to_string());
          continue;
        }
        if (item.amount.cents() <= 0) {
          report.skipped.push_back(where + "an item of $0.00");
          continue;
        }
        const std::string reference =
            item.bank_reference.empty()
                ? file.sender + "/" + file.file_id + "/line " + std::to_string(item.line)
                : item.bank_reference;
        const std::string item_key = account.account_number + "|" + deposited_on + "|" + reference +
                                     "|" + std::to_string(item.amount.cents());
        auto seen = session.query_named("payments/lockbox_item_key_exists", {item_key});
        RP_TRY(seen);
        if (!seen->empty()) {
          ++report.duplicates;
          report.skipped.push_back(where + "already imported from an earlier file (item " +
                                   std::to_string(seen->at(0).integer("id")) + ")");
          continue;
        }
        ++items;
        report.total += item.amount;
        auto match = match_item(session, item);
        RP_TRY(match);
        store::Value payment = store::Null{};
        if (match->account_id != 0) {
          auto posted =
              post_check(session, match->account_id, item.amount, deposited_on, item_key, actor);
          RP_TRY(posted);
          payment = *posted;
          ++report.posted;
        } else {
          ++report.suspense;
        }
        RP_TRY(session.query_named(
            "payments/insert_lockbox_item",
            {report.import_id, item_key, static_cast<std::int64_t>(item.line), deposited_on,
             item.amount.cents(), item.bank_reference, item.customer_reference, item.text,
             std::string(match->account_id != 0 ? "posted" : "suspense"), match->reason, payment}));
      }
    }
  }
  RP_TRY(session.execute_named(
      "payments/finish_lockbox_import",
      {items, report.posted, report.suspense, report.total.cents(), report.import_id}));
  auto listed = items_of_import(session, report.import_id);
  RP_TRY(listed);
  report.items = std::move(*listed);
  return report;
}

}  // namespace

Result<LockboxImport> import_lockbox_file(store::Database& database, std::string_view text,
                                          const std::string& actor) {
  if (sodium_init() < 0) return internal_error("libsodium did not start");
  auto file = bai2::parse_bai2(text);
  RP_TRY(file);
  for (const bai2::Group& group : file->groups) {
    for (const bai2::Account& account : group.accounts) {
      if (account.currency != "USD") {
        return invalid_input("file", "bank account " + account.account_number + " is in " +
                                         account.currency + "; the lockbox takes US dollars only");
      }
    }
  }
  const std::string hash = sha256_hex(text);
  return database.write<LockboxImport>(
      [&](Session& session) { return import_in(session, *file, hash, actor); });
}

Result<std::vector<LockboxItem>> lockbox_suspense(store::Database& database, std::int64_t after,
                                                  std::size_t limit) {
  if (limit < 1 || limit > 100) return invalid_input("limit", "limit must be 1 to 100");
  return database.read<std::vector<LockboxItem>>(
      [&](Session& session) -> Result<std::vector<LockboxItem>> {
        auto rows = session.query_named("payments/lockbox_suspense",
                                        {after, static_cast<std::int64_t>(limit)});
        RP_TRY(rows);
        std::vector<LockboxItem> items;
        for (const Row& row : *rows) items.push_back(item_of(row));
        return items;
      });
}

Result<LockboxItem> apply_lockbox_item(store::Database& database, std::int64_t item_id,
                                       const AccountNumber& account, const std::string& actor) {
  return database.write<LockboxItem>([&](Session& session) -> Result<LockboxItem> {
    auto rows = session.query_named("payments/lockbox_item_by_id", {item_id});
    RP_TRY(rows);
    if (rows->empty()) return not_found("no lockbox item has id " + std::to_string(item_id));
    const LockboxItem item = item_of(rows->at(0));
    if (item.status != "suspense") {
      return conflict("lockbox item " + std::to_string(item_id) + " is " + item.status +
                      " (payment " + item.confirmation + " on account " + item.account_number +
                      ")");
    }
    auto account_key = accounts::find_account_key(session, account);
    RP_TRY(account_key);
    auto payment = post_check(session, account_key->id, item.amount, item.deposited_on,
                              rows->at(0).text("item_key"), actor);
    RP_TRY(payment);
    RP_TRY(session.execute_named("payments/apply_lockbox_item",
                                 {*payment, actor, format_instant(now()), item_id}));
    auto now_rows = session.query_named("payments/lockbox_item_by_id", {item_id});
    RP_TRY(now_rows);
    return item_of(now_rows->at(0));
  });
}

}  // namespace rp::payments
