#include "billing/document/bill_labels.h"
#include "core/assert.h"
#include "core/decimal.h"

#include <chrono>

namespace rp::billing::document {
namespace {

constexpr BillLabels kEnglish{
    .language = "en",
    .bill = "Bill",
    .page = "Page",
    .of = "of",
    .account_number = "Account number",
    .bill_number = "Bill number",
    .bill_date = "Bill date",
    .billing_period = "Billing period",
    .due_date = "Due date",
    .customer = "Customer",
    .service_address = "Service address",
    .account_summary = "Account summary",
    .previous_balance = "Previous balance",
    .payments = "Payments",
    .adjustments = "Adjustments",
    .current_charges = "Current charges",
    .budget_installment = "Budget billing amount",
    .amount_due = "Amount due",
    .pay_by = "Please pay by",
    .credit_balance_note = "Credit balance: nothing to pay",
    .estimated = "Estimated",
    .estimated_bill = "ESTIMATED BILL",
    .estimated_note = "This bill is based on one or more estimated meter reads.",
    .final_bill = "FINAL BILL",
    .final_note = "This is the final bill for this account.",
    .meter = "Meter",
    .unmetered = "Unmetered",
    .interval_meter = "interval meter",
    .previous_read = "Previous read",
    .current_read = "Current read",
    .usage = "Usage",
    .days = "days",
    .day = "day",
    .final_read = "Final read",
    .installed_read = "Read when installed",
    .total_usage = "Total usage",
    .description = "Description",
    .quantity = "Quantity",
    .rate = "Rate",
    .amount = "Amount",
    .section_total = "Total",
    .continued = "(continued)",
    .continued_on = "Continued on page",
    .usage_history = "Your usage",
    .estimated_legend = "Estimated",
    .current_legend = "This bill",
    .budget_title = "Budget billing",
    .actual_charges = "Actual charges this period",
    .budget_amount_due = "Budget amount due",
    .budget_balance = "Budget balance to date",
    .budget_note = "You pay the same amount each month; the balance is settled once a year.",
    .questions = "Questions?",
    .call = "Call",
    .visit = "or visit",
    .detach = "Please detach and return this portion with your payment.",
    .remit_to = "Remit to",
    .amount_enclosed = "Amount enclosed",
    .payable_to = "Make checks payable to",
    .months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
};

constexpr BillLabels kSpanish{
    .language = "es",
    .bill = "Factura",
    .page = "Página",
    .of = "de",
    .account_number = "Número de cuenta",
    .bill_number = "Número de factura",
    .bill_date = "Fecha de emisión",
    .billing_period = "Período de facturación",
    .due_date = "Fecha de vencimiento",
    .customer = "Cliente",
    .service_address = "Dirección del servicio",
    .account_summary = "Resumen de la cuenta",
    .previous_balance = "Saldo anterior",
    .payments = "Pagos",
    .adjustments = "Ajustes",
    .current_charges = "Cargos actuales",
    .budget_installment = "Importe de facturación nivelada",
    .amount_due = "Importe a pagar",
    .pay_by = "Pague antes del",
    .credit_balance_note = "Saldo a favor: no hay nada que pagar",
    .estimated = "Estimada",
    .estimated_bill = "FACTURA ESTIMADA",
    .estimated_note = "Esta factura se basa en una o más lecturas estimadas del medidor.",
    .final_bill = "FACTURA FINAL",
    .final_note = "Esta es la factura final de esta cuenta.",
    .meter = "Medidor",
    .unmetered = "Sin medidor",
    .interval_meter = "medidor de intervalos",
    .previous_read = "Lectura anterior",
    .current_read = "Lectura actual",
    .usage = "Consumo",
    .days = "días",
    .day = "día",
    .final_read = "Lectura final",
    .installed_read = "Lectura al instalarlo",
    .total_usage = "Consumo total",
    .description = "Descripción",
    .quantity = "Cantidad",
    .rate = "Tarifa",
    .amount = "Importe",
    .section_total = "Total",
    .continued = "(continuación)",
    .continued_on = "Continúa en la página",
    .usage_history = "Su consumo",
    .estimated_legend = "Estimado",
    .current_legend = "Esta factura",
    .budget_title = "Facturación nivelada",
    .actual_charges = "Cargos reales de este período",
    .budget_amount_due = "Importe nivelado a pagar",
    .budget_balance = "Saldo nivelado a la fecha",
    .budget_note = "Usted paga el mismo importe cada mes; el saldo se liquida una vez al año.",
    .questions = "¿Preguntas?",
    .call = "Llame al",
    .visit = "o visite",
    .detach = "Desprenda y devuelva esta parte con su pago.",
    .remit_to = "Enviar a",
    .amount_enclosed = "Importe adjunto",
    .payable_to = "Emita su cheque a nombre de",
    .months = {"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"},
};

bool spanish(const BillLabels& labels) {
  return labels.language == "es";
}

// A run of decimal digits with a comma before every third from the right. (Built by appending:
// GCC 12 reports a false -Wrestrict overlap for std::string::insert here.)
std::string group_thousands(std::string_view digits) {
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return grouped;
}

}  // namespace

const BillLabels& bill_labels(std::string_view language) {
  return language == "es" ? kSpanish : kEnglish;
}

std::string format_money(Money amount) {
  // Money::to_string gives "-1234.56": split off the sign and the cents, group the dollars.
  std::string text = amount.to_string();
  const bool negative = text.front() == '-';
  if (negative) text.erase(0, 1);
  const std::size_t point = text.find('.');
  return (negative ? "-$" : "$") + group_thousands(text.substr(0, point)) + text.substr(point);
}

namespace {

// `exact` rounded to `digits` decimals, then at most `drop` trailing zeros dropped, thousands
// grouped; nullopt when it is not a decimal.
std::optional<std::string> rounded_text(std::string_view exact, int digits, int keep) {
  auto value = Decimal::parse(exact, "quantity");
  if (!value.ok()) return std::nullopt;
  std::string text = value->to_string(digits);
  std::size_t point = text.find('.');
  if (point != std::string::npos) {
    std::size_t end = text.size();
    while (end > point + 1 + static_cast<std::size_t>(keep) && text[end - 1] == '0') --end;
    if (end == point + 1) --end;
    text.resize(end);
  }
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) text.erase(0, 1);
  point = text.find('.');
  const std::string whole = group_thousands(text.substr(0, point));
  return (negative ? "-" : "") + whole + (point == std::string::npos ? "" : text.substr(point));
}

int quantity_digits(std::string_view unit) {
  if (unit == "gal" || unit == "day" || unit == "month") return 0;
  if (unit == "kWh" || unit == "kW" || unit == "CCF" || unit == "therm") return 1;
  return 2;
}

}  // namespace

