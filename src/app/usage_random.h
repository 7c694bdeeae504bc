#pragma once
// The synthetic usage's randomness and units, shared by its shape (usage_shape.cc) and its
// generation (generate_usage.cc): one splitmix64 hash per (seed, stream, channel, day or slot), so
// nothing depends on chunking, order or the clock (generate_usage.h). Internal to app/.

#include <cstdint>

#include "app/random.h"
#include "core/time.h"

namespace rp::app::usage_random {

inline constexpr std::int32_t kSlotsPerDay = 96;
inline constexpr std::int64_t kSlotSeconds = 900;
inline constexpr std::int64_t kDaySeconds = 86'400;
inline constexpr std::int32_t kIntervalMinutes = 15;

// ---- Randomness: one hash per (stream, channel, day or slot) ----------------------------------

enum class Stream : std::uint64_t {
  profile = 1,
  weather,
  slot,
  ev_night,
  water_day,
  dial,
  meter_faults,
  day_faults
};

inline std::uint64_t mix(std::uint64_t value) {
  return splitmix64(value);
}

// 64 random bits for (seed, stream, a, b): the same for the same inputs, unrelated otherwise.
inline std::uint64_t hash_of(std::uint64_t seed, Stream stream, std::int64_t a,
                             std::int64_t b = 0) {
  std::uint64_t h = mix(seed ^ (static_cast<std::uint64_t>(stream) * 0xD6E8FEB86659FD93ULL));
  h = mix(h ^ static_cast<std::uint64_t>(a));
  return mix(h ^ static_cast<std::uint64_t>(b));
}

// Uniform in [low, high] from the 16 bits of `bits` at `shift` (0, 16, 32 or 48).
inline std::int64_t draw(std::uint64_t bits, int shift, std::int64_t low, std::int64_t high) {
  const std::uint64_t field = (bits >> shift) & 0xFFFF;
  return low +
         static_cast<std::int64_t>((field * static_cast<std::uint64_t>(high - low + 1)) >> 16);
}

// Uniform in [0, 1,000,000) from the low 32 bits: a share in parts per million.
inline std::uint32_t ppm(std::uint64_t bits) {
  return static_cast<std::uint32_t>(((bits & 0xFFFFFFFFULL) * 1'000'000ULL) >> 32);
}

inline std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0 && a < 0) ? 1 : 0);
}

inline std::int64_t seconds_of(Instant instant) {
  return instant.time_since_epoch().count();
}

}  // namespace rp::app::usage_random
