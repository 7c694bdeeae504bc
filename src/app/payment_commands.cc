#include "app/payment_commands.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "app/commands.h"
#include "app/open_database.h"
#include "core/json_writer.h"
#include "payments/ach_export.h"
#include "payments/lockbox.h"
#include "payments/payment_returns.h"

namespace rp::app {
namespace {

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return invalid_input("file", "cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

int ach_export_command(const Config& config, const AchExportOptions& options) {
  configure_logging(config);
  payments::AchExportRequest request;
  request.actor = "cli";
  if (options.effective_date) {
    auto day = parse_local_date(*options.effective_date, "effective_date");
    if (!day.ok()) return command_failed(day.error());
    request.effective_on = *day;
  }
  auto key = payments::load_or_create_vault_key(config.payments.vault_key_file);
  if (!key.ok()) return command_failed(key.error());
  auto database = open_migrated_database(config);
  if (!database.ok()) return command_failed(database.error());
  auto exported = payments::export_ach_file(**database, *key, request);
  if (!exported.ok()) return command_failed(exported.error());
  if (exported->entries == 0) {
    std::cerr << "no bank payments to send; no file written\n";
    return 0;
  }
  if (options.out) {
    std::ofstream out(*options.out, std::ios::binary | std::ios::trunc);
    out << exported->content;
    if (!out.flush()) {
      // The payments are marked sent: the file is kept in ach_files and can be written again.
      return command_failed(invalid_input("out", "cannot write " + *options.out +
                                                     "; the file is kept as "
                                                     "ACH file " +
                                                     std::to_string(exported->file_id)));
    }
  } else {
    std::cout << exported->content;
  }
  std::cerr << "ACH file " << exported->file_id << " (" << exported->file_id_modifier
            << "): " << exported->entries << " debits, $" << exported->total.to_string()
            << ", settling " << format_local_date(exported->effective_on) << "\n";
  return 0;
}

int ach_returns_command(const Config& config, const std::string& file, bool json) {
  configure_logging(config);
  auto text = read_file(file);
  if (!text.ok()) return command_failed(text.error());
  auto database = open_migrated_database(config);
  if (!database.ok()) return command_failed(database.error());
  auto report = payments::apply_ach_returns(**database, *text, "ach-returns");
  if (!report.ok()) return command_failed(report.error());
  if (json) {
    JsonWriter out;
    out.begin_object().key("returned").number(report->returned);
    out.key("already_returned").number(report->already_returned);
    out.key("fees").string(report->fees.to_string()).key("payments").begin_array();
    for (const auto& payment : report->payments) {
      out.begin_object().key("confirmation").string(payment.payment.confirmation);
      out.key("return_code").string(payment.return_code).key("reason").string(payment.reason);
      out.key("already_returned").boolean(payment.already_returned).end_object();
    }
    out.end_array().end_object();
    std::cout << out.take() << "\n";
  } else {
    for (const auto& payment : report->payments) {
      std::cout << payment.payment.confirmation << "  " << payment.payment.account_number << "  $"
                << payment.payment.amount.to_string() << "  " << payment.return_code << " "
                << payment.reason << (payment.already_returned ? "  (already returned)" : "")
                << "\n";
    }
    std::cout << report->returned << " payments returned, " << report->already_returned
              << " already returned, fees $" << report->fees.to_string() << "\n";
  }
  return 0;
}

int lockbox_import_command(const Config& config, const std::string& file, bool json) {
  configure_logging(config);
  auto text = read_file(file);
  if (!text.ok()) return command_failed(text.error());
  auto database = open_migrated_database(config);
  if (!database.ok()) return command_failed(database.error());
  auto report = payments::import_lockbox_file(**database, *text, "lockbox-import");
  if (!report.ok()) return command_failed(report.error());
  if (json) {
    JsonWriter out;
    out.begin_object().key("import_id").number(report->import_id);
    out.key("already_imported").boolean(report->already_imported);
    out.key("posted").number(report->posted).key("suspense").number(report->suspense);
    out.key("duplicates").number(report->duplicates);
    out.key("total").string(report->total.to_string()).key("items").begin_array();
    for (const auto& item : report->items) {
      out.begin_object().key("id").number(item.id).key("line").number(item.line);
      out.key("amount").string(item.amount.to_string()).key("status").string(item.status);
      out.key("account_number").string(item.account_number);
      out.key("confirmation").string(item.confirmation).key("reason").string(item.reason);
      out.end_object();
    }
    out.end_array().key("skipped").begin_array();
    for (const auto& skipped : report->skipped) out.string(skipped);
    out.end_array().end_object();
    std::cout << out.take() << "\n";
    return 0;
  }
  if (report->already_imported) {
    std::cout << "this file was imported before (import " << report->import_id
              << "); nothing was posted again\n";
    return 0;
  }
  for (const auto& item : report->items) {
    std::cout << "line " << item.line << "  $" << item.amount.to_string() << "  "
              << (item.status == "posted"
                      ? "posted to " + item.account_number + " as " + item.confirmation
                      : "suspense: " + item.reason)
              << "\n";
  }
  for (const auto& skipped : report->skipped) std::cout << "skipped " << skipped << "\n";
  std::cout << "lockbox import " << report->import_id << ": " << report->posted << " posted, "
            << report->suspense << " in suspense, " << report->duplicates << " already imported, $"
            << report->total.to_string() << "\n";
  return 0;
}

}  // namespace rp::app
