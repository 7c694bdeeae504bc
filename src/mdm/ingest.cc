#include "mdm/ingest.h"

#include <algorithm>
#include <map>

#include "mdm/green_button.h"
#include "mdm/ingest_channel.h"
#include "mdm/ingest_record.h"
#include "mdm/interval_day_store.h"
#include "mdm/read_fields.h"
#include "mdm/reads_csv.h"
#include "mdm/reads_json.h"
#include "mdm/register_ingest.h"
#include "mdm/vee.h"
#include "mdm/vee_checks.h"
#include "mdm/vee_merge.h"

namespace rp::mdm {
namespace {

constexpr std::pair<ReadFormat, const char*> kFormatNames[] = {
    {ReadFormat::csv, "csv"},
    {ReadFormat::green_button, "greenbutton"},
    {ReadFormat::json, "json"},
    {ReadFormat::register_csv, "register_csv"},
};

Result<ReadingBatch> parse_source(const IngestSource& source) {
  switch (source.format) {
    case ReadFormat::csv:
      return parse_reads_csv(source.content);
    case ReadFormat::green_button:
      return parse_green_button(source.content, source.meter_serial);
    case ReadFormat::json:
      return parse_reads_json(source.content);
    case ReadFormat::register_csv:
      break;
  }
  return internal_error("register reads are not interval reads");
}

std::string reject_text(const ReadingBatch& batch, const IntervalValue& value) {
  const ChannelKey& key = batch.channels[value.channel];
  return clean_excerpt(key.meter_serial + "," + key.channel + "," +
                       format_instant(Instant{std::chrono::seconds{value.start}}) + "," +
                       format_milli_units(value.milli_units) + "," + quality_name(value.quality));
}

bool same_content(const IntervalDay& a, const IntervalDay& b) {
  return a.values == b.values && a.quality == b.quality;
}

bool has_gap(const IntervalDay& day) {
  return std::any_of(day.quality.begin(), day.quality.end(), [](Quality quality) {
    return quality == Quality::missing || quality == Quality::estimated;
  });
}

bool all_missing(const IntervalDay& day) {
  return std::all_of(day.quality.begin(), day.quality.end(),
                     [](Quality quality) { return quality == Quality::missing; });
}

// One day to write: a new day (no previous) or a replacement of the stored previous version.
struct DayWrite {
  std::optional<IntervalDay> previous;
  IntervalDay updated;
};

// The accepted values of one channel, with what is needed to merge and check them.
struct ChannelBatch {
  const IngestChannel* channel = nullptr;
  const VeeRules* rules = nullptr;
  std::vector<std::uint32_t> values;  // indices into the batch's values, in file order
  std::int32_t first_day = 0;
  std::int32_t last_day = 0;
};

class IntervalIngest {
 public:
  IntervalIngest(store::Database& database, const UtilityZone& zone, const IngestSource& source,
                 const IngestOptions& options, ReadingBatch& batch)
      : database_(database), zone_(zone), source_(source), options_(options), batch_(batch) {}

  Result<IngestReport> run(std::string_view hash, const std::optional<IngestRecord>& resumed) {
    now_ = options_.now.time_since_epoch().count();
    at_ = format_instant(options_.now);
    report_.format = read_format_name(source_.format);
    report_.resumed = resumed.has_value();
    RP_TRY(resolve_channels());
    check_values();
    sort_rejects(rejects_);
    report_.rejected = static_cast<std::int64_t>(rejects_.size());
    report_.first_rejects = first_rejects(rejects_);
    auto id = start_ingest(database_, hash, source_, rejects_, resumed, at_);
    if (!id.ok()) return id.error();
    report_.ingest_id = *id;
    replacement_ = {at_, options_.actor + ":" + std::to_string(*id),
                    "reads from " + (source_.name.empty() ? std::string("unnamed") : source_.name)};
    RP_TRY(prepare_days());
    for (std::size_t first = 0; first < work_.size(); first += options_.channels_per_read) {
      std::size_t end = std::min(work_.size(), first + options_.channels_per_read);
      RP_TRY(process_channels(first, end));
    }
    RP_TRY(flush());
    RP_TRY(finish_ingest(database_, report_));
    return report_;
  }

