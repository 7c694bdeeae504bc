#include "accounts/account_notes.h"

#include <gtest/gtest.h>

#include "accounts/account_service.h"
#include "accounts/testing/account_fixtures.h"
#include "core/idempotency_key.h"
#include "store/testing/test_database.h"

namespace rp::accounts {
namespace {

using store::testing::count;
using store::testing::TestDatabase;

class AccountNotesTest : public ::testing::Test {
 protected:
  std::vector<std::string> bodies(std::size_t limit = 100, std::int64_t cursor = 0) {
    auto page = notes_of_account(test_.database(), account_, limit, cursor);
    EXPECT_TRUE(page.ok()) << (page.ok() ? "" : page.error().message);
    std::vector<std::string> out;
    if (page.ok()) {
      for (const auto& note : page->notes) out.push_back(note.body);
    }
    return out;
  }

  std::int64_t events(const std::string& kind) {
    return count(test_.database(),
                 "SELECT COUNT(*) FROM account_events WHERE kind = '" + kind + "'");
  }

  TestDatabase test_;
  AccountNumber account_ = testing::open_sample_account(test_.database());
};

TEST_F(AccountNotesTest, ANoteIsKeptWithWhoWroteItAndIsInTheHistory) {
  auto note =
      add_note(test_.database(), account_,
               {"call", "  Asked why the November bill is high; explained the cold snap. ", false},
               "staff:7");
  ASSERT_TRUE(note.ok()) << note.error().message;
  EXPECT_EQ(note->note.body, "Asked why the November bill is high; explained the cold snap.");
  EXPECT_EQ(note->note.written_by, "staff:7");
  EXPECT_EQ(events("note.added"), 1);
  auto rows = store::testing::query(
      test_.database(), "SELECT actor, summary FROM account_events WHERE kind = 'note.added'");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].text("actor"), "staff:7");
  EXPECT_EQ(rows[0].text("summary"),
            "Call note: Asked why the November bill is high; explained the cold snap.");
}

TEST_F(AccountNotesTest, PinnedNotesComeFirstThenTheNewestAndPagesDoNotRepeat) {
  for (const char* body : {"first", "second", "third", "fourth"}) {
    ASSERT_TRUE(add_note(test_.database(), account_, {"general", body, false}, "staff:1").ok());
  }
  auto second = notes_of_account(test_.database(), account_, 100, 0)->notes.at(2);
  ASSERT_EQ(second.body, "second");
  ASSERT_TRUE(pin_note(test_.database(), account_, second.id, true, "staff:2").ok());
  EXPECT_EQ(bodies(), (std::vector<std::string>{"second", "fourth", "third", "first"}));
  auto page = notes_of_account(test_.database(), account_, 2, 0);
  ASSERT_TRUE(page.ok());
  ASSERT_TRUE(page->next_cursor.has_value());
  EXPECT_EQ(bodies(2, *page->next_cursor), (std::vector<std::string>{"third", "first"}));
  // Pinning again changes nothing and records nothing; unpinning is recorded.
  ASSERT_TRUE(pin_note(test_.database(), account_, second.id, true, "staff:2").ok());
  EXPECT_EQ(events("note.pinned"), 1);
  ASSERT_TRUE(pin_note(test_.database(), account_, second.id, false, "staff:2").ok());
  EXPECT_EQ(events("note.unpinned"), 1);
  EXPECT_EQ(bodies().front(), "fourth");
}

TEST_F(AccountNotesTest, BadNotesAreRefusedNamingTheFieldAndWriteNothing) {
  auto expect_refused = [&](const NewNote& note, const std::string& field) {
    auto added = add_note(test_.database(), account_, note, "staff:1");
    ASSERT_FALSE(added.ok());
    EXPECT_EQ(added.error().field, field) << added.error().message;
  };
  expect_refused({"gossip", "text", false}, "kind");
  expect_refused({"call", " \n ", false}, "body");
  expect_refused({"call", std::string(4001, 'x'), false}, "body");
  expect_refused({"call", std::string("bell\x07"), false}, "body");
  EXPECT_TRUE(
      add_note(test_.database(), account_, {"call", std::string(4000, 'x'), false}, "staff:1")
          .ok());
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM account_notes"), 1);
  auto unknown = add_note(test_.database(), AccountNumber::from_sequence(999),
                          {"call", "hello", false}, "staff:1");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().kind, ErrorKind::not_found);
}

TEST_F(AccountNotesTest, ARetryWithTheSameKeyGetsTheSameNoteAndADifferentNoteIsRefused) {
  const std::string key = client_idempotency_key("account:" + account_.digits() + "/staff:1", "n1");
  NewNote note{"call", "Asked for a payment extension", false, key};
  auto first = add_note(test_.database(), account_, note, "staff:1");
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_FALSE(first->replayed);
  auto again = add_note(test_.database(), account_, note, "staff:1");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->note.id, first->note.id);
  note.body = "Something else";
  auto other = add_note(test_.database(), account_, note, "staff:1");
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().field, "Idempotency-Key");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM account_notes"), 1);
  EXPECT_EQ(events("note.added"), 1);
}

TEST_F(AccountNotesTest, ANoteOfAnotherAccountCannotBePinnedFromThisOne) {
  auto other = testing::open_sample_account(
      test_.database(), {"Ana Torres", "77 Willow Way", "97401", "E2000001", false});
  auto note =
      add_note(test_.database(), other, {"dispute", "Disputes the meter read", false}, "staff:1");
  ASSERT_TRUE(note.ok());
  auto pinned = pin_note(test_.database(), account_, note->note.id, true, "staff:1");
  ASSERT_FALSE(pinned.ok());
  EXPECT_EQ(pinned.error().kind, ErrorKind::not_found);
}

TEST_F(AccountNotesTest, TheDatabaseRefusesToEditOrDeleteANote) {
  ASSERT_TRUE(
      add_note(test_.database(), account_, {"complaint", "Rude meter reader", false}, "staff:1")
          .ok());
  for (const char* change :
       {"UPDATE account_notes SET body = 'Polite meter reader'", "DELETE FROM account_notes"}) {
    auto changed = test_->write<std::int64_t>(
        [&](store::Session& session) { return session.execute(change); });
    EXPECT_FALSE(changed.ok()) << change;
  }
  auto pinned = test_->write<std::int64_t>([](store::Session& session) {
    return session.execute("UPDATE account_notes SET pinned = 1");
  });
  EXPECT_TRUE(pinned.ok());
}

}  // namespace
}  // namespace rp::accounts
