// Notice choices, the history of notices and the unsubscribe link over HTTP: a customer reaches
// only their own account's, bad bodies change nothing, and the link works without signing in.

#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "accounts/account_events.h"
#include "accounts/testing/account_fixtures.h"
#include "api/testing/customers.h"
#include "api/testing/two_accounts.h"
#include "notify/notices.h"
#include "notify/sms_signature.h"
#include "store/testing/test_database.h"

namespace rp::api {
namespace {

using store::testing::count;
using store::testing::query;
using testing::as;
using testing::Customer;

class NoticesApiTest : public testing::TwoAccountsTest {
 protected:
  // A receipt for Maria's account, decided into the outbox; returns its unsubscribe token.
  std::string receipt() {
    EXPECT_TRUE(notify::start_notices(test_.database()).ok());
    const std::int64_t account =
        count(test_.database(), "SELECT id FROM accounts WHERE number = '" + maria_.digits() + "'");
    EXPECT_TRUE(test_
                    ->write<std::int64_t>([&](store::Session& session) {
                      return accounts::record_event(
                          session, {account, "payment.received", "system", "paid",
                                    R"({"confirmation": "P1", "amount": "10.00"})"});
                    })
                    .ok());
    EXPECT_TRUE(notify::queue_notices(test_.database(), {}).ok());
    auto rows = query(test_.database(),
                      "SELECT unsubscribe_url FROM email_outbox WHERE unsubscribe_url <> '' ORDER "
                      "BY id DESC LIMIT 1");
    if (rows.empty()) return "";
    std::smatch found;
    const std::string url = rows[0].text(0);
    if (!std::regex_search(url, found, std::regex("token=([A-Za-z0-9_-]+)"))) return "";
    return found[1];
  }
};

TEST_F(NoticesApiTest, ACustomerChoosesTheirOwnAccountsNoticesOnly) {
  Customer maria = testing::sign_up(server_, test_.database(), "maria@example.com", "1204 Elm St");
  auto mine = server_.send("GET", path(maria_, "/notice-choices"), as(maria));
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.json()["kinds"][0]["kind"], "bill.ready");
  EXPECT_EQ(server_.send("GET", path(ben_, "/notice-choices"), as(maria)).status, 404);
  EXPECT_EQ(server_.send("GET", path(ben_, "/notices"), as(maria)).status, 404);
  EXPECT_EQ(server_
                .send("PUT", path(ben_, "/notice-choices"), as(maria),
                      R"({"changes": [{"kind": "payment.received", "channel": "email",
                                          "enabled": false}]})")
                .status,
            404);
  const std::string off =
      R"({"changes": [{"kind": "payment.received", "channel": "email", "enabled": false}]})";
  EXPECT_EQ(server_.send("PUT", path(maria_, "/notice-choices"), as(maria, false), off).status,
            403);  // no CSRF token
  auto changed = server_.send("PUT", path(maria_, "/notice-choices"), as(maria), off);
  ASSERT_EQ(changed.status, 200) << changed.body;
  const auto events =
      query(test_.database(), "SELECT actor FROM account_events WHERE kind = 'notices.changed'");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(events[0].text(0).starts_with("customer:")) << events[0].text(0);
}

TEST_F(NoticesApiTest, BadChangesAreRefusedByNameAndChangeNothing) {
  for (const char* body :
       {R"({})", R"({"changes": []})", R"({"changes": [{"kind": "payment.received"}]})",
        R"({"changes": [{"kind": "payment.received", "channel": "email", "enabled": "no"}]})",
        R"({"changes": [{"kind": "payment.failed", "channel": "email", "enabled": false}]})",
        R"({"changes": [{"kind": "nope", "channel": "email", "enabled": false}]})"}) {
    auto refused = server_.request("PUT", path(maria_, "/notice-choices"), body);
    EXPECT_EQ(refused.status, 422) << body << " " << refused.body;
  }
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM notice_preferences"), 0);
  EXPECT_EQ(server_.get(path(maria_, "/notices?limit=0")).status, 422);
}