 private:
  Result<void> resolve_channels() {
    channels_.resize(batch_.channels.size());
    RP_TRY(database_.read_work([&](store::Session& session) -> Result<void> {
      for (std::size_t i = 0; i < batch_.channels.size(); ++i) {
        auto found = find_ingest_channel(session, zone_, batch_.channels[i]);
        if (!found.ok()) return found.error();
        channels_[i] = std::move(*found);
      }
      return success();
    }));
    rules_.resize(channels_.size(), nullptr);
    for (std::size_t i = 0; i < channels_.size(); ++i) {
      if (!channels_[i].found()) continue;
      auto rules = utility_vee_rules(database_, channels_[i].commodity, rules_cache_);
      if (!rules.ok()) return rules.error();
      rules_[i] = &rules_cache_.at(channels_[i].commodity);
    }
    return success();
  }

  // Splits the values into rejects and per-channel work, keeping file order within a channel.
  void check_values() {
    rejects_ = std::move(batch_.rejects);
    std::vector<std::int32_t> work_of(channels_.size(), -1);
    for (std::uint32_t index = 0; index < batch_.values.size(); ++index) {
      const IntervalValue& value = batch_.values[index];
      std::int32_t stated =
          batch_.interval_seconds.empty() ? 0 : batch_.interval_seconds[value.channel];
      std::string problem = interval_value_problem(channels_[value.channel], stated, value, now_);
      if (!problem.empty()) {
        rejects_.push_back({value.line, std::move(problem), reject_text(batch_, value)});
        continue;
      }
      ++report_.accepted;
      std::int32_t& slot = work_of[value.channel];
      std::int32_t day = utc_day_of(value.start);
      if (slot < 0) {
        slot = static_cast<std::int32_t>(work_.size());
        work_.push_back({&channels_[value.channel], rules_[value.channel], {}, day, day});
      }
      ChannelBatch& work = work_[static_cast<std::size_t>(slot)];
      work.values.push_back(index);
      work.first_day = std::min(work.first_day, day);
      work.last_day = std::max(work.last_day, day);
    }
  }

  // The PostgreSQL partitions for every day this ingest may write.
  Result<void> prepare_days() {
    if (work_.empty()) return success();
    std::int32_t first = work_.front().first_day;
    std::int32_t last = work_.front().last_day;
    for (const ChannelBatch& work : work_) {
      std::int32_t reach = following_days_needed(*work.rules);
      first = std::min(first, work.first_day - reach);
      last = std::max(last, work.last_day + reach);
    }
    return prepare_interval_days(database_, first, last);
  }

  Result<void> process_channels(std::size_t first, std::size_t end) {
    std::vector<std::vector<IntervalDay>> stored(end - first);
    RP_TRY(database_.read_work([&](store::Session& session) -> Result<void> {
      for (std::size_t i = first; i < end; ++i) {
        const ChannelBatch& work = work_[i];
        auto days = load_interval_days(session, work.channel->channel_id,
                                       work.first_day - history_days_needed(*work.rules),
                                       work.last_day + following_days_needed(*work.rules));
        if (!days.ok()) return days.error();
        stored[i - first] = std::move(*days);
      }
      return success();
    }));
    for (std::size_t i = first; i < end; ++i) {
      RP_TRY(process_channel(work_[i], std::move(stored[i - first])));
      if (pending_.size() >= options_.chunk_days) RP_TRY(flush());
    }
    return success();
  }

