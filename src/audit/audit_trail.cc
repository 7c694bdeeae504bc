#include "audit/audit_trail.h"

#include <sodium.h>

#include <vector>

#include "audit/retention.h"
#include "core/request_origin.h"
#include "core/time.h"

namespace rp::audit {
namespace {

constexpr std::int64_t kBatch = 5000;

void add_field(std::string& text, std::string_view field) {
  text += std::to_string(field.size());
  text += ':';
  text += field;
}

std::string hex(const unsigned char* bytes, std::size_t size) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    out.push_back(kHex[bytes[i] >> 4]);
    out.push_back(kHex[bytes[i] & 15]);
  }
  return out;
}

}  // namespace

AuditEntry audit_entry_of(const store::Row& row) {
  return {row.text("actor"),      row.text("action"),    row.text("target"),
          row.text("outcome"),    row.text("details"),   row.text("client_address"),
          row.text("user_agent"), row.text("request_id")};
}

std::string record_hash(const std::string& previous_hash, std::int64_t id, const std::string& at,
                        const AuditEntry& entry) {
  std::string text;
  for (std::string_view field :
       {std::string_view(previous_hash), std::string_view(std::to_string(id)), std::string_view(at),
        std::string_view(entry.actor), std::string_view(entry.action),
        std::string_view(entry.target), std::string_view(entry.outcome),
        std::string_view(entry.details_json), std::string_view(entry.client_address),
        std::string_view(entry.user_agent), std::string_view(entry.request_id)}) {
    add_field(text, field);
  }
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  return hex(digest, sizeof digest);
}

Result<std::int64_t> append_audit(store::Session& session, const AuditEntry& entry) {
  return append_audits(session, std::span<const AuditEntry>(&entry, 1));
}

Result<std::int64_t> append_audits(store::Session& session, std::span<const AuditEntry> given) {
  std::vector<AuditEntry> entries(given.begin(), given.end());
  const RequestOrigin& origin = current_request_origin();
  for (AuditEntry& entry : entries) {
    if (entry.client_address.empty()) entry.client_address = origin.client_address;
    if (entry.user_agent.empty()) entry.user_agent = origin.user_agent;
    if (entry.request_id.empty()) entry.request_id = origin.request_id;
    if (entry.action.empty()) return invalid_input("action", "an audit record names its action");
    if (entry.outcome != "done" && entry.outcome != "refused" && entry.outcome != "failed") {
      return invalid_input("outcome", "an audit record's outcome is done, refused or failed");
    }
  }
  if (entries.empty()) return invalid_input("entries", "no audit records to append");
  auto head = session.query_named("audit/lock_head", {});
  RP_TRY(head);
  std::int64_t id = head->at(0).integer("last_id");
  std::string previous = head->at(0).text("last_hash");
  const std::string at = format_instant(now());
  for (const AuditEntry& entry : entries) {
    ++id;
    std::string hash = record_hash(previous, id, at, entry);
    RP_TRY(session.execute_named(
        "audit/insert_record",
        {id, at, entry.actor, entry.action, entry.target, entry.outcome, entry.details_json,
         entry.client_address, entry.user_agent, entry.request_id, previous, hash}));
    previous = std::move(hash);
  }
  RP_TRY(session.execute_named("audit/move_head", {id, previous}));
  return id;
}

Result<std::int64_t> append_audit(store::Database& database, const AuditEntry& entry) {
  return database.write<std::int64_t>(
      [&](store::Session& session) { return append_audit(session, entry); });
}

Result<VerifyReport> verify_audit_trail(store::Database& database) {
  return database.read<VerifyReport>([&](store::Session& session) -> Result<VerifyReport> {
    VerifyReport report;
    auto fail = [&](std::int64_t id, std::string problem) {
      report.intact = false;
      report.first_bad = id;
      report.problem = std::move(problem);
      return report;
    };
    std::string previous;
    std::int64_t expected = 1;
    for (;;) {
      auto rows = session.query_named("audit/records_from", {expected, kBatch});
      RP_TRY(rows);
      for (const store::Row& row : *rows) {
        const std::int64_t id = row.integer("id");
        if (id != expected) {
          return fail(expected, "audit record " + std::to_string(expected) +
                                    " is missing: it was removed (the next is " +
                                    std::to_string(id) + ")");
        }
        if (row.text("previous_hash") != previous) {
          return fail(id, "audit record " + std::to_string(id) +
                              " does not follow the record before it: a record was inserted, "
                              "removed or reordered before it");
        }
        if (!row.is_null("pruned_at")) {
          // Past its retention: its content is gone, its hash still links the chain.
          auto written = parse_instant(row.text("at"), "at");
          auto pruned = parse_instant(row.text("pruned_at"), "pruned_at");
          if (!written.ok() || !pruned.ok() || *pruned - *written < date::days(kLeastAccessDays)) {
            return fail(id, "audit record " + std::to_string(id) +
                                " was pruned of its details before any retention ended");
          }
          previous = row.text("hash");
          ++expected;
          ++report.records;
          continue;
        }
        const std::string hash = record_hash(previous, id, row.text("at"), audit_entry_of(row));
        if (hash != row.text("hash")) {
          return fail(id,
                      "audit record " + std::to_string(id) + " was changed after it was written");
        }
        previous = hash;
        ++expected;
        ++report.records;
      }
      if (static_cast<std::int64_t>(rows->size()) < kBatch) break;
    }
    auto head = session.query_named("audit/head", {});
    RP_TRY(head);
    const std::int64_t last = head->at(0).integer("last_id");
    if (last != report.records || head->at(0).text("last_hash") != previous) {
      return fail(report.records + 1,
                  "the trail has " + std::to_string(report.records) +
                      " records but its head says " + std::to_string(last) +
                      ": records were added or removed at its end, or the head was changed");
    }
    return report;
  });
}

}  // namespace rp::audit
