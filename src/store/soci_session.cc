#include "store/soci_session.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <deque>

namespace rp::store {
namespace {

// SQLite and PostgreSQL report constraint violations with these words / SQLSTATE class 23.
Error translate(const soci::soci_error& failure, Engine engine) {
  std::string message = failure.get_error_message();
  if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&failure)) {
    std::string state = pg->sqlstate();
    if (state.starts_with("23")) return conflict(message);
    if (state.starts_with("08")) return unavailable(message);
  }
  if (engine == Engine::sqlite && message.find("constraint failed") != std::string::npos) {
    return conflict(message);
  }
  return internal_error(std::string(engine_name(engine)) + ": " + message);
}

// Holds bound parameter values at stable addresses for the statement's lifetime.
class Bindings {
 public:
  void bind(soci::statement& statement, const Params& params) {
    for (const Value& value : params) {
      if (const auto* number = std::get_if<std::int64_t>(&value)) {
        integers_.push_back(static_cast<long long>(*number));
        statement.exchange(soci::use(integers_.back()));
      } else if (const auto* text = std::get_if<std::string>(&value)) {
        texts_.push_back(*text);
        statement.exchange(soci::use(texts_.back()));
      } else {
        texts_.emplace_back();
        null_indicators_.push_back(soci::i_null);
        statement.exchange(soci::use(texts_.back(), null_indicators_.back()));
      }
    }
  }

 private:
  std::deque<long long> integers_;
  std::deque<std::string> texts_;
  std::deque<soci::indicator> null_indicators_;
};

Value column_value(const soci::row& row, std::size_t column) {
  if (row.get_indicator(column) == soci::i_null) return Null{};
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_integer:
      return static_cast<std::int64_t>(row.get<int>(column));
    case soci::dt_long_long:
      return static_cast<std::int64_t>(row.get<long long>(column));
    case soci::dt_unsigned_long_long:
      return static_cast<std::int64_t>(row.get<unsigned long long>(column));
    case soci::dt_string:
      return row.get<std::string>(column);
    default:
      // Ratepayer's schema stores no floating-point or engine date types; anything else is a
      // schema defect. Render it as text so the defect is visible rather than silently wrong.
      return std::string("<unsupported column type>");
  }
}

class SociSession final : public Session {
 public:
  SociSession(Engine engine, std::unique_ptr<soci::session> connection)
      : engine_(engine), connection_(std::move(connection)) {}

  Engine engine() const override { return engine_; }

  Result<Rows> query(std::string_view sql, const Params& params) override {
    try {
      soci::statement statement(*connection_);
      Bindings bindings;
      soci::row row;
      statement.alloc();
      bindings.bind(statement, params);
      statement.exchange(soci::into(row));
      statement.prepare(std::string(sql));
      statement.define_and_bind();
      Rows rows;
      bool more = statement.execute(true);
      while (more) {
        std::vector<Value> columns;
        columns.reserve(row.size());
        for (std::size_t i = 0; i < row.size(); ++i) columns.push_back(column_value(row, i));
        rows.emplace_back(std::move(columns));
        more = statement.fetch();
      }
      return rows;
    } catch (const soci::soci_error& failure) {
      return translate(failure, engine_);
    }
  }

  Result<std::int64_t> execute(std::string_view sql, const Params& params) override {
    try {
      soci::statement statement(*connection_);
      Bindings bindings;
      statement.alloc();
      bindings.bind(statement, params);
      statement.prepare(std::string(sql));
      statement.define_and_bind();
      statement.execute(true);
      return static_cast<std::int64_t>(statement.get_affected_rows());
    } catch (const soci::soci_error& failure) {
      return translate(failure, engine_);
    }
  }

  Result<void> execute_script(std::string_view sql) override {
    try {
      if (engine_ == Engine::postgresql) return execute_postgres_script(sql);
      auto* backend = static_cast<soci::sqlite3_session_backend*>(connection_->get_backend());
      char* message = nullptr;
      int code = ::sqlite_api::sqlite3_exec(backend->conn_, std::string(sql).c_str(), nullptr,
                                                nullptr, &message);
      if (code != 0) {
        std::string text = message ? message : "unknown error";
        ::sqlite_api::sqlite3_free(message);
        return internal_error("sqlite: " + text);
      }
      return success();
    } catch (const soci::soci_error& failure) {
      return translate(failure, engine_);
    }
  }

  // PQexec runs a multi-statement string (prepared statements cannot hold several commands).
  Result<void> execute_postgres_script(std::string_view sql) {
    auto* connection = static_cast<PGconn*>(native_handle());
    PGresult* result = PQexec(connection, std::string(sql).c_str());
    ExecStatusType status = PQresultStatus(result);
    std::string message = PQresultErrorMessage(result);
    PQclear(result);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return success();
    while (!message.empty() && message.back() == '\n') message.pop_back();
    return internal_error("postgresql: " + message);
  }

  void* native_handle() override {
    if (engine_ == Engine::sqlite) {
      return static_cast<soci::sqlite3_session_backend*>(connection_->get_backend())->conn_;
    }
    return static_cast<soci::postgresql_session_backend*>(connection_->get_backend())->conn_;
  }

 private:
  Engine engine_;
  std::unique_ptr<soci::session> connection_;
};

// SOCI appends its own options to the connect string, which corrupts a URI; libpq parses the URI
// and we hand SOCI the equivalent keyword=value form.
Result<std::string> postgres_conninfo(const std::string& url) {
  char* message = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &message);
  if (!options) {
    std::string text = message ? message : "unparseable";
    PQfreemem(message);
    return invalid_input("database_url", "invalid PostgreSQL URL: " + text);
  }
  std::string conninfo;
  for (PQconninfoOption* option = options; option->keyword; ++option) {
    if (!option->val) continue;
    std::string value;
    for (char c : std::string(option->val)) {
      if (c == '\\' || c == '\'') value += '\\';
      value += c;
    }
    conninfo += std::string(conninfo.empty() ? "" : " ") + option->keyword + "='" + value + "'";
  }
  PQconninfoFree(options);
  return conninfo;
}

}  // namespace

Result<std::unique_ptr<Session>> open_soci_session(Engine engine, const std::string& connect_string) {
  try {
    const soci::backend_factory& factory =
        engine == Engine::sqlite ? *soci::factory_sqlite3() : *soci::factory_postgresql();
    std::string target = connect_string;
    if (engine == Engine::postgresql) {
      auto conninfo = postgres_conninfo(connect_string);
      if (!conninfo.ok()) return conninfo.error();
      target = *conninfo;
    }
    auto connection = std::make_unique<soci::session>(factory, target);
    return std::unique_ptr<Session>(std::make_unique<SociSession>(engine, std::move(connection)));
  } catch (const soci::soci_error& failure) {
    return unavailable(failure.get_error_message());
  }
}

}  // namespace rp::store
