// The API over real HTTP against a real database (each engine), as a client would use it.

#include <gtest/gtest.h>

#include "store/utility_settings.h"

#include "accounts/testing/account_fixtures.h"
#include "api/api.h"
#include "api/testing/staff_keys.h"
#include "http/test_client.h"
#include "store/testing/test_database.h"

namespace rp::api {
namespace {

using http::testing::ClientResponse;
using http::testing::RunningServer;
using http::testing::TestClient;

class ApiTest : public ::testing::Test {
 protected:
  ApiTest()
      : context_{test_.database(), metrics_},
        key_(testing::make_staff_key(test_.database(), "test staff", {"administrator"})) {
    add_routes(router_, context_);
    http::ServerOptions options;
    options.port = 0;
    options.body_limit = 4096;
    server_ = std::make_unique<RunningServer>(router_, metrics_, options);
    client_ = std::make_unique<TestClient>(server_->port());
  }

  ClientResponse get(const std::string& target, bool authorized = true) {
    std::vector<std::pair<std::string, std::string>> headers;
    if (authorized) headers.emplace_back("Authorization", "Bearer " + key_);
    return client_->request("GET", target, headers);
  }

  ClientResponse post_json(const std::string& target, const std::string& body,
                           const std::string& content_type = "application/json") {
    return client_->request("POST", target,
                            {{"Authorization", "Bearer " + key_}, {"Content-Type", content_type}},
                            body);
  }

  store::testing::TestDatabase test_;
  http::Metrics metrics_;
  ApiContext context_;
  std::string key_;
  http::Router router_;
  std::unique_ptr<RunningServer> server_;
  std::unique_ptr<TestClient> client_;
};

const char* kNewAccount = R"({
  "customer": {"name": "Luis Hernández", "email": "luis@example.com", "phone": "+15415550142"},
  "mailing_address": {"line1": "410 Main St", "city": "Eugene", "state": "OR", "zip": "97401"},
  "language": "es", "bill_cycle": 7, "opened_on": "2026-11-20"})";

void expect_problem(const ClientResponse& response, int status, const std::string& field = "") {
  EXPECT_EQ(response.status, status) << response.body;
  EXPECT_EQ(response.header("content-type").value_or(""), "application/problem+json");
  auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["status"], status);
  EXPECT_FALSE(body["detail"].get<std::string>().empty());
  EXPECT_TRUE(body.contains("request_id"));
  if (!field.empty()) {
    EXPECT_EQ(body.value("field", ""), field) << response.body;
  }
}

TEST_F(ApiTest, SummaryShowsBalanceAddressAgreementsAndMeters) {
  AccountNumber number = accounts::testing::open_sample_account(test_.database());
  ClientResponse response = get("/api/v1/accounts/" + number.digits() + "/summary");
  ASSERT_EQ(response.status, 200) << response.body;
  auto body = response.json();
  EXPECT_EQ(body["account_number"], number.digits());
  EXPECT_EQ(body["balance"]["amount"], "0.00");
  EXPECT_EQ(body["balance"]["currency"], "USD");
  EXPECT_EQ(body["service_address"]["zip"], "97477");
  ASSERT_EQ(body["agreements"].size(), 2u);
  EXPECT_EQ(body["agreements"][0]["meters"][0]["serial"], "E1000017");
  EXPECT_EQ(body["agreements"][0]["meters"][0]["channels"][0], "kWh");
}

TEST_F(ApiTest, WithoutCustomerSignInTheSummaryNeedsAnApiKey) {
  AccountNumber number = accounts::testing::open_sample_account(test_.database());
  ClientResponse response = get("/api/v1/accounts/" + number.digits() + "/summary", false);
  expect_problem(response, 401);
  EXPECT_EQ(response.header("www-authenticate").value_or(""), "Bearer");
}

TEST_F(ApiTest, UnknownAndMistypedAccountsAreNotFoundWithAReason) {
  expect_problem(
      get("/api/v1/accounts/" + AccountNumber::from_sequence(99999).digits() + "/summary"), 404);
  ClientResponse mistyped = get("/api/v1/accounts/100000010/summary");
  expect_problem(mistyped, 404);
  EXPECT_NE(mistyped.body.find("mistyped"), std::string::npos) << mistyped.body;
}

