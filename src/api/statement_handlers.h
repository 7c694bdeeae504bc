#pragma once
// The statement of account over HTTP (ledger/account_statement.h), as JSON for the console, as
// CSV for a spreadsheet and as a PDF to print or send.

#include "api/api.h"

namespace rp::api {

// GET /api/v1/staff/accounts/{number}/statement?from=YYYY-MM-DD&to=YYYY-MM-DD&kind=payment
http::Response statement_handler(ApiContext& context, http::Request& request);
// GET /api/v1/staff/accounts/{number}/statement.csv?... (the same query)
http::Response statement_csv_handler(ApiContext& context, http::Request& request);
// GET /api/v1/staff/accounts/{number}/statement.pdf?... (the same query)
http::Response statement_pdf_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
