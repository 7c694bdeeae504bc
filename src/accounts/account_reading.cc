// Reading an account as the customer (summary) and the CSR (detail) see it. Each read runs in
// one snapshot, so the balance and the agreements always agree with each other.

#include <algorithm>

#include "accounts/account_service.h"

namespace rp::accounts {
namespace {

Address address_at(const store::Row& row, std::size_t first) {
  return Address{row.text(first), row.text(first + 1), row.text(first + 2), row.text(first + 3),
                 row.text(first + 4)};
}

std::optional<std::string> optional_text(const store::Row& row, std::size_t column) {
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
    if (agreements.empty() || agreements.back().id != row.integer(0)) {
      agreements.push_back({.id = row.integer(0),
                            .commodity = row.text(1),
                            .service_address = address_at(row, 2),
                            .rate_plan = {row.text(7), row.text(8)},
                            .start_date = row.text(9),
                            .end_date = optional_text(row, 10),
                            .meters = {}});
      last_meter_id = 0;
    }
    if (row.is_null(11)) continue;  // no meter at this service point (sewer, unmetered)
    std::vector<Meter>& meters = agreements.back().meters;
    if (row.integer(11) != last_meter_id) {
      last_meter_id = row.integer(11);
      meters.push_back(Meter{row.text(12), row.text(13), {}, row.text(14)});
    }
    if (!row.is_null(15)) meters.back().channels.push_back(row.text(15));
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
    events.push_back({row.text(0), row.text(1), row.text(2), row.text(3)});
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
  summary.account_number = row.text(1);
  summary.status = row.text(2);
  summary.customer_name = row.text(3);
  summary.balance = Money::from_cents(row.integer(15));
  detail.customer = Person{row.text(3), row.text(4), row.text(5)};
  detail.mailing_address = address_at(row, 6);
  detail.language = row.text(11);
  detail.bill_cycle = static_cast<int>(row.integer(12));
  detail.opened_on = row.text(13);
  detail.closed_on = optional_text(row, 14);
  std::int64_t account_id = row.integer(0);
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
  return AccountKey{rows->at(0).integer(0), rows->at(0).text(1)};
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