TEST_F(ApiTest, StaffSearchFindsByNameAndPagesWithACursor) {
  accounts::testing::open_sample_account(test_.database());
  accounts::testing::open_sample_account(test_.database(),
                                         {"Mario Lopez", "3 Lopez Ln", "97402", "E5000001", false});
  ClientResponse first = get("/api/v1/staff/accounts?q=lopez&limit=1");
  ASSERT_EQ(first.status, 200) << first.body;
  auto page = first.json();
  ASSERT_EQ(page["items"].size(), 1u);
  EXPECT_EQ(page["items"][0]["service_address"], "1204 Elm St, Springfield, OR 97477");
  ASSERT_TRUE(page["next_cursor"].is_string());
  auto second =
      get("/api/v1/staff/accounts?q=lopez&limit=1&cursor=" + page["next_cursor"].get<std::string>())
          .json();
  ASSERT_EQ(second["items"].size(), 1u);
  EXPECT_EQ(second["items"][0]["customer_name"], "Mario Lopez");
  expect_problem(get("/api/v1/staff/accounts?q=x"), 422, "q");
  expect_problem(get("/api/v1/staff/accounts?q=lopez&limit=abc"), 422, "limit");
}

TEST_F(ApiTest, OpeningAnAccountReturnsItWithItsEvent) {
  ClientResponse created = post_json("/api/v1/staff/accounts", kNewAccount);
  ASSERT_EQ(created.status, 201) << created.body;
  auto body = created.json();
  std::string number = body["account_number"];
  EXPECT_EQ(created.header("location").value_or(""), "/api/v1/staff/accounts/" + number);
  EXPECT_EQ(body["customer"]["name"], "Luis Hernández");
  EXPECT_EQ(body["events"][0]["kind"], "account.opened");
  auto detail = get("/api/v1/staff/accounts/" + number).json();
  EXPECT_EQ(detail["bill_cycle"], 7);
  EXPECT_EQ(detail["staff_facts"]["portal_logins"], 0);
  EXPECT_EQ(detail["staff_facts"]["held_bills"], 0);
  EXPECT_TRUE(detail["staff_facts"]["late_fee_exemption"].is_null());
}

TEST_F(ApiTest, BadBodiesGetProblemsNamingTheFieldAndChangeNothing) {
  expect_problem(post_json("/api/v1/staff/accounts", "{\"customer\": "), 422, "body");
  expect_problem(post_json("/api/v1/staff/accounts", kNewAccount, "text/plain"), 415);
  std::string missing_name =
      R"({"customer": {}, "mailing_address": {}, "opened_on": "2026-11-20"})";
  expect_problem(post_json("/api/v1/staff/accounts", missing_name), 422, "customer.name");
  std::string bad_zip = kNewAccount;
  bad_zip.replace(bad_zip.find("97401"), 5, "974");
  expect_problem(post_json("/api/v1/staff/accounts", bad_zip), 422, "mailing_address.zip");
  expect_problem(post_json("/api/v1/staff/accounts", std::string(5000, ' ')), 413);
  TestClient fresh(server_->port());
  auto search =
      fresh.request("GET", "/api/v1/staff/accounts?q=hern", {{"Authorization", "Bearer " + key_}});
  EXPECT_EQ(search.json()["items"].size(), 0u) << "a rejected request must write nothing";
}

TEST_F(ApiTest, UsageIsServedPerChannelWithQualityAndCheckedParameters) {
  AccountNumber number = accounts::testing::open_sample_account(test_.database());
  std::string base = "/api/v1/accounts/" + number.digits() + "/usage";
  ClientResponse response = get(base + "?from=2026-06-01&to=2026-06-03&resolution=day");
  ASSERT_EQ(response.status, 200) << response.body;
  auto body = response.json();
  EXPECT_EQ(body["time_zone"], "America/Los_Angeles");
  ASSERT_EQ(body["series"].size(), 1u);
  EXPECT_EQ(body["series"][0]["meter"], "E1000017");
  ASSERT_EQ(body["series"][0]["points"].size(), 2u);
  EXPECT_EQ(body["series"][0]["points"][0]["start"], "2026-06-01T00:00:00-07:00");
  EXPECT_EQ(body["series"][0]["points"][0]["quality"], "missing");
  expect_problem(get(base + "?resolution=weekly"), 422, "resolution");
  expect_problem(get(base + "?from=2026-13-01"), 422, "from");
}

