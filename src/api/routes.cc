#include "api/account_handlers.h"
#include "api/account_notes_handlers.h"
#include "api/api.h"
#include "api/application_handlers.h"
#include "api/audit_handlers.h"
#include "api/auth_handlers.h"
#include "api/billing_handlers.h"
#include "api/crew_handlers.h"
#include "api/dashboard_handler.h"
#include "api/ledger_handlers.h"
#include "api/message_handlers.h"
#include "api/meter_data_handlers.h"
#include "api/notice_handlers.h"
#include "api/order_handlers.h"
#include "api/outage_handlers.h"
#include "api/payment_handlers.h"
#include "api/photo_handlers.h"
#include "api/report_handlers.h"
#include "api/settings_handlers.h"
#include "api/staff_access_handlers.h"
#include "api/staff_auth_handlers.h"
#include "api/staff_user_handlers.h"
#include "api/statement_handlers.h"
#include "api/system_handlers.h"
#include "api/tariff_handlers.h"
#include "api/text_handlers.h"
#include "api/usage_alert_handlers.h"
#include "api/usage_handlers.h"
#include "api/work_queue_handlers.h"

namespace rp::api {

// Each route a staff credential reaches names the permission it needs, last (staff/permissions.h);
// routes without one take no staff credential (deny by default: api/guards.h require_staff).
void add_routes(http::Router& router, ApiContext& context) {
  auto bind = [&context](http::Response (*handler)(ApiContext&, http::Request&)) {
    return [&context, handler](http::Request& request) { return handler(context, request); };
  };
  router.add("GET", "/healthz", bind(health_handler));
  router.add("GET", "/metrics", bind(metrics_handler), "metrics.read");
  router.add("GET", "/api/v1/openapi.json", bind(openapi_handler));
  router.add("GET", "/api/v1/utility", bind(utility_handler));
  router.add("POST", "/api/v1/auth/register", bind(register_handler));
  router.add("POST", "/api/v1/auth/verify", bind(verify_handler));
  router.add("POST", "/api/v1/auth/login", bind(login_handler));
  router.add("POST", "/api/v1/auth/logout", bind(logout_handler));
  router.add("POST", "/api/v1/auth/logout-everywhere", bind(logout_everywhere_handler));
  router.add("POST", "/api/v1/auth/password-reset", bind(password_reset_handler));
  router.add("POST", "/api/v1/auth/password-reset/confirm", bind(password_reset_confirm_handler));
  router.add("GET", "/api/v1/me", bind(me_handler));
  router.add("GET", "/api/v1/me/events", bind(events_handler));
  router.add("POST", "/api/v1/me/accounts", bind(add_accounts_handler));
  router.add("POST", "/api/v1/me/accounts/claim", bind(claim_account_handler));
  router.add("POST", "/api/v1/auth/not-me", bind(not_me_handler));
  router.add("POST", "/api/v1/auth/claim-by-text", bind(claim_by_text_handler));
  router.add("PUT", "/api/v1/me/language", bind(language_handler));
  router.add("POST", "/api/v1/me/password", bind(change_password_handler));
  router.add("POST", "/api/v1/me/mfa", bind(start_mfa_handler));
  router.add("POST", "/api/v1/me/mfa/confirm", bind(confirm_mfa_handler));
  router.add("POST", "/api/v1/me/mfa/disable", bind(disable_mfa_handler));
  router.add("POST", "/api/v1/staff/auth/enrol", bind(staff_enrol_handler));
  router.add("POST", "/api/v1/staff/auth/enrol/confirm", bind(staff_enrol_confirm_handler));
  router.add("POST", "/api/v1/staff/auth/login", bind(staff_login_handler));
  router.add("POST", "/api/v1/staff/auth/logout", bind(staff_logout_handler));
  router.add("POST", "/api/v1/staff/auth/reauthenticate", bind(staff_reauthenticate_handler));
  router.add("GET", "/api/v1/staff/me", bind(staff_me_handler));
  router.add("POST", "/api/v1/staff/users", bind(add_staff_user_handler), "staff.manage");
  router.add("GET", "/api/v1/staff/users", bind(staff_users_handler), "staff.manage");
  router.add("POST", "/api/v1/staff/users/{id}/disable", bind(disable_staff_user_handler),
             "staff.manage");
  router.add("PUT", "/api/v1/staff/users/{id}/roles", bind(set_staff_roles_handler),
             "staff.manage");
  router.add("POST", "/api/v1/staff/users/{id}/sign-out", bind(end_staff_sessions_handler),
             "staff.manage");
  router.add("GET", "/api/v1/staff/roles", bind(roles_handler), "staff.manage");
  router.add("PUT", "/api/v1/staff/roles/{name}", bind(define_role_handler), "staff.manage");
  router.add("GET", "/api/v1/staff/api-keys", bind(api_keys_handler), "staff.manage");
  router.add("POST", "/api/v1/staff/api-keys", bind(create_api_key_handler), "staff.manage");
  router.add("POST", "/api/v1/staff/api-keys/{id}/rotate", bind(rotate_api_key_handler),
             "staff.manage");
  router.add("POST", "/api/v1/staff/api-keys/{id}/revoke", bind(revoke_api_key_handler),
             "staff.manage");
  router.add("GET", "/api/v1/staff/audit", bind(audit_search_handler), "audit.read");
  router.add("GET", "/api/v1/staff/audit.csv", bind(audit_export_handler), "audit.export");
  router.add("GET", "/api/v1/staff/accounts", bind(search_accounts_handler), "accounts.read");
  router.add("POST", "/api/v1/staff/accounts", bind(open_account_handler), "accounts.open");
  router.add("GET", "/api/v1/staff/accounts/{number}", bind(account_detail_handler),
             "accounts.read");
  router.add("POST", "/api/v1/staff/accounts/{number}/move-out", bind(move_out_handler),
             "accounts.change");
  router.add("PUT", "/api/v1/staff/accounts/{number}/mailing-address",
             bind(change_mailing_address_handler), "accounts.change");
  router.add("GET", "/api/v1/staff/accounts/{number}/history", bind(account_history_handler),
             "accounts.read");
  router.add("GET", "/api/v1/staff/accounts/{number}/notes", bind(account_notes_handler),
             "accounts.read");
  router.add("GET", "/api/v1/staff/accounts/{number}/statement", bind(statement_handler),
             "accounts.read");
  router.add("GET", "/api/v1/staff/accounts/{number}/statement.csv", bind(statement_csv_handler),
             "accounts.read");
  router.add("GET", "/api/v1/staff/accounts/{number}/statement.pdf", bind(statement_pdf_handler),
             "accounts.read");
  router.add("POST", "/api/v1/staff/accounts/{number}/notes", bind(add_note_handler),
             "notes.write");
  router.add("PUT", "/api/v1/staff/accounts/{number}/notes/{id}/pinned", bind(pin_note_handler),
             "notes.write");
  router.add("GET", "/api/v1/accounts/{number}/summary", bind(account_summary_handler),
             "accounts.read");
  router.add("GET", "/api/v1/accounts/{number}/dashboard", bind(dashboard_handler),
             "accounts.read");
  router.add("GET", "/api/v1/accounts/{number}/preferences", bind(preferences_handler),
             "accounts.read");
  router.add("PUT", "/api/v1/accounts/{number}/preferences", bind(change_preferences_handler),
             "accounts.change");
  router.add("GET", "/api/v1/accounts/{number}/notice-choices", bind(notice_choices_handler),
             "accounts.read");
  router.add("PUT", "/api/v1/accounts/{number}/notice-choices", bind(change_notice_choices_handler),
             "accounts.change");
  router.add("GET", "/api/v1/accounts/{number}/notices", bind(notices_sent_handler),
             "accounts.read");
  router.add("GET", "/api/v1/accounts/{number}/text-consent", bind(text_consent_handler),
             "accounts.read");
  router.add("PUT", "/api/v1/accounts/{number}/text-consent", bind(grant_text_consent_handler),
             "accounts.change");
  router.add("DELETE", "/api/v1/accounts/{number}/text-consent",
             bind(withdraw_text_consent_handler), "accounts.change");
  router.add("GET", "/api/v1/accounts/{number}/alerts", bind(account_alerts_handler),
             "accounts.read");
  router.add("PUT", "/api/v1/accounts/{number}/usage-thresholds",
             bind(set_usage_thresholds_handler), "accounts.change");
  router.add("POST", "/api/v1/accounts/{number}/leaks/{id}/close", bind(close_leak_handler),
             "accounts.change");
  router.add("GET", "/api/v1/staff/leaks", bind(leak_queue_handler), "accounts.read");
  // The customer writes (staff callers are refused: they answer from the inbox below).
  router.add("POST", "/api/v1/accounts/{number}/message-attachments",
             bind(upload_attachment_handler), "accounts.change");
  router.add("GET", "/api/v1/accounts/{number}/message-attachments/{id}",
             bind(account_attachment_handler), "accounts.read");
  router.add("GET", "/api/v1/accounts/{number}/messages", bind(account_threads_handler),
             "accounts.read");
  router.add("POST", "/api/v1/accounts/{number}/messages", bind(open_thread_handler),
             "accounts.change");
  router.add("GET", "/api/v1/accounts/{number}/messages/{id}", bind(account_thread_handler),
             "accounts.read");
  router.add("POST", "/api/v1/accounts/{number}/messages/{id}/replies",
             bind(customer_reply_handler), "accounts.change");
  router.add("GET", "/api/v1/staff/messages", bind(inbox_handler), "accounts.read");
  router.add("GET", "/api/v1/staff/messages/figures", bind(inbox_figures_handler), "accounts.read");
  router.add("GET", "/api/v1/staff/messages/{id}", bind(staff_thread_handler), "accounts.read");
  router.add("POST", "/api/v1/staff/messages/{id}/replies", bind(staff_reply_handler),
             "messages.reply");
  router.add("PUT", "/api/v1/staff/messages/{id}/assignee", bind(assign_thread_handler),
             "messages.reply");
  router.add("POST", "/api/v1/staff/messages/{id}/close", bind(close_thread_handler),
             "messages.reply");
  router.add("PUT", "/api/v1/staff/messages/{id}/links", bind(link_thread_handler),
             "messages.reply");
  router.add("GET", "/api/v1/staff/message-attachments/{id}", bind(staff_attachment_handler),
             "accounts.read");
  router.add("GET", "/api/v1/staff/canned-replies", bind(canned_replies_handler), "accounts.read");
  router.add("PUT", "/api/v1/staff/canned-replies", bind(save_canned_reply_handler),
             "messages.reply");
  router.add("DELETE", "/api/v1/staff/canned-replies/{id}", bind(delete_canned_reply_handler),
             "messages.reply");
  router.add("GET", "/api/v1/accounts/{number}/service-orders", bind(account_orders_handler),
             "accounts.read");
  router.add("POST", "/api/v1/accounts/{number}/service-orders", bind(create_order_handler),
             "accounts.change");
  router.add("GET", "/api/v1/accounts/{number}/service-orders/{order}", bind(account_order_handler),
             "accounts.read");
  router.add("POST", "/api/v1/accounts/{number}/service-orders/{order}/cancel",
             bind(cancel_order_handler), "accounts.change");
  router.add("POST", "/api/v1/staff/service-orders/{order}/moves", bind(move_order_handler),
             "orders.field");
  router.add("GET", "/api/v1/staff/service-orders", bind(open_orders_handler), "accounts.read");
  router.add("POST", "/api/v1/staff/service-orders/{order}/activate",
             bind(activate_application_handler), "accounts.open");
  router.add("GET", "/api/v1/staff/service-orders/{order}", bind(staff_order_handler),
             "accounts.read");
  router.add("POST", "/api/v1/staff/service-orders/{order}/photos", bind(add_order_photo_handler),
             "orders.field");
  router.add("GET", "/api/v1/staff/photos/{id}", bind(staff_photo_handler), "accounts.read");
  router.add("POST", "/api/v1/accounts/{number}/meter-reads/{read}/photo",
             bind(add_read_photo_handler), "meter_data.ingest");
  router.add("GET", "/api/v1/accounts/{number}/photos/{id}", bind(account_photo_handler),
             "accounts.read");
  router.add("GET", "/api/v1/staff/crews", bind(crews_handler), "accounts.read");
  router.add("POST", "/api/v1/staff/crews", bind(save_crew_handler), "orders.dispatch");
  router.add("GET", "/api/v1/staff/webhooks", bind(webhooks_handler), "settings.change");
  router.add("POST", "/api/v1/staff/webhooks", bind(add_webhook_handler), "settings.change");
  router.add("DELETE", "/api/v1/staff/webhooks/{id}", bind(remove_webhook_handler),
             "settings.change");
  router.add("GET", "/api/v1/staff/outages", bind(staff_outages_handler), "accounts.read");
  router.add("POST", "/api/v1/staff/outages", bind(open_outage_handler), "outages.manage");
  router.add("GET", "/api/v1/staff/outages/summary", bind(outage_summary_handler),
             "accounts.read");
  router.add("GET", "/api/v1/staff/outage-signals", bind(outage_signals_handler), "accounts.read");
  router.add("GET", "/api/v1/staff/outages/{outage}", bind(staff_outage_handler), "accounts.read");
  router.add("POST", "/api/v1/staff/outages/{outage}/moves", bind(move_outage_handler),
             "outages.manage");
  router.add("POST", "/api/v1/staff/outages/{outage}/etr", bind(outage_etr_handler),
             "outages.manage");
  router.add("POST", "/api/v1/meter-events", bind(meter_events_handler), "meter_data.ingest");
  router.add("POST", "/api/v1/outage-reports", bind(public_outage_report_handler));
  router.add("GET", "/api/v1/outages/status", bind(outage_status_handler));
  router.add("GET", "/api/v1/outages/map", bind(outage_map_handler));
  router.add("POST", "/api/v1/accounts/{number}/outage-reports",
             bind(account_outage_report_handler), "outages.report");
  router.add("GET", "/api/v1/accounts/{number}/outages", bind(account_outages_handler),
             "accounts.read");
  router.add("GET", "/api/v1/accounts/{number}/outage-history",
             bind(account_outage_history_handler), "accounts.read");
  router.add("GET", "/api/v1/accounts/{number}/followed-addresses",
             bind(followed_addresses_handler), "accounts.read");
  router.add("POST", "/api/v1/accounts/{number}/followed-addresses",
             bind(follow_address_handler), "accounts.change");
  router.add("DELETE", "/api/v1/accounts/{number}/followed-addresses/{premise}",
             bind(unfollow_address_handler), "accounts.change");
  router.add("GET", "/api/v1/premises", bind(find_premises_handler));
  router.add("POST", "/api/v1/service-applications", bind(apply_for_service_handler));
  router.add("POST", "/api/v1/sms/inbound", bind(inbound_text_handler));
  router.add("POST", "/api/v1/sms/status", bind(text_status_handler));
  router.add("GET", "/api/v1/notices/unsubscribe", bind(unsubscribe_target_handler));
  router.add("POST", "/api/v1/notices/unsubscribe", bind(unsubscribe_handler));
  router.add("POST", "/api/v1/accounts/{number}/budget-billing",
             bind(customer_budget_billing_handler), "accounts.change");
  router.add("DELETE", "/api/v1/accounts/{number}/budget-billing",
             bind(leave_budget_billing_handler), "accounts.change");
  router.add("GET", "/api/v1/accounts/{number}/usage", bind(usage_handler), "accounts.read");
  router.add("GET", "/api/v1/accounts/{number}/usage/to-date", bind(usage_to_date_handler),
             "accounts.read");
  router.add("POST", "/api/v1/accounts/{number}/meter-reads", bind(customer_meter_read_handler),
             "meter_data.ingest");
  router.add("POST", "/api/v1/reads", bind(ingest_reads_handler), "meter_data.ingest");
  router.add("GET", "/api/v1/staff/vee-exceptions", bind(list_vee_exceptions_handler),
             "meter_data.resolve");
  router.add("POST", "/api/v1/staff/vee-exceptions/{id}/accept", bind(accept_vee_exception_handler),
             "meter_data.resolve");
  router.add("POST", "/api/v1/staff/vee-exceptions/{id}/edit", bind(edit_vee_exception_handler),
             "meter_data.resolve");
  router.add("POST", "/api/v1/staff/vee-exceptions/{id}/estimate",
             bind(estimate_vee_exception_handler), "meter_data.resolve");
  router.add("POST", "/api/v1/staff/vee-exceptions/{id}/reread", bind(reread_vee_exception_handler),
             "meter_data.resolve");
  router.add("GET", "/api/v1/accounts/{number}/bills", bind(account_bills_handler),
             "accounts.read");
  router.add("GET", "/api/v1/accounts/{number}/bills/{bill}", bind(account_bill_handler),
             "accounts.read");
  router.add("POST", "/api/v1/staff/accounts/{number}/bills/{bill}/resend",
             bind(resend_bill_handler), "accounts.change");
  router.add("POST", "/api/v1/staff/accounts/{number}/budget-billing",
             bind(enroll_budget_billing_handler), "accounts.change");
  router.add("POST", "/api/v1/staff/bill-runs", bind(start_bill_run_handler), "bill_runs.start");
  router.add("GET", "/api/v1/staff/bill-runs", bind(bill_runs_handler), "billing.read");
  router.add("GET", "/api/v1/staff/bill-runs/{id}", bind(bill_run_handler), "billing.read");
  router.add("GET", "/api/v1/staff/bill-runs/{id}/problems", bind(bill_run_problems_handler),
             "billing.read");
  router.add("GET", "/api/v1/staff/bill-holds", bind(bill_holds_handler), "billing.read");
  router.add("POST", "/api/v1/staff/bill-holds/approve", bind(approve_bills_handler),
             "bills.approve");
  router.add("POST", "/api/v1/staff/bill-holds/cancel", bind(cancel_bills_handler),
             "bills.approve");
  router.add("GET", "/api/v1/staff/bills/{id}", bind(staff_bill_handler), "billing.read");
  router.add("POST", "/api/v1/staff/bills/{id}/approve", bind(approve_bill_handler),
             "bills.approve");
  router.add("POST", "/api/v1/staff/bills/{id}/recalculate", bind(recalculate_bill_handler),
             "bills.approve");
  router.add("POST", "/api/v1/staff/bills/{id}/cancel", bind(cancel_bill_handler), "bills.approve");
  router.add("POST", "/api/v1/staff/accounts/{number}/adjustments",
             bind(request_adjustment_handler), "adjustments.request");
  router.add("GET", "/api/v1/staff/adjustments", bind(pending_adjustments_handler), "billing.read");
  router.add("GET", "/api/v1/staff/accounts/{number}/aging", bind(account_aging_handler),
             "accounts.read");
  router.add("POST", "/api/v1/staff/adjustments/{id}/approve", bind(approve_adjustment_handler),
             "adjustments.approve");
  router.add("POST", "/api/v1/staff/adjustments/{id}/reject", bind(reject_adjustment_handler),
             "adjustments.approve");
  router.add("POST", "/api/v1/accounts/{number}/payments", bind(submit_payment_handler),
             "payments.take");
  router.add("GET", "/api/v1/accounts/{number}/payments", bind(account_payments_handler),
             "accounts.read");
  router.add("POST", "/api/v1/payment-methods/test-tokens", bind(test_token_handler),
             "payments.take");
  router.add("POST", "/api/v1/bank-accounts", bind(bank_account_handler), "payments.take");
  router.add("POST", "/api/v1/staff/payments/{confirmation}/void", bind(void_payment_handler),
             "payments.void");
  router.add("POST", "/api/v1/staff/accounts/{number}/refunds", bind(refund_handler),
             "refunds.issue");
  router.add("POST", "/api/v1/accounts/{number}/scheduled-payments", bind(schedule_payment_handler),
             "payments.take");
  router.add("GET", "/api/v1/accounts/{number}/scheduled-payments",
             bind(scheduled_payments_handler), "accounts.read");
  router.add("DELETE", "/api/v1/accounts/{number}/scheduled-payments/{id}",
             bind(cancel_scheduled_payment_handler), "payments.take");
  router.add("GET", "/api/v1/accounts/{number}/autopay", bind(autopay_handler), "accounts.read");
  router.add("GET", "/api/v1/accounts/{number}/arrangement-offers", bind(arrangement_offer_handler),
             "accounts.read");
  router.add("POST", "/api/v1/accounts/{number}/arrangements", bind(make_arrangement_handler),
             "arrangements.make");
  router.add("GET", "/api/v1/accounts/{number}/arrangements", bind(arrangements_handler),
             "accounts.read");
  router.add("PUT", "/api/v1/accounts/{number}/autopay", bind(enrol_autopay_handler),
             "payments.take");
  router.add("DELETE", "/api/v1/accounts/{number}/autopay", bind(cancel_autopay_handler),
             "payments.take");
  router.add("GET", "/api/v1/staff/lockbox/suspense", bind(lockbox_suspense_handler),
             "lockbox.apply");
  router.add("POST", "/api/v1/staff/lockbox/items/{id}/apply", bind(apply_lockbox_item_handler),
             "lockbox.apply");
  router.add("POST", "/api/v1/staff/payments/{confirmation}/return", bind(return_payment_handler),
             "payments.return");
  router.add("POST", "/api/v1/accounts/{number}/payment-methods", bind(save_payment_method_handler),
             "payments.take");
  router.add("GET", "/api/v1/accounts/{number}/payment-methods", bind(payment_methods_handler),
             "accounts.read");
  router.add("DELETE", "/api/v1/accounts/{number}/payment-methods/{id}",
             bind(remove_payment_method_handler), "payments.take");
  router.add("POST", "/api/v1/staff/accounts/{number}/payments", bind(staff_payment_handler),
             "payments.take");
  router.add("GET", "/api/v1/staff/cashier-drawer", bind(cashier_drawer_handler), "payments.take");
  router.add("GET", "/api/v1/staff/settings", bind(settings_handler), "billing.read");
  router.add("PUT", "/api/v1/staff/settings/{key}", bind(change_setting_handler),
             "settings.change");
  router.add("GET", "/api/v1/staff/settings/changes", bind(setting_changes_handler),
             "billing.read");
  router.add("GET", "/api/v1/staff/bill-schedule", bind(bill_schedule_handler), "billing.read");
  router.add("GET", "/api/v1/staff/rate-plans", bind(rate_plans_handler), "billing.read");
  router.add("GET", "/api/v1/staff/rate-plans/{code}/tariff", bind(rate_plan_tariff_handler),
             "billing.read");
  router.add("PUT", "/api/v1/staff/rate-plans/{code}/tariff", bind(store_rate_plan_tariff_handler),
             "tariffs.change");
  router.add("POST", "/api/v1/staff/rate-plans/{code}/tariff/preview",
             bind(preview_rate_plan_tariff_handler), "billing.read");
  router.add("GET", "/api/v1/staff/reports", bind(report_catalog_handler), "billing.read");
  router.add("GET", "/api/v1/staff/reports/{name}", bind(report_handler), "billing.read");
  router.add("GET", "/api/v1/staff/work-queues", bind(work_queue_counts_handler), "accounts.read");
  router.add("GET", "/api/v1/staff/payments", bind(waiting_payments_handler), "billing.read");
  router.add("POST", "/api/v1/staff/payments/{confirmation}/move", bind(move_payment_handler),
             "lockbox.apply");
  report_database_pool(context.metrics, context.database);
}

}  // namespace rp::api