  Result<void> process_channel(const ChannelBatch& work, std::vector<IntervalDay> stored) {
    const IngestChannel& channel = *work.channel;
    const VeeRules& rules = *work.rules;
    std::map<std::int32_t, IntervalDay> days;
    for (IntervalDay& day : stored) {
      std::int32_t utc_day = day.utc_day;
      days.emplace(utc_day, std::move(day));
    }
    std::map<std::int32_t, IntervalDay> before;  // stored versions of days that may change
    std::vector<std::int32_t> affected;
    std::vector<QueuedException> queued;

    std::int64_t slot_seconds = std::int64_t{channel.interval_minutes} * 60;
    IntervalDay* current = nullptr;
    for (std::uint32_t index : work.values) {
      const IntervalValue& value = batch_.values[index];
      std::int32_t utc_day = utc_day_of(value.start);
      if (!current || current->utc_day != utc_day) {
        auto [found, inserted] = days.try_emplace(utc_day);
        if (inserted) {
          found->second = IntervalDay::empty(channel.channel_id, utc_day, channel.interval_minutes);
        } else if (found->second.interval_minutes != channel.interval_minutes) {
          return conflict("interval day " + std::to_string(utc_day) + " of meter " +
                          channel.meter_serial + " is stored with " +
                          std::to_string(found->second.interval_minutes) +
                          "-minute intervals, but the channel now records " +
                          std::to_string(channel.interval_minutes));
        }
        current = &found->second;
        if (!before.contains(utc_day) && current->version > 0) before.emplace(utc_day, *current);
        affected.push_back(utc_day);
      }
      auto slot =
          static_cast<std::int32_t>((value.start - std::int64_t{utc_day} * 86400) / slot_seconds);
      auto merged = merge_read(*current, slot, value.milli_units, value.quality);
      if (!merged.ok()) return merged.error();
      if (merged->finding) queued.push_back({channel.channel_id, utc_day, *merged->finding, {}});
    }
    // Stored neighbours with gaps that the new reads may now let VEE fill.
    std::int32_t reach = following_days_needed(rules);
    for (auto& [utc_day, day] : days) {
      if (utc_day < work.first_day - reach || utc_day > work.last_day + reach) continue;
      if (utc_day >= work.first_day && utc_day <= work.last_day) continue;
      if (day.version > 0 && has_gap(day)) {
        before.emplace(utc_day, day);
        affected.push_back(utc_day);
      }
    }
    std::sort(affected.begin(), affected.end());
    affected.erase(std::unique(affected.begin(), affected.end()), affected.end());

    RP_TRY(validate_days(work, days, affected, queued));

    for (std::int32_t utc_day : affected) {
      IntervalDay& day = days.at(utc_day);
      auto previous = before.find(utc_day);
      if (previous == before.end()) {
        if (day.version == 0 && !all_missing(day))
          pending_.push_back({std::nullopt, std::move(day)});
      } else if (!same_content(previous->second, day)) {
        pending_.push_back({std::move(previous->second), std::move(day)});
      }
    }
    report_.exceptions += static_cast<std::int64_t>(queued.size());
    pending_exceptions_.insert(pending_exceptions_.end(), std::make_move_iterator(queued.begin()),
                               std::make_move_iterator(queued.end()));
    return success();
  }

  Result<void> validate_days(const ChannelBatch& work, std::map<std::int32_t, IntervalDay>& days,
                             const std::vector<std::int32_t>& affected,
                             std::vector<QueuedException>& queued) {
    const IngestChannel& channel = *work.channel;
    const VeeRules& rules = *work.rules;
    std::int32_t history_days = history_days_needed(rules);
    std::int32_t following_days = following_days_needed(rules);
    ChannelContext context;
    context.delivered = channel.delivered();
    context.reads_expected_from = channel.installed_from;
    context.reads_expected_until = channel.removed_until;
    bool percentile_known = false;
    for (std::int32_t utc_day : affected) {
      context.history.clear();
      context.following.clear();
      for (auto it = days.lower_bound(utc_day - history_days);
           it != days.end() && it->first < utc_day; ++it) {
        context.history.push_back(&it->second);
      }
      for (auto it = days.upper_bound(utc_day);
           it != days.end() && it->first <= utc_day + following_days; ++it) {
        context.following.push_back(&it->second);
      }
      // The recent percentile once per channel and batch: the history before its first day.
      if (!percentile_known) {
        context.recent_percentile_milli =
            recent_percentile(rules, utc_day, channel.interval_minutes, context.history);
        percentile_known = true;
      }
      context.service_active = service_active_on(channel, zone_, utc_day);
      IntervalDay& day = days.at(utc_day);
      VeeResult result = validate_and_estimate(rules, day, context);
      report_.estimated += result.estimated_slots;
      for (VeeFinding& finding : result.findings) {
        if (finding.needs_review)
          queued.push_back({channel.channel_id, utc_day, std::move(finding), {}});
      }
      std::int32_t version = day.version;
      day = std::move(result.day);
      day.version = version;
    }
    return success();
  }

