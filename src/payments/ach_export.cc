#include "payments/ach_export.h"

#include <map>

#include "payments/bank_files/nacha.h"
#include "payments/payment_channel.h"
#include "store/utility_settings.h"

namespace rp::payments {
namespace {

using store::Session;

constexpr std::string_view kFileIdModifiers = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
constexpr std::int64_t kLargestTraceSequence = 9'999'999;

Result<std::string> required_setting(Session& session, const std::string& key,
                                     const std::string& what) {
  auto value = store::utility_setting(session, key);
  RP_TRY(value);
  if (!*value || (*value)->empty()) {
    return invalid_input(key, "the ACH file needs the setting " + key + " (" + what + ")");
  }
  return **value;
}

Result<nacha::Originator> originator_of(Session& session) {
  nacha::Originator originator;
  auto routing = required_setting(session, "ach_odfi_routing",
                                  "the utility's bank's routing number, 9 digits");
  RP_TRY(routing);
  if (routing->size() != 9 || !aba_routing_number_valid(*routing)) {
    return invalid_input("ach_odfi_routing",
                         "setting ach_odfi_routing: '" + *routing +
                             "' is not a routing number (9 digits with a valid check digit)");
  }
  auto bank_name = required_setting(session, "ach_odfi_name", "the bank's name");
  RP_TRY(bank_name);
  auto company_name = required_setting(session, "ach_company_name",
                                       "the utility's name on customers' bank statements");
  RP_TRY(company_name);
  auto company_id = required_setting(session, "ach_company_id",
                                     "the utility's company id at the bank, 10 characters");
  RP_TRY(company_id);
  auto description = store::utility_setting(session, "ach_entry_description");
  RP_TRY(description);
  originator.immediate_destination = *routing;
  originator.destination_name = *bank_name;
  originator.immediate_origin = *company_id;
  originator.origin_name = *company_name;
  originator.company_name = *company_name;
  originator.company_id = *company_id;
  if (*description && !(*description)->empty()) {
    originator.company_entry_description = **description;
  }
  originator.odfi_identification = routing->substr(0, 8);
  return originator;
}

LocalDate next_weekday(LocalDate day) {
  date::sys_days next = date::sys_days(day) + date::days(1);
  while (date::weekday(next) == date::Saturday || date::weekday(next) == date::Sunday) {
    next += date::days(1);
  }
  return LocalDate(next);
}

// The setting named in a NACHA error ("originator.company_id") rather than the file's field.
Error named_for_settings(const Error& error) {
  static const std::map<std::string, std::string> kSettingOf{
      {"originator.immediate_destination", "ach_odfi_routing"},
      {"originator.odfi_identification", "ach_odfi_routing"},
      {"originator.destination_name", "ach_odfi_name"},
      {"originator.company_name", "ach_company_name"},
      {"originator.origin_name", "ach_company_name"},
      {"originator.company_id", "ach_company_id"},
      {"originator.immediate_origin", "ach_company_id"},
      {"originator.company_entry_description", "ach_entry_description"}};
  auto setting = kSettingOf.find(error.field);
  if (setting == kSettingOf.end()) return error;
  return invalid_input(setting->second, "setting " + setting->second + ": " + error.message);
}

struct Pending {
  std::int64_t payment_id = 0;
  std::string sec_code;
  nacha::DebitEntry entry;
};

Result<AchExport> export_in(Session& session, const VaultKey& key,
                            const AchExportRequest& request) {
  auto zone = store::utility_zone(session);
  RP_TRY(zone);
  const Instant at = now();
  const LocalDate today = zone->local_date(at);
  AchExport result;
  result.effective_on = request.effective_on.value_or(next_weekday(today));

  auto rows = session.query_named("payments/payments_to_send");
  RP_TRY(rows);
  if (rows->empty()) return result;
  auto originator = originator_of(session);
  RP_TRY(originator);
  auto files_today = session.query_named("payments/ach_files_of_day", {format_local_date(today)});
  RP_TRY(files_today);
  const std::int64_t made_today = files_today->at(0).integer("files_made");
  if (made_today >= static_cast<std::int64_t>(kFileIdModifiers.size())) {
    return conflict("36 ACH files were already made today; the bank takes no more");
  }
  result.file_id_modifier = kFileIdModifiers[static_cast<std::size_t>(made_today)];

  std::vector<Pending> pending;
  for (const store::Row& row : *rows) {
    auto bank = open_bank_account(session, key, row.text("token"));
    RP_TRY(bank);
    auto sequence = session.query_named("payments/next_ach_trace");
    RP_TRY(sequence);
    Pending item;
    item.payment_id = row.integer("id");
    auto channel = parse_payment_channel(row.text("channel"));
    if (!channel.ok()) {
      return internal_error("payment " + std::to_string(item.payment_id) +
                            " is stored with channel '" + row.text("channel") +
                            "', which the payments service does not know");
    }
    item.sec_code = *channel == PaymentChannel::phone ? "TEL" : "WEB";
    item.entry.routing_number = bank->routing_number;
    item.entry.account_number = bank->account_number;
    item.entry.account_type = bank->account_type;
    item.entry.amount = Money::from_cents(row.integer("amount_cents"));
    item.entry.individual_id = row.text("number");
    item.entry.individual_name = bank->holder_name.empty() ? row.text("name") : bank->holder_name;
    item.entry.trace_sequence =
        (sequence->at(0).integer("trace_sequence") - 1) % kLargestTraceSequence + 1;
    result.total += item.entry.amount;
    pending.push_back(std::move(item));
  }

  nacha::AchFile file;
  file.originator = *originator;
  file.creation_date = today;
  const std::string local = zone->format_local(at);  // "2026-11-23T14:05:00-08:00"
  file.creation_hour = std::stoi(local.substr(11, 2));
  file.creation_minute = std::stoi(local.substr(14, 2));
  file.file_id_modifier = result.file_id_modifier;
  for (const char* sec : {"WEB", "TEL"}) {
    nacha::Batch batch;
    batch.sec_code = sec;
    batch.effective_entry_date = result.effective_on;
    for (const Pending& item : pending) {
      if (item.sec_code == sec) batch.entries.push_back(item.entry);
    }
    if (!batch.entries.empty()) file.batches.push_back(std::move(batch));
  }
  auto content = nacha::write_ach_file(file);
  if (!content.ok()) return named_for_settings(content.error());
  result.content = std::move(*content);
  result.entries = static_cast<std::int64_t>(pending.size());

  auto inserted = session.query_named(
      "payments/insert_ach_file",
      {format_local_date(today), std::string(1, result.file_id_modifier),
       format_local_date(result.effective_on), result.entries, result.total.cents(), result.content,
       format_instant(at), request.actor});
  RP_TRY(inserted);
  result.file_id = inserted->at(0).integer("id");
  for (const Pending& item : pending) {
    std::string sequence = std::to_string(item.entry.trace_sequence);
    sequence.insert(0, 7 - sequence.size(), '0');
    RP_TRY(session.execute_named(
        "payments/mark_payment_sent",
        {result.file_id, originator->odfi_identification + sequence, item.payment_id}));
  }
  return result;
}

}  // namespace

Result<AchExport> export_ach_file(store::Database& database, const VaultKey& key,
                                  const AchExportRequest& request) {
  return database.write<AchExport>(
      [&](Session& session) { return export_in(session, key, request); });
}

}  // namespace rp::payments
