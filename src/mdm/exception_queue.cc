#include "mdm/exception_queue.h"

#include <algorithm>
#include <map>

#include "mdm/ingest_channel.h"
#include "mdm/ingest_record.h"
#include "mdm/interval_day_store.h"
#include "mdm/vee.h"

namespace rp::mdm {
namespace {

std::string utc_date(std::int32_t utc_day) {
  return format_local_date(LocalDate{date::sys_days{date::days{utc_day}}});
}

struct StoredException {
  QueuedExceptionView view;
  std::int32_t utc_day = 0;
  std::int64_t service_point_id = 0;
  std::int64_t channel_id = 0;
};

Result<StoredException> read_exception(store::Session& session, const store::Row& row) {
  StoredException stored;
  QueuedExceptionView& view = stored.view;
  view.id = row.integer("id");
  view.rule = row.text("rule");
  view.evidence = row.text("evidence");
  view.status = row.text("status");
  view.meter_serial = row.text("serial");
  view.channel = row.text("name");
  view.unit = row.text("unit");
  stored.utc_day = static_cast<std::int32_t>(row.integer("utc_day"));
  view.day = utc_date(stored.utc_day);
  view.first_slot = static_cast<std::int32_t>(row.integer("first_slot"));
  view.last_slot = static_cast<std::int32_t>(row.integer("last_slot"));
  view.interval_minutes = static_cast<std::int32_t>(row.integer("interval_minutes"));
  if (!row.is_null("register_read_id")) view.register_read_id = row.integer("register_read_id");
  if (!row.is_null("reread_order_id")) view.reread_order_id = row.integer("reread_order_id");
  if (!row.is_null("photo_id")) view.photo_id = row.integer("photo_id");
  view.created_at = row.text("created_at");
  view.resolved_at = row.text("resolved_at");
  view.resolved_by = row.text("resolved_by");
  view.resolution_note = row.text("resolution_note");
  stored.service_point_id = row.integer("service_point_id");
  stored.channel_id = row.integer("channel_id");
  if (stored.service_point_id != 0) {
    auto accounts = session.query_named("mdm/accounts_of_service_point_on",
                                        {stored.service_point_id, view.day, view.day});
    if (!accounts.ok()) return accounts.error();
    for (const store::Row& account : *accounts) view.accounts.push_back(account.text("number"));
  }
  return stored;
}

Result<StoredException> find_exception(store::Session& session, std::int64_t id) {
  auto rows = session.query_named("mdm/exception_by_id", {id});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return not_found("no VEE exception has id " + std::to_string(id));
  return read_exception(session, rows->front());
}

Result<void> check_note(const Resolution& resolution) {
  if (resolution.note.empty() || resolution.note.size() > 1000) {
    return invalid_input("note", "say why, in a note of 1 to 1000 characters");
  }
  return success();
}

Result<void> mark_resolved(store::Session& session, const StoredException& stored,
                           const char* status, const Resolution& resolution,
                           const std::string& note) {
  auto updated = session.execute_named(
      "mdm/resolve_exception",
      {std::string(status), format_instant(resolution.at), resolution.actor, note, stored.view.id});
  if (!updated.ok()) return updated.error();
  if (*updated != 1) {
    return conflict("VEE exception " + std::to_string(stored.view.id) + " is already " +
                    stored.view.status);
  }
  return success();
}

// Runs `change` on the exception inside one write and returns the exception as it then stands.
template <typename Change>
Result<QueuedExceptionView> resolve(store::Database& database, std::int64_t id, Change change) {
  RP_TRY(database.write_work([&](store::Session& session) -> Result<void> {
    auto stored = find_exception(session, id);
    if (!stored.ok()) return stored.error();
    if (stored->view.status != "open") {
      return conflict("VEE exception " + std::to_string(id) + " is already " + stored->view.status);
    }
    return change(session, *stored);
  }));
  return database.read<QueuedExceptionView>(
      [&](store::Session& session) -> Result<QueuedExceptionView> {
        auto stored = find_exception(session, id);
        if (!stored.ok()) return stored.error();
        return stored->view;
      });
}

Result<IntervalDay> stored_day(store::Session& session, const StoredException& stored) {
  auto days = load_interval_days(session, stored.channel_id, stored.utc_day, stored.utc_day);
  if (!days.ok()) return days.error();
  if (days->empty()) {
    return conflict("channel " + stored.view.channel + " of meter " + stored.view.meter_serial +
                    " has no stored reads on " + stored.view.day);
  }
  return std::move(days->front());
}

}  // namespace

Result<ExceptionPage> list_exceptions(store::Database& database, const ExceptionFilter& filter) {
  static const char* kStatuses[] = {"open", "accepted", "edited", "estimated", "all"};
  if (std::find(std::begin(kStatuses), std::end(kStatuses), filter.status) == std::end(kStatuses)) {
    return invalid_input("status", "status must be open, accepted, edited, estimated or all");
  }
  if (filter.limit < 1 || filter.limit > 500) {
    return invalid_input("limit", "limit must be between 1 and 500");
  }
  return database.read<ExceptionPage>([&](store::Session& session) -> Result<ExceptionPage> {
    auto rows = session.query_named("mdm/exceptions_page",
                                    {filter.status, filter.status, filter.after_id, filter.limit});
    if (!rows.ok()) return rows.error();
    ExceptionPage page;
    for (const store::Row& row : *rows) {
      auto stored = read_exception(session, row);
      if (!stored.ok()) return stored.error();
      page.items.push_back(std::move(stored->view));
    }
    if (static_cast<std::int64_t>(page.items.size()) == filter.limit) {
      page.next_after_id = page.items.back().id;
    }
    return page;
  });
}

Result<QueuedExceptionView> accept_exception(store::Database& database, std::int64_t id,
                                             const Resolution& resolution) {
  RP_TRY(check_note(resolution));
  return resolve(
      database, id, [&](store::Session& session, const StoredException& stored) -> Result<void> {
        if (stored.view.register_read_id) {
          auto read =
              session.query_named("mdm/register_read_by_id", {*stored.view.register_read_id});
          if (!read.ok()) return read.error();
          if (!read->empty()) {
            auto settled = session.execute_named(
                "mdm/settle_register_read",
                {read->front().integer("milli_units"), *stored.view.register_read_id});
            if (!settled.ok()) return settled.error();
          }
        }
        return mark_resolved(session, stored, "accepted", resolution, resolution.note);
      });
}

Result<QueuedExceptionView> edit_exception(store::Database& database, std::int64_t id,
                                           const Resolution& resolution) {
  RP_TRY(check_note(resolution));
  return resolve(
      database, id, [&](store::Session& session, const StoredException& stored) -> Result<void> {
        if (stored.view.register_read_id) {
          if (!resolution.reading_milli_units || *resolution.reading_milli_units < 0) {
            return invalid_input("reading",
                                 "give the right reading (0 or more) for the register read");
          }
          auto read =
              session.query_named("mdm/register_read_by_id", {*stored.view.register_read_id});
          if (!read.ok()) return read.error();
          std::int64_t before = read->empty() ? 0 : read->front().integer("milli_units");
          auto settled = session.execute_named(
              "mdm/settle_register_read",
              {*resolution.reading_milli_units, *stored.view.register_read_id});
          if (!settled.ok()) return settled.error();
          return mark_resolved(session, stored, "edited", resolution,
                               resolution.note + " (reading " + format_milli_units(before) +
                                   " -> " + format_milli_units(*resolution.reading_milli_units) +
                                   ")");
        }
        if (resolution.values.empty()) {
          return invalid_input("values", "give at least one slot and value to edit");
        }
        auto day = stored_day(session, stored);
        if (!day.ok()) return day.error();
        IntervalDay updated = *day;
        for (const SlotValue& value : resolution.values) {
          if (value.slot < 0 || static_cast<std::size_t>(value.slot) >= updated.slots()) {
            return invalid_input("values", "slot " + std::to_string(value.slot) +
                                               " is not in the day (0 to " +
                                               std::to_string(updated.slots() - 1) + ")");
          }
          updated.values[static_cast<std::size_t>(value.slot)] = value.milli_units;
          updated.quality[static_cast<std::size_t>(value.slot)] = Quality::edited;
        }
        RP_TRY(replace_interval_day(
            session, *day, updated,
            {format_instant(resolution.at), resolution.actor,
             "staff edit (exception " + std::to_string(id) + "): " + resolution.note}));
        return mark_resolved(session, stored, "edited", resolution, resolution.note);
      });
}

Result<QueuedExceptionView> estimate_exception(store::Database& database, const UtilityZone& zone,
                                               std::int64_t id, const Resolution& resolution) {
  RP_TRY(check_note(resolution));
  return resolve(
      database, id, [&](store::Session& session, const StoredException& stored) -> Result<void> {
        if (stored.view.register_read_id || stored.view.first_slot < 0) {
          return invalid_input(
              "id", "only interval exceptions can be estimated; edit or accept a register read");
        }
        auto channel =
            find_ingest_channel(session, zone, {stored.view.meter_serial, stored.view.channel});
        if (!channel.ok()) return channel.error();
        std::map<std::string, VeeRules> cache;
        auto rules = utility_vee_rules_in(session, channel->commodity, cache);
        if (!rules.ok()) return rules.error();
        auto days = load_interval_days(session, stored.channel_id,
                                       stored.utc_day - history_days_needed(*rules),
                                       stored.utc_day + following_days_needed(*rules));
        if (!days.ok()) return days.error();
        const IntervalDay* current = nullptr;
        ChannelContext context;
        for (const IntervalDay& day : *days) {
          if (day.utc_day == stored.utc_day)
            current = &day;
          else if (day.utc_day < stored.utc_day)
            context.history.push_back(&day);
          else
            context.following.push_back(&day);
        }
        if (!current)
          return conflict("there are no stored reads on " + stored.view.day + " to estimate");
        context.delivered = channel->delivered();
        context.service_active = service_active_on(*channel, zone, stored.utc_day);
        context.reads_expected_from = channel->installed_from;
        context.reads_expected_until = channel->removed_until;
        IntervalDay cleared = *current;
        for (std::int32_t slot = stored.view.first_slot; slot <= stored.view.last_slot; ++slot) {
          cleared.values[static_cast<std::size_t>(slot)] = 0;
          cleared.quality[static_cast<std::size_t>(slot)] = Quality::missing;
        }
        VeeResult estimated = validate_and_estimate(*rules, cleared, context);
        for (std::int32_t slot = stored.view.first_slot; slot <= stored.view.last_slot; ++slot) {
          if (estimated.day.quality[static_cast<std::size_t>(slot)] != Quality::estimated) {
            std::string why = "VEE cannot estimate these slots";
            for (const VeeFinding& finding : estimated.findings) {
              if (finding.needs_review && finding.first_slot <= slot && slot <= finding.last_slot) {
                why += ": " + finding.evidence;
                break;
              }
            }
            return conflict(why + "; edit them instead");
          }
        }
        RP_TRY(replace_interval_day(
            session, *current, estimated.day,
            {format_instant(resolution.at), resolution.actor,
             "staff estimate (exception " + std::to_string(id) + "): " + resolution.note}));
        return mark_resolved(session, stored, "estimated", resolution, resolution.note);
      });
}

}  // namespace rp::mdm
