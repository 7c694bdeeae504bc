#pragma once
// The core domain of a utility's customer records (names from IEC CIM / common CIS usage):
// a Person holds an Account (who pays); the Account holds ServiceAgreements, each for one
// ServicePoint (a commodity at a Premise, the service address) on a RatePlan; Meters are installed
// at service points. These are plain values: services read and write them through the store.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"

namespace rp::accounts {

struct Address {
  std::string line1;
  std::string line2;
  std::string city;
  std::string state;
  std::string zip;
};

struct Person {
  std::string name;
  std::string email;  // may be empty
  std::string phone;  // E.164 when present, may be empty
};

struct Meter {
  std::string serial;
  std::string kind;                   // ami | amr | manual
  std::vector<std::string> channels;  // "kWh", "kW", "gal", ...
  std::string installed_on;           // local date, may be empty
};

struct RatePlanRef {
  std::string code;
  std::string name;
  std::string customer_class = "residential";  // residential | commercial | industrial | other
};

struct ServiceAgreement {
  std::int64_t id = 0;
  std::string commodity;  // electric | water | gas | sewer
  Address service_address;
  RatePlanRef rate_plan;
  std::string start_date;
  std::optional<std::string> end_date;
  std::vector<Meter> meters;  // meters currently installed at the service point
};

struct AccountEvent {
  std::string kind;         // "account.opened", ...
  std::string occurred_at;  // UTC instant
  std::string actor;
  std::string summary;
};

// What a customer sees first: who, where, how much, which services and meters.
struct AccountSummary {
  std::string account_number;
  std::string status;  // pending | active | closed
  std::string customer_name;
  Money balance;  // sum of the account's ledger entries; positive = owed by the customer
  std::optional<Address> service_address;  // of the first open agreement, if any
  std::vector<ServiceAgreement> agreements;
};

// Everything a customer service representative needs on one screen.
struct AccountDetail {
  AccountSummary summary;
  Person customer;
  Address mailing_address;
  std::string language;  // en | es
  int bill_cycle = 0;
  std::string opened_on;
  std::optional<std::string> closed_on;
  std::vector<AccountEvent> events;  // newest first
};

struct AccountSearchHit {
  std::int64_t id = 0;  // keyset cursor
  std::string account_number;
  std::string customer_name;
  std::string status;
  std::optional<Address> service_address;
  Money balance;
  // What the typed text matched: "account_number", "bill_number", "payment_confirmation",
  // "meter_serial", "phone", "email", or "name_or_address".
  std::string matched_on;
};

}  // namespace rp::accounts
