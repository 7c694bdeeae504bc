#include "outages/status_board.h"

#include <unordered_map>

#include "outages/outage_store.h"

namespace rp::outages {

using store::Row;
using store::Session;

namespace {

std::optional<std::int64_t> optional_integer(const Row& row, std::string_view column) {
  if (row.is_null(column)) return std::nullopt;
  return row.integer(column);
}

Result<std::vector<ServedArea>> read_served_areas(Session& session) {
  auto rows = session.query_named("outages/served_areas");
  RP_TRY(rows);
  std::vector<ServedArea> served;
  for (const Row& row : *rows) {
    ServedArea area;
    area.zip = row.text("zip");
    area.city = row.text("city");
    area.state = row.text("state");
    area.homes = row.integer("homes");
    area.box = {row.integer("south"), row.integer("west"), row.integer("north"),
                row.integer("east")};
    served.push_back(std::move(area));
  }
  return served;
}

}  // namespace

Result<void> StatusBoard::refresh(store::Database& database) {
  std::lock_guard refreshing(refresh_mutex_);
  const bool read_served = served_read_at_ == Instant{} ||
                           now() - served_read_at_ >= std::chrono::minutes(kServedAreasMinutes);
  auto taken = database.read<std::shared_ptr<Snapshot>>(
      [&](Session& session) -> Result<std::shared_ptr<Snapshot>> {
        auto snapshot = std::make_shared<Snapshot>();
        snapshot->as_of = format_instant(now());
        if (read_served) {
          auto served = read_served_areas(session);
          RP_TRY(served);
          served_ = std::move(*served);
          served_read_at_ = now();
        }
        auto open = session.query_named("outages/open_outages", {std::int64_t{100'000}});
        RP_TRY(open);
        std::unordered_map<std::int64_t, std::size_t> index_of;
        for (const Row& row : *open) {
          auto outage = outage_from(row);
          RP_TRY(outage);
          index_of[outage->id] = snapshot->outages.size();
          snapshot->outages.push_back(std::move(*outage));
        }
        auto dark = session.query_named("outages/dark_premises", {snapshot->as_of});
        RP_TRY(dark);
        std::unordered_map<std::int64_t, DarkPremise> placed;
        for (const Row& row : *dark) {
          auto outage = index_of.find(row.integer("outage_id"));
          if (outage == index_of.end()) continue;
          const std::int64_t premise = row.integer("premise_id");
          auto [at, added] = snapshot->by_premise.try_emplace(premise, outage->second);
          // Dark in two outages (nested): the larger one says more.
          if (!added && snapshot->outages[outage->second].customers_out >
                            snapshot->outages[at->second].customers_out) {
            at->second = outage->second;
          }
          DarkPremise& where = placed[premise];
          where.premise_id = premise;
          where.outage = at->second;
          where.zip = row.text("zip");
          where.latitude_micro = optional_integer(row, "latitude_micro");
          where.longitude_micro = optional_integer(row, "longitude_micro");
        }
        std::vector<DarkPremise> dark_premises;
        dark_premises.reserve(placed.size());
        for (auto& [premise, where] : placed) dark_premises.push_back(std::move(where));
        snapshot->map = draw_outage_map(snapshot->outages, dark_premises, served_);
        return snapshot;
      });
  RP_TRY(taken);
  std::lock_guard lock(mutex_);
  snapshot_ = std::move(*taken);
  return success();
}

bool StatusBoard::ready() const {
  return current() != nullptr;
}

std::shared_ptr<const StatusBoard::Snapshot> StatusBoard::current() const {
  std::lock_guard lock(mutex_);
  return snapshot_;
}

PremiseStatus StatusBoard::at_premise(std::int64_t premise_id, bool in_public) const {
  const auto snapshot = current();
  PremiseStatus status;
  if (!snapshot) return status;
  status.as_of = snapshot->as_of;
  auto found = snapshot->by_premise.find(premise_id);
  if (found == snapshot->by_premise.end()) return status;
  const Outage& outage = snapshot->outages[found->second];
  if (in_public && outage.customers_out < kPublicMinimumCustomers) return status;
  status.outage = outage;
  status.outage->device_name.clear();  // staff's words, not customers'
  return status;
}

std::pair<std::string, OutageMap> StatusBoard::map() const {
  const auto snapshot = current();
  if (!snapshot) return {};
  return {snapshot->as_of, snapshot->map};
}

}  // namespace rp::outages
