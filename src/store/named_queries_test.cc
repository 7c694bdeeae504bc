// Every named query (src/*/sql/*.sql, with its engine's variant) compiles on the engine under
// test against the migrated schema: a renamed column, a missing table or engine-specific syntax
// in a shared file fails here, not in the one request that runs it. Each query is EXPLAINed
// (SQLite: EXPLAIN QUERY PLAN) with its parameters as NULL, so nothing runs.

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "store/sql_catalog.h"
#include "store/testing/test_database.h"

namespace rp::store {
namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// `sql` with each :parameter replaced by NULL; PostgreSQL's ::casts and text in quotes are kept.
std::string with_null_parameters(std::string_view sql) {
  std::string out;
  bool quoted = false;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'') quoted = !quoted;
    const bool parameter = !quoted && c == ':' && i + 1 < sql.size() && is_name_char(sql[i + 1]) &&
                           (i == 0 || sql[i - 1] != ':');
    if (!parameter) {
      out += c;
      continue;
    }
    std::size_t end = i + 1;
    while (end < sql.size() && is_name_char(sql[end])) ++end;
    out += "NULL";
    i = end - 1;
  }
  return out;
}

std::string base_name(std::string name) {
  for (std::string_view suffix : {".sqlite", ".postgresql"}) {
    if (name.ends_with(suffix)) name.resize(name.size() - suffix.size());
  }
  return name;
}

TEST(NamedQueries, EveryNamedQueryCompilesOnThisEngine) {
  testing::TestDatabase test;
  std::set<std::string> names;
  for (const auto& [name, text] : embedded_sql()) {
    if (name.find("/migrations/") == std::string::npos) names.insert(base_name(name));
  }
  ASSERT_GT(names.size(), 250u);  // every query file of every module
  std::size_t compiled = 0;
  for (const std::string& name : names) {
    auto text = catalog_sql(name, test.engine());
    ASSERT_TRUE(text.ok()) << name;
    const std::string explain =
        test.engine() == Engine::sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ";
    const std::string sql = explain + with_null_parameters(*text);
    // Each on its own write, always rolled back (EXPLAIN runs nothing, and should a file hold a
    // second statement, that is undone too): the callback's own "checked" error says it compiled.
    auto explained = test->write<int>([&](Session& session) -> Result<int> {
      RP_TRY(session.execute_script(sql));  // the engine's own call: compiled, rows discarded
      return internal_error("checked");
    });
    const bool ok = !explained.ok() && explained.error().message == "checked";
    EXPECT_TRUE(ok) << name << ": " << explained.error().message << "\n" << sql;
    if (ok) ++compiled;
  }
  EXPECT_EQ(compiled, names.size());
}

TEST(NamedQueries, ParametersBecomeNullButCastsAndQuotedTextStay) {
  EXPECT_EQ(with_null_parameters("SELECT :a::bigint, ':b' FROM t WHERE x = :c_d"),
            "SELECT NULL::bigint, ':b' FROM t WHERE x = NULL");
}

}  // namespace
}  // namespace rp::store
