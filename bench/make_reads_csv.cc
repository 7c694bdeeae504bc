// Writes the reads CSV a head-end would deliver for the ingest benchmark: 15-minute kWh for the
// first N AMI meters of a database (by serial) over D days from a start date, with a realistic
// daily shape and a known share of missing reads (0.5% of meter-days lose a run of 1-3 slots) so
// that VEE has gaps to fill.
//
//   make_reads_csv DATABASE_URL METERS DAYS FIRST_DAY(YYYY-MM-DD) OUTPUT.csv
//
// Prints {"meters":..,"days":..,"values":..,"bytes":..} on stdout.

#include <cstdint>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "core/time.h"
#include "store/database.h"

namespace {

std::uint64_t mix(std::uint64_t x) {  // splitmix64 finaliser: a deterministic hash
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Milli-kWh for a quarter hour: a base load, a morning and an evening peak, and noise.
std::int64_t quarter_hour(std::uint64_t meter, std::int64_t day, int slot) {
  static const int kHourShape[24] = {30, 27, 25, 25, 26, 32, 48, 62, 55, 45, 42, 42,
                                     43, 42, 42, 45, 55, 75, 90, 88, 78, 65, 48, 36};
  std::uint64_t noise = mix(meter * 1'000'003ULL + static_cast<std::uint64_t>(day) * 97 + slot);
  std::int64_t size = 60 + static_cast<std::int64_t>(mix(meter) % 120);  // household size
  return kHourShape[slot / 4] * size / 10 + static_cast<std::int64_t>(noise % 40);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    std::cerr << "usage: make_reads_csv DATABASE_URL METERS DAYS FIRST_DAY OUTPUT.csv\n";
    return 2;
  }
  auto database = rp::store::Database::open(argv[1]);
  if (!database.ok()) {
    std::cerr << database.error().message << "\n";
    return 1;
  }
  long meters = std::stol(argv[2]);
  long days = std::stol(argv[3]);
  auto first = rp::parse_local_date(argv[4], "first_day");
  if (!first.ok()) {
    std::cerr << first.error().message << "\n";
    return 2;
  }
  auto serials = (*database)->read<std::vector<std::string>>(
      [&](rp::store::Session& session) -> rp::Result<std::vector<std::string>> {
        auto rows = session.query(
            "SELECT m.serial FROM meters m JOIN meter_channels mc ON mc.meter_id = m.id "
            "WHERE m.kind = 'ami' AND mc.name = 'kWh' AND mc.interval_minutes = 15 "
            "AND m.installed_on <= :first ORDER BY m.serial LIMIT :meters",
            {std::string(argv[4]), std::int64_t{meters}});
        if (!rows.ok()) return rows.error();
        std::vector<std::string> names;
        for (const auto& row : *rows) names.push_back(row.text(0));
        return names;
      });
  if (!serials.ok()) {
    std::cerr << serials.error().message << "\n";
    return 1;
  }
  if (static_cast<long>(serials->size()) < meters) {
    std::cerr << "the database has only " << serials->size() << " AMI meters installed by "
              << argv[4] << "\n";
    return 1;
  }
  std::FILE* out = std::fopen(argv[5], "w");
  if (!out) {
    std::cerr << "cannot write " << argv[5] << "\n";
    return 1;
  }
  std::vector<char> buffer(1 << 20);
  std::setvbuf(out, buffer.data(), _IOFBF, buffer.size());
  std::fputs("meter,channel,interval_start,value,quality\n", out);
  std::int64_t first_day = date::sys_days(*first).time_since_epoch().count();
  std::uint64_t values = 0;
  for (std::size_t m = 0; m < serials->size(); ++m) {
    const std::string& serial = (*serials)[m];
    for (long d = 0; d < days; ++d) {
      std::int64_t day = first_day + d;
      std::uint64_t roll = mix(m * 7919 + static_cast<std::uint64_t>(day));
      int gap_start = roll % 200 == 0 ? static_cast<int>(roll / 200 % 90) : -1;
      int gap_length = 1 + static_cast<int>(roll / 20000 % 3);
      auto stamp = rp::format_instant(rp::Instant{std::chrono::seconds{day * 86400}});
      std::string prefix = stamp.substr(0, 11);  // "2026-10-01T"
      for (int slot = 0; slot < 96; ++slot) {
        if (gap_start >= 0 && slot >= gap_start && slot < gap_start + gap_length) continue;
        std::int64_t milli = quarter_hour(m, day, slot);
        std::fprintf(out, "%s,kWh,%s%02d:%02d:00Z,%lld.%03lld,A\n", serial.c_str(), prefix.c_str(),
                     slot / 4, slot % 4 * 15, static_cast<long long>(milli / 1000),
                     static_cast<long long>(milli % 1000));
        ++values;
      }
    }
  }
  long bytes = std::ftell(out);
  std::fclose(out);
  std::cout << "{\"meters\":" << serials->size() << ",\"days\":" << days << ",\"values\":" << values
            << ",\"bytes\":" << bytes << "}\n";
  return 0;
}
