#include "app/generate.h"

#include <algorithm>
#include <map>
#include <optional>
#include <span>

#include <nlohmann/json.hpp>

#include "accounts/search_index.h"
#include "app/demo_tariffs.h"
#include "app/names.h"
#include "app/random.h"
#include "core/account_number.h"
#include "notify/text_consent.h"
#include "notify/text_message.h"
#include "outages/network.h"
#include "rating/tariff_format.h"
#include "store/bulk_insert.h"
#include "store/utility_settings.h"

namespace rp::app {
namespace {

using store::BulkTable;
using store::Null;
using store::Params;
using store::Session;
using store::Value;

constexpr const char* kDefaultUtilityName = "Ratepayer Demo Utility";

// ---- One account, drawn ------------------------------------------------------------------------

struct Address {
  std::string line1;
  std::string line2;
  std::string city;
  std::string zip;
};

struct AccountDraft {
  std::string number;
  bool commercial = false;
  bool spanish = false;
  std::string name;
  std::string email;
  std::string phone;
  Address service;
  Address mailing;
  bool ami = false;
  bool water = false;
  std::int64_t bill_cycle = 1;
  LocalDate opened_on;
  std::optional<LocalDate> closed_on;
  std::string created_at;
  std::string closed_at;
  std::optional<std::int64_t> opening_balance_cents;
};

std::string person_name(Random& random, bool spanish) {
  bool spanish_given = spanish || random.percent(15);
  bool spanish_family = spanish || random.percent(25);
  std::string name(random.pick(spanish_given ? spanish_given_names() : english_given_names()));
  name += " ";
  name += random.pick(spanish_family ? spanish_family_names() : english_family_names());
  if (spanish && random.percent(30)) {
    name += " ";
    name += random.pick(spanish_family_names());  // a second family name: "María García López"
  }
  return name;
}

std::string business_name(Random& random) {
  std::string owner(random.percent(50) ? random.pick(street_names())
                                       : random.pick(random.percent(30) ? spanish_family_names()
                                                                        : english_family_names()));
  return owner + " " + std::string(random.pick(business_kinds()));
}

// "jose.pena.lopez42@example.com": the name's words, folded to ASCII, plus a suffix from the
// account sequence so that every generated customer's address is distinct.
std::string email_for(const std::string& name, std::int64_t sequence) {
  std::string local;
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t end = std::min(name.find(' ', start), name.size());
    std::string word = ascii_email_word(std::string_view(name).substr(start, end - start));
    if (!word.empty()) local += (local.empty() ? "" : ".") + word;
    start = end + 1;
  }
  return local + std::to_string(sequence % 10'000'000) + "@example.com";
}

Address service_address(Random& random, bool commercial) {
  const CityZip& place = random.pick(territory_cities());
  Address address;
  address.line1 = std::to_string(random.between(100, commercial ? 2999 : 9999)) + " " +
                  std::string(random.pick(street_names())) + " " +
                  std::string(random.pick(street_suffixes()));
  if (commercial && random.percent(30)) {
    address.line2 = "Suite " + std::to_string(random.between(1, 4) * 100 + random.between(0, 20));
  } else if (!commercial && random.percent(20)) {
    address.line2 = random.percent(50) ? "Apt " + std::to_string(random.between(1, 40)) +
                                             static_cast<char>('A' + random.below(4))
                                       : "Unit " + std::to_string(random.between(1, 250));
  }
  address.city = std::string(place.city);
  address.zip = std::string(place.zip);
  return address;
}

Address mailing_address(Random& random, const Address& service) {
  if (!random.percent(7)) return service;
  return Address{"PO Box " + std::to_string(random.between(1000, 9999)), "", service.city,
                 service.zip};
}

LocalDate days_before(LocalDate date, std::int64_t days) {
  return LocalDate{date::sys_days(date) - date::days{days}};
}

// A time during business hours on `date` in the utility's zone.
std::string business_hours_instant(Random& random, const UtilityZone& zone, LocalDate date) {
  return format_instant(zone.start_of_day(date) +
                        std::chrono::seconds{random.between(8 * 3600, 17 * 3600)});
}

void draw_dates(Random& random, const UtilityZone& zone, LocalDate as_of, AccountDraft& draft) {
  std::int64_t age_days = random.between(1, 3650);
  draft.opened_on = days_before(as_of, age_days);
  draft.created_at = business_hours_instant(random, zone, draft.opened_on);
  if (random.percent(3)) {
    draft.closed_on = days_before(as_of, random.between(0, age_days));
    draft.closed_at = business_hours_instant(random, zone, *draft.closed_on);
    draft.closed_at = std::max(draft.closed_at, draft.created_at);
  }
}

std::optional<std::int64_t> opening_balance(Random& random) {
  if (!random.percent(70)) return std::nullopt;
  if (random.percent(6)) return -random.between(100, 15000);  // a credit carried over
  return random.between(0, 40000);
}

AccountDraft draw_account(std::uint64_t seed, std::int64_t sequence, const UtilityZone& zone,
                          LocalDate as_of) {
  Random random(seed, static_cast<std::uint64_t>(sequence));
  AccountDraft draft;
  draft.number = AccountNumber::from_sequence(static_cast<std::uint32_t>(sequence)).digits();
  draft.commercial = random.percent(10);
  draft.spanish = random.percent(15);
  draft.name = draft.commercial ? business_name(random) : person_name(random, draft.spanish);
  draft.email = email_for(draft.name, sequence);
  draft.phone = "+15415550" + std::to_string(random.between(100, 199));
  draft.service = service_address(random, draft.commercial);
  draft.mailing = mailing_address(random, draft.service);
  draft.ami = random.percent(85) || draft.commercial;  // demand and time of use need intervals
  draft.water = random.percent(60);
  draft.bill_cycle = random.between(1, 20);
  draw_dates(random, zone, as_of, draft);
  draft.opening_balance_cents = opening_balance(random);
  return draft;
}

// ---- Rows ---------------------------------------------------------------------------------------

const BulkTable kPersons{"persons", {"id", "name", "email", "phone", "created_at"}};
const BulkTable kPremises{"premises",
                          {"id", "line1", "line2", "city", "state", "zip", "created_at"}};
const BulkTable kServicePoints{"service_points", {"id", "premise_id", "commodity", "created_at"}};
const BulkTable kMeters{"meters",
                        {"id", "serial", "service_point_id", "kind", "installed_on", "created_at"}};
const BulkTable kChannels{"meter_channels", {"id", "meter_id", "name", "unit", "interval_minutes"}};
const BulkTable kAccounts{
    "accounts",
    {"id", "number", "person_id", "status", "bill_cycle", "mail_line1", "mail_line2", "mail_city",
     "mail_state", "mail_zip", "language", "opened_on", "closed_on", "created_at"}};
const BulkTable kAgreements{"service_agreements",
                            {"id", "account_id", "service_point_id", "rate_plan_id", "start_date",
                             "end_date", "created_at"}};
const BulkTable kLedger{
    "ledger_entries",
    {"id", "account_id", "kind", "amount_cents", "effective_on", "posted_at", "reference", "memo"}};
const BulkTable kEvents{"account_events",
                        {"id", "account_id", "kind", "occurred_at", "actor", "summary", "details"}};

// The next free id of each table, read inside the writing transaction.
struct NextIds {
  std::int64_t person = 1, premise = 1, service_point = 1, meter = 1, channel = 1, account = 1,
               agreement = 1, ledger = 1, event = 1;
};

struct ChunkRows {
  std::vector<Params> persons, premises, service_points, meters, channels, accounts, agreements,
      ledger, events;
  std::int64_t opening_balance_cents = 0;
  std::size_t closed_accounts = 0;
};

using RatePlanIds = std::map<std::string, std::int64_t>;

struct ChunkContext {
  const GenerateOptions& options;
  const UtilityZone& zone;
  const RatePlanIds& plans;
  std::string as_of_text;
  std::string posted_at;  // when opening balances are posted: the start of as_of
};

Value optional_date(const std::optional<LocalDate>& date) {
  if (!date) return Null{};
  return format_local_date(*date);
}

std::int64_t add_customer(ChunkRows& rows, NextIds& ids, const AccountDraft& draft) {
  const std::int64_t person = ids.person++;
  rows.persons.push_back({person, draft.name, draft.email, draft.phone, draft.created_at});
  const Address& mail = draft.mailing;
  const std::int64_t account = ids.account++;
  rows.accounts.push_back(
      {account, draft.number, person, std::string(draft.closed_on ? "closed" : "active"),
       draft.bill_cycle, mail.line1, mail.line2, mail.city, std::string(kTerritoryState), mail.zip,
       std::string(draft.spanish ? "es" : "en"), format_local_date(draft.opened_on),
       optional_date(draft.closed_on), draft.created_at});
  return account;
}

void add_meter(ChunkRows& rows, NextIds& ids, const AccountDraft& draft, std::int64_t point,
               const std::string& commodity) {
  const std::int64_t meter = ids.meter++;
  const bool electric = commodity == "electric";
  std::string serial = std::to_string(meter);
  serial =
      (electric ? "E" : "W") + std::string(serial.size() < 9 ? 9 - serial.size() : 0, '0') + serial;
  std::string kind = electric ? (draft.ami ? "ami" : "manual") : "amr";
  rows.meters.push_back(
      {meter, serial, point, kind, format_local_date(draft.opened_on), draft.created_at});
  const Value interval = electric && draft.ami ? Value{std::int64_t{15}} : Value{Null{}};
  if (electric) {
    rows.channels.push_back(
        {ids.channel++, meter, std::string("kWh"), std::string("kWh"), interval});
    if (draft.ami && draft.commercial) {
      rows.channels.push_back(
          {ids.channel++, meter, std::string("kW"), std::string("kW"), interval});
    }
  } else {
    rows.channels.push_back(
        {ids.channel++, meter, std::string("gal"), std::string("gal"), interval});
  }
}

// Service points, meters and agreements; returns the rate plan codes agreed.
std::vector<std::string> add_services(ChunkRows& rows, NextIds& ids, const ChunkContext& context,
                                      const AccountDraft& draft, std::int64_t account) {
  const std::int64_t premise = ids.premise++;
  const Address& place = draft.service;
  rows.premises.push_back({premise, place.line1, place.line2, place.city,
                           std::string(kTerritoryState), place.zip, draft.created_at});
  std::vector<std::string> commodities{"electric"};
  if (draft.water) commodities.insert(commodities.end(), {"water", "sewer"});
  std::vector<std::string> plan_codes;
  for (const std::string& commodity : commodities) {
    const std::int64_t point = ids.service_point++;
    rows.service_points.push_back({point, premise, commodity, draft.created_at});
    if (commodity != "sewer") add_meter(rows, ids, draft, point, commodity);
    std::string code = std::string(1, static_cast<char>(commodity[0] - 'a' + 'A')) +
                       (draft.commercial ? "-COM" : "-RES");
    // A quarter of the residential customers with interval meters chose time of use.
    if (code == "E-RES" && draft.ami && account % 4 == 0) code = "E-TOU";
    rows.agreements.push_back({ids.agreement++, account, point, context.plans.at(code),
                               format_local_date(draft.opened_on), optional_date(draft.closed_on),
                               draft.created_at});
    plan_codes.push_back(code);
  }
  return plan_codes;
}

void add_balance_and_events(ChunkRows& rows, NextIds& ids, const ChunkContext& context,
                            const AccountDraft& draft, std::int64_t account,
                            const std::vector<std::string>& plan_codes) {
  if (draft.opening_balance_cents) {
    rows.ledger.push_back({ids.ledger++, account, std::string("opening_balance"),
                           *draft.opening_balance_cents, context.as_of_text, context.posted_at,
                           std::string("conversion"),
                           std::string("Balance carried over from the previous system")});
    rows.opening_balance_cents += *draft.opening_balance_cents;
  }
  nlohmann::json opened{{"number", draft.number}, {"rate_plans", plan_codes}};
  rows.events.push_back({ids.event++, account, std::string("account.opened"), draft.created_at,
                         std::string("generator"), std::string("Account opened"), opened.dump()});
  if (draft.closed_on) {
    nlohmann::json closed{{"closed_on", format_local_date(*draft.closed_on)}};
    rows.events.push_back({ids.event++, account, std::string("account.closed"), draft.closed_at,
                           std::string("generator"), std::string("Account closed"), closed.dump()});
    ++rows.closed_accounts;
  }
}

// ---- Writing ------------------------------------------------------------------------------------

Result<NextIds> read_next_ids(Session& session) {
  auto rows = session.query_named("app/next_ids");
  RP_TRY(rows);
  const store::Row& row = rows->at(0);
  return NextIds{.person = row.integer("last_person_id") + 1,
                 .premise = row.integer("last_premise_id") + 1,
                 .service_point = row.integer("last_service_point_id") + 1,
                 .meter = row.integer("last_meter_id") + 1,
                 .channel = row.integer("last_channel_id") + 1,
                 .account = row.integer("last_account_id") + 1,
                 .agreement = row.integer("last_agreement_id") + 1,
                 .ledger = row.integer("last_ledger_entry_id") + 1,
                 .event = row.integer("last_event_id") + 1};
}

// Takes `count` account numbers from the 'account_number' sequence; returns the first.
Result<std::int64_t> take_account_sequences(Session& session, std::size_t count) {
  auto next = session.query_named("app/take_account_numbers", {static_cast<std::int64_t>(count)});
  RP_TRY(next);
  if (next->empty()) return internal_error("the account_number sequence is missing");
  const std::int64_t end = next->at(0).integer("next_value");
  if (end > AccountNumber::kSequenceLimit) {
    return overflow("account numbers are exhausted: the account_number sequence would pass " +
                    std::to_string(AccountNumber::kSequenceLimit - 1));
  }
  return end - static_cast<std::int64_t>(count);
}

Result<void> insert_rows(Session& session, const ChunkRows& rows) {
  const std::pair<const BulkTable*, const std::vector<Params>*> loads[] = {
      {&kPersons, &rows.persons},
      {&kPremises, &rows.premises},
      {&kServicePoints, &rows.service_points},
      {&kMeters, &rows.meters},
      {&kChannels, &rows.channels},
      {&kAccounts, &rows.accounts},
      {&kAgreements, &rows.agreements},
      {&kLedger, &rows.ledger},
      {&kEvents, &rows.events}};
  for (const auto& [table, table_rows] : loads) {
    RP_TRY(store::bulk_insert(session, *table, *table_rows));
    RP_TRY(store::advance_id_sequence(session, table->name));
  }
  return success();
}

Result<ChunkRows> write_chunk(Session& session, const ChunkContext& context, std::size_t count) {
  auto ids = read_next_ids(session);
  RP_TRY(ids);
  auto first = take_account_sequences(session, count);
  RP_TRY(first);
  ChunkRows rows;
  for (std::size_t i = 0; i < count; ++i) {
    const std::int64_t sequence = *first + static_cast<std::int64_t>(i);
    AccountDraft draft =
        draw_account(context.options.seed, sequence, context.zone, context.options.as_of);
    const std::int64_t account = add_customer(rows, *ids, draft);
    std::vector<std::string> plans = add_services(rows, *ids, context, draft, account);
    add_balance_and_events(rows, *ids, context, draft, account, plans);
  }
  RP_TRY(insert_rows(session, rows));
  return rows;
}

// ---- Before the first chunk: settings, the sequence, rate plans ---------------------------------

struct RatePlanSpec {
  const char* code;
  const char* name;
  const char* commodity;
  const char* customer_class;
};
constexpr RatePlanSpec kRatePlans[] = {
    {"E-RES", "Residential electric", "electric", "residential"},
    {"E-TOU", "Residential time of use", "electric", "residential"},
    {"E-COM", "Commercial electric", "electric", "commercial"},
    {"W-RES", "Residential water", "water", "residential"},
    {"W-COM", "Commercial water", "water", "commercial"},
    {"S-RES", "Residential sewer", "sewer", "residential"},
    {"S-COM", "Commercial sewer", "sewer", "commercial"},
};

Result<void> store_settings(Session& session, const GenerateOptions& options) {
  const char* upsert = "app/upsert_setting";
  const char* insert_missing = "app/insert_missing_setting";
  if (options.utility_name.empty()) {
    RP_TRY(session.execute_named(insert_missing,
                                 {std::string("name"), std::string(kDefaultUtilityName)}));
  } else {
    RP_TRY(session.execute_named(upsert, {std::string("name"), options.utility_name}));
  }
  RP_TRY(session.execute_named(upsert, {std::string("time_zone"), options.time_zone}));
  // What bills print in their header and on the remittance stub (bill_documents.h).
  for (auto [key, value] :
       {std::pair{"utility_address", "PO Box 1100\nSpringfield, OR 97477"},
        std::pair{"utility_phone", "(541) 555-0100"},
        std::pair{"utility_website", "utility.example"},
        std::pair{"utility_email", "help@utility.example"},
        std::pair{"utility_hours", "Monday to Friday, 8 a.m. to 5 p.m."},
        // The demo's ACH originator (payments/ach_export.h): a test bank
        // routing number and company id, and a returned-payment fee.
        std::pair{"ach_odfi_routing", "091000019"},
        std::pair{"ach_odfi_name", "Demo Community Bank"},
        std::pair{"ach_company_name", "Demo Utility"}, std::pair{"ach_company_id", "1000000001"},
        std::pair{"returned_payment_fee_cents", "2000"}}) {
    RP_TRY(session.execute_named(insert_missing, {std::string(key), std::string(value)}));
  }
  RP_TRY(session.execute_named("accounts/ensure_account_sequence"));
  return success();
}

Result<RatePlanIds> prepare_utility(Session& session, const GenerateOptions& options) {
  RP_TRY(store_settings(session, options));
  for (const RatePlanSpec& plan : kRatePlans) {
    RP_TRY(session.execute_named("app/insert_missing_rate_plan",
                                 {std::string(plan.code), std::string(plan.name),
                                  std::string(plan.commodity), std::string(plan.customer_class)}));
  }
  for (const auto& [code, json] : demo_tariffs()) {
    auto tariff = rating::parse_tariff(json);
    if (!tariff.ok()) {
      return internal_error("the demo tariff of " + std::string(code) +
                            " does not read: " + tariff.error().message);
    }
    RP_TRY(session.execute_named("app/set_missing_tariff",
                                 {rating::format_tariff(*tariff), std::string(code)}));
  }
  auto rows = session.query_named("app/rate_plans");
  RP_TRY(rows);
  RatePlanIds ids;
  for (const store::Row& row : *rows) ids[row.text("code")] = row.integer("id");
  for (const RatePlanSpec& plan : kRatePlans) {
    auto found = std::find_if(rows->begin(), rows->end(),
                              [&](const store::Row& row) { return row.text("code") == plan.code; });
    if (found->text("commodity") != plan.commodity) {
      return conflict(std::string("rate plan ") + plan.code + " exists for " +
                      found->text("commodity") + ", not " + plan.commodity +
                      ": rename it before generating");
    }
  }
  return ids;
}

void add_to_report(GenerateReport& report, const ChunkRows& rows) {
  report.accounts += rows.accounts.size();
  report.closed_accounts += rows.closed_accounts;
  report.persons += rows.persons.size();
  report.premises += rows.premises.size();
  report.service_points += rows.service_points.size();
  report.meters += rows.meters.size();
  report.meter_channels += rows.channels.size();
  report.agreements += rows.agreements.size();
  report.ledger_entries += rows.ledger.size();
  report.events += rows.events.size();
  report.opening_balance_cents += rows.opening_balance_cents;
  for (const Params& account : rows.accounts) {
    if (report.sample_account_numbers.size() == 5) break;
    report.sample_account_numbers.push_back(std::get<std::string>(account[1]));
  }
}

}  // namespace

