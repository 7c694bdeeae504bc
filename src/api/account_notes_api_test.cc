// An account's notes and history over HTTP: a CSR's note is in the history at once under their
// own name, in the utility's local time; who may write notes; bad bodies change nothing.

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "api/testing/api_server.h"
#include "api/testing/staff_console.h"
#include "store/testing/test_database.h"

namespace rp::api {
namespace {

using http::testing::ClientResponse;
using testing::ApiServer;

class AccountNotesApiTest : public ::testing::Test {
 protected:
  std::string base() const { return "/api/v1/staff/accounts/" + account_.digits(); }

  store::testing::TestDatabase test_;
  AccountNumber account_ = accounts::testing::open_sample_account(test_.database());
  ApiServer api_{test_.database()};
  testing::StaffConsoles consoles_{test_, api_};
};

TEST_F(AccountNotesApiTest, ACsrsNoteIsInTheHistoryAtOnceUnderTheirNameInLocalTime) {
  testing::Console csr = consoles_.enrol("lena@utility.example", "customer_service", "Lena Ortiz");
  ClientResponse added = api_.send(
      "POST", base() + "/notes", csr.writing(),
      R"({"kind": "call", "body": "Asked about the due date; read it out.", "pinned": true})");
  ASSERT_EQ(added.status, 201) << added.body;
  auto note = added.json();
  EXPECT_EQ(note["actor_name"], "Lena Ortiz");
  EXPECT_EQ(note["actor_kind"], "staff");
  EXPECT_TRUE(note["pinned"].get<bool>());

  ClientResponse history = api_.send("GET", base() + "/history", csr.reading());
  ASSERT_EQ(history.status, 200) << history.body;
  auto body = history.json();
  EXPECT_EQ(body["time_zone"], "America/Los_Angeles");
  const auto& latest = body["events"][0];
  EXPECT_EQ(latest["kind"], "note.added");
  EXPECT_EQ(latest["summary"], "Call note (pinned): Asked about the due date; read it out.");
  EXPECT_EQ(latest["actor_name"], "Lena Ortiz");
  const std::string local = latest["occurred_at_local"];
  EXPECT_TRUE(local.ends_with("-08:00") || local.ends_with("-07:00")) << local;
  EXPECT_EQ(body["kinds"], (nlohmann::json{"account", "note", "service"}));
  auto only_notes = api_.get(base() + "/history?kind=note").json();
  EXPECT_EQ(only_notes["events"].size(), 1u);

  auto notes = api_.get(base() + "/notes").json();
  ASSERT_EQ(notes["notes"].size(), 1u);
  const std::string id = std::to_string(notes["notes"][0]["id"].get<std::int64_t>());
  ClientResponse unpinned =
      api_.send("PUT", base() + "/notes/" + id + "/pinned", csr.writing(), R"({"pinned": false})");
  ASSERT_EQ(unpinned.status, 200) << unpinned.body;
  EXPECT_FALSE(unpinned.json()["pinned"].get<bool>());
}

TEST_F(AccountNotesApiTest, ARetriedNoteWithItsKeyIsWrittenOnce) {
  const std::string body = R"({"kind": "general", "body": "Prefers calls after 5 pm"})";
  ApiServer::Headers headers = ApiServer::as_key(api_.staff_key());
  headers.emplace_back("Idempotency-Key", "note-7f3a");
  ClientResponse first = api_.send("POST", base() + "/notes", headers, body);
  ASSERT_EQ(first.status, 201) << first.body;
  ClientResponse retry = api_.send("POST", base() + "/notes", headers, body);
  ASSERT_EQ(retry.status, 200) << retry.body;
  EXPECT_EQ(retry.json()["id"], first.json()["id"]);
  EXPECT_EQ(api_.get(base() + "/notes").json()["notes"].size(), 1u);
  EXPECT_EQ(
      api_.send("POST", base() + "/notes", headers, R"({"kind": "call", "body": "x"})").status,
      422);
}

TEST_F(AccountNotesApiTest, AnAuditorReadsNotesButMayNotWriteThem) {
  testing::Console auditor = consoles_.enrol("ida@utility.example", "auditor", "Ida Audit");
  EXPECT_EQ(api_.send("GET", base() + "/notes", auditor.reading()).status, 200);
  ClientResponse refused = api_.send("POST", base() + "/notes", auditor.writing(),
                                     R"({"kind": "general", "body": "hello"})");
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_EQ(api_.get(base() + "/notes").json()["notes"].size(), 0u);
}

TEST_F(AccountNotesApiTest, BadNotesAreRefusedNamingTheFieldAndWriteNothing) {
  auto expect_refused = [&](const std::string& body, const std::string& field) {
    ClientResponse answer = api_.request("POST", base() + "/notes", body);
    EXPECT_EQ(answer.status, 422) << body << " -> " << answer.body;
    EXPECT_EQ(answer.json().value("field", ""), field) << body;
  };
  expect_refused(R"({"body": "no kind"})", "kind");
  expect_refused(R"({"kind": "call"})", "body");
  expect_refused(R"({"kind": "call", "body": 42})", "body");
  expect_refused(R"({"kind": "rumour", "body": "x"})", "kind");
  expect_refused(R"({"kind": "call", "body": "x", "pinned": "yes"})", "pinned");
  expect_refused(R"({"kind": "call", "body": "   "})", "body");
  expect_refused("[1]", "body");
  EXPECT_EQ(api_.get(base() + "/notes").json()["notes"].size(), 0u);
  EXPECT_EQ(api_.get(base() + "/history?kind=note").json()["events"].size(), 0u);
  EXPECT_EQ(api_.request("PUT", base() + "/notes/999/pinned", R"({"pinned": true})").status, 404);
  EXPECT_EQ(api_.get(base() + "/history?kind=bill%25").status, 422);
  EXPECT_EQ(api_.get(base() + "/history?limit=0").status, 422);
}

TEST_F(AccountNotesApiTest, StaffChangeTheMailingAddressAndTheCustomerIsTold) {
  const std::string body =
      R"({"mailing_address": {"line1": "88 Laurel Hill Dr", "line2": "Unit 3", "city": "Eugene",
          "state": "OR", "zip": "97405"}})";
  ClientResponse changed = api_.request("PUT", base() + "/mailing-address", body);
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_TRUE(changed.json()["changed"].get<bool>());
  EXPECT_EQ(changed.json()["notified"], "email");
  EXPECT_EQ(changed.json()["before"]["line1"], "1204 Elm St");
  EXPECT_EQ(api_.get(base()).json()["mailing_address"]["line1"], "88 Laurel Hill Dr");
  EXPECT_EQ(api_.get(base() + "/history?kind=mailing_address").json()["events"].size(), 1u);
  ClientResponse bad = api_.request(
      "PUT", base() + "/mailing-address",
      R"({"mailing_address": {"line1": "1 A St", "city": "Eugene", "state": "OR", "zip": "9"}})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.json()["field"], "mailing_address.zip");
  const std::string cashier = api_.make_key("cashier", {"cashier"});
  EXPECT_EQ(api_.send("PUT", base() + "/mailing-address", ApiServer::as_key(cashier), body).status,
            403);
  EXPECT_EQ(api_.get(base() + "/history?kind=mailing_address").json()["events"].size(), 1u);
}

}  // namespace
}  // namespace rp::api
