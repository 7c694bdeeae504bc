// Reading an account as the customer (summary) and the CSR (detail) see it. Each read runs in
// one snapshot, so the balance and the agreements always agree with each other.

#include <algorithm>

#include "accounts/account_service.h"

namespace rp::accounts {
namespace {

// The address in the columns <prefix>line1, <prefix>line2, <prefix>city, <prefix>state,
// <prefix>zip.
Address address_in(const store::Row& row, const std::string& prefix) {
  return Address{row.text(prefix + "line1"), row.text(prefix + "line2"), row.text(prefix + "city"),
                 row.text(prefix + "state"), row.text(prefix + "zip")};
}

std::optional<std::string> optional_text(const store::Row& row, std::string_view column) {
  if (row.is_null(column)) return std::nullopt;
  return row.text(column);
}

// Agreements with their meters and channels, folded from one row per channel (see the SQL).
Result<std::vector<ServiceAgreement>> read_agreements(store::Session& session,
                                                      std::int64_t account_id) {
  auto rows = session.query_named("accounts/agreements_of_account", {account_id});
  if (!rows.ok()) return rows.error();
  std::vector<ServiceAgreement> agreements;
  std::int64_t last_meter_id = 0;
  for (const store::Row& row : *rows) {
    if (agreements.empty() || agreements.back().id != row.integer("agreement_id")) {
      agreements.push_back({.id = row.integer("agreement_id"),
                            .commodity = row.text("commodity"),
                            .service_address = address_in(row, ""),
                            .rate_plan = {row.text("rate_plan_code"), row.text("rate_plan_name")},
                            .start_date = row.text("start_date"),
                            .end_date = optional_text(row, "end_date"),
                            .meters = {}});
      last_meter_id = 0;
    }
    if (row.is_null("meter_id")) continue;  // no meter at this service point (sewer, unmetered)
    std::vector<Meter>& meters = agreements.back().meters;
    if (row.integer("meter_id") != last_meter_id) {
      last_meter_id = row.integer("meter_id");
      meters.push_back(
          Meter{row.text("meter_serial"), row.text("meter_kind"), {}, row.text("installed_on")});
    }
    if (!row.is_null("channel_name")) meters.back().channels.push_back(row.text("channel_name"));
  }
  std::stable_partition(agreements.begin(), agreements.end(),
                        [](const ServiceAgreement& agreement) { return !agreement.end_date; });
  return agreements;
}

Result<std::vector<AccountEvent>> read_events(store::Session& session, std::int64_t account_id,
                                              std::size_t limit) {
  auto rows = session.query_named("accounts/events_of_account",
                                  {account_id, static_cast<std::int64_t>(limit)});
  if (!rows.ok()) return rows.error();
  std::vector<AccountEvent> events;
  for (const store::Row& row : *rows) {
    events.push_back(
        {row.text("kind"), row.text("occurred_at"), row.text("actor"), row.text("summary")});
  }
  return events;
}

// Reads the account row and its agreements; fills `detail` (the summary part always).
Result<std::int64_t> read_account(store::Session& session, const AccountNumber& number,
                                  AccountDetail& detail) {
  auto rows = session.query_named("accounts/find_account_by_number", {number.digits()});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return not_found("no account has number " + number.digits());
  const store::Row& row = rows->front();
  AccountSummary& summary = detail.summary;
  summary.account_number = row.text("number");
  summary.status = row.text("status");
  summary.customer_name = row.text("name");
  summary.balance = Money::from_cents(row.integer("balance_cents"));
  detail.customer = Person{row.text("name"), row.text("email"), row.text("phone")};
  detail.mailing_address = address_in(row, "mail_");
  detail.language = row.text("language");
  detail.bill_cycle = static_cast<int>(row.integer("bill_cycle"));
  detail.opened_on = row.text("opened_on");
  detail.closed_on = optional_text(row, "closed_on");
  std::int64_t account_id = row.integer("id");
  auto agreements = read_agreements(session, account_id);
  if (!agreements.ok()) return agreements.error();
  summary.agreements = std::move(*agreements);
  for (const ServiceAgreement& agreement : summary.agreements) {
    if (!agreement.end_date) {
      summary.service_address = agreement.service_address;
      break;
    }
  }
  return account_id;
}

}  // namespace

Result<AccountKey> find_account_key(store::Session& session, const AccountNumber& number) {
  auto rows = session.query_named("accounts/account_id_and_status", {number.digits()});
  RP_TRY(rows);
  if (rows->empty()) return not_found("no account has number " + number.formatted());
  return AccountKey{rows->at(0).integer("id"), rows->at(0).text("status")};
}

Result<AccountRead<AccountSummary>> read_account_summary(store::Session& session,
                                                         const AccountNumber& number) {
  AccountDetail detail;
  auto account_id = read_account(session, number, detail);
  RP_TRY(account_id);
  return AccountRead<AccountSummary>{*account_id, std::move(detail.summary)};
}

Result<AccountRead<AccountDetail>> read_account_detail(store::Session& session,
                                                       const AccountNumber& number,
                                                       std::size_t event_limit) {
  AccountDetail detail;
  auto account_id = read_account(session, number, detail);
  RP_TRY(account_id);
  auto events = read_events(session, *account_id, event_limit);
  RP_TRY(events);
  detail.events = std::move(*events);
  return AccountRead<AccountDetail>{*account_id, std::move(detail)};
}

Result<AccountSummary> find_account_summary(store::Database& database,
                                            const AccountNumber& number) {
  return database.read<AccountSummary>([&](store::Session& session) -> Result<AccountSummary> {
    auto read = read_account_summary(session, number);
    RP_TRY(read);
    return std::move(read->view);
  });
}

Result<AccountDetail> find_account_detail(store::Database& database, const AccountNumber& number,
                                          std::size_t event_limit) {
  return database.read<AccountDetail>([&](store::Session& session) -> Result<AccountDetail> {
    auto read = read_account_detail(session, number, event_limit);
    RP_TRY(read);
    return std::move(read->view);
  });
}

}  // namespace rp::accounts
