#pragma once
// The electric network over the database (tables substations, feeders, transformers;
// service_points.transformer_id; premises' positions): drawing one where the data has none
// (network_plan.h), for synthetic utilities and demos.

#include <cstdint>
#include <string>

#include "core/result.h"
#include "store/database.h"

namespace rp::outages {

struct NetworkDrawn {
  std::int64_t substations = 0;
  std::int64_t feeders = 0;
  std::int64_t transformers = 0;
  std::int64_t service_points = 0;  // put on a transformer
};

// Draws the network of every electric service point without a transformer (plan_network under
// `seed`) and writes it in one transaction: the substations, feeders and transformers, each point
// on its transformer, and a position for each of their premises that has none. Points already on
// a transformer are left as they are; nothing to draw writes nothing. The rows are created at
// `created_at` (an instant's text; "" for now).
Result<NetworkDrawn> draw_missing_network(store::Database& database, std::uint64_t seed,
                                          const std::string& created_at = "");

}  // namespace rp::outages
