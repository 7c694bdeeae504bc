// Letters for the print-and-mail export: queued in a transaction, exported once, their text gone
// from the database after.

#include "notify/letters.h"

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "store/testing/test_database.h"

namespace rp::notify {
namespace {

using store::testing::count;

TEST(Letters, AreExportedOnceAsCsvAndTheirTextLeavesTheDatabase) {
  store::testing::TestDatabase test;
  accounts::testing::open_sample_account(test.database());
  const std::int64_t account =
      count(test.database(), "SELECT id FROM accounts ORDER BY id LIMIT 1");
  auto queued = test->write<std::int64_t>([&](store::Session& session) -> Result<std::int64_t> {
    RP_TRY(queue_letter(session, {0, account, "account-link-code", "Maria \"Mari\" Lopez",
                                  "1204 Elm St\nApt 3\nSpringfield, OR 97477", "es",
                                  "Su código:\n\n    K7QP-M3XD\n", ""}));
    return queue_letter(session, {0, account, "account-link-code", "Ben Ortiz",
                                  "17 Oak Ave\nSpringfield, OR 97477", "en", "Code", ""});
  });
  ASSERT_TRUE(queued.ok()) << queued.error().message;
  auto letters = letters_to_print(test.database());
  ASSERT_TRUE(letters.ok());
  ASSERT_EQ(letters->size(), 2u);
  const std::string csv = letters_csv(*letters);
  EXPECT_TRUE(
      csv.starts_with("id,kind,recipient,address_line_1,address_line_2,address_line_3,"
                      "language,body\r\n"));
  EXPECT_NE(csv.find(R"("Maria ""Mari"" Lopez","1204 Elm St","Apt 3","Springfield, OR 97477")"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find(R"("Ben Ortiz","17 Oak Ave","Springfield, OR 97477","")"), std::string::npos);

  std::vector<std::int64_t> ids;
  for (const Letter& letter : *letters) ids.push_back(letter.id);
  ASSERT_TRUE(mark_letters_exported(test.database(), ids).ok());
  EXPECT_TRUE(letters_to_print(test.database())->empty());
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM letters WHERE body <> ''"), 0);

  auto empty = test->write<std::int64_t>([&](store::Session& session) {
    return queue_letter(session, {0, account, "account-link-code", "Ana", "", "en", "x", ""});
  });
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().field, "address");
}

}  // namespace
}  // namespace rp::notify
