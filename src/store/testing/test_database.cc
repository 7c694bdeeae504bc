#include "store/testing/test_database.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "store/migrations.h"
#include "store/soci_session.h"

namespace rp::store::testing {
namespace {

std::string unique_suffix() {
  static std::atomic<int> counter{0};
  std::random_device random;
  return std::to_string(random()) + "_" + std::to_string(counter++);
}

std::string postgres_server_url() {
  const char* url = std::getenv("RATEPAYER_TEST_POSTGRES_URL");
  if (!url || !*url) {
    ADD_FAILURE() << "RATEPAYER_TEST_POSTGRES_URL is not set: run the PostgreSQL tests through "
                     "`make test`, which starts a server, or point it at a scratch database";
    std::abort();
  }
  return url;
}

}  // namespace

Engine engine_under_test() {
  const char* engine = std::getenv("RATEPAYER_TEST_ENGINE");
  return engine && std::string_view(engine) == "postgresql" ? Engine::postgresql : Engine::sqlite;
}

TestDatabase::TestDatabase(bool migrated) : engine_(engine_under_test()) {
  if (engine_ == Engine::sqlite) {
    auto folder = std::filesystem::temp_directory_path() / ("ratepayer-test-" + unique_suffix());
    std::filesystem::create_directories(folder);
    cleanup_ = folder.string();
    url_ = "sqlite:" + (folder / "test.db").string();
  } else {
    std::string server = postgres_server_url();
    cleanup_ = "t_" + unique_suffix();
    auto admin = open_soci_session(Engine::postgresql, server);
    if (!admin.ok()) {
      ADD_FAILURE() << "cannot reach the test PostgreSQL server: " << admin.error().message;
      std::abort();
    }
    auto created = (*admin)->execute("CREATE SCHEMA " + cleanup_);
    EXPECT_TRUE(created.ok());
    url_ = server + (server.find('?') == std::string::npos ? "?" : "&") +
           "options=-csearch_path%3D" + cleanup_;
  }
  auto opened = Database::open(url_);
  if (!opened.ok()) {
    ADD_FAILURE() << "cannot open test database " << url_ << ": " << opened.error().message;
    std::abort();
  }
  database_ = std::move(*opened);
  if (migrated) {
    auto applied = migrate(*database_);
    if (!applied.ok()) {
      ADD_FAILURE() << "migrations failed: " << applied.error().message;
      std::abort();
    }
  }
}

TestDatabase::~TestDatabase() {
  database_.reset();
  if (engine_ == Engine::sqlite) {
    std::error_code ignored;
    std::filesystem::remove_all(cleanup_, ignored);
    return;
  }
  if (auto admin = open_soci_session(Engine::postgresql, postgres_server_url()); admin.ok()) {
    (void)(*admin)->execute_script("SET client_min_messages = warning; DROP SCHEMA " + cleanup_ +
                                   " CASCADE");
  }
}

std::unique_ptr<Database> TestDatabase::reopen() const {
  auto opened = Database::open(url_);
  if (!opened.ok()) return nullptr;
  return std::move(*opened);
}

Rows query(Database& database, const std::string& sql) {
  auto rows = database.read<Rows>([&](Session& session) { return session.query(sql); });
  EXPECT_TRUE(rows.ok()) << sql << ": " << (rows.ok() ? "" : rows.error().message);
  return rows.ok() ? *rows : Rows{};
}

std::int64_t count(Database& database, const std::string& sql) {
  Rows rows = query(database, sql);
  EXPECT_FALSE(rows.empty()) << sql << " returned no row";
  return rows.empty() ? -1 : rows.front().integer(0);
}

Result<void> insert_bare_account(Session& session) {
  RP_TRY(session.execute("INSERT INTO persons (id, name, created_at) VALUES (1, 'A', 'x')"));
  RP_TRY(session.execute(
      "INSERT INTO accounts (id, number, person_id, status, bill_cycle, mail_line1, mail_city, "
      "mail_state, mail_zip, language, opened_on, created_at) VALUES (1, '100000017', 1, "
      "'active', 1, '1 Elm St', 'Eugene', 'OR', '97401', 'en', '2026-01-01', 'x')"));
  return success();
}

}  // namespace rp::store::testing
