#pragma once
// The utility's settings over HTTP (store/setting_rules.h is the one list of them and their
// rules), their changes with who made them, and the bill cycles' schedule the settings shape.

#include "api/api.h"
#include "http/request.h"
#include "http/response.h"

namespace rp::api {

// GET /api/v1/staff/settings: every setting the product reads, in the rules' order:
// {"settings": [{"key", "kind", "minimum", "maximum", "meaning", "value" (null when not set),
// "when_unset"}]}; a family ("vee_rules.") lists each member set, then the family itself (value
// null), under whose key a new member (another commodity's rules) is named.
http::Response settings_handler(ApiContext& context, http::Request& request);

// PUT /api/v1/staff/settings/{key} {"value": "21"}: checks and sets it (recording the change with
// the value before and after, and who made it); 200 {"key", "value", "changed"}. 422 naming the
// key for an unknown key or a bad value, 409 for the time zone once bills exist.
http::Response change_setting_handler(ApiContext& context, http::Request& request);

// GET /api/v1/staff/settings/changes?cursor=&limit=: the changes, newest first: {"changes":
// [{"id", "at", "key", "from", "to", "actor", "actor_kind", "actor_name"}], "next_cursor"}.
http::Response setting_changes_handler(ApiContext& context, http::Request& request);

// GET /api/v1/staff/bill-schedule?month=YYYY-MM (default: this month): each cycle's read date,
// bill date and period, on the business days the holidays setting leaves.
http::Response bill_schedule_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
