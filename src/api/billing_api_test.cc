// Bills over real HTTP against a real database (each engine): a bill run started and watched over
// the staff API, the hold queue and its answers, and a customer's bills with their lines explained.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include "api/api.h"
#include "api/bill_run_jobs.h"
#include "api/testing/api_server.h"
#include "billing/testing/billing_fixture.h"
#include "core/time.h"

namespace rp::api {
namespace {

using http::testing::ClientResponse;

// Two electric accounts on cycle 3 billed July to October; in November one uses ten times as
// much, so its bill is held (see billing/bill_corrections_test.cc for the sums).
class BillingApiTest : public billing::testing::BillingFixture {
 protected:
  void SetUp() override {
    BillingFixture::SetUp();
    std::tie(steady_, spiking_) = two_accounts_billed_to_october(5'000);
    ASSERT_FALSE(HasFailure());
    jobs_ = std::make_unique<BillRunJobs>(test_.database());
    api_ = std::make_unique<testing::ApiServer>(test_.database(), jobs_.get());
  }

  void TearDown() override {
    api_.reset();  // the server before the bill run worker it uses
    jobs_.reset();
  }

  ClientResponse get(const std::string& target, bool authorized = true) {
    return api_->get(target, authorized);
  }

  ClientResponse post(const std::string& target, const std::string& body) {
    return api_->post(target, body);
  }

  // Starts November's run over the API and polls it until it is done; returns its last state.
  nlohmann::json run_november() {
    ClientResponse started =
        post("/api/v1/staff/bill-runs", R"json({"cycle": 3, "read_date": "2026-11-04"})json");
    EXPECT_EQ(started.status, 202) << started.body;
    const std::string location = started.header("location").value_or("");
    EXPECT_EQ(location,
              "/api/v1/staff/bill-runs/" + std::to_string(started.json()["id"].get<int>()));
    nlohmann::json progress;
    for (int attempt = 0; attempt < 500; ++attempt) {
      progress = get(location).json();
      if (progress["status"] == "done" && !progress["billing_now"].get<bool>()) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return progress;
  }

  static void expect_problem(const ClientResponse& response, int status,
                             const std::string& field = "") {
    EXPECT_EQ(response.status, status) << response.body;
    EXPECT_EQ(response.header("content-type").value_or(""), "application/problem+json");
    if (!field.empty()) {
      EXPECT_EQ(response.json().value("field", ""), field) << response.body;
    }
  }

  AccountNumber steady_ = AccountNumber::from_sequence(0);
  AccountNumber spiking_ = AccountNumber::from_sequence(0);
  std::unique_ptr<BillRunJobs> jobs_;
  std::unique_ptr<testing::ApiServer> api_;
};

TEST_F(BillingApiTest, ABillRunStartedOverTheApiBillsTheCycleAndReportsItsProgress) {
  nlohmann::json progress = run_november();
  EXPECT_EQ(progress["status"], "done");
  EXPECT_EQ(progress["cycle"], 3);
  EXPECT_EQ(progress["accounts"], 2);
  EXPECT_EQ(progress["released"], 1);
  EXPECT_EQ(progress["held"], 1);
  EXPECT_EQ(progress["problems"], 0);
  // Charges are what was billed: the released bill's; the held draft's are apart.
  EXPECT_EQ(progress["charges"]["amount"], "159.20");
  EXPECT_EQ(progress["held_charges"]["amount"], "1457.00");
  EXPECT_EQ(progress["cancelled"], 0);
  // The list of runs answers (it was 405), newest first, with the same figures.
  ClientResponse runs = get("/api/v1/staff/bill-runs");
  ASSERT_EQ(runs.status, 200) << runs.body;
  ASSERT_FALSE(runs.json()["bill_runs"].empty());
  EXPECT_EQ(runs.json()["bill_runs"][0]["id"], progress["id"]);
  EXPECT_EQ(runs.json()["bill_runs"][0]["charges"], progress["charges"]);
  EXPECT_EQ(runs.json()["bill_runs"][0]["held_charges"], progress["held_charges"]);

  expect_problem(
      post("/api/v1/staff/bill-runs", R"json({"cycle": 3, "read_date": "2026-11-05"})json"), 422,
      "read_date");
  expect_problem(
      post("/api/v1/staff/bill-runs", R"json({"cycle": 25, "read_date": "2026-11-04"})json"), 422,
      "cycle");
  expect_problem(post("/api/v1/staff/bill-runs", R"json({"read_date": "2026-11-04"})json"), 422,
                 "cycle");
  expect_problem(get("/api/v1/staff/bill-runs/999999"), 404);
  expect_problem(get("/api/v1/staff/bill-runs/1", false), 401);
}

TEST_F(BillingApiTest, StaffWorkTheHoldQueueAndCustomersSeeTheirBillsExplained) {
  // Before cycle 3 reads again in December: a hold is approved as drafted until then.
  const HistoryClock mid_november(*parse_instant("2026-11-20T20:00:00Z", "at"));
  run_november();
  ClientResponse queue = get("/api/v1/staff/bill-holds");
  ASSERT_EQ(queue.status, 200) << queue.body;
  auto held = queue.json()["bills"];
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0]["account_number"], spiking_.digits());
  EXPECT_TRUE(held[0]["number"].is_null());
  EXPECT_EQ(held[0]["holds"][0]["reason"], "high_bill");
  EXPECT_EQ(held[0]["charges"]["amount"], "1457.00");
  EXPECT_EQ(get("/api/v1/staff/accounts/" + spiking_.digits()).json()["staff_facts"]["held_bills"],
            1);
  const std::string bill = "/api/v1/staff/bills/" + std::to_string(held[0]["id"].get<int>());

