#pragma once
// The demo utility's tariffs (ratepayer-tariff/1 JSON, docs/tariffs.md), one per rate plan that
// `ratepayer generate` creates: plausible for a small Oregon utility, with two versions each
// (2025 and 2026 rates) so bill periods that span a rate change show it.

#include <string_view>
#include <utility>
#include <vector>

namespace rp::app {

// (rate plan code, tariff JSON) for E-RES (tiered), E-TOU (time of use), E-COM (time of use with
// a demand charge), W-RES, W-COM (tiered water), S-RES and S-COM (sewer capped at winter water).
const std::vector<std::pair<std::string_view, std::string_view>>& demo_tariffs();

}  // namespace rp::app
