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
  std::vector<std::string> received;
  bool closed = false;
};

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
  AccountFeed feed(test.database(), std::chrono::hours(1));  // passes run only when called here
  ASSERT_TRUE(feed.start().ok());
  auto marias_page = std::make_shared<RecordingSink>();
  auto bens_page = std::make_shared<RecordingSink>();
  feed.subscribe({maria.digits()}, marias_page);
  feed.subscribe({ben.digits()}, bens_page);
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

}  // namespace
}  // namespace rp::api
