#include "mdm/vee_register.h"

#include <chrono>

#include "core/time.h"
#include "mdm/vee_support.h"

namespace rp::mdm {
namespace {

std::int64_t dial_modulus(std::int32_t dial_digits) {
  std::int64_t modulus = kMilliUnitsPerUnit;
  for (std::int32_t digit = 0; digit < dial_digits; ++digit) modulus *= 10;
  return modulus;
}

std::string at(std::int64_t seconds) {
  return format_instant(Instant{std::chrono::seconds{seconds}});
}

Result<void> check_reads(const RegisterRead& previous, const RegisterRead& current,
                         std::int32_t dial_digits) {
  if (dial_digits < 1 || dial_digits > 12)
    return invalid_input("dial_digits",
                         "a dial has 1 to 12 digits, not " + std::to_string(dial_digits));
  if (!(previous.key == current.key))
    return invalid_input("key", "register reads of different channels cannot be compared");
  if (current.taken_at <= previous.taken_at)
    return invalid_input("taken_at", "the current read (" + at(current.taken_at) +
                                         ") must be taken after the previous one (" +
                                         at(previous.taken_at) + ")");
  std::int64_t modulus = dial_modulus(dial_digits);
  for (const RegisterRead* read : {&previous, &current}) {
    if (read->milli_units < 0 || read->milli_units >= modulus)
      return invalid_input("milli_units", "read " + format_milli_units(read->milli_units) +
                                              " is not on a " + std::to_string(dial_digits) +
                                              "-digit dial (0 to " +
                                              format_milli_units(modulus - 1) + ")");
  }
  return success();
}

VeeFinding register_finding(VeeRule rule, std::string evidence, bool review) {
  return VeeFinding{rule, -1, -1, std::move(evidence), review};
}

// "from 99980.000 (2026-10-01T00:00:00Z) to 15.000 (2026-10-31T00:00:00Z)"
std::string span(const RegisterRead& previous, const RegisterRead& current) {
  return "from " + format_milli_units(previous.milli_units) + " (" + at(previous.taken_at) +
         ") to " + format_milli_units(current.milli_units) + " (" + at(current.taken_at) + ")";
}

void check_mismatch(const VeeRules& rules, std::int64_t consumption, std::int64_t interval_sum,
                    std::vector<VeeFinding>& findings) {
  __int128 difference = static_cast<__int128>(interval_sum) - consumption;
  if (difference < 0) difference = -difference;
  bool beyond_percent = difference * 10'000 >
                        static_cast<__int128>(rules.register_mismatch_tolerance_bp) * consumption;
  bool beyond_units = difference > rules.register_mismatch_tolerance_milli;
  if (!beyond_percent || !beyond_units) return;
  findings.push_back(register_finding(
      VeeRule::interval_register_mismatch,
      "intervals sum to " + format_milli_units(interval_sum) + " but the register advanced " +
          format_milli_units(consumption) + "; tolerance is the larger of " +
          std::to_string(rules.register_mismatch_tolerance_bp) + " basis points and " +
          format_milli_units(rules.register_mismatch_tolerance_milli),
      true));
}

}  // namespace

Result<RegisterCheck> check_register(const VeeRules& rules, const RegisterRead& previous,
                                     const RegisterRead& current, std::int32_t dial_digits,
                                     const RegisterCheckOptions& options) {
  RP_TRY(check_reads(previous, current, dial_digits));
  const std::int64_t modulus = dial_modulus(dial_digits);
  const std::int64_t elapsed = current.taken_at - previous.taken_at;
  const std::int64_t max_per_hour = options.physical_max_milli_per_hour > 0
                                        ? options.physical_max_milli_per_hour
                                        : rules.default_physical_max_milli_per_hour;
  const __int128 limit_x3600 = static_cast<__int128>(max_per_hour) * elapsed;
  const std::string hours = vee_detail::format_minutes(elapsed / 60);
  RegisterCheck check;
  std::int64_t consumption = current.milli_units - previous.milli_units;
  if (consumption < 0) {
    std::int64_t wrapped = consumption + modulus;
    if (static_cast<__int128>(wrapped) * 2 >= modulus ||
        static_cast<__int128>(wrapped) * 3600 > limit_x3600) {
      check.findings.push_back(register_finding(
          VeeRule::register_reversal,
          "register went backwards " + span(previous, current) + "; as a rollover of the " +
              std::to_string(dial_digits) + "-digit dial it would mean " +
              format_milli_units(wrapped) + " used in " + hours + ", which is implausible",
          true));
      return check;
    }
    consumption = wrapped;
    check.findings.push_back(register_finding(
        VeeRule::register_rollover,
        "the " + std::to_string(dial_digits) + "-digit dial rolled over " +
            span(previous, current) + ": " + format_milli_units(consumption) + " used",
        false));
  }
  check.consumption_milli = consumption;
  if (static_cast<__int128>(consumption) * 3600 > limit_x3600) {
    check.findings.push_back(register_finding(
        VeeRule::spike_physical_max,
        format_milli_units(consumption) + " used in " + hours + " " + span(previous, current) +
            " is above the physical maximum of " + format_milli_units(max_per_hour) + " per hour",
        true));
  }
  if (options.interval_sum_milli)
    check_mismatch(rules, consumption, *options.interval_sum_milli, check.findings);
  return check;
}

}  // namespace rp::mdm
