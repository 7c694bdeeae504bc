#include "store/write_pressure.h"

namespace rp::store {

std::chrono::microseconds write_queue_delay(const Database& database) {
  const auto* pressure = dynamic_cast<const WritePressure*>(&database);
  return pressure ? pressure->write_queue_delay() : std::chrono::microseconds{0};
}

void set_batch_yield(Database& database, BatchYield yield) {
  if (auto* pressure = dynamic_cast<WritePressure*>(&database)) pressure->set_batch_yield(yield);
}

}  // namespace rp::store
