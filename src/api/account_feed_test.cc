// Live updates: each committed account event reaches the streams that follow its account.

#include "api/account_feed.h"

#include <gtest/gtest.h>

#include "accounts/account_events.h"
#include "accounts/account_service.h"
#include "accounts/testing/account_fixtures.h"
#include "store/testing/test_database.h"

namespace rp::api {
namespace {

class RecordingSink final : public http::EventSink {
 public:
  bool send(std::string text) override {
    if (closed) return false;
    received.push_back(std::move(text));
    return true;
  }
  void end() override {
    ended = true;
    closed = true;
  }
  std::vector<std::string> received;
  bool closed = false;
  bool ended = false;
};

// A login with a session started `age` ago and last seen `idle` ago; returns the session's id.
std::int64_t session_of(store::Database& database, const std::string& email,
                        std::chrono::seconds age, std::chrono::seconds idle) {
  auto id = database.write<std::int64_t>([&](store::Session& session) -> Result<std::int64_t> {
    const std::string created = format_instant(now() - age);
    auto user = session.query(
        "INSERT INTO users (email, language, created_at) VALUES (:email, 'en', :at) RETURNING id",
        {email, created});
    RP_TRY(user);
    auto opened = session.query_named(
        "auth/insert_session", {user->at(0).integer(0), "hash-" + email, std::string("csrf"),
                                created, format_instant(now() - idle), std::string("127.0.0.1")});
    RP_TRY(opened);
    return opened->at(0).integer(0);
  });
  EXPECT_TRUE(id.ok()) << id.error().message;
  return id.ok() ? *id : 0;
}

void record(store::Database& database, const AccountNumber& number, const std::string& kind) {
  auto written = database.write_work([&](store::Session& session) -> Result<void> {
    auto key = accounts::find_account_key(session, number);
    if (!key.ok()) return key.error();
    accounts::NewAccountEvent event;
    event.account_id = key->id;
    event.kind = kind;
    event.actor = "staff:test";
    event.summary = kind;
    auto id = accounts::record_event(session, event);
    if (!id.ok()) return id.error();
    return success();
  });
  ASSERT_TRUE(written.ok()) << written.error().message;
}

TEST(AccountFeed, EachEventReachesOnlyTheStreamsOfItsAccountAndClosedOnesAreDropped) {
  store::testing::TestDatabase test;
  AccountNumber maria = accounts::testing::open_sample_account(test.database());
  AccountNumber ben = accounts::testing::open_sample_account(
      test.database(), {"Ben Ortiz", "17 Oak Ave", "97477", "E2000017", false});
  // Passes run only when called here.
  AccountFeed feed(test.database(), auth::LoginSettings{}, std::chrono::hours(1));
  ASSERT_TRUE(feed.start().ok());
  auto marias_page = std::make_shared<RecordingSink>();
  auto bens_page = std::make_shared<RecordingSink>();
  feed.subscribe(1, {maria.digits()}, marias_page);
  feed.subscribe(2, {ben.digits()}, bens_page);
  EXPECT_EQ(feed.streams(), 2u);
  // Events from before the feed started are not replayed.
  auto none = feed.deliver_new_events();
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, 0u);

  record(test.database(), maria, "payment.received");
  record(test.database(), maria, "adjustment.posted");
  auto delivered = feed.deliver_new_events();
  ASSERT_TRUE(delivered.ok()) << delivered.error().message;
  EXPECT_EQ(*delivered, 2u);
  ASSERT_EQ(marias_page->received.size(), 2u);
  EXPECT_EQ(marias_page->received[0], "event: account\ndata: {\"account_number\":\"" +
                                          maria.digits() + "\",\"kind\":\"payment.received\"}\n\n");
  EXPECT_TRUE(bens_page->received.empty());