  expect_problem(post(bill + "/cancel", "{}"), 422, "note");
  ClientResponse approved = post(bill + "/approve", R"json({"note": "pool filled"})json");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json()["status"], "released");
  EXPECT_EQ(approved.json()["number"], 10);
  expect_problem(post(bill + "/approve", "{}"), 409);
  EXPECT_EQ(get("/api/v1/staff/bill-holds").json()["bills"].size(), 0u);
  // A caller reading the number off the bill is found by it.
  auto by_bill = get("/api/v1/staff/accounts?q=10").json();
  ASSERT_FALSE(by_bill["items"].empty());
  EXPECT_EQ(by_bill["items"][0]["account_number"], spiking_.digits());
  EXPECT_EQ(by_bill["items"][0]["matched_on"], "bill_number");
  ClientResponse staff_view = get(bill);
  ASSERT_EQ(staff_view.status, 200);
  EXPECT_EQ(staff_view.json()["holds"][0]["status"], "approved");
  EXPECT_EQ(staff_view.json()["holds"][0]["resolution_note"], "pool filled");

  const std::string bills = "/api/v1/accounts/" + steady_.digits() + "/bills";
  ClientResponse list = get(bills + "?limit=2");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.json()["bills"].size(), 2u);
  EXPECT_EQ(list.json()["bills"][0]["number"], 9);
  EXPECT_EQ(list.json()["bills"][0]["period"]["start"], "2026-10-05");
  EXPECT_EQ(list.json()["bills"][0]["period"]["end"], "2026-11-03");
  EXPECT_EQ(list.json()["bills"][1]["number"], 7);
  const std::string cursor = list.json()["next_cursor"];
  ClientResponse rest = get(bills + "?cursor=" + cursor);
  EXPECT_EQ(rest.json()["bills"].size(), 3u);
  EXPECT_TRUE(rest.json()["next_cursor"].is_null());

