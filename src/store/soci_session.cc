#include "store/soci_session.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <deque>
#include <unordered_map>

namespace rp::store {
namespace {

// The error a caller sees for the database's refusal: the database's own words (which name its
// tables and constraints) go to log_detail only.
Error with_detail(Error error, const std::string& database_text) {
  error.log_detail = database_text;
  return error;
}

// SQLite and PostgreSQL report constraint violations with these words / SQLSTATE class 23.
Error translate(const soci::soci_error& failure, Engine engine) {
  std::string message = failure.get_error_message();
  const Error refused = conflict(
      "the change conflicts with what is already stored (it was made at the same time "
      "by another request, or it repeats one); nothing was changed");
  if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&failure)) {
    std::string state = pg->sqlstate();
    if (state.starts_with("23")) return with_detail(refused, message);
    if (state.starts_with("08")) {
      return with_detail(unavailable("the database is not answering; try again"), message);
    }
  }
  if (engine == Engine::sqlite && message.find("constraint failed") != std::string::npos) {
    return with_detail(refused, message);
  }
  return internal_error(std::string(engine_name(engine)) + ": " + message);
}

// A statement prepared once and executed many times: its parameters are bound (by reference) to
// storage owned here, so a later execution only assigns new values. One per (SQL, parameter
// types, returns rows) on each connection.
class PreparedStatement {
 public:
  PreparedStatement(soci::session& connection, const std::string& sql, const Params& params,
                    bool returns_rows)
      : statement_(connection) {
    statement_.alloc();
    for (const Value& value : params) {
      indicators_.push_back(soci::i_ok);
      if (std::holds_alternative<std::int64_t>(value)) {
        slots_.push_back({true, integers_.size()});
        integers_.push_back(0);
        statement_.exchange(soci::use(integers_.back(), indicators_.back()));
      } else {
        slots_.push_back({false, texts_.size()});
        texts_.emplace_back();
        statement_.exchange(soci::use(texts_.back(), indicators_.back()));
      }
    }
    if (returns_rows) statement_.exchange(soci::into(row_));
    statement_.prepare(sql);
    statement_.define_and_bind();
  }

  // Assigns `params` (of the types this statement was prepared with) and executes.
  bool execute(const Params& params) {
    for (std::size_t i = 0; i < params.size(); ++i) {
      const Value& value = params[i];
      indicators_[i] = std::holds_alternative<Null>(value) ? soci::i_null : soci::i_ok;
      if (const auto* number = std::get_if<std::int64_t>(&value)) {
        integers_[slots_[i].index] = static_cast<long long>(*number);
      } else if (const auto* text = std::get_if<std::string>(&value)) {
        texts_[slots_[i].index] = *text;
      }
    }
    return statement_.execute(true);
  }

  bool fetch() { return statement_.fetch(); }
  const soci::row& row() const { return row_; }
  // The result's column names, read from the first row fetched and kept for later executions.
  const ColumnNames& names() {
    if (!names_) {
      auto names = std::make_shared<std::vector<std::string>>();
      names->reserve(row_.size());
      for (std::size_t i = 0; i < row_.size(); ++i) {
        names->push_back(row_.get_properties(i).get_name());
      }
      names_ = std::move(names);
    }
    return names_;
  }
  long long affected_rows() { return statement_.get_affected_rows(); }

  // The cache key: parameter types, whether rows come back, and the SQL.
  static std::string key(std::string_view sql, const Params& params, bool returns_rows) {
    std::string key(returns_rows ? "R" : "E");
    for (const Value& value : params)
      key += std::holds_alternative<std::int64_t>(value) ? 'i' : 's';
    key += '|';
    key += sql;
    return key;
  }

 private:
  struct Slot {
    bool integer;
    std::size_t index;
  };
  soci::statement statement_;
  soci::row row_;
  ColumnNames names_;
  std::vector<Slot> slots_;
  std::deque<long long> integers_;
  std::deque<std::string> texts_;
  std::deque<soci::indicator> indicators_;
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
    std::string key = PreparedStatement::key(sql, params, true);
    try {
      PreparedStatement& statement = prepared(key, sql, params, true);
      Rows rows;
      bool more = statement.execute(params);
      while (more) {
        const soci::row& row = statement.row();
        std::vector<Value> columns;
        columns.reserve(row.size());
        for (std::size_t i = 0; i < row.size(); ++i) columns.push_back(column_value(row, i));
        rows.emplace_back(std::move(columns), statement.names());
        more = statement.fetch();
      }
      return rows;
    } catch (const soci::soci_error& failure) {
      statements_.erase(key);
      return translate(failure, engine_);
    }
  }

  Result<std::int64_t> execute(std::string_view sql, const Params& params) override {
    std::string key = PreparedStatement::key(sql, params, false);
    try {
      PreparedStatement& statement = prepared(key, sql, params, false);
      statement.execute(params);
      return static_cast<std::int64_t>(statement.affected_rows());
    } catch (const soci::soci_error& failure) {
      statements_.erase(key);
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
  static constexpr std::size_t kMaxPreparedStatements = 256;

  // The cached statement for `key`, preparing it on first use. Throws soci_error.
  PreparedStatement& prepared(const std::string& key, std::string_view sql, const Params& params,
                              bool returns_rows) {
    if (auto found = statements_.find(key); found != statements_.end()) return *found->second;
    if (statements_.size() >= kMaxPreparedStatements) statements_.clear();
    auto statement =
        std::make_unique<PreparedStatement>(*connection_, std::string(sql), params, returns_rows);
    return *statements_.emplace(key, std::move(statement)).first->second;
  }

  Engine engine_;
  std::unique_ptr<soci::session> connection_;
  std::unordered_map<std::string, std::unique_ptr<PreparedStatement>> statements_;
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

Result<std::unique_ptr<Session>> open_soci_session(Engine engine,
                                                   const std::string& connect_string) {
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
    auto session = std::make_unique<SociSession>(engine, std::move(connection));
    if (engine == Engine::postgresql) {
      // The server's NOTICEs ("relation ... already exists, skipping") are not for the person at
      // the terminal: libpq would print them to stderr. Warnings and errors still arrive as errors.
      PQsetNoticeProcessor(
          static_cast<PGconn*>(session->native_handle()), [](void*, const char*) {}, nullptr);
    }
    return std::unique_ptr<Session>(std::move(session));
  } catch (const soci::soci_error& failure) {
    return unavailable(failure.get_error_message());
  }
}

}  // namespace rp::store
