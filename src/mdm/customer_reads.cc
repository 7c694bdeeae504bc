#include "mdm/customer_reads.h"

#include <algorithm>
#include <map>

#include "mdm/ingest_channel.h"
#include "mdm/ingest_record.h"
#include "mdm/read_fields.h"
#include "mdm/register_ingest.h"
#include "mdm/vee_register.h"

namespace rp::mdm {
namespace {

struct AccountMeter {
  std::string serial;
  std::string channel;
  std::int32_t interval_minutes = 0;
};

Result<AccountMeter> choose_meter(store::Session& session, const AccountNumber& account,
                                  const std::string& serial) {
  auto exists = session.query_named("accounts/account_id_and_status", {account.digits()});
  if (!exists.ok()) return exists.error();
  if (exists->empty()) return not_found("no account has number " + account.digits());
  auto rows = session.query_named("mdm/register_channels_of_account", {account.digits()});
  if (!rows.ok()) return rows.error();
  std::vector<AccountMeter> registers;
  bool automatic = false;
  for (const store::Row& row : *rows) {
    AccountMeter meter{row.text("serial"), row.text("name"),
                       static_cast<std::int32_t>(row.integer("interval_minutes"))};
    if (!serial.empty() && meter.serial == serial) {
      if (meter.interval_minutes != 0) {
        return invalid_input("meter", "meter " + serial + " is read automatically every " +
                                          std::to_string(meter.interval_minutes) +
                                          " minutes; there is no need to send its reading");
      }
      return meter;
    }
    if (meter.interval_minutes == 0) registers.push_back(meter);
    automatic = automatic || meter.interval_minutes != 0;
  }
  if (!serial.empty()) {
    return invalid_input("meter", "meter " + quoted_excerpt(serial) +
                                      " is not one of the meters of account " + account.digits());
  }
  if (registers.size() == 1) return registers.front();
  if (registers.empty()) {
    return invalid_input("meter", automatic ? "the meters of this account are read automatically"
                                            : "this account has no meter to read");
  }
  std::string names;
  for (const AccountMeter& meter : registers) names += (names.empty() ? "" : ", ") + meter.serial;
  return invalid_input("meter", "say which meter the reading is from: " + names);
}

std::string day_of(std::int64_t seconds, const UtilityZone& zone) {
  return format_local_date(zone.local_date(Instant{std::chrono::seconds{seconds}}));
}

// Whether the daily use since the last read is far above the daily use between the two before.
bool far_above_recent_use(std::int64_t consumption, std::int64_t elapsed,
                          const std::vector<PreviousRead>& recent) {
  if (recent.size() < 2 || elapsed <= 0) return false;
  std::int64_t earlier_use = recent[0].milli_units - recent[1].milli_units;
  std::int64_t earlier_elapsed = recent[0].taken_at - recent[1].taken_at;
  if (earlier_use < 0 || earlier_elapsed <= 0) return false;
  // consumption / elapsed > factor x earlier_use / earlier_elapsed + 1 unit a day, over a day at
  // least: a reading hours after the last (a move-in read, then the same day's move-out read) is
  // allowed a day's use, not the few hours' (any rise over a morning's read looked unlikely).
  elapsed = std::max<std::int64_t>(elapsed, 86400);
  __int128 left = static_cast<__int128>(consumption) * earlier_elapsed * 86400;
  __int128 right = static_cast<__int128>(kImplausibleFactor) * earlier_use * elapsed * 86400 +
                   static_cast<__int128>(kMilliUnitsPerUnit) * elapsed * earlier_elapsed;
  return left > right;
}

}  // namespace

Result<CustomerReadOutcome> record_register_read(store::Session& session, const UtilityZone& zone,
                                                 const AccountNumber& account,
                                                 const CustomerRead& read, Instant now, ReadBy by) {
  std::int64_t milli = 0;
  if (QuantityProblem problem = parse_milli_units(read.reading, milli);
      problem != QuantityProblem::none) {
    return invalid_input("reading", quantity_reason(problem, "reading", read.reading));
  }
  if (milli < 0) return invalid_input("reading", "a meter reading cannot be negative");
  Instant taken = now;
  if (read.read_at) {
    auto parsed = parse_instant(*read.read_at, "read_at");
    if (!parsed.ok()) return parsed.error();
    taken = *parsed;
  }
  if (taken > now) return invalid_input("read_at", "read_at is in the future");
  std::int64_t taken_at = taken.time_since_epoch().count();

  CustomerReadOutcome outcome;
  RP_TRY(([&]() -> Result<void> {
    auto meter = choose_meter(session, account, read.meter);
    if (!meter.ok()) return meter.error();
    auto channel = find_ingest_channel(session, zone, {meter->serial, meter->channel});
    if (!channel.ok()) return channel.error();
    const std::string source = by == ReadBy::customer ? "customer" : "manual";
    RegisterRead current{{meter->serial, meter->channel}, taken_at, milli, source, 1};
    std::string problem = register_read_problem(*channel, current, now.time_since_epoch().count());
    if (!problem.empty()) return invalid_input("read_at", problem);
    outcome.meter = meter->serial;
    outcome.unit = channel->unit;
    outcome.reading = format_milli_units(milli);
    outcome.read_at = format_instant(taken);

    auto existing =
        session.query_named("mdm/register_read_at", {channel->channel_id, outcome.read_at});
    if (!existing.ok()) return existing.error();
    if (!existing->empty()) {
      if (existing->front().integer("milli_units") != milli) {
        return conflict("a different reading was already sent for meter " + meter->serial + " at " +
                        outcome.read_at);
      }
      outcome.id = existing->front().integer("id");
      outcome.status = existing->front().text("status");
      outcome.message = "We already have this reading. Thank you.";
      return success();
    }

    auto recent_rows =
        session.query_named("mdm/recent_register_reads", {channel->channel_id, outcome.read_at});
    if (!recent_rows.ok()) return recent_rows.error();
    std::vector<PreviousRead> recent;
    for (const store::Row& row : *recent_rows) {
      auto when = parse_instant(row.text("taken_at"), "taken_at");
      if (!when.ok()) return internal_error("stored register read: " + when.error().message);
      recent.push_back({when->time_since_epoch().count(), row.integer("milli_units")});
    }
    std::map<std::string, VeeRules> cache;
    auto rules = utility_vee_rules_in(session, channel->commodity, cache);
    if (!rules.ok()) return rules.error();

    std::vector<VeeFinding> findings;
    std::string why;
    if (!recent.empty()) {
      RegisterRead previous{current.key, recent[0].taken_at, recent[0].milli_units, "", 0};
      auto checked = check_register(*rules, previous, current, dial_digits_of(*channel));
      if (!checked.ok()) {
        findings.push_back({VeeRule::register_reversal, -1, -1,
                            "customer reading " + outcome.reading +
                                " cannot be on the dial: " + checked.error().message,
                            true});
      } else {
        findings = std::move(checked->findings);
        if (checked->consumption_milli &&
            far_above_recent_use(*checked->consumption_milli, taken_at - recent[0].taken_at,
                                 recent)) {
          findings.push_back({VeeRule::spike_history, -1, -1,
                              "customer reading " + outcome.reading + " means " +
                                  format_milli_units(*checked->consumption_milli) + " used since " +
                                  day_of(recent[0].taken_at, zone) + ", more than " +
                                  std::to_string(kImplausibleFactor) +
                                  " times the daily use of the period before",
                              true});
        }
      }
      bool lower = milli < recent[0].milli_units;
      why = lower ? "is lower than the last reading we have, " +
                        format_milli_units(recent[0].milli_units) + " on " +
                        day_of(recent[0].taken_at, zone)
                  : "is much higher than we expected from your recent use";
    }
    bool held = std::any_of(findings.begin(), findings.end(),
                            [](const VeeFinding& finding) { return finding.needs_review; });
    if (held && by == ReadBy::field) {
      // The technician is at the dial: an unlikely reading is refused at once, to be read again
      // (or, when it is right, confirmed and kept for billing's review).
      if (!recent.empty() && milli < recent[0].milli_units) {
        return invalid_input("reading", "the reading " + outcome.reading + " " + channel->unit +
                                            " " + why + "; read the dial again");
      }
      if (!read.confirmed) {
        return invalid_input("reading", "the reading " + outcome.reading + " " + channel->unit +
                                            " " + why +
                                            "; read the dial again, or confirm it is right");
      }
    }
    outcome.status = held ? "held" : "accepted";
    outcome.message =
        held ? "Thank you. Your reading of " + outcome.reading + " " + channel->unit + " " + why +
                   ", so a member of our billing team will check it before it is used for a bill. "
                   "You do not need to do anything else."
             : "Thank you. Your reading of " + outcome.reading + " " + channel->unit +
                   " for meter " + meter->serial +
                   " is recorded and will be used for your next bill.";
    auto inserted =
        session.query_named("mdm/insert_register_read",
                            {channel->channel_id, outcome.read_at, milli, source, outcome.status,
                             format_instant(now), outcome.message, store::Null{}});
    if (!inserted.ok()) return inserted.error();
    outcome.id = inserted->front().integer("id");
    std::vector<QueuedException> queued;
    for (VeeFinding& finding : findings) {
      if (finding.needs_review) {
        queued.push_back(
            {channel->channel_id, utc_day_of(taken_at), std::move(finding), outcome.id});
      }
    }
    return queue_exceptions(session, queued, std::nullopt, format_instant(now));
  }()));
  return outcome;
}

Result<CustomerReadOutcome> submit_customer_read(store::Database& database, const UtilityZone& zone,
                                                 const AccountNumber& account,
                                                 const CustomerRead& read, Instant now) {
  return database.write<CustomerReadOutcome>(
      [&](store::Session& session) -> Result<CustomerReadOutcome> {
        return record_register_read(session, zone, account, read, now, ReadBy::customer);
      });
}

}  // namespace rp::mdm
