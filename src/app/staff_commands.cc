#include "app/staff_commands.h"

#include <cstdlib>
#include <iostream>

#include "app/commands.h"
#include "app/open_database.h"
#include "audit/audit_trail.h"
#include "core/json_writer.h"
#include "staff/api_keys.h"
#include "staff/demo_staff.h"
#include "staff/roles.h"
#include "staff/staff_users.h"

namespace rp::app {
namespace {

constexpr const char* kCli = "system:cli";

// What the command line did, in the audit trail in the same transaction: the operating-system
// user who ran it is all it knows of who.
Result<void> audit_cli(store::Session& session, const std::string& action,
                       const std::string& target, const std::string& details = "") {
  const char* user = std::getenv("USER");
  JsonWriter out;
  out.begin_object().key("os_user").string(user != nullptr ? user : "");
  if (!details.empty()) out.key("what").string(details);
  out.end_object();
  RP_TRY(audit::append_audit(session, {kCli, action, target, "done", out.take(), "", "", ""}));
  return success();
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) out += (out.empty() ? "" : " ") + word;
  return out;
}

}  // namespace

int staff_add_command(const Config& config, const StaffUserRequest& request) {
  configure_logging(config);
  auto database = open_migrated_database(config);
  if (!database.ok()) return command_failed(database.error());
  auto added = (*database)->write<staff::AddedStaffUser>(
      [&](store::Session& session) -> Result<staff::AddedStaffUser> {
        RP_TRY(staff::sync_shipped_roles(session));
        auto added = staff::add_staff_user(
            session, {request.email, request.name, request.roles, kCli, request.home_account});
        RP_TRY(added);
        RP_TRY(audit_cli(session, "staff_user.added", "staff_user:" + std::to_string(added->id),
                         "roles: " + joined(request.roles)));
        return added;
      });
  if (!added.ok()) return command_failed(added.error());
  std::cerr << "staff user " << added->id << " (" << request.email
            << ") added; send them this link (it works once, for 72 hours) to choose a password "
               "and set up two-step sign-in:\n";
  std::cout << staff::enrolment_link(config.portal.public_url, added->enrol_token) << "\n"
            << std::flush;
  return 0;
}

int staff_demo_code_command(const Config& config) {
  configure_logging(config);
  auto database = open_migrated_database(config);
  if (!database.ok()) return command_failed(database.error());
  auto code = staff::demo_code(**database);
  if (!code.ok()) return command_failed(code.error());
  std::cout << *code << "\n" << std::flush;
  return 0;
}

int api_key_add_command(const Config& config, const ApiKeyRequest& request) {
  configure_logging(config);
  auto database = open_migrated_database(config);
  if (!database.ok()) return command_failed(database.error());
  auto issued = (*database)->write<staff::IssuedApiKey>(
      [&](store::Session& session) -> Result<staff::IssuedApiKey> {
        RP_TRY(staff::sync_shipped_roles(session));
        std::vector<std::string> permissions = request.permissions;
        for (const std::string& role : request.roles) {
          auto granted = staff::role_permissions(session, role);
          RP_TRY(granted);
          permissions.insert(permissions.end(), granted->begin(), granted->end());
        }
        auto issued = staff::create_api_key(session, {request.name, permissions, kCli});
        RP_TRY(issued);
        RP_TRY(audit_cli(session, "api_key.created", "api_key:" + std::to_string(issued->id),
                         request.name));
        return issued;
      });
  if (!issued.ok()) return command_failed(issued.error());
  std::cerr << "API key " << issued->id << " '" << request.name
            << "' made; it is shown only now: keep it where the integration reads secrets\n";
  std::cout << issued->key << "\n" << std::flush;
  return 0;
}

int api_key_list_command(const Config& config) {
  configure_logging(config);
  auto database = open_migrated_database(config);
  if (!database.ok()) return command_failed(database.error());
  auto keys = (*database)->read<std::vector<staff::ApiKeyView>>(
      [](store::Session& session) { return staff::api_keys_in_use(session); });
  if (!keys.ok()) return command_failed(keys.error());
  if (keys->empty()) std::cerr << "no API keys in use\n";
  for (const staff::ApiKeyView& key : *keys) {
    std::cout << key.id << "  " << key.name << "  rpk_" << key.public_id << "_…\n"
              << "    may: " << joined(key.permissions) << "\n"
              << "    made " << key.created_at << " by " << key.created_by << "; last used "
              << (key.last_used_at.empty() ? "never" : key.last_used_at)
              << (key.expires_at.empty() ? "" : "; stops at " + key.expires_at) << "\n";
  }
  return 0;
}

int api_key_rotate_command(const Config& config, std::int64_t id, std::int64_t overlap_hours) {
  configure_logging(config);
  if (overlap_hours < 0 || overlap_hours > 24 * 30) {
    return command_failed(
        invalid_input("overlap-hours", "the overlap is 0 to 720 hours (30 days)"));
  }
  auto database = open_migrated_database(config);
  if (!database.ok()) return command_failed(database.error());
  auto issued = (*database)->write<staff::IssuedApiKey>(
      [&](store::Session& session) -> Result<staff::IssuedApiKey> {
        auto rotated = staff::rotate_api_key(session, id, std::chrono::hours(overlap_hours), kCli);
        RP_TRY(rotated);
        RP_TRY(audit_cli(session, "api_key.rotated", "api_key:" + std::to_string(id),
                         "replaced by api_key:" + std::to_string(rotated->id)));
        return rotated;
      });
  if (!issued.ok()) return command_failed(issued.error());
  std::cerr << "API key " << issued->id << " replaces key " << id << ", which works "
            << overlap_hours << " more hours; the new key is shown only now\n";
  std::cout << issued->key << "\n" << std::flush;
  return 0;
}

int api_key_revoke_command(const Config& config, std::int64_t id) {
  configure_logging(config);
  auto database = open_migrated_database(config);
  if (!database.ok()) return command_failed(database.error());
  auto revoked = (*database)->write_work([&](store::Session& session) -> Result<void> {
    RP_TRY(staff::revoke_api_key(session, id, kCli));
    return audit_cli(session, "api_key.revoked", "api_key:" + std::to_string(id));
  });
  if (!revoked.ok()) return command_failed(revoked.error());
  std::cerr << "API key " << id << " revoked: it stops working now\n";
  return 0;
}

}  // namespace rp::app