TEST_F(ApiTest, ReadsBatchesAreIngestedOnceAndExceptionsResolvedThroughTheQueue) {
  AccountNumber number = accounts::testing::open_sample_account(test_.database());
  std::string body = R"({"reads": [
    {"meter": "E1000017", "channel": "kWh", "interval_start": "2026-11-02T00:00:00Z", "value": "0.4"},
    {"meter": "E1000017", "channel": "kWh", "interval_start": "2026-11-02T00:15:00Z", "value": "-1"},
    {"meter": "E1000017", "channel": "kWh", "interval_start": "2026-11-02T00:30:00Z", "value": "0.4"},
    {"meter": "E9", "channel": "kWh", "interval_start": "2026-11-02T00:00:00Z", "value": "1"}]})";
  ClientResponse first = post_json("/api/v1/reads", body);
  ASSERT_EQ(first.status, 201) << first.body;
  auto report = first.json();
  EXPECT_EQ(report["accepted"], 3);
  EXPECT_EQ(report["rejected"], 1);
  EXPECT_EQ(report["first_rejects"][0]["line"], 4);
  EXPECT_EQ(report["exceptions"], 1);
  ClientResponse again = post_json("/api/v1/reads", body);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_TRUE(again.json()["repeated"].get<bool>());
  expect_problem(post_json("/api/v1/reads", "{\"reads\": 5}"), 422, "reads");
  expect_problem(post_json("/api/v1/reads", body, "text/csv"), 415);

  auto queue = get("/api/v1/staff/vee-exceptions").json();
  ASSERT_EQ(queue["items"].size(), 1u) << queue.dump();
  auto item = queue["items"][0];
  EXPECT_EQ(item["rule"], "negative_consumption");
  EXPECT_EQ(item["affected_accounts"][0], number.digits());
  std::string base = "/api/v1/staff/vee-exceptions/" + std::to_string(item["id"].get<int>());
  expect_problem(
      post_json(base + "/edit", R"({"note": "x", "values": [{"slot": 1, "value": "a"}]})"), 422,
      "values[0].value");
  expect_problem(post_json(base + "/accept", R"({})"), 422, "note");
  ClientResponse edited =
      post_json(base + "/edit",
                R"({"note": "register shows 0.4", "values": [{"slot": 1, "value": "0.400"}]})");
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json()["status"], "edited");
  expect_problem(post_json(base + "/accept", R"({"note": "again"})"), 409);
  expect_problem(post_json("/api/v1/staff/vee-exceptions/424242/accept", R"({"note": "x"})"), 404);
  auto usage = get("/api/v1/accounts/" + number.digits() +
                   "/usage?from=2026-11-01&to=2026-11-02&resolution=interval")
                   .json();
  bool saw_edit = false;
  for (const auto& point : usage["series"][0]["points"]) {
    if (point["quality"] == "edited") saw_edit = point["value"] == "0.400";
  }
  EXPECT_TRUE(saw_edit) << usage.dump();
}