  ClientResponse one = get(bills + "/9");
  ASSERT_EQ(one.status, 200) << one.body;
  // The plan by its name, as a customer reads it, and its code.
  EXPECT_EQ(one.json()["sections"][0]["rate_plan"], "E-RES");
  EXPECT_EQ(one.json()["sections"][0]["rate_plan_name"], "Residential electric");
  auto lines = one.json()["sections"][0]["lines"];
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1]["explanation"], "1442 kWh × $0.1 per kWh = $144.20");
  // The balance bill 9 follows is the charges of the account's four earlier bills (nothing paid).
  auto cents = [](const nlohmann::json& money) {
    return Money::parse(money["amount"].get<std::string>())->cents();
  };
  std::int64_t earlier = cents(list.json()["bills"][1]["charges"]);
  const nlohmann::json older_bills = rest.json()["bills"];
  for (const auto& older : older_bills) earlier += cents(older["charges"]);
  EXPECT_EQ(cents(one.json()["previous_balance"]), earlier);
  EXPECT_EQ(cents(one.json()["charges"]), 15'920);
  EXPECT_EQ(cents(one.json()["amount_due"]), earlier + 15'920);
  // The bill document: a PDF whose text carries the amount due and the account number.
  ClientResponse pdf = get(bills + "/9.pdf");
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.header("content-type").value_or(""), "application/pdf");
  EXPECT_TRUE(pdf.body.starts_with("%PDF-"));
  const std::string path = ::testing::TempDir() + "bill-9.pdf";
  {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    ASSERT_NE(file, nullptr);
    std::fwrite(pdf.body.data(), 1, pdf.body.size(), file);
    std::fclose(file);
  }
  std::string text;
  {
    std::FILE* pipe = ::popen(("pdftotext -layout " + path + " - 2>&1").c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) text.append(buffer, n);
    ASSERT_EQ(::pclose(pipe), 0) << "pdftotext (poppler-utils) must be installed: " << text;
  }
  const Money due = Money::from_cents(earlier + 15'920);
  std::string due_text = "$" + due.to_string();
  if (due.cents() >= 100'000) due_text.insert(due_text.size() - 6, ",");
  EXPECT_NE(text.find(due_text), std::string::npos) << text;
  EXPECT_NE(text.find(steady_.formatted()), std::string::npos) << text;
  EXPECT_EQ(get(bills + "/9.pdf").body, pdf.body);  // rendered on demand, the same bytes
  expect_problem(get(bills + "/10.pdf"), 404);
  expect_problem(get(bills + "/10"), 404);  // bill 10 is the other account's
  expect_problem(get(bills + "/ten"), 404);
  expect_problem(get(bills + "?limit=500"), 422, "limit");
  expect_problem(get(bills, false), 401);
}

TEST_F(BillingApiTest, TheHoldQueueNarrowsByRuleCycleAgeAndAmount) {
  run_november();
  auto count = [&](const std::string& query) {
    ClientResponse queue = get("/api/v1/staff/bill-holds" + query);
    EXPECT_EQ(queue.status, 200) << query << ": " << queue.body;
    return queue.json()["bills"].size();
  };
  ASSERT_EQ(count(""), 1u);
  EXPECT_EQ(get("/api/v1/staff/bill-holds").json()["bills"][0]["cycle"], 3);
  EXPECT_EQ(count("?rule=high_bill"), 1u);
  EXPECT_EQ(count("?rule=zero_usage"), 0u);
  EXPECT_EQ(count("?cycle=3"), 1u);
  EXPECT_EQ(count("?cycle=4"), 0u);
  EXPECT_EQ(count("?min_amount=1457.00"), 1u);
  EXPECT_EQ(count("?min_amount=1457.01"), 0u);
  EXPECT_EQ(count("?max_amount=1456.99"), 0u);
  EXPECT_EQ(count("?min_amount=100&max_amount=2000&rule=high_bill&cycle=3"), 1u);
  // The bill is dated in November 2026: older than 0 days, not older than a year.
  EXPECT_EQ(count("?older_than_days=0"), 1u);
  EXPECT_EQ(count("?older_than_days=3650"), 0u);

  expect_problem(get("/api/v1/staff/bill-holds?rule=pool_filled"), 422, "rule");
  expect_problem(get("/api/v1/staff/bill-holds?cycle=21"), 422, "cycle");
  expect_problem(get("/api/v1/staff/bill-holds?cycle=x"), 422, "cycle");
  expect_problem(get("/api/v1/staff/bill-holds?older_than_days=-1"), 422, "older_than_days");
  expect_problem(get("/api/v1/staff/bill-holds?min_amount=1.001"), 422, "min_amount");
  expect_problem(get("/api/v1/staff/bill-holds?min_amount=9&max_amount=1"), 422, "min_amount");
}

TEST_F(BillingApiTest, RatePlansShowTheirTariffsAndAChangeNeverReachesBackIntoBilledDays) {
  ClientResponse plans = get("/api/v1/staff/rate-plans");
  ASSERT_EQ(plans.status, 200) << plans.body;
  nlohmann::json electric;
  const nlohmann::json listed = plans.json();
  for (const auto& plan : listed["rate_plans"]) {
    if (plan["code"] == "E-RES") electric = plan;
  }
  ASSERT_TRUE(electric.is_object()) << plans.body;
  EXPECT_EQ(electric["billed_through"], "2026-10-04");
  EXPECT_EQ(electric["tariff"]["unit"], "kWh");
  EXPECT_EQ(electric["tariff"]["versions"][0]["effective"], "2020-01-01");

  ClientResponse file = get("/api/v1/staff/rate-plans/E-RES/tariff");
  ASSERT_EQ(file.status, 200) << file.body;
  EXPECT_NE(file.header("content-disposition").value_or("").find("E-RES-tariff.json"),
            std::string::npos);
  EXPECT_EQ(file.json()["name"], "Test electric");
  EXPECT_EQ(get("/api/v1/staff/rate-plans/E-XYZ/tariff").status, 404);

  const std::string retroactive =
      R"({"format": "ratepayer-tariff/1", "name": "Test electric", "unit": "kWh",
  "versions": [{"effective": "2020-01-01",
    "fixed_charges": [{"description": "Basic charge", "amount": "0.60", "per": "day"}],
    "energy": {"periods": [{"name": "Energy", "tiers": [{"rate": "0.10"}]}]}}]})";
  ClientResponse refused =
      api_->request("PUT", "/api/v1/staff/rate-plans/E-RES/tariff", retroactive);
  expect_problem(refused, 409, "tariff");
  const std::string forward =
      R"({"format": "ratepayer-tariff/1", "name": "Test electric", "unit": "kWh",
  "versions": [{"effective": "2020-01-01",
    "fixed_charges": [{"description": "Basic charge", "amount": "0.50", "per": "day"}],
    "energy": {"periods": [{"name": "Energy", "tiers": [{"rate": "0.10"}]}]}},
   {"effective": "2026-11-01", "label": "2026-27 rates",
    "fixed_charges": [{"description": "Basic charge", "amount": "0.60", "per": "day"}],
    "energy": {"periods": [{"name": "Energy", "tiers": [{"rate": "0.10"}]}]}}]})";
  ClientResponse stored = api_->request("PUT", "/api/v1/staff/rate-plans/E-RES/tariff", forward);
  ASSERT_EQ(stored.status, 200) << stored.body;
  EXPECT_EQ(stored.json()["tariff"]["versions"].size(), 2u);
  EXPECT_EQ(stored.json()["tariff"]["versions"][1]["label"], "2026-27 rates");
  expect_problem(api_->request("PUT", "/api/v1/staff/rate-plans/E-RES/tariff", "{\"format\": 1}"),
                 422);
  expect_problem(api_->request("PUT", "/api/v1/staff/rate-plans/E-XYZ/tariff", forward), 404);
  const std::string csr = api_->make_key("csr", {"customer_service"});
  EXPECT_EQ(api_->send("PUT", "/api/v1/staff/rate-plans/E-RES/tariff",
                       testing::ApiServer::as_key(csr), forward)
                .status,
            403);

  // Any version downloads as a tariff file of its own.
  ClientResponse version = get("/api/v1/staff/rate-plans/E-RES/tariff?effective=2026-11-01");
  ASSERT_EQ(version.status, 200) << version.body;
  EXPECT_NE(version.header("content-disposition").value_or("").find("E-RES-tariff-2026-11-01"),
            std::string::npos);
  ASSERT_EQ(version.json()["versions"].size(), 1u);
  EXPECT_EQ(version.json()["versions"][0]["label"], "2026-27 rates");
  EXPECT_EQ(get("/api/v1/staff/rate-plans/E-RES/tariff?effective=2026-11-02").status, 404);
  expect_problem(get("/api/v1/staff/rate-plans/E-RES/tariff?effective=November"), 422, "effective");
}

