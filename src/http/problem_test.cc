#include "http/problem.h"

#include <gtest/gtest.h>

namespace rp::http {
namespace {

nlohmann::json body_of(const Response& response) {
  return nlohmann::json::parse(response.body);
}

TEST(Problem, BodyFollowsRfc9457WithStableTypeUri) {
  Response response =
      problem(422, "invalid-input", "Invalid input",
              "amount must be a positive number of dollars, like \"12.50\"", "amount");
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.content_type, "application/problem+json");
  EXPECT_EQ(body_of(response), (nlohmann::json{
                                   {"type", "https://ratepayer.dev/problems/invalid-input"},
                                   {"title", "Invalid input"},
                                   {"status", 422},
                                   {"detail",
                                    "amount must be a positive number of dollars, like "
                                    "\"12.50\""},
                                   {"field", "amount"},
                               }));
}

TEST(Problem, FieldIsOmittedWhenNoneApplies) {
  EXPECT_FALSE(body_of(problem(409, "conflict", "Conflict", "already paid")).contains("field"));
}

TEST(Problem, ACodedErrorNamesItsCodeForClientsThatWordItThemselves) {
  Response response =
      problem_from_error(invalid_input("password", "the password must be at least 12 characters")
                             .coded("password-too-short"));
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(body_of(response)["code"], "password-too-short");
  EXPECT_EQ(body_of(response)["field"], "password");
  EXPECT_EQ(body_of(problem_from_error(conflict("already on").coded("mfa-already-on")))["code"],
            "mfa-already-on");
  EXPECT_FALSE(body_of(problem_from_error(conflict("already paid"))).contains("code"));
}

TEST(Problem, InvalidInputMapsTo422NamingTheField) {
  Response response = problem_from_error(invalid_input("due_date", "due_date must be ISO 8601"));
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(body_of(response)["type"], "https://ratepayer.dev/problems/invalid-input");
  EXPECT_EQ(body_of(response)["field"], "due_date");
  EXPECT_EQ(body_of(response)["detail"], "due_date must be ISO 8601");
}

TEST(Problem, EachErrorKindMapsToItsStatusAndType) {
  struct Case {
    Error error;
    int status;
    const char* slug;
  };
  for (const Case& c : {Case{not_found("no account 1000-2345-6"), 404, "not-found"},
                        Case{conflict("the bill is already paid"), 409, "conflict"},
                        Case{overflow("the total does not fit in cents"), 422, "overflow"},
                        Case{unavailable("the database is not reachable"), 503, "unavailable"}}) {
    Response response = problem_from_error(c.error);
    EXPECT_EQ(response.status, c.status) << c.slug;
    EXPECT_EQ(body_of(response)["type"], std::string(kProblemTypeBase) + c.slug);
    EXPECT_EQ(body_of(response)["detail"], c.error.message);
  }
}

TEST(Problem, UnavailableSuggestsRetry) {
  EXPECT_EQ(problem_from_error(unavailable("pool exhausted")).header("Retry-After"), "1");
}

TEST(Problem, InternalErrorHidesItsMessageFromTheClientButKeepsItForTheLog) {
  Response response = problem_from_error(internal_error("SQLITE_CORRUPT in ledger_entries"));
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.body.find("SQLITE"), std::string::npos);
  EXPECT_EQ(body_of(response)["type"], "https://ratepayer.dev/problems/internal");
  EXPECT_EQ(response.log_detail, "SQLITE_CORRUPT in ledger_entries");
}

}  // namespace
}  // namespace rp::http