TEST_F(ApiTest, CustomersSubmitMeterReadingsAndHearWhatHappens) {
  AccountNumber number = accounts::testing::open_sample_account(test_.database());
  std::string target = "/api/v1/accounts/" + number.digits() + "/meter-reads";
  ClientResponse created =
      post_json(target, R"({"reading": "1200.5", "read_at": "2026-11-01T09:00:00-07:00"})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto body = created.json();
  EXPECT_EQ(body["status"], "accepted");
  EXPECT_EQ(body["meter"], "WE1000017");
  EXPECT_EQ(body["reading"], "1200.500");
  ClientResponse lower =
      post_json(target, R"({"reading": "1100", "read_at": "2026-11-05T09:00:00-08:00"})");
  ASSERT_EQ(lower.status, 201) << lower.body;
  EXPECT_EQ(lower.json()["status"], "held");
  EXPECT_NE(lower.json()["message"].get<std::string>().find("You do not need to do anything"),
            std::string::npos);
  // With a photo of the dial (the image as the body), kept once, for the person who checks it.
  const std::string jpeg = std::string("\xFF\xD8\xFF\xE0", 4) + "the dial";
  const std::string photo_target =
      target + "/" + std::to_string(lower.json()["id"].get<std::int64_t>()) + "/photo";
  ClientResponse photo = post_json(photo_target, jpeg, "image/jpeg");
  ASSERT_EQ(photo.status, 201) << photo.body;
  EXPECT_EQ(post_json(photo_target, jpeg, "image/jpeg").status, 200);
  expect_problem(post_json(photo_target, "not an image", "image/jpeg"), 422, "file");
  expect_problem(post_json(target + "/424242/photo", jpeg, "image/jpeg"), 404);
  // One photo a reading: a different one for the same reading is refused.
  ClientResponse another = post_json(photo_target, jpeg + " again", "image/jpeg");
  EXPECT_EQ(another.status, 409) << another.body;
  EXPECT_EQ(another.json()["code"], "read-has-photo");
  // Staff send someone to read it again: a re-read order, asked once.
  ClientResponse queue = get("/api/v1/staff/vee-exceptions");
  ASSERT_EQ(queue.status, 200) << queue.body;
  const std::string exception =
      "/api/v1/staff/vee-exceptions/" + std::to_string(queue.json()["items"][0]["id"].get<int>());
  ClientResponse reread =
      post_json(exception + "/reread", R"({"note": "the customer is not sure of the dial"})");
  ASSERT_EQ(reread.status, 201) << reread.body;
  EXPECT_EQ(reread.json()["order"]["kind"], "meter_reread");
  EXPECT_EQ(reread.json()["account"], number.formatted());
  ClientResponse asked_again = post_json(exception + "/reread", "{}");
  ASSERT_EQ(asked_again.status, 200) << asked_again.body;
  EXPECT_TRUE(asked_again.json()["replayed"].get<bool>());
  EXPECT_EQ(get("/api/v1/staff/vee-exceptions").json()["items"][0]["reread_order"],
            reread.json()["order"]["number"]);
  const auto photo_id = get("/api/v1/staff/vee-exceptions").json()["items"][0]["photo_id"];
  ASSERT_EQ(photo_id, photo.json()["photo"]["id"]);
  ClientResponse file = get("/api/v1/staff/photos/" + std::to_string(photo_id.get<int>()));
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body, jpeg);
  EXPECT_EQ(file.header("content-type").value_or(""), "image/jpeg");
  expect_problem(post_json(exception + "/reread", R"({"note": 5})"), 422, "note");
  expect_problem(post_json("/api/v1/staff/vee-exceptions/424242/reread", "{}"), 404);
  expect_problem(post_json(target, R"({"reading": "12.3456"})"), 422, "reading");
  expect_problem(post_json(target, R"({"meter": "E1000017", "reading": "5"})"), 422, "meter");
  expect_problem(post_json(target, R"({"read_at": "2026-11-01T09:00:00Z"})"), 422, "reading");
}

TEST_F(ApiTest, UnknownRoutesAreProblems) {
  expect_problem(get("/api/v1/nothing-here"), 404);
  expect_problem(client_->request("DELETE", "/api/v1/staff/accounts"), 405);
}

TEST_F(ApiTest, TheUtilitysContactDetailsComeFromItsSettingsForAnyone) {
  ClientResponse unset = get("/api/v1/utility", false);
  ASSERT_EQ(unset.status, 200) << unset.body;
  EXPECT_EQ(unset.json()["name"], "Ratepayer Demo Utility");
  EXPECT_TRUE(unset.json()["phone"].is_null());
  EXPECT_TRUE(unset.json()["address"].empty());
  ASSERT_TRUE(
      test_
          ->write_work([](store::Session& session) -> Result<void> {
            RP_TRY(store::change_utility_setting(session, "name", "Cedar Water", "staff:test"));
            RP_TRY(store::change_utility_setting(session, "utility_phone", "(541) 555-0100",
                                                 "staff:test"));
            return store::change_utility_setting(
                session, "utility_address", "PO Box 1100\nSpringfield, OR 97477", "staff:test");
          })
          .ok());
  ClientResponse contact = get("/api/v1/utility", false);
  EXPECT_EQ(contact.json()["name"], "Cedar Water");
  EXPECT_EQ(contact.json()["phone"], "(541) 555-0100");
  EXPECT_EQ(contact.json()["address"],
            nlohmann::json::array({"PO Box 1100", "Springfield, OR 97477"}));
  EXPECT_EQ(contact.header("cache-control").value_or(""), "public, max-age=300");
}

TEST_F(ApiTest, HealthChecksTheDatabaseAndMetricsCountRequestsForStaffOnly) {
  ClientResponse health = get("/healthz", false);
  ASSERT_EQ(health.status, 200);
  EXPECT_EQ(health.json()["database"], store::engine_name(test_.engine()));
  get("/api/v1/staff/accounts?q=lopez");
  // Routes, counts and pool figures are the operator's: anonymous callers get 401.
  EXPECT_EQ(get("/metrics", false).status, 401);
  ClientResponse metrics = get("/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("route=\"/api/v1/staff/accounts\""), std::string::npos)
      << metrics.body;
  EXPECT_NE(metrics.body.find("rp_db_commits_total"), std::string::npos);
}

}  // namespace
}  // namespace rp::api
