// Messaging over HTTP: a customer writes with a photo, staff answer from the inbox and the customer
// reads the answer; only the customer writes as the customer; files go back only as downloads.

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "api/testing/customers.h"
#include "api/testing/two_accounts.h"
#include "store/testing/test_database.h"

namespace rp::api {
namespace {

using store::testing::count;
using testing::as;
using testing::Customer;

const std::string kPng = std::string("\x89PNG\r\n\x1A\n", 8) + "pixels of a wet floor";

using MessagesApiTest = testing::TwoAccountsTest;

TEST_F(MessagesApiTest, ACustomerSendsAPhotoStaffReplyAndTheCustomerReadsTheReply) {
  Customer maria = testing::sign_up(server_, test_.database(), "maria@example.com", "1204 Elm St");
  auto uploaded =
      server_.send("POST", path(maria_, "/message-attachments?name=floor.png"), as(maria), kPng);
  ASSERT_EQ(uploaded.status, 201) << uploaded.body;
  const std::int64_t photo = uploaded.json()["attachment"]["id"];
  EXPECT_EQ(uploaded.json()["attachment"]["type"], "image/png");
  auto opened = server_.send("POST", path(maria_, "/messages"), as(maria),
                             R"({"topic": "service", "subject": "Water on the floor",
                                 "body": "The meter box leaks, see the photo.", "attachments": [)" +
                                 std::to_string(photo) + "]}");
  ASSERT_EQ(opened.status, 201) << opened.body;
  const std::int64_t thread = opened.json()["thread"]["id"];
  EXPECT_FALSE(opened.json()["thread"].contains("customer"));

  auto inbox = server_.get("/api/v1/staff/messages?view=unassigned");
  ASSERT_EQ(inbox.status, 200) << inbox.body;
  ASSERT_EQ(inbox.json()["threads"].size(), 1u);
  EXPECT_EQ(inbox.json()["threads"][0]["customer"], "Maria Lopez");
  const std::string staff_thread = "/api/v1/staff/messages/" + std::to_string(thread);
  ASSERT_EQ(server_.request("PUT", staff_thread + "/assignee", R"({"assigned_to": "me"})").status,
            200);
  EXPECT_EQ(server_.get("/api/v1/staff/messages?view=mine").json()["threads"].size(), 1u);
  ASSERT_EQ(server_
                .request("POST", staff_thread + "/replies",
                         R"({"body": "Meter shop checked the box.", "internal": true})")
                .status,
            201);
  auto replied = server_.request("POST", staff_thread + "/replies",
                                 R"({"body": "A technician will come on Tuesday."})");
  ASSERT_EQ(replied.status, 201) << replied.body;
  EXPECT_EQ(replied.json()["thread"]["status"], "waiting");
  EXPECT_EQ(replied.json()["thread"]["assigned_to_name"], "API key 'test staff'");
  EXPECT_EQ(replied.json()["messages"][2]["actor_name"], "API key 'test staff'");

  auto read = server_.send("GET", path(maria_, "/messages/" + std::to_string(thread)), as(maria));
  ASSERT_EQ(read.status, 200) << read.body;
  ASSERT_EQ(read.json()["messages"].size(), 2u);  // never the internal note
  EXPECT_EQ(read.json()["messages"][1]["from"], "utility");
  EXPECT_EQ(read.json()["messages"][1]["body"], "A technician will come on Tuesday.");
  EXPECT_FALSE(read.json()["messages"][1].contains("actor"));

  auto file =
      server_.send("GET", path(maria_, "/message-attachments/" + std::to_string(photo)), as(maria));
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body, kPng);
  EXPECT_EQ(file.header("content-type").value_or(""), "image/png");
  EXPECT_EQ(file.header("content-disposition").value_or(""), "attachment; filename=\"floor.png\"");
  EXPECT_EQ(file.header("x-content-type-options").value_or(""), "nosniff");

  auto figures = server_.get("/api/v1/staff/messages/figures");
  ASSERT_EQ(figures.status, 200);
  EXPECT_EQ(figures.json()["answered_30_days"], 1);
}

TEST_F(MessagesApiTest, OnlyTheCustomerWritesAsTheCustomerAndOnlyToTheirOwnAccount) {
  Customer maria = testing::sign_up(server_, test_.database(), "maria@example.com", "1204 Elm St");
  const std::string message = R"({"topic": "bill", "subject": "Hi", "body": "Hello"})";
  auto staff = server_.request("POST", path(maria_, "/messages"), message);
  EXPECT_EQ(staff.status, 403) << staff.body;
  EXPECT_EQ(staff.json()["code"], "customer-only");
  EXPECT_EQ(server_.send("POST", path(ben_, "/messages"), as(maria), message).status, 404);
  EXPECT_EQ(server_.send("POST", path(maria_, "/messages"), as(maria, false), message).status, 403);
  EXPECT_EQ(
      server_.send("POST", path(ben_, "/message-attachments?name=a.png"), as(maria), kPng).status,
      404);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM message_threads"), 0);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM message_attachments"), 0);

  auto opened = server_.send("POST", path(maria_, "/messages"), as(maria), message);
  ASSERT_EQ(opened.status, 201);
  const std::string thread = std::to_string(opened.json()["thread"]["id"].get<std::int64_t>());
  EXPECT_EQ(server_.send("GET", path(ben_, "/messages/" + thread), as(maria)).status, 404);
  // A customer cannot reach the staff inbox.
  EXPECT_EQ(server_.send("GET", "/api/v1/staff/messages", as(maria)).status, 401);
  EXPECT_EQ(server_.send("GET", "/api/v1/staff/messages/" + thread, as(maria)).status, 401);
}

TEST_F(MessagesApiTest, FilesAreCheckedByContentAndSize) {
  Customer maria = testing::sign_up(server_, test_.database(), "maria@example.com", "1204 Elm St");
  auto html = server_.send("POST", path(maria_, "/message-attachments?name=photo.png"), as(maria),
                           "<html><script>alert(1)</script></html>");
  ASSERT_EQ(html.status, 422) << html.body;
  EXPECT_EQ(html.json()["code"], "attachment-type");
  std::string big = kPng;
  big.resize(5 * 1024 * 1024 + 1, 'x');
  auto too_big =
      server_.send("POST", path(maria_, "/message-attachments?name=big.png"), as(maria), big);
  ASSERT_EQ(too_big.status, 422) << too_big.body;
  EXPECT_EQ(too_big.json()["code"], "attachment-too-large");
  EXPECT_EQ(server_.get("/api/v1/staff/messages?view=everything").status, 422);
  EXPECT_EQ(server_.get("/api/v1/staff/messages?cursor=nonsense").status, 422);
  // Past the upload limit the server refuses before reading (and closes the connection: last).
  big.resize(7 * 1024 * 1024, 'x');
  EXPECT_EQ(server_.send("POST", path(maria_, "/message-attachments?name=big.png"), as(maria), big)
                .status,
            413);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM message_attachments"), 0);
}

}  // namespace
}  // namespace rp::api