Result<LocalDate> parse_as_of(const std::string& text, const std::string& time_zone) {
  if (text == "today") {
    auto zone = UtilityZone::find(time_zone);
    RP_TRY(zone);
    return zone->local_date(now());
  }
  return parse_local_date(text, "as_of");
}

// One active account in five with a phone on file agreed to texts in the portal, with the words
// customers are shown (notify/text_consent.h), so the demo's notices include texts.
Result<std::size_t> give_text_consents(Session& session, const std::string& at) {
  static const BulkTable kConsents{
      "text_consents",
      {"account_id", "number", "granted", "source", "wording", "client_address", "actor", "at"}};
  auto utility = store::utility_name(session);
  RP_TRY(utility);
  auto accounts = session.query_named("app/demo_text_numbers");
  RP_TRY(accounts);
  std::vector<Params> rows;
  for (const store::Row& account : *accounts) {
    const std::string number = account.text("phone");
    if (!notify::is_e164(number)) continue;
    rows.push_back({account.integer("id"), number, std::int64_t{1}, std::string("portal"),
                    notify::text_consent_wording(*utility, number, account.text("language")),
                    std::string("192.0.2.1"), std::string("generator"), at});
  }
  RP_TRY(store::bulk_insert(session, kConsents, rows));
  return rows.size();
}

