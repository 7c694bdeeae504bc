#include "core/idempotency_key.h"

#include <gtest/gtest.h>

namespace rp {
namespace {

TEST(IdempotencyKey, AClientKeyIsStoredInsideItsScope) {
  EXPECT_EQ(client_idempotency_key("account:100000017/customer:42", "pay-1"),
            "client:account:100000017/customer:42:pay-1");
  EXPECT_NE(client_idempotency_key("account:100000017/customer:42", "pay-1"),
            client_idempotency_key("account:100000017/customer:43", "pay-1"));
}

TEST(IdempotencyKey, NoClientKeyCanNameASystemKey) {
  const std::string job = system_idempotency_key("scheduled", "7");
  EXPECT_EQ(job, "system:scheduled:7");
  // The very text of the job's key, sent by a client, lands in the client namespace.
  ASSERT_TRUE(check_client_key(job, "Idempotency-Key").ok());
  EXPECT_NE(client_idempotency_key("account:100000017/customer:42", job), job);
  EXPECT_TRUE(client_idempotency_key("account:100000017/customer:42", job).starts_with("client:"));
}

TEST(IdempotencyKey, WhatAClientSendsIsCheckedAndNamed) {
  EXPECT_TRUE(check_client_key(std::string(200, 'k'), "Idempotency-Key").ok());
  for (const std::string& bad :
       {std::string(), std::string(201, 'k'), std::string("a\nb"), std::string("a\0b", 3),
        std::string(" padded"), std::string("caf\xc3\xa9")}) {
    auto checked = check_client_key(bad, "Idempotency-Key");
    ASSERT_FALSE(checked.ok()) << bad;
    EXPECT_EQ(checked.error().field, "Idempotency-Key");
  }
}

TEST(IdempotencyKey, ServicesTakeOnlyKeysMadeByTheTwoFunctions) {
  EXPECT_TRUE(check_stored_key(system_idempotency_key("autopay", "3"), "idempotency_key").ok());
  EXPECT_TRUE(check_stored_key(client_idempotency_key("s", "k"), "idempotency_key").ok());
  for (const std::string& bad :
       {std::string("scheduled:3"), std::string(), "client:" + std::string(400, 'k')}) {
    auto checked = check_stored_key(bad, "idempotency_key");
    ASSERT_FALSE(checked.ok()) << bad;
    EXPECT_EQ(checked.error().field, "idempotency_key");
  }
}

}  // namespace
}  // namespace rp
