#pragma once
// `ratepayer staff add`: a staff user, with the one-time link to choose a password and turn on
// two-step sign-in (staff/staff_users.h): how the first administrator of a new install is made.
// `ratepayer api-key add|list|rotate|revoke`: the API keys integrations call with
// (staff/api_keys.h). Made from the command line by whoever runs the server, recorded as
// "system:cli".

#include <cstdint>
#include <string>
#include <vector>

#include "app/config.h"

namespace rp::app {

struct StaffUserRequest {
  std::string email;
  std::string name;
  std::vector<std::string> roles;
  std::string home_account;  // optional: their own account, which they may not act on
};

// Prints the enrolment link on stdout (valid 72 hours, shown only now).
int staff_add_command(const Config& config, const StaffUserRequest& request);

// Prints the demo administrator's current two-step code; refuses on a database that is not a
// demo's (staff/demo_staff.h).
int staff_demo_code_command(const Config& config);

struct ApiKeyRequest {
  std::string name;
  std::vector<std::string> permissions;  // each one of staff/permissions.h
  std::vector<std::string> roles;        // their permissions are added
};

// Prints the new key alone on stdout (it is shown only now) and what it may do on stderr.
int api_key_add_command(const Config& config, const ApiKeyRequest& request);

// The keys in use: id, name, public id, permissions, created, last used, expiry.
int api_key_list_command(const Config& config);

// Prints the replacement key on stdout; the old one works `overlap_hours` more.
int api_key_rotate_command(const Config& config, std::int64_t id, std::int64_t overlap_hours);

int api_key_revoke_command(const Config& config, std::int64_t id);

}  // namespace rp::app