TEST_F(BillingApiTest, ANewTariffIsPreviewedOnTheLatestBillsWithoutStoringIt) {
  const std::string preview = "/api/v1/staff/rate-plans/E-RES/tariff/preview";
  const std::string raised =
      R"({"format": "ratepayer-tariff/1", "name": "Test electric", "unit": "kWh",
  "versions": [{"effective": "2020-01-01",
    "fixed_charges": [{"description": "Basic charge", "amount": "0.50", "per": "day"}],
    "energy": {"periods": [{"name": "Energy", "tiers": [{"rate": "0.10"}]}]}},
   {"effective": "2026-12-01", "label": "2027 rates",
    "fixed_charges": [{"description": "Basic charge", "amount": "0.50", "per": "day"}],
    "energy": {"periods": [{"name": "Energy", "tiers": [{"rate": "0.12"}]}]}}]})";
  ClientResponse answered = post(preview + "?sample=10", raised);
  ASSERT_EQ(answered.status, 200) << answered.body;
  const nlohmann::json body = answered.json();
  EXPECT_TRUE(body["refused"].is_null());
  EXPECT_EQ(body["version"]["label"], "2027 rates");
  EXPECT_EQ(body["version"]["effective"], "2026-12-01");
  ASSERT_GE(body["bills"].size(), 1u);
  auto cents = [](const nlohmann::json& money) {
    return Money::parse(money["amount"].get<std::string>())->cents();
  };
  std::int64_t current = 0;
  std::int64_t proposed = 0;
  for (const auto& bill : body["bills"]) {
    ASSERT_TRUE(bill["problem"].is_null()) << bill;
    EXPECT_EQ(cents(bill["current"]), cents(bill["billed"]));
    // Only the energy rate changed: 0.02 more a kWh.
    const Decimal usage = *Decimal::parse(bill["usage"].get<std::string>());
    const std::int64_t more = usage.raw() * 2 / Decimal::kScale;
    EXPECT_EQ(cents(bill["change"]), more) << bill;
    EXPECT_EQ(cents(bill["proposed"]) - cents(bill["current"]), cents(bill["change"]));
    current += cents(bill["current"]);
    proposed += cents(bill["proposed"]);
  }
  EXPECT_EQ(cents(body["current_total"]), current);
  EXPECT_EQ(cents(body["proposed_total"]), proposed);
  EXPECT_EQ(body["rated"], body["bills"].size());
  EXPECT_EQ(body["change_basis_points"], ((proposed - current) * 10'000 + current / 2) / current);
  // Nothing stored: the plan still has its one version.
  EXPECT_EQ(get("/api/v1/staff/rate-plans/E-RES/tariff").json()["versions"].size(), 1u);

  expect_problem(post(preview + "?sample=0", raised), 422, "sample");
  expect_problem(post(preview + "?sample=many", raised), 422, "sample");
  expect_problem(post(preview, "{\"format\": 1}"), 422);
  expect_problem(post("/api/v1/staff/rate-plans/E-XYZ/tariff/preview", raised), 404);
  // A retroactive tariff is previewed with the reason storing it would be refused.
  std::string retroactive = raised;
  retroactive.replace(retroactive.find("2026-12-01"), 10, "2026-09-01");
  ClientResponse refused = post(preview, retroactive);
  ASSERT_EQ(refused.status, 200) << refused.body;
  EXPECT_EQ(refused.json()["refused"]["field"], "tariff");
  EXPECT_EQ(api_->send("POST", preview, {}, raised).status, 401);
}

TEST_F(BillingApiTest, AHoldThatWaitedPastItsCyclesNextReadIsRefusedWithACode) {
  {
    const HistoryClock mid_november(*parse_instant("2026-11-20T20:00:00Z", "at"));
    run_november();
  }
  // Cycle 3 read again in early December.
  const HistoryClock mid_december(*parse_instant("2026-12-20T20:00:00Z", "at"));
  const auto held = get("/api/v1/staff/bill-holds").json()["bills"];
  ASSERT_EQ(held.size(), 1u);
  const std::string id = std::to_string(held[0]["id"].get<std::int64_t>());
  ClientResponse together =
      post("/api/v1/staff/bill-holds/approve", R"({"bill_ids": [)" + id + R"(], "note": "ok"})");
  ASSERT_EQ(together.status, 200) << together.body;
  EXPECT_EQ(together.json()["results"][0]["done"], false);
  EXPECT_EQ(together.json()["results"][0]["code"], "bill-overtaken");
  ClientResponse alone = post("/api/v1/staff/bills/" + id + "/approve", "{}");
  EXPECT_EQ(alone.status, 409);
  EXPECT_EQ(alone.json()["code"], "bill-overtaken");
  EXPECT_EQ(get("/api/v1/staff/bill-holds").json()["bills"].size(), 1u);
}

TEST_F(BillingApiTest, HeldBillsAreAnsweredTogetherWithOneNoteEachOnItsOwn) {
  // Before cycle 3 reads again in December: a hold is approved as drafted until then.
  const HistoryClock mid_november(*parse_instant("2026-11-20T20:00:00Z", "at"));
  run_november();
  const auto held = get("/api/v1/staff/bill-holds").json()["bills"];
  ASSERT_EQ(held.size(), 1u);
  const std::int64_t id = held[0]["id"];
  expect_problem(
      post("/api/v1/staff/bill-holds/cancel", R"({"bill_ids": [)" + std::to_string(id) + "]}"), 422,
      "note");
  expect_problem(post("/api/v1/staff/bill-holds/approve", R"({"bill_ids": []})"), 422, "bill_ids");
  expect_problem(post("/api/v1/staff/bill-holds/approve", R"({"bill_ids": ["7"]})"), 422,
                 "bill_ids");
  EXPECT_EQ(get("/api/v1/staff/bill-holds").json()["bills"].size(), 1u) << "nothing was answered";
  ClientResponse answered =
      post("/api/v1/staff/bill-holds/approve",
           R"({"bill_ids": [)" + std::to_string(id) + R"(, 999999], "note": "reviewed"})");
  ASSERT_EQ(answered.status, 200) << answered.body;
  auto body = answered.json();
  EXPECT_EQ(body["done"], 1);
  EXPECT_EQ(body["refused"], 1);
  EXPECT_EQ(body["results"][0]["outcome"]["status"], "released");
  EXPECT_FALSE(body["results"][1]["done"].get<bool>());
  EXPECT_EQ(body["results"][1]["refused"], "bill 999999 does not exist");
  EXPECT_EQ(get("/api/v1/staff/bill-holds").json()["bills"].size(), 0u);
}

TEST_F(BillingApiTest, StaffEmailASentBillAgainToTheContactEmailOnFile) {
  run_november();
  const std::string steady = "/api/v1/staff/accounts/" + steady_.digits();
  ClientResponse resent = post(steady + "/bills/9/resend", "{}");
  ASSERT_EQ(resent.status, 200) << resent.body;
  const std::string to = resent.json()["emailed_to"];
  EXPECT_NE(to.find("@example.com"), std::string::npos);
  auto history = get(steady + "/history?kind=bill").json();
  EXPECT_EQ(history["events"][0]["kind"], "bill.resent");
  EXPECT_EQ(history["events"][0]["summary"],
            "Bill 9 was emailed again to " + to.substr(0, 1) + "***@example.com");
  EXPECT_EQ(store::testing::count(test_.database(),
                                  "SELECT COUNT(*) FROM email_outbox WHERE "
                                  "subject LIKE '%bill is ready%' OR subject "
                                  "LIKE '%factura%'"),
            1);
  // Another account's bill, a bill never sent, a held one: not this account's sent bill.
  expect_problem(post("/api/v1/staff/accounts/" + spiking_.digits() + "/bills/9/resend", "{}"),
                 404);
  expect_problem(post(steady + "/bills/999/resend", "{}"), 404);
  // No email on file: said so, nothing sent.
  ASSERT_EQ(api_->request("PUT", "/api/v1/accounts/" + steady_.digits() + "/preferences",
                          R"({"email": ""})")
                .status,
            200);
  expect_problem(post(steady + "/bills/9/resend", "{}"), 422, "email");
  EXPECT_EQ(store::testing::count(test_.database(),
                                  "SELECT COUNT(*) FROM account_events WHERE kind = 'bill.resent'"),
            1);
}

TEST_F(BillingApiTest, BudgetBillingShowsTheInstallmentBesideTheActualCharges) {
  const std::string enrol = "/api/v1/staff/accounts/" + steady_.digits() + "/budget-billing";
  expect_problem(post(enrol, R"json({"true_up_month": "May"})json"), 422, "true_up_month");
  // Staff act for the customer only with their consent, named in the history.
  expect_problem(post(enrol, R"json({"true_up_month": 12})json"), 422, "consent");
  expect_problem(post(enrol, R"json({"true_up_month": 12, "consent": "yes"})json"), 422, "consent");
  expect_problem(post(enrol, R"json({"consent": {"given_by": "Sam", "how": "fax"}})json"), 422,
                 "consent.how");
  expect_problem(post(enrol, R"json({"consent": {"how": "phone"}})json"), 422, "consent.given_by");
  EXPECT_EQ(store::testing::count(test_.database(), "SELECT COUNT(*) FROM budget_plans"), 0);
  ClientResponse enrolled = post(
      enrol,
      R"json({"true_up_month": 12, "consent": {"given_by": "Sam Steady", "how": "phone"}})json");
  ASSERT_EQ(enrolled.status, 201) << enrolled.body;
  const std::string installment = enrolled.json()["installment"]["amount"];
  expect_problem(post(enrol, R"json({"consent": {"given_by": "Sam Steady", "how": "phone"}})json"),
                 409);
  EXPECT_EQ(store::testing::count(test_.database(),
                                  "SELECT COUNT(*) FROM account_events WHERE kind = "
                                  "'budget.enrolled' AND summary LIKE '%at the request of Sam "
                                  "Steady, by phone'"),
            1);
  run_november();
  ClientResponse bills = get("/api/v1/accounts/" + steady_.digits() + "/bills?limit=2");
  ASSERT_EQ(bills.status, 200);
  auto november = bills.json()["bills"][0];
  EXPECT_EQ(november["budget"]["installment"]["amount"], installment);
  EXPECT_EQ(november["budget"]["actual_charges"]["amount"], "159.20");
  EXPECT_TRUE(bills.json()["bills"][1]["budget"].is_null());  // October: before enrolment
  auto cents = [](const nlohmann::json& money) {
    return Money::parse(money["amount"].get<std::string>())->cents();
  };
  EXPECT_EQ(cents(november["amount_due"]),
            cents(november["previous_balance"]) + cents(november["budget"]["installment"]));
  ClientResponse pdf = get("/api/v1/accounts/" + steady_.digits() + "/bills/" +
                           std::to_string(november["number"].get<int>()) + ".pdf");
  EXPECT_EQ(pdf.status, 200);
}

TEST_F(BillingApiTest, LeavingBudgetBillingAnswersTheDeferredBalance) {
  const std::string plan = "/api/v1/accounts/" + steady_.digits() + "/budget-billing";
  const std::string consent = R"json({"consent": {"given_by": "Sam Steady", "how": "phone"}})json";
  expect_problem(api_->request("DELETE", plan, consent), 409);
  ASSERT_EQ(post("/api/v1/staff/accounts/" + steady_.digits() + "/budget-billing", consent).status,
            201);
  expect_problem(api_->remove(plan), 422, "consent");
  ClientResponse left = api_->request("DELETE", plan, consent);
  ASSERT_EQ(left.status, 200) << left.body;
  EXPECT_EQ(left.json()["deferred_balance"]["amount"], "0.00");
  EXPECT_EQ(left.json()["ended_on"].get<std::string>().size(), 10u);
  EXPECT_TRUE(
      get("/api/v1/accounts/" + steady_.digits() + "/preferences").json()["budget"].is_null());
  expect_problem(api_->request("DELETE", plan, consent), 409);
  EXPECT_EQ(api_->send("DELETE", plan, {}).status, 401);
}

TEST_F(BillingApiTest, TheOpenPeriodSoFarIsRatedAndTenTimesTheUsageIsHighUsage) {
  // The October bills were the last: the open period runs from October 5 to today.
  ClientResponse spiking = get("/api/v1/accounts/" + spiking_.digits() + "/usage/to-date");
  ASSERT_EQ(spiking.status, 200) << spiking.body;
  const nlohmann::json so_far = spiking.json();
  EXPECT_EQ(so_far["period"]["start"], "2026-10-05");
  EXPECT_EQ(so_far["period"]["end"], so_far["as_of"]);
  EXPECT_GE(so_far["days_so_far"].get<int>(), 7);
  EXPECT_GE(so_far["days_in_period"].get<int>(), so_far["days_so_far"].get<int>());
  EXPECT_EQ(so_far["charges_so_far"]["currency"], "USD");
  EXPECT_TRUE(Money::parse(so_far["projected_charges"]["amount"].get<std::string>()).ok());
  ASSERT_EQ(so_far["services"].size(), 1u);
  const nlohmann::json& electric = so_far["services"][0];
  EXPECT_EQ(electric["commodity"], "electric");
  EXPECT_EQ(electric["basis"], "interval");
  EXPECT_EQ(electric["meter"], "E2000017");
  // October's bill: 48 kWh a day, and the first hours of October 5 (UTC) at ten times that.
  const double last_per_day = std::stod(electric["last_bill_per_day"].get<std::string>());
  EXPECT_GE(last_per_day, 48.0);
  EXPECT_LT(last_per_day, 60.0);
  EXPECT_GT(electric["change_percent"].get<int>(), 50);
  EXPECT_TRUE(electric["high_usage"].get<bool>());
  EXPECT_TRUE(so_far["high_usage"].get<bool>());
  EXPECT_TRUE(so_far["problem"].is_null());
  EXPECT_EQ(so_far["last_bill"]["days"], 32);

  ClientResponse steady = get("/api/v1/accounts/" + steady_.digits() + "/usage/to-date");
  ASSERT_EQ(steady.status, 200);
  EXPECT_FALSE(steady.json()["high_usage"].get<bool>());
  EXPECT_EQ(steady.json()["services"][0]["change_percent"], 0);

  expect_problem(
      get("/api/v1/accounts/" + AccountNumber::from_sequence(99).digits() + "/usage/to-date"), 404);
  EXPECT_EQ(get("/api/v1/accounts/" + steady_.digits() + "/usage/to-date", false).status, 401);
}

TEST_F(BillingApiTest, TheDashboardIsWhatEachOfItsRoutesAnswersInOne) {
  const std::string account = "/api/v1/accounts/" + steady_.digits();
  ClientResponse dashboard = get(account + "/dashboard");
  ASSERT_EQ(dashboard.status, 200) << dashboard.body;
  const nlohmann::json parts = dashboard.json();
  ASSERT_EQ(parts.size(), 7u) << dashboard.body;
  EXPECT_EQ(parts["bills"], get(account + "/bills?limit=5").json());
  EXPECT_FALSE(parts["bills"]["bills"].empty());
  EXPECT_EQ(parts["payments"], get(account + "/payments?limit=1").json());
  EXPECT_EQ(parts["autopay"], get(account + "/autopay").json());
  EXPECT_EQ(parts["payment_methods"], get(account + "/payment-methods").json());
  EXPECT_EQ(parts["preferences"], get(account + "/preferences").json());
  EXPECT_EQ(parts["period_to_date"], get(account + "/usage/to-date").json());
  // Last month and this one, in the utility's zone.
  const LocalDate today = UtilityZone::find("America/Los_Angeles")->local_date(now());
  const date::year_month month = today.year() / today.month();
  const std::string from = format_local_date(LocalDate((month - date::months(1)) / 1));
  const std::string to = format_local_date(LocalDate((month + date::months(1)) / 1));
  EXPECT_EQ(parts["months"]["from"], from);
  EXPECT_EQ(parts["months"]["to"], to);
  EXPECT_EQ(parts["months"]["resolution"], "month");
  EXPECT_EQ(parts["months"],
            get(account + "/usage?resolution=month&from=" + from + "&to=" + to).json());

  expect_problem(
      get("/api/v1/accounts/" + AccountNumber::from_sequence(99).digits() + "/dashboard"), 404);
  EXPECT_EQ(get(account + "/dashboard", false).status, 401);
}

TEST_F(BillingApiTest, AMoveOutStopsTheAccountsServiceForItsFinalBill) {
  const std::string move_out = "/api/v1/staff/accounts/" + steady_.digits() + "/move-out";
  expect_problem(post(move_out, R"json({"last_day": "20 Oct"})json"), 422, "last_day");
  expect_problem(post(move_out, R"json({"last_day": "2026-10-01"})json"), 409);
  ClientResponse stopped = post(move_out, R"json({"last_day": "2026-10-20"})json");
  ASSERT_EQ(stopped.status, 200) << stopped.body;
  EXPECT_EQ(stopped.json()["services_stopped"], 1);
  expect_problem(post(move_out, R"json({"last_day": "2026-10-20"})json"), 409);
  nlohmann::json progress = run_november();
  EXPECT_EQ(progress["released"], 1);  // the final bill; the other account's is held
  ClientResponse bills = get("/api/v1/accounts/" + steady_.digits() + "/bills?limit=1");
  ASSERT_EQ(bills.status, 200) << bills.body;
  EXPECT_EQ(bills.json()["bills"][0]["final"], true);
  EXPECT_EQ(bills.json()["bills"][0]["period"]["end"], "2026-10-20");
  EXPECT_EQ(bills.json()["bills"][0]["period"]["days"], 16);
}

}  // namespace
}  // namespace rp::api
