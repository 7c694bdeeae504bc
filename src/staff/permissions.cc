#include "staff/permissions.h"

#include <algorithm>
#include <array>

namespace rp::staff {
namespace {

constexpr std::array<PermissionInfo, 29> kPermissions{{
    {"accounts.read", "see an account: its customer, balance, bills, payments, usage and history"},
    {"accounts.open", "open a new account"},
    {"accounts.change", "change an account: contact details, budget billing, move-out"},
    {"notes.write", "add a note to an account, and pin or unpin its notes"},
    {"messages.reply",
     "answer customers' messages: reply, add internal notes, assign, link and close threads, and "
     "keep the canned replies"},
    {"arrangements.make", "set up a payment arrangement on an account"},
    {"orders.dispatch",
     "schedule, dispatch, reschedule, cancel and approve service orders (the dispatcher)"},
    {"orders.field", "work service orders in the field: on the way, on site, done or not done"},
    {"outages.report",
     "report an outage for an account's premise (a customer service call, a phone system)"},
    {"outages.manage",
     "confirm, merge and cancel outages, send and follow crews, set restoration times and "
     "restore"},
    {"payments.take", "take a payment (counter, phone) and manage saved methods and autopay"},
    {"payments.void", "void a payment taken today"},
    {"payments.return", "record a payment the bank returned"},
    {"refunds.issue", "issue a refund of a credit balance"},
    {"adjustments.request", "request a credit or charge to an account"},
    {"adjustments.approve", "approve or reject another person's adjustment"},
    {"lockbox.apply",
     "see the lockbox suspense queue, apply its items and move a misapplied payment to the right "
     "account"},
    {"billing.read", "see bill runs, bills on hold and the adjustment queue"},
    {"bills.approve", "approve, recalculate or cancel a bill on hold"},
    {"bill_runs.start", "start a bill run"},
    {"meter_data.ingest", "send meter reads (a head-end or a field read)"},
    {"meter_data.resolve", "resolve meter data exceptions (VEE)"},
    {"tariffs.change", "change rate plans and tariffs"},
    {"settings.change", "change the utility's settings"},
    {"staff.manage", "add, change and disable staff users, roles and API keys"},
    {"audit.read", "search the audit trail"},
    {"audit.export", "export the audit trail as a file (for a regulator or an investigation)"},
    {"data.export", "export customer data"},
    {"metrics.read", "read the server's metrics"},
}};

const std::vector<ShippedRole>& roles() {
  static const std::vector<ShippedRole> kRoles = [] {
    std::vector<std::string_view> everything;
    for (const PermissionInfo& permission : kPermissions) everything.push_back(permission.name);
    return std::vector<ShippedRole>{
        {"customer_service",
         "Customer service representative",
         {"accounts.read", "accounts.change", "notes.write", "messages.reply", "arrangements.make",
          "payments.take", "adjustments.request", "billing.read", "meter_data.ingest",
          "outages.report"}},
        {"cashier", "Cashier", {"accounts.read", "notes.write", "payments.take", "lockbox.apply"}},
        {"billing_clerk",
         "Billing clerk",
         {"accounts.read", "notes.write", "messages.reply", "billing.read", "adjustments.request",
          "bill_runs.start", "meter_data.ingest", "meter_data.resolve", "payments.return",
          "lockbox.apply"}},
        {"billing_manager",
         "Billing manager",
         {"accounts.read", "notes.write", "billing.read", "adjustments.request",
          "adjustments.approve", "bills.approve", "bill_runs.start", "meter_data.ingest",
          "meter_data.resolve", "payments.return", "payments.void", "refunds.issue",
          "lockbox.apply", "tariffs.change", "settings.change", "data.export"}},
        {"collections",
         "Collections",
         {"accounts.read", "accounts.change", "notes.write", "messages.reply", "arrangements.make",
          "payments.take", "billing.read"}},
        {"field_dispatcher",
         "Field dispatcher",
         {"accounts.read", "notes.write", "meter_data.ingest", "orders.dispatch", "orders.field"}},
        {"field_technician",
         "Field technician",
         {"accounts.read", "notes.write", "meter_data.ingest", "orders.field"}},
        {"outage_coordinator",
         "Outage coordinator",
         {"accounts.read", "notes.write", "outages.report", "outages.manage"}},
        {"administrator", "Administrator", everything},
        {"auditor",
         "Auditor",
         {"accounts.read", "billing.read", "audit.read", "audit.export", "metrics.read"}},
    };
  }();
  return kRoles;
}

}  // namespace

std::span<const PermissionInfo> all_permissions() {
  return kPermissions;
}

bool is_permission(std::string_view name) {
  return std::any_of(kPermissions.begin(), kPermissions.end(),
                     [&](const PermissionInfo& permission) { return permission.name == name; });
}

bool needs_recent_sign_in(std::string_view permission) {
  static constexpr std::array<std::string_view, 9> kSensitive{
      "adjustments.approve", "refunds.issue", "payments.void", "bills.approve", "tariffs.change",
      "settings.change",     "staff.manage",  "data.export",   "audit.export"};
  return std::find(kSensitive.begin(), kSensitive.end(), permission) != kSensitive.end();
}

std::span<const ShippedRole> shipped_roles() {
  return roles();
}

std::vector<std::string> permissions_of(std::span<const std::string> role_names) {
  std::vector<std::string> out;
  for (const ShippedRole& role : roles()) {
    if (std::find(role_names.begin(), role_names.end(), role.name) == role_names.end()) continue;
    out.insert(out.end(), role.permissions.begin(), role.permissions.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace rp::staff
