#pragma once
// `ratepayer audit verify`: walks the whole audit trail (audit/audit_trail.h) and says whether it
// is intact, or names the first record that was changed, removed, inserted or reordered.

#include "app/config.h"

namespace rp::app {

// Exit 0 when intact (prints how many records were checked and how long it took), 1 otherwise,
// naming the first bad record.
int audit_verify_command(const Config& config);

}  // namespace rp::app