TEST_F(NoticesApiTest, TheOneClickUnsubscribeWorksWithoutSigningInAndNeedsTheWholeToken) {
  const std::string token = receipt();
  ASSERT_FALSE(token.empty());
  auto history = server_.get(path(maria_, "/notices"));
  ASSERT_EQ(history.status, 200) << history.body;
  EXPECT_EQ(history.json()["notices"][0]["kind"], "payment.received");

  const std::string link = "/api/v1/notices/unsubscribe?token=" + token;
  auto shown = server_.send("GET", link, {});
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_EQ(shown.json()["kind"], "payment.received");
  EXPECT_TRUE(shown.json()["enabled"].get<bool>());
  EXPECT_EQ(server_
                .send("POST", "/api/v1/notices/unsubscribe?token=" + token + "x",
                      {{"Content-Type", "application/x-www-form-urlencoded"}},
                      "List-Unsubscribe=One-Click")
                .status,
            404);
  EXPECT_EQ(server_.send("POST", "/api/v1/notices/unsubscribe", {}, "").status, 422);
  EXPECT_EQ(server_.send("POST", link, {}, "please").status, 422);
  auto stopped = server_.send("POST", link, {{"Content-Type", "application/x-www-form-urlencoded"}},
                              "List-Unsubscribe=One-Click");
  ASSERT_EQ(stopped.status, 200) << stopped.body;
  EXPECT_FALSE(stopped.json()["enabled"].get<bool>());
  auto choices = server_.get(path(maria_, "/notice-choices")).json();
  for (const auto& kind : choices["kinds"]) {
    if (kind["kind"] == "payment.received") {
      EXPECT_FALSE(kind["email"].get<bool>());
    }
  }
}

TEST_F(NoticesApiTest, OnlyTheProvidersSignedPostsStopTextsAndEachIsAnsweredOnce) {
  const notify::SmsWebhookSettings sms{"provider-token", "https://portal.example.com"};
  auto post = [&](const std::map<std::string, std::string>& form, const std::string& signature) {
    std::string body;
    for (const auto& [name, value] : form) {
      std::string encoded;  // as a form encodes it: '+' is %2B
      for (char c : value) encoded += c == '+' ? std::string("%2B") : std::string(1, c);
      body += (body.empty() ? "" : "&") + name + "=" + encoded;
    }
    return server_.send(
        "POST", "/api/v1/sms/inbound",
        {{"Content-Type", "application/x-www-form-urlencoded"}, {"X-Twilio-Signature", signature}},
        body);
  };
  const std::map<std::string, std::string> stop{
      {"MessageSid", "SM1"}, {"From", "+15415550134"}, {"Body", "STOP"}};
  EXPECT_EQ(post(stop, "x").status, 503);  // no provider configured
  server_.context().sms = &sms;
  // Consent first, with the words the API shows.
  auto shown = server_.get(path(maria_, "/text-consent?number=541-555-0134&language=en"));
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_FALSE(shown.json()["granted"].get<bool>());
  const std::string wording = shown.json()["wording"];
  nlohmann::json grant{{"number", "541-555-0134"}, {"language", "en"}, {"wording", wording}};
  auto granted = server_.request("PUT", path(maria_, "/text-consent"), grant.dump());
  ASSERT_EQ(granted.status, 200) << granted.body;
  EXPECT_EQ(granted.json()["source"], "staff");
  grant["wording"] = "something else";
  EXPECT_EQ(server_.request("PUT", path(maria_, "/text-consent"), grant.dump()).status, 422);

  const std::string url = "https://portal.example.com/api/v1/sms/inbound";
  EXPECT_EQ(post(stop, notify::sms_signature("another-token", url, stop)).status, 403);
  EXPECT_EQ(post(stop, "").status, 403);
  EXPECT_TRUE(server_.get(path(maria_, "/text-consent")).json()["granted"].get<bool>());
  auto answered = post(stop, notify::sms_signature("provider-token", url, stop));
  ASSERT_EQ(answered.status, 200) << answered.body;
  EXPECT_EQ(answered.header("content-type").value_or(""), "text/xml");
  EXPECT_FALSE(server_.get(path(maria_, "/text-consent")).json()["granted"].get<bool>());
  EXPECT_EQ(post(stop, notify::sms_signature("provider-token", url, stop)).status, 200);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM text_outbox"), 1);  // one answer

  const std::map<std::string, std::string> status{{"MessageSid", "SM9"},
                                                  {"MessageStatus", "delivered"}};
  auto recorded = server_.send(
      "POST", "/api/v1/sms/status",
      {{"Content-Type", "application/x-www-form-urlencoded"},
       {"X-Twilio-Signature",
        notify::sms_signature("provider-token", "https://portal.example.com/api/v1/sms/status",
                              status)}},
      "MessageSid=SM9&MessageStatus=delivered");
  EXPECT_EQ(recorded.status, 204) << recorded.body;
}

}  // namespace
}  // namespace rp::api
