#include "mdm/ingest_record.h"

#include <sodium.h>

#include <algorithm>
#include <map>

#include "mdm/vee_rules_json.h"
#include "store/bulk_insert.h"

namespace rp::mdm {
namespace {

const store::BulkTable kRejects{"read_rejects", {"ingest_id", "line", "reason", "text"}};

}  // namespace

// The rules for each commodity: the defaults, with the utility's overrides from utility_settings.
Result<VeeRules> utility_vee_rules_in(store::Session& session, const std::string& commodity,
                                      std::map<std::string, VeeRules>& cache) {
  if (auto found = cache.find(commodity); found != cache.end()) return found->second;
  auto defaults = default_vee_rules(commodity);
  if (!defaults.ok()) return defaults.error();
  auto rows = session.query_named("store/utility_setting", {"vee_rules." + commodity});
  if (!rows.ok()) return rows.error();
  VeeRules rules = *defaults;
  if (!rows->empty()) {
    auto overridden = apply_vee_rule_overrides(rules, rows->front().text("value"));
    if (!overridden.ok()) {
      return invalid_input(overridden.error().field,
                           "the utility setting vee_rules." + commodity +
                               " is wrong: " + overridden.error().message);
    }
    rules = *overridden;
  }
  cache.emplace(commodity, rules);
  return rules;
}

Result<VeeRules> utility_vee_rules(store::Database& database, const std::string& commodity,
                                   std::map<std::string, VeeRules>& cache) {
  if (auto found = cache.find(commodity); found != cache.end()) return found->second;
  return database.read<VeeRules>(
      [&](store::Session& session) { return utility_vee_rules_in(session, commodity, cache); });
}

std::string content_hash(std::string_view content) {
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(content.data()),
                     content.size(), nullptr, 0);
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(64);
  for (unsigned char byte : digest) {
    hex.push_back(kHex[byte >> 4]);
    hex.push_back(kHex[byte & 15]);
  }
  return hex;
}

Result<std::optional<IngestRecord>> find_ingest(store::Database& database, std::string_view hash) {
  return database.read<std::optional<IngestRecord>>(
      [&](store::Session& session) -> Result<std::optional<IngestRecord>> {
        auto rows = session.query_named("mdm/ingest_by_hash", {std::string(hash)});
        if (!rows.ok()) return rows.error();
        if (rows->empty()) return std::optional<IngestRecord>{};
        const store::Row& row = rows->front();
        IngestRecord record;
        record.id = row.integer("id");
        record.done = row.text("status") == "done";
        record.report.ingest_id = record.id;
        record.report.format = row.text("format");
        record.report.accepted = row.integer("accepted");
        record.report.estimated = row.integer("estimated");
        record.report.exceptions = row.integer("exceptions");
        record.report.rejected = row.integer("rejected");
        auto rejects =
            session.query_named("mdm/first_rejects_of_ingest",
                                {record.id, static_cast<std::int64_t>(kReportedRejects)});
        if (!rejects.ok()) return rejects.error();
        for (const store::Row& reject : *rejects) {
          record.report.first_rejects.push_back({static_cast<std::uint32_t>(reject.integer("line")),
                                                 reject.text("reason"), reject.text("text")});
        }
        return std::optional<IngestRecord>{std::move(record)};
      });
}

std::optional<IngestReport> repeated_report(const std::optional<IngestRecord>& existing) {
  if (!existing || !existing->done) return std::nullopt;
  IngestReport report = existing->report;
  report.repeated = true;
  return report;
}

Result<std::int64_t> start_ingest(store::Database& database, std::string_view hash,
                                  const IngestSource& source,
                                  const std::vector<LineReject>& rejects,
                                  const std::optional<IngestRecord>& resumed, std::string_view at) {
  if (resumed) return resumed->id;
  return database.write<std::int64_t>([&](store::Session& session) -> Result<std::int64_t> {
    auto inserted = session.query_named(
        "mdm/insert_ingest",
        {std::string(hash), source.name.empty() ? std::string("unnamed") : source.name,
         std::string(read_format_name(source.format)), std::string(at)});
    if (!inserted.ok()) {
      if (inserted.error().kind == ErrorKind::conflict) {
        return conflict("this content is being ingested right now; try again when that finishes");
      }
      return inserted.error();
    }
    std::int64_t id = inserted->front().integer("id");
    std::vector<store::Params> rows;
    rows.reserve(rejects.size());
    for (const LineReject& reject : rejects) {
      rows.push_back({id, std::int64_t{reject.line}, reject.reason, reject.text});
    }
    RP_TRY(store::bulk_insert(session, kRejects, rows));
    return id;
  });
}

Result<void> finish_ingest(store::Database& database, const IngestReport& report) {
  return database.write_work([&](store::Session& session) -> Result<void> {
    auto updated = session.execute_named(
        "mdm/finish_ingest",
        {report.accepted, report.estimated, report.exceptions, report.rejected, report.ingest_id});
    if (!updated.ok()) return updated.error();
    return success();
  });
}

Result<void> queue_exceptions(store::Session& session, const std::vector<QueuedException>& queued,
                              std::optional<std::int64_t> ingest_id, std::string_view at) {
  store::Value ingest = store::Null{};
  if (ingest_id) ingest = *ingest_id;
  for (const QueuedException& item : queued) {
    store::Value register_read = store::Null{};
    if (item.register_read_id) register_read = *item.register_read_id;
    auto inserted = session.execute_named(
        "mdm/insert_vee_exception",
        {item.channel_id, std::int64_t{item.utc_day}, std::int64_t{item.finding.first_slot},
         std::int64_t{item.finding.last_slot}, std::string(vee_rule_name(item.finding.rule)),
         item.finding.evidence, std::string(at), ingest, register_read});
    if (!inserted.ok()) return inserted.error();
  }
  return success();
}

void sort_rejects(std::vector<LineReject>& rejects) {
  std::stable_sort(rejects.begin(), rejects.end(),
                   [](const LineReject& a, const LineReject& b) { return a.line < b.line; });
}

std::vector<LineReject> first_rejects(const std::vector<LineReject>& rejects) {
  std::size_t count = std::min(rejects.size(), kReportedRejects);
  return {rejects.begin(), rejects.begin() + static_cast<std::ptrdiff_t>(count)};
}

}  // namespace rp::mdm
