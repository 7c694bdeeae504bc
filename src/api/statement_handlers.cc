#include "api/statement_handlers.h"

#include "api/account_json.h"
#include "api/guards.h"
#include "billing/document/bill_labels.h"
#include "billing/document/statement_pdf.h"
#include "core/csv.h"
#include "core/json_writer.h"
#include "http/problem.h"
#include "ledger/account_statement.h"
#include "store/utility_settings.h"

namespace rp::api {
namespace {

Result<ledger::StatementQuery> statement_query(const http::Request& request) {
  ledger::StatementQuery query;
  for (auto [name, target] : {std::pair{"from", &query.from}, {"to", &query.to}}) {
    if (auto text = request.query_param(name); text && !text->empty()) {
      auto day = parse_local_date(*text, name);
      RP_TRY(day);
      *target = *day;
    }
  }
  if (auto kind = request.query_param("kind"); kind && !kind->empty()) {
    auto parsed = ledger::parse_ledger_entry_kind(*kind, "kind");
    RP_TRY(parsed);
    query.kind = *parsed;
  }
  return query;
}

Result<ledger::AccountStatement> read_statement(ApiContext& context, http::Request& request) {
  auto number = account_number_param(request);
  RP_TRY(number);
  auto query = statement_query(request);
  RP_TRY(query);
  return ledger::account_statement(context.database, *number, *query);
}

// "All entries", "Jan 1, 2026 to Mar 31, 2026", "From Jan 1, 2026, payment entries only".
std::string what_it_shows(const ledger::AccountStatement& statement, const http::Request& request) {
  const auto& labels = billing::document::bill_labels("en");
  std::string shows;
  if (statement.from && statement.to) {
    shows = billing::document::format_date(*statement.from, labels) + " to " +
            billing::document::format_date(*statement.to, labels);
  } else if (statement.from) {
    shows = "From " + billing::document::format_date(*statement.from, labels);
  } else if (statement.to) {
    shows = "Up to " + billing::document::format_date(*statement.to, labels);
  } else {
    shows = "All entries";
  }
  if (auto kind = request.query_param("kind"); kind && !kind->empty()) {
    shows += ", " + *kind + " entries only";
  }
  return shows;
}

std::string file_name(const ledger::AccountStatement& statement, const char* extension) {
  return "statement-" + statement.account.digits() + "-" + format_local_date(statement.as_of) +
         extension;
}

}  // namespace

http::Response statement_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto statement = read_statement(context, request);
  if (!statement.ok()) return http::problem_from_error(statement.error());
  JsonWriter out;
  out.begin_object().key("account_number").string(statement->account.digits());
  out.key("customer_name").string(statement->customer_name);
  out.key("as_of").string(format_local_date(statement->as_of));
  out.key("from").optional_string(
      statement->from ? std::optional(format_local_date(*statement->from)) : std::nullopt);
  out.key("to").optional_string(statement->to ? std::optional(format_local_date(*statement->to))
                                              : std::nullopt);
  out.key("shows").string(what_it_shows(*statement, request));
  for (auto [name, amount] : {std::pair{"opening_balance", statement->opening_balance},
                              {"closing_balance", statement->closing_balance},
                              {"charges", statement->charges},
                              {"credits", statement->credits}}) {
    out.key(name);
    write_money(out, amount);
  }
  out.key("lines").begin_array();
  for (const ledger::StatementLine& line : statement->lines) {
    out.begin_object().key("entry_id").number(line.entry_id).key("kind").string(line.kind);
    out.key("effective_on").string(format_local_date(line.effective_on));
    out.key("posted_at").string(line.posted_at).key("reference").string(line.reference);
    out.key("description").string(line.description).key("amount");
    write_money(out, line.amount);
    out.key("balance_after");
    write_money(out, line.balance_after);
    out.key("reverses_entry_id");
    if (line.reverses_entry_id != 0) {
      out.number(line.reverses_entry_id);
    } else {
      out.null();
    }
    out.end_object();
  }
  out.end_array().end_object();
  return http::text_response(200, out.take(), "application/json");
}

http::Response statement_csv_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto statement = read_statement(context, request);
  if (!statement.ok()) return http::problem_from_error(statement.error());
  std::string csv =
      "effective_on,kind,description,reference,amount,balance_after,entry_id,posted_at\r\n";
  // Amounts, dates and ids are ours and stay numbers; text that came from people (descriptions,
  // references) can never start a spreadsheet formula.
  auto row = [&csv](const std::string& day, const std::string& kind, const std::string& description,
                    const std::string& reference, const std::string& amount,
                    const std::string& balance, const std::string& id,
                    const std::string& posted_at) {
    csv += csv_field(day) + ',' + csv_field(kind) + ',' + spreadsheet_csv_field(description) + ',' +
           spreadsheet_csv_field(reference) + ',' + csv_field(amount) + ',' + csv_field(balance) +
           ',' + csv_field(id) + ',' + csv_field(posted_at) + "\r\n";
  };
  row(statement->from ? format_local_date(*statement->from) : "", "", "Opening balance", "", "",
      statement->opening_balance.to_string(), "", "");
  for (const ledger::StatementLine& line : statement->lines) {
    row(format_local_date(line.effective_on), line.kind, line.description, line.reference,
        line.amount.to_string(), line.balance_after.to_string(), std::to_string(line.entry_id),
        line.posted_at);
  }
  row(statement->to ? format_local_date(*statement->to) : format_local_date(statement->as_of), "",
      "Closing balance", "", "", statement->closing_balance.to_string(), "", "");
  http::Response response = http::text_response(200, std::move(csv), "text/csv; charset=utf-8");
  response.set_header("Content-Disposition",
                      "attachment; filename=\"" + file_name(*statement, ".csv") + "\"");
  response.set_header("Cache-Control", "no-store");
  return response;
}

http::Response statement_pdf_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto statement = read_statement(context, request);
  if (!statement.ok()) return http::problem_from_error(statement.error());
  auto utility = context.database.read<std::string>(
      [](store::Session& session) { return store::utility_name(session); });
  if (!utility.ok()) return http::problem_from_error(utility.error());
  billing::document::StatementDocument document{.utility_name = *utility,
                                                .account_number = statement->account.formatted(),
                                                .customer_name = statement->customer_name,
                                                .mailing_address = statement->mailing_address,
                                                .shows = what_it_shows(*statement, request),
                                                .as_of = statement->as_of,
                                                .opening_balance = statement->opening_balance,
                                                .closing_balance = statement->closing_balance,
                                                .charges = statement->charges,
                                                .credits = statement->credits,
                                                .rows = {}};
  for (const ledger::StatementLine& line : statement->lines) {
    document.rows.push_back(
        {line.effective_on, line.description, line.reference, line.amount, line.balance_after});
  }
  auto pdf = billing::document::render_statement_pdf(document);
  if (!pdf.ok()) return http::problem_from_error(pdf.error());
  http::Response response = http::text_response(200, std::move(*pdf), "application/pdf");
  response.set_header("Content-Disposition",
                      "inline; filename=\"" + file_name(*statement, ".pdf") + "\"");
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace rp::api
