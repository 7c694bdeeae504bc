// Fuzzes parse_tariff with arbitrary bytes. Errors are fine; a crash or a sanitizer finding is
// not, and neither is a broken contract: whatever parse_tariff accepts must pass the calculator's
// tariff checks, and format_tariff must write it as text that parse_tariff accepts again and that
// formats to the same text.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "rating/tariff_check.h"
#include "rating/tariff_format.h"

namespace {

// Parsers must only produce tariffs the calculator accepts (rating/tariff_check.h).
void check_as_the_calculator_does(const rp::rating::Tariff& tariff) {
  rp::Result<void> whole = rp::rating::check_tariff(tariff);
  if (!whole.ok()) {
    std::fprintf(stderr, "accepted a tariff check_tariff rejects: %s\n",
                 whole.error().message.c_str());
    std::abort();
  }
  for (const rp::rating::TariffVersion& version : tariff.versions) {
    rp::Result<void> checked = rp::rating::check_version(version);
    if (!checked.ok()) {
      std::fprintf(stderr, "accepted a version check_version rejects: %s\n",
                   checked.error().message.c_str());
      std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  rp::Result<rp::rating::Tariff> tariff = rp::rating::parse_tariff(text);
  if (!tariff.ok()) return 0;
  const rp::rating::Tariff& accepted = *tariff;
  check_as_the_calculator_does(accepted);
  const std::string written = rp::rating::format_tariff(accepted);
  rp::Result<rp::rating::Tariff> again = rp::rating::parse_tariff(written);
  if (!again.ok()) {
    std::fprintf(stderr, "format_tariff wrote text parse_tariff rejects: %s\n%s\n",
                 again.error().message.c_str(), written.c_str());
    std::abort();
  }
  if (rp::rating::format_tariff(*again) != written) {
    std::fprintf(stderr, "the round trip changed the tariff:\n%s\n", written.c_str());
    std::abort();
  }
  return 0;
}
