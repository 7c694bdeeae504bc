#include <libpq-fe.h>

#include "store/bulk_engines.h"

namespace rp::store {
namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;

// COPY text format: tab-separated, \N for NULL, backslash escapes for the separators.
void append_field(std::string& buffer, const Value& value) {
  if (const auto* number = std::get_if<std::int64_t>(&value)) {
    buffer += std::to_string(*number);
    return;
  }
  const auto* text = std::get_if<std::string>(&value);
  if (!text) {
    buffer += "\\N";
    return;
  }
  for (char c : *text) {
    switch (c) {
      case '\\':
        buffer += "\\\\";
        break;
      case '\t':
        buffer += "\\t";
        break;
      case '\n':
        buffer += "\\n";
        break;
      case '\r':
        buffer += "\\r";
        break;
      default:
        buffer += c;
    }
  }
}

std::string copy_sql(const BulkTable& table) {
  std::string sql = "COPY " + table.name + " (";
  for (std::size_t i = 0; i < table.columns.size(); ++i) sql += (i ? ", " : "") + table.columns[i];
  return sql + ") FROM STDIN";
}

Result<void> finish_copy(PGconn* connection, const BulkTable& table, const char* abort_reason) {
  if (PQputCopyEnd(connection, abort_reason) != 1) {
    return unavailable("bulk copy into " + table.name + ": " + PQerrorMessage(connection));
  }
  Result<void> outcome = success();
  while (PGresult* result = PQgetResult(connection)) {
    if (PQresultStatus(result) != PGRES_COMMAND_OK && outcome.ok()) {
      std::string message = PQresultErrorMessage(result);
      const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
      Error failure = internal_error("bulk copy into " + table.name + ": " + message);
      if (state && std::string_view(state).starts_with("23")) failure.kind = ErrorKind::conflict;
      outcome = failure;
    }
    PQclear(result);
  }
  return outcome;
}

}  // namespace

Result<void> postgres_copy(void* handle, const BulkTable& table, const std::vector<Params>& rows) {
  auto* connection = static_cast<PGconn*>(handle);
  PGresult* started = PQexec(connection, copy_sql(table).c_str());
  bool ready = PQresultStatus(started) == PGRES_COPY_IN;
  std::string message = PQresultErrorMessage(started);
  PQclear(started);
  if (!ready) return internal_error("bulk copy into " + table.name + ": " + message);

  std::string buffer;
  buffer.reserve(kChunkBytes * 2);
  for (const Params& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c) buffer += '\t';
      append_field(buffer, row[c]);
    }
    buffer += '\n';
    if (buffer.size() >= kChunkBytes) {
      if (PQputCopyData(connection, buffer.data(), static_cast<int>(buffer.size())) != 1) {
        return finish_copy(connection, table, "send failed");
      }
      buffer.clear();
    }
  }
  if (!buffer.empty() &&
      PQputCopyData(connection, buffer.data(), static_cast<int>(buffer.size())) != 1) {
    return finish_copy(connection, table, "send failed");
  }
  return finish_copy(connection, table, nullptr);
}

}  // namespace rp::store