std::string format_quantity(std::string_view exact, std::string_view unit) {
  if (unit == "$") {
    auto base = Decimal::parse(exact, "quantity");
    if (!base.ok()) return std::string(exact);
    auto money = Money::parse(base->to_string(2));
    return money.ok() ? format_money(*money) : std::string(exact);
  }
  const int digits = quantity_digits(unit);
  // Units a customer reads to a fixed precision keep it ("12.0" kWh); others drop zeros.
  const int keep = unit == "kWh" || unit == "kW" || unit == "CCF" || unit == "therm" ? 1 : 0;
  return rounded_text(exact, digits, keep).value_or(std::string(exact));
}

std::string format_rate(std::string_view exact, std::string_view unit) {
  if (unit == "$") {
    auto fraction = Decimal::parse(exact, "rate");
    if (!fraction.ok()) return std::string(exact);
    auto percent = fraction->checked_multiply(Decimal::from_raw(100 * Decimal::kScale));
    if (!percent.ok()) return std::string(exact);
    return rounded_text(percent->to_string(), 3, 0).value_or(std::string(exact)) + "%";
  }
  auto text = rounded_text(exact, 5, 2);
  if (!text) return std::string(exact);
  return (*text)[0] == '-' ? "-$" + text->substr(1) : "$" + *text;
}

std::string format_count(std::int64_t value) {
  const std::string digits = std::to_string(value < 0 ? -(value + 1) + std::uint64_t{1}
                                                      : static_cast<std::uint64_t>(value));
  return (value < 0 ? "-" : "") + group_thousands(digits);
}

std::string format_date(LocalDate date, const BillLabels& labels) {
  RP_ASSERT(date.ok(), "a bill date is ISO");
  const std::string day = std::to_string(static_cast<unsigned>(date.day()));
  const std::string year = std::to_string(static_cast<int>(date.year()));
  const std::string month(month_abbreviation(date.month(), labels));
  return spanish(labels) ? day + " " + month + " " + year : month + " " + day + ", " + year;
}

std::string format_period(LocalDate start, LocalDate end_exclusive, const BillLabels& labels) {
  const LocalDate last_day{date::sys_days(end_exclusive) - date::days{1}};
  return format_date(start, labels) + " \u2013 " + format_date(last_day, labels);
}

std::string format_day_count(LocalDate start, LocalDate end_exclusive, const BillLabels& labels) {
  const auto days = (date::sys_days(end_exclusive) - date::sys_days(start)).count();
  return std::to_string(days) + " " + std::string(days == 1 ? labels.day : labels.days);
}

std::string_view month_abbreviation(date::month month, const BillLabels& labels) {
  RP_ASSERT(month.ok(), "a bill month is ISO");
  return labels.months[static_cast<unsigned>(month) - 1];
}

std::string commodity_name(std::string_view commodity, const BillLabels& labels) {
  const bool es = spanish(labels);
  if (commodity == "electric") return es ? "Electricidad" : "Electric";
  if (commodity == "water") return es ? "Agua" : "Water";
  if (commodity == "sewer") return es ? "Alcantarillado" : "Sewer";
  if (commodity == "gas") return "Gas";  // the same word in Spanish
  std::string name(commodity);
  if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 32);
  return name;
}

std::string unit_name(std::string_view unit, const BillLabels& labels) {
  const bool es = spanish(labels);
  if (unit == "day") return es ? "días" : "days";
  if (unit == "month") return es ? "mes" : "month";
  if (unit == "therm") return es ? "termias" : "therms";
  return std::string(unit);
}

}  // namespace rp::billing::document
