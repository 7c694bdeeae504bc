#include "mdm/register_ingest.h"

#include <algorithm>
#include <map>

#include "mdm/ingest_record.h"
#include "mdm/interval_day_store.h"
#include "mdm/read_fields.h"
#include "mdm/reads_csv.h"
#include "mdm/usage_service.h"

namespace rp::mdm {
namespace {

constexpr std::size_t kReadsPerWrite = 2000;

std::string instant_text(std::int64_t seconds) {
  return format_instant(Instant{std::chrono::seconds{seconds}});
}

std::string read_text(const RegisterRead& read) {
  return clean_excerpt(read.key.meter_serial + "," + read.key.channel + "," +
                       instant_text(read.taken_at) + "," + format_milli_units(read.milli_units) +
                       "," + read.source);
}

// The outcome of one register read, decided and written inside a write transaction.
struct ReadOutcome {
  bool held = false;
  std::vector<QueuedException> exceptions;
};

Result<ReadOutcome> store_register_read(store::Session& session, const IngestChannel& channel,
                                        const VeeRules& rules, const RegisterRead& read,
                                        std::int64_t ingest_id, std::string_view at) {
  ReadOutcome outcome;
  std::string taken_at = instant_text(read.taken_at);
  std::int32_t utc_day = utc_day_of(read.taken_at);
  auto existing = session.query_named("mdm/register_read_at", {channel.channel_id, taken_at});
  if (!existing.ok()) return existing.error();
  if (!existing->empty()) {
    const store::Row& row = existing->front();
    outcome.held = row.text("status") == "held";
    if (row.integer("milli_units") != read.milli_units) {
      VeeFinding finding{VeeRule::duplicate_disagrees, -1, -1,
                         "meter " + channel.meter_serial + " was read twice at " + taken_at + ": " +
                             format_milli_units(row.integer("milli_units")) + " is kept, " +
                             format_milli_units(read.milli_units) + " was also sent",
                         true};
      outcome.exceptions.push_back({channel.channel_id, utc_day, finding, row.integer("id")});
    }
    return outcome;
  }
  auto previous = previous_register_read(session, channel.channel_id, read.taken_at);
  if (!previous.ok()) return previous.error();
  std::vector<VeeFinding> findings;
  if (*previous) {
    RegisterRead before{read.key, (*previous)->taken_at, (*previous)->milli_units, "", 0};
    auto interval_sum = interval_sum_between(session, channel, before.taken_at, read.taken_at);
    if (!interval_sum.ok()) return interval_sum.error();
    auto checked = check_register(rules, before, read, dial_digits_of(channel), {0, *interval_sum});
    if (!checked.ok()) {
      // A read outside the dial's range: the dial cannot show it.
      findings.push_back({VeeRule::register_reversal, -1, -1,
                          "reading " + format_milli_units(read.milli_units) +
                              " cannot be shown on the meter's dial: " + checked.error().message,
                          true});
    } else {
      findings = std::move(checked->findings);
    }
  }
  outcome.held = std::any_of(findings.begin(), findings.end(),
                             [](const VeeFinding& finding) { return finding.needs_review; });
  auto inserted = session.query_named(
      "mdm/insert_register_read",
      {channel.channel_id, taken_at, read.milli_units, read.source,
       std::string(outcome.held ? "held" : "accepted"), std::string(at), store::Null{}, ingest_id});
  if (!inserted.ok()) return inserted.error();
  std::int64_t id = inserted->front().integer("id");
  for (VeeFinding& finding : findings) {
    if (finding.needs_review)
      outcome.exceptions.push_back({channel.channel_id, utc_day, finding, id});
  }
  return outcome;
}

}  // namespace

std::string register_read_problem(const IngestChannel& channel, const RegisterRead& read,
                                  std::int64_t now) {
  if (!channel.found()) return channel.problem;
  if (channel.interval_minutes != 0) {
    return "channel " + channel.channel_name + " of meter " + channel.meter_serial + " records " +
           std::to_string(channel.interval_minutes) +
           "-minute intervals, not register reads (send them as a reads CSV)";
  }
  if (read.taken_at > now) return "read_at " + instant_text(read.taken_at) + " is in the future";
  if (channel.installed_from && read.taken_at < *channel.installed_from) {
    return "read_at " + instant_text(read.taken_at) + " is before meter " + channel.meter_serial +
           " was installed";
  }
  if (channel.removed_until && read.taken_at >= *channel.removed_until) {
    return "read_at " + instant_text(read.taken_at) + " is after meter " + channel.meter_serial +
           " was removed";
  }
  return {};
}

Result<std::optional<std::int64_t>> interval_sum_between(store::Session& session,
                                                         const IngestChannel& channel,
                                                         std::int64_t from, std::int64_t until) {
  auto found =
      session.query_named("mdm/interval_channel_of_meter", {channel.meter_id, channel.unit});
  if (!found.ok()) return found.error();
  if (found->empty() || until <= from) return std::optional<std::int64_t>{};
  std::int64_t interval_channel = found->front().integer("id");
  std::int32_t first_day = utc_day_of(from);
  std::int32_t last_day = utc_day_of(until - 1);
  auto days = load_interval_days(session, interval_channel, first_day, last_day);
  if (!days.ok()) return days.error();
  if (static_cast<std::int64_t>(days->size()) != std::int64_t{last_day} - first_day + 1) {
    return std::optional<std::int64_t>{};  // a whole day is missing
  }
  std::int64_t sum = 0;
  for (const IntervalDay& day : *days) {
    std::int64_t length = std::int64_t{day.interval_minutes} * 60;
    for (std::size_t slot = 0; slot < day.slots(); ++slot) {
      std::int64_t start =
          std::int64_t{day.utc_day} * 86400 + static_cast<std::int64_t>(slot) * length;
      if (start < from || start + length > until) continue;
      if (day.quality[slot] == Quality::missing) return std::optional<std::int64_t>{};
      sum += day.values[slot];
    }
  }
  return std::optional<std::int64_t>{sum};
}

Result<std::optional<PreviousRead>> previous_register_read(store::Session& session,
                                                           std::int64_t channel_id,
                                                           std::int64_t taken_at) {
  auto rows =
      session.query_named("mdm/previous_register_read", {channel_id, instant_text(taken_at)});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<PreviousRead>{};
  auto when = parse_instant(rows->front().text("taken_at"), "taken_at");
  if (!when.ok()) return internal_error("stored register read: " + when.error().message);
  return std::optional<PreviousRead>{
      PreviousRead{when->time_since_epoch().count(), rows->front().integer("milli_units")}};
}

Result<IngestReport> ingest_register_reads(store::Database& database, const UtilityZone& zone,
                                           const IngestSource& source,
                                           const IngestOptions& options) {
  auto [hash, parsed] =
      hash_while_parsing(source.content, [&] { return parse_register_csv(source.content); });
  auto existing = find_ingest(database, hash);
  if (!existing.ok()) return existing.error();
  if (auto repeated = repeated_report(*existing)) return *repeated;
  if (!parsed.ok()) return parsed.error();
  std::int64_t now = options.now.time_since_epoch().count();
  std::string at = format_instant(options.now);

  // Resolve each (meter, channel) once.
  std::map<std::pair<std::string, std::string>, IngestChannel> channels;
  RP_TRY(database.read_work([&](store::Session& session) -> Result<void> {
    for (const RegisterRead& read : parsed->reads) {
      auto key = std::make_pair(read.key.meter_serial, read.key.channel);
      if (channels.contains(key)) continue;
      auto found = find_ingest_channel(session, zone, read.key);
      if (!found.ok()) return found.error();
      channels.emplace(key, std::move(*found));
    }
    return success();
  }));
  std::map<std::string, VeeRules> rules;
  IngestReport report;
  report.format = read_format_name(ReadFormat::register_csv);
  report.resumed = existing->has_value();
  std::vector<LineReject> rejects = std::move(parsed->rejects);
  std::vector<std::pair<const IngestChannel*, const RegisterRead*>> taken;
  for (const RegisterRead& read : parsed->reads) {
    const IngestChannel& channel = channels.at({read.key.meter_serial, read.key.channel});
    std::string problem = register_read_problem(channel, read, now);
    if (!problem.empty()) {
      rejects.push_back({read.line, std::move(problem), read_text(read)});
      continue;
    }
    auto channel_rules = utility_vee_rules(database, channel.commodity, rules);
    if (!channel_rules.ok()) return channel_rules.error();
    taken.emplace_back(&channel, &read);
  }
  // Each channel's reads in time order, so that each is checked against the one before it.
  std::stable_sort(taken.begin(), taken.end(), [](const auto& a, const auto& b) {
    if (a.first->channel_id != b.first->channel_id)
      return a.first->channel_id < b.first->channel_id;
    return a.second->taken_at < b.second->taken_at;
  });
  sort_rejects(rejects);
  report.rejected = static_cast<std::int64_t>(rejects.size());
  report.first_rejects = first_rejects(rejects);
  auto id = start_ingest(database, hash, source, rejects, *existing, at);
  if (!id.ok()) return id.error();
  report.ingest_id = *id;
  for (std::size_t first = 0; first < taken.size(); first += kReadsPerWrite) {
    std::size_t end = std::min(taken.size(), first + kReadsPerWrite);
    RP_TRY(database.write_work([&](store::Session& session) -> Result<void> {
      std::vector<QueuedException> queued;
      std::int64_t held = 0;
      for (std::size_t i = first; i < end; ++i) {
        const auto& [channel, read] = taken[i];
        auto outcome = store_register_read(session, *channel, rules.at(channel->commodity), *read,
                                           report.ingest_id, at);
        if (!outcome.ok()) return outcome.error();
        held += outcome->held ? 1 : 0;
        queued.insert(queued.end(), outcome->exceptions.begin(), outcome->exceptions.end());
      }
      RP_TRY(queue_exceptions(session, queued, report.ingest_id, at));
      report.held += held;
      report.exceptions += static_cast<std::int64_t>(queued.size());
      return success();
    }));
    std::size_t chunks = first / kReadsPerWrite + 1;
    if (options.after_chunk && !options.after_chunk(chunks)) {
      return unavailable("ingest interrupted after chunk " + std::to_string(chunks));
    }
  }
  report.accepted = static_cast<std::int64_t>(taken.size());
  RP_TRY(finish_ingest(database, report));
  return report;
}

}  // namespace rp::mdm