  // Writes the pending days, chunk_days per transaction; the exceptions go with the last chunk.
  Result<void> flush() {
    if (pending_.empty() && pending_exceptions_.empty()) return success();
    std::size_t chunk = std::max<std::size_t>(1, options_.chunk_days);
    std::size_t first = 0;
    do {
      std::size_t end = std::min(pending_.size(), first + chunk);
      RP_TRY(write_chunk(first, end, end == pending_.size()));
      first = end;
    } while (first < pending_.size());
    pending_.clear();
    pending_exceptions_.clear();
    return success();
  }

  Result<void> write_chunk(std::size_t first, std::size_t end, bool with_exceptions) {
    RP_TRY(database_.write_bulk_work([&](store::Session& session) -> Result<void> {
      std::vector<const IntervalDay*> inserts;
      for (std::size_t i = first; i < end; ++i) {
        const DayWrite& write = pending_[i];
        if (!write.previous) {
          inserts.push_back(&write.updated);
          continue;
        }
        RP_TRY(replace_interval_day(session, *write.previous, write.updated, replacement_));
      }
      if (!inserts.empty()) {
        auto inserted = insert_interval_days(session, inserts, at_);
        if (!inserted.ok()) {
          if (inserted.error().kind != ErrorKind::conflict) return inserted.error();
          return conflict("another ingest stored some of these days first; run this one again");
        }
      }
      if (!with_exceptions) return success();
      return queue_exceptions(session, pending_exceptions_, report_.ingest_id, at_);
    }));
    report_.days_written += static_cast<std::int64_t>(end - first);
    ++chunks_;
    if (options_.after_chunk && !options_.after_chunk(chunks_)) {
      return unavailable("ingest interrupted after chunk " + std::to_string(chunks_));
    }
    return success();
  }

  store::Database& database_;
  const UtilityZone& zone_;
  const IngestSource& source_;
  const IngestOptions& options_;
  ReadingBatch& batch_;
  std::int64_t now_ = 0;
  std::string at_;
  Replacement replacement_;
  IngestReport report_;
  std::vector<IngestChannel> channels_;
  std::vector<const VeeRules*> rules_;
  std::map<std::string, VeeRules> rules_cache_;
  std::vector<LineReject> rejects_;
  std::vector<ChannelBatch> work_;
  std::vector<DayWrite> pending_;
  std::vector<QueuedException> pending_exceptions_;
  std::size_t chunks_ = 0;
};

}  // namespace

const char* read_format_name(ReadFormat format) {
  for (const auto& [value, name] : kFormatNames) {
    if (value == format) return name;
  }
  return "csv";
}

bool parse_read_format(std::string_view name, ReadFormat& format) {
  for (const auto& [value, known] : kFormatNames) {
    if (name == known) {
      format = value;
      return true;
    }
  }
  return false;
}

ReadFormat format_of_file_name(std::string_view file_name) {
  if (file_name.ends_with(".xml")) return ReadFormat::green_button;
  if (file_name.ends_with(".json")) return ReadFormat::json;
  return ReadFormat::csv;
}

Result<IngestReport> ingest_reads(store::Database& database, const UtilityZone& zone,
                                  const IngestSource& source, const IngestOptions& options) {
  if (source.format == ReadFormat::register_csv) {
    return ingest_register_reads(database, zone, source, options);
  }
  auto [hash, parsed] = hash_while_parsing(source.content, [&] { return parse_source(source); });
  auto existing = find_ingest(database, hash);
  if (!existing.ok()) return existing.error();
  if (auto repeated = repeated_report(*existing)) return *repeated;
  if (!parsed.ok()) return parsed.error();
  IntervalIngest ingest(database, zone, source, options, *parsed);
  return ingest.run(hash, *existing);
}

}  // namespace rp::mdm