  // A page that closed is dropped at the next event of its account.
  marias_page->closed = true;
  record(test.database(), maria, "bill.ready");
  ASSERT_TRUE(feed.deliver_new_events().ok());
  EXPECT_EQ(feed.streams(), 1u);
}

TEST(AccountFeed, AStreamEndsOnceItsSessionEndsIdlesOrGrowsTooOld) {
  store::testing::TestDatabase test;
  AccountNumber maria = accounts::testing::open_sample_account(test.database());
  using std::chrono::hours;
  using std::chrono::minutes;
  const std::int64_t signing_out = session_of(test.database(), "out@example.com", hours(1), {});
  const std::int64_t staying = session_of(test.database(), "stay@example.com", hours(1), {});
  const std::int64_t idle = session_of(test.database(), "idle@example.com", hours(1), minutes(31));
  const std::int64_t old = session_of(test.database(), "old@example.com", hours(13), {});
  AccountFeed feed(test.database(), auth::LoginSettings{}, hours(1));
  ASSERT_TRUE(feed.start().ok());
  auto out_page = std::make_shared<RecordingSink>();
  auto staying_page = std::make_shared<RecordingSink>();
  auto idle_page = std::make_shared<RecordingSink>();
  auto old_page = std::make_shared<RecordingSink>();
  feed.subscribe(signing_out, {maria.digits()}, out_page);
  feed.subscribe(staying, {maria.digits()}, staying_page);
  feed.subscribe(idle, {maria.digits()}, idle_page);
  feed.subscribe(old, {maria.digits()}, old_page);

  auto ended = feed.end_streams_of_ended_sessions();
  ASSERT_TRUE(ended.ok()) << ended.error().message;
  EXPECT_EQ(*ended, 2u);  // idle 31 minutes; started 13 hours ago
  EXPECT_TRUE(idle_page->ended);
  EXPECT_TRUE(old_page->ended);
  EXPECT_FALSE(out_page->ended);

  ASSERT_TRUE(auth::end_session(test.database(), signing_out).ok());
  ended = feed.end_streams_of_ended_sessions();
  ASSERT_TRUE(ended.ok());
  EXPECT_EQ(*ended, 1u);
  EXPECT_TRUE(out_page->ended);
  EXPECT_FALSE(staying_page->ended);
  EXPECT_EQ(feed.streams(), 1u);

  // Only the live session's page hears of the next payment.
  record(test.database(), maria, "payment.received");
  ASSERT_TRUE(feed.deliver_new_events().ok());
  EXPECT_EQ(staying_page->received.size(), 1u);
  EXPECT_TRUE(out_page->received.empty());
}

TEST(AccountFeed, OneSessionHoldsAFewStreamsAtMostAndTheOldestGivesWay) {
  store::testing::TestDatabase test;
  AccountNumber maria = accounts::testing::open_sample_account(test.database());
  AccountFeed feed(test.database(), auth::LoginSettings{}, std::chrono::hours(1));
  ASSERT_TRUE(feed.start().ok());
  std::vector<std::shared_ptr<RecordingSink>> tabs;
  for (int i = 0; i < 500; ++i) {
    tabs.push_back(std::make_shared<RecordingSink>());
    feed.subscribe(7, {maria.digits()}, tabs.back());
  }
  EXPECT_EQ(feed.streams(), AccountFeed::kStreamsPerSession);
  // The newest ones stay open; every older one was ended.
  for (std::size_t i = 0; i < tabs.size(); ++i) {
    EXPECT_EQ(tabs[i]->ended, i < tabs.size() - AccountFeed::kStreamsPerSession) << i;
  }
  // Another session's streams are its own.
  auto other = std::make_shared<RecordingSink>();
  feed.subscribe(8, {maria.digits()}, other);
  EXPECT_EQ(feed.streams(), AccountFeed::kStreamsPerSession + 1);
  EXPECT_FALSE(tabs.back()->ended);
  // A stream with nothing to follow is not kept open.
  auto empty = std::make_shared<RecordingSink>();
  feed.subscribe(9, {}, empty);
  EXPECT_TRUE(empty->ended);
}

}  // namespace
}  // namespace rp::api
