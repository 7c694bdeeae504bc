// reads_csv_bench: how many interval values one core parses per second from a reads CSV
// (src/mdm/reads_csv.h). Builds an in-memory file of 10,000 meters x 1 day of 15-minute kWh data
// (960,000 rows, sorted by meter then time as head-end exports are, with a quality column), parses
// it repeatedly for ~2 seconds and prints one JSON object:
//   {"benchmark":"parse_reads_csv","rows":960000,"bytes":...,"values_per_second":...,
//    "megabytes_per_second":...}
// Usage: reads_csv_bench [seconds]   (default 2)

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "mdm/reads_csv.h"

namespace {

constexpr int kMeters = 10'000;
constexpr int kSlotsPerDay = 96;

// "2026-11-23T08:15:00-08:00" for slot `slot` of 2026-11-23 in Pacific standard time.
std::string slot_start(int slot) {
  char text[32];
  std::snprintf(text, sizeof text, "2026-11-23T%02d:%02d:00-08:00", slot / 4, slot % 4 * 15);
  return text;
}

std::string generate_csv() {
  std::string csv = "meter,channel,interval_start,value,quality\n";
  csv.reserve(static_cast<std::size_t>(kMeters) * kSlotsPerDay * 48);
  std::string starts[kSlotsPerDay];
  for (int slot = 0; slot < kSlotsPerDay; ++slot) starts[slot] = slot_start(slot);
  std::uint64_t state = 20261123;
  char row[96];
  for (int meter = 0; meter < kMeters; ++meter) {
    for (int slot = 0; slot < kSlotsPerDay; ++slot) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      const int base = slot >= 28 && slot < 88 ? 420 : 180;  // Wh: day and night load
      const int wh = base + static_cast<int>(state >> 56);   // + 0..255
      const int length =
          std::snprintf(row, sizeof row, "E%07d,kWh,%s,%d.%03d,A\n", 1'000'000 + meter,
                        starts[slot].c_str(), wh / 1000, wh % 1000);
      csv.append(row, static_cast<std::size_t>(length));
    }
  }
  return csv;
}

}  // namespace

int main(int argc, char** argv) {
  const double seconds = argc > 1 ? std::atof(argv[1]) : 2.0;
  const std::string csv = generate_csv();
  const std::size_t rows = static_cast<std::size_t>(kMeters) * kSlotsPerDay;

  using Clock = std::chrono::steady_clock;
  std::size_t runs = 0;
  std::size_t values = 0;
  const Clock::time_point start = Clock::now();
  Clock::duration elapsed{};
  do {
    rp::Result<rp::mdm::ReadingBatch> batch = rp::mdm::parse_reads_csv(csv);
    if (!batch.ok() || batch->values.size() != rows || !batch->rejects.empty()) {
      std::fprintf(stderr, "reads_csv_bench: the generated file did not parse cleanly\n");
      return 1;
    }
    values += batch->values.size();
    ++runs;
    elapsed = Clock::now() - start;
  } while (std::chrono::duration<double>(elapsed).count() < seconds);

  const double took = std::chrono::duration<double>(elapsed).count();
  std::printf(
      "{\"benchmark\":\"parse_reads_csv\",\"meters\":%d,\"rows\":%zu,\"bytes\":%zu,\"runs\":%zu,"
      "\"values_per_second\":%.0f,\"megabytes_per_second\":%.1f}\n",
      kMeters, rows, csv.size(), runs, static_cast<double>(values) / took,
      static_cast<double>(csv.size()) * static_cast<double>(runs) / took / 1e6);
  return 0;
}