// One active account in ten asked to be told when its bill runs 20% above the last one per day,
// another one in ten when it heads past $150 (notify/usage_rules.h), so the demo's usage watch
// raises high-usage alerts.
Result<std::size_t> give_thresholds(Session& session, const std::string& at) {
  static const BulkTable kThresholds{
      "usage_thresholds", {"account_id", "basis", "amount_cents", "percent", "set_by", "set_at"}};
  auto accounts = session.query_named("app/demo_threshold_accounts");
  RP_TRY(accounts);
  std::vector<Params> rows;
  for (const store::Row& account : *accounts) {
    const bool amount = account.text("basis") == "amount";
    rows.push_back({account.integer("id"), account.text("basis"),
                    amount ? Value{std::int64_t{150'00}} : Value{Null{}},
                    amount ? Value{Null{}} : Value{std::int64_t{20}}, std::string("generator"),
                    at});
  }
  RP_TRY(store::bulk_insert(session, kThresholds, rows));
  return rows.size();
}

// One active account in fifty wrote to the utility from the portal the day before, in its
// language: every other one of them has been answered (the thread waits on the customer), the
// rest wait in the staff's inbox, so the demo's inbox and Messages pages are not empty. Rows
// written as the service would (messaging/threads.h), without account events.
Result<std::size_t> give_messages(Session& session, const std::string& at) {
  static const BulkTable kThreads{"message_threads",
                                  {"account_id", "topic", "subject", "status", "opened_by",
                                   "opened_at", "last_message_at", "first_reply_at"}};
  auto accounts = session.query_named("app/demo_message_accounts");
  RP_TRY(accounts);
  std::vector<Params> threads;
  std::vector<std::pair<std::int64_t, bool>> written;  // account, answered
  for (const store::Row& account : *accounts) {
    const bool answered = threads.size() % 2 == 1;
    const bool spanish = account.text("language") == "es";
    threads.push_back(
        {account.integer("id"), std::string("bill"),
         std::string(spanish ? "¿Por qué subió mi factura?" : "Why did my bill go up?"),
         std::string(answered ? "waiting" : "open"),
         "customer:demo-" + std::to_string(account.integer("id")), at, at,
         answered ? Value{at} : Value{Null{}}});
    written.emplace_back(account.integer("id"), answered);
  }
  RP_TRY(store::bulk_insert(session, kThreads, threads));
  for (const auto& [account, answered] : written) {
    RP_TRY(session.execute_named("app/demo_messages_of_thread",
                                 {at, account, at, account, std::int64_t{answered ? 1 : 0}}));
  }
  return threads.size();
}

Result<GenerateReport> generate_utility(store::Database& database, const GenerateOptions& options) {
  auto zone = UtilityZone::find(options.time_zone);
  RP_TRY(zone);
  if (!options.as_of.ok()) return invalid_input("as_of", "as_of is not a calendar date");
  if (options.accounts >= AccountNumber::kSequenceLimit) {
    return invalid_input("accounts", "at most 99,999,999 accounts fit the account numbers");
  }
  if (options.usage_months > kUsageMaxMonths) {
    return invalid_input("usage_months", "usage_months must be between 0 and " +
                                             std::to_string(kUsageMaxMonths) + " months");
  }
  auto plans = database.write<RatePlanIds>(
      [&](Session& session) { return prepare_utility(session, options); });
  RP_TRY(plans);
  ChunkContext context{options, *zone, *plans, format_local_date(options.as_of),
                       format_instant(zone->start_of_day(options.as_of))};
  GenerateReport report;
  for (std::size_t done = 0; done < options.accounts; done += kGenerateChunkAccounts) {
    const std::size_t count = std::min(kGenerateChunkAccounts, options.accounts - done);
    auto rows = database.write<ChunkRows>(
        [&](Session& session) { return write_chunk(session, context, count); });
    RP_TRY(rows);
    add_to_report(report, *rows);
  }
  RP_TRY(accounts::index_unindexed_accounts(database));  // the words staff find them by
  auto consents = database.write<std::size_t>(
      [&](Session& session) { return give_text_consents(session, context.posted_at); });
  RP_TRY(consents);
  report.text_consents = *consents;
  auto thresholds = database.write<std::size_t>(
      [&](Session& session) { return give_thresholds(session, context.posted_at); });
  RP_TRY(thresholds);
  report.usage_thresholds = *thresholds;
  auto messages = database.write<std::size_t>(
      [&](Session& session) { return give_messages(session, context.posted_at); });
  RP_TRY(messages);
  report.message_threads = *messages;
  // The electric network the premises are on, for outages.
  auto network = outages::draw_missing_network(database, options.seed, context.posted_at);
  RP_TRY(network);
  report.transformers = static_cast<std::size_t>(network->transformers);
  report.feeders = static_cast<std::size_t>(network->feeders);
  report.substations = static_cast<std::size_t>(network->substations);
  // The planner needs statistics on the new rows before usage reads them back: without them
  // PostgreSQL plans the channel query for empty tables (minutes instead of a second at 100,000
  // accounts).
  RP_TRY(database.write<void>(
      [](Session& session) -> Result<void> { return store::refresh_statistics(session); }));
  if (options.usage_months > 0) {
    auto usage = generate_usage(database, options);  // refreshes the statistics when done
    RP_TRY(usage);
    report.usage = std::move(*usage);
    if (options.bills) {
      auto bills = generate_bills(database, options);
      RP_TRY(bills);
      report.billing = *bills;
    }
  }
  return report;
}

}  // namespace rp::app
