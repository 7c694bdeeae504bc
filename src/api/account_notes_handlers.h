#pragma once
// An account's notes and complete history for staff (accounts/account_notes.h,
// accounts/account_history.h), with who acted named in words and times in the utility's zone.

#include "api/api.h"

namespace rp::api {

// GET /api/v1/staff/accounts/{number}/history?kind=&limit=&cursor=: events newest first, 50 to a
// page by default, each with its time in UTC and in the utility's zone and who acted
// ({"actor", "actor_kind", "actor_name"}), the kinds the account has, and next_cursor.
http::Response account_history_handler(ApiContext& context, http::Request& request);

// GET /api/v1/staff/accounts/{number}/notes?limit=&cursor=: pinned first, then newest.
http::Response account_notes_handler(ApiContext& context, http::Request& request);
// POST /api/v1/staff/accounts/{number}/notes {"kind": "call", "body": "...", "pinned": false}:
// 201 with the note. With an Idempotency-Key header, a retry gets the same note back (200).
http::Response add_note_handler(ApiContext& context, http::Request& request);
// PUT /api/v1/staff/accounts/{number}/notes/{id}/pinned {"pinned": true}: 200 with the note.
http::Response pin_note_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
