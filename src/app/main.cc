// ratepayer: the one executable. `ratepayer --help` lists the commands.

#include <CLI/CLI.hpp>

#include <iostream>

#include "app/billing_commands.h"
#include "app/commands.h"
#include "app/config.h"
#include "app/ingest_command.h"
#include "app/letter_commands.h"
#include "app/payment_commands.h"
#include "app/rate_command.h"
#include "app/settings_command.h"

namespace {

struct CommonFlags {
  std::optional<std::string> config_file;
  std::optional<std::string> database_url;
  std::optional<std::string> port;
};

void add_common_flags(CLI::App& command, CommonFlags& flags, bool serves) {
  command.add_option("--config", flags.config_file, "TOML configuration file");
  command.add_option("--db", flags.database_url, "database URL: sqlite:PATH or postgresql://...");
  if (serves) {
    command.add_option("--port", flags.port, "HTTP port (0 = any free port)");
    // Secrets (the staff token) come from the file or the environment only: a flag would show
    // them to anyone who can list the machine's processes.
  }
}

// Configuration = defaults < file < RATEPAYER_* environment < flags.
rp::Result<rp::app::Config> resolve_config(const CommonFlags& flags) {
  auto config = rp::app::load_config(flags.config_file, rp::app::process_environment());
  if (!config.ok()) return config.error();
  std::pair<const char*, const std::optional<std::string>*> overrides[] = {
      {"database.url", &flags.database_url}, {"http.port", &flags.port}};
  for (const auto& [setting, value] : overrides) {
    if (*value) RP_TRY(rp::app::set_setting(*config, setting, **value, "command line"));
  }
  return config;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Ratepayer: customer information system and self-service portal for utilities"};
  app.require_subcommand(1);
  CommonFlags flags;
  std::size_t accounts = 1000;
  std::uint64_t seed = 1;
  std::size_t usage_months = 0;

  auto* serve = app.add_subcommand("serve", "migrate, then serve the API and the portal");
  add_common_flags(*serve, flags, true);
  auto* migrate = app.add_subcommand("migrate", "apply pending database migrations");
  add_common_flags(*migrate, flags, false);
  auto* generate = app.add_subcommand("generate", "generate a synthetic utility (deterministic)");
  add_common_flags(*generate, flags, false);
  generate->add_option("--accounts", accounts, "how many accounts")->check(CLI::Range(1, 5000000));
  generate->add_option("--seed", seed, "random seed; the same seed gives the same utility");
  generate->add_option("--usage-months", usage_months, "months of meter data (0 = none)")
      ->check(CLI::Range(0, 36));
  bool no_bills = false;
  generate->add_flag("--no-bills", no_bills, "with usage: do not run the bill cycles");
  std::string time_zone = "America/Los_Angeles";
  generate->add_option("--time-zone", time_zone,
                       "the synthetic utility's IANA time zone (stored as its setting)");
  std::string utility_name;
  generate->add_option("--utility-name", utility_name,
                       "the synthetic utility's name (stored as its setting)");
  std::string as_of;
  generate->add_option("--as-of", as_of,
                       "the data's today: YYYY-MM-DD, or 'today' in the utility's zone "
                       "(default 2026-11-01, so a run repeats byte for byte)");
  auto* demo = app.add_subcommand("demo", "create a demo utility (once) and serve it");
  add_common_flags(*demo, flags, true);
  demo->add_option("--accounts", accounts, "accounts in the demo utility")
      ->check(CLI::Range(1, 5000000));
  demo->add_option("--usage-months", usage_months, "months of meter data in the demo (0 = none)")
      ->check(CLI::Range(0, 36));

  rp::app::IngestCommandOptions ingest_options;
  auto* ingest = app.add_subcommand("ingest",
                                    "ingest meter read files (reads CSV, Green Button "
                                    "XML, JSON batch, register CSV)");
  add_common_flags(*ingest, flags, false);
  ingest->add_option("files", ingest_options.files, "files to ingest")->required();
  ingest->add_option("--format", ingest_options.format,
                     "csv | greenbutton | json | register_csv (default: from the file)");
  ingest->add_option("--meter", ingest_options.meter,
                     "Green Button: the meter serial of every reading (default: UsagePoint title)");
  ingest->add_flag("--json", ingest_options.json, "print one JSON report per file");

  rp::app::RateCommandOptions rate_options;
  auto* rate = app.add_subcommand("rate", "rate a usage file with a tariff file (no database)");
  rate->add_option("--tariff", rate_options.tariff_path, "tariff JSON (ours or OpenEI URDB)")
      ->required();
  rate->add_option("--usage", rate_options.usage_path, "usage CSV: interval_start,kwh")->required();
  rate->add_option("--tz", rate_options.time_zone, "the utility's IANA time zone (default UTC)");
  rate->add_option("--from", rate_options.from, "first day billed, YYYY-MM-DD (with --to)");
  rate->add_option("--to", rate_options.to, "first day NOT billed, YYYY-MM-DD (with --from)");
  rate->add_flag("--json", rate_options.json, "print JSON instead of a table");

  std::string tariff_plan;
  std::string tariff_file;
  auto* tariff = app.add_subcommand("tariff", "store a tariff file on a rate plan");
  add_common_flags(*tariff, flags, false);
  tariff->add_option("--plan", tariff_plan, "rate plan code, e.g. E-RES")->required();
  tariff->add_option("file", tariff_file, "tariff JSON (ours or OpenEI URDB)")->required();

  std::optional<std::string> schedule_month;
  auto* schedule =
      app.add_subcommand("bill-schedule", "print the bill cycles' read and bill dates");
  add_common_flags(*schedule, flags, false);
  schedule->add_option("--month", schedule_month, "YYYY-MM (default: this month)");

  rp::app::BillRunCommandOptions bill_run_options;
  auto* bill_run = app.add_subcommand("bill-run", "bill a cycle (runs again resume)");
  add_common_flags(*bill_run, flags, false);
  bill_run->add_option("--cycle", bill_run_options.cycle, "bill cycle, 1-20")->required();
  bill_run->add_option("--date", bill_run_options.read_date, "the cycle's read date, YYYY-MM-DD")
      ->required();
  bill_run->add_flag("--json", bill_run_options.json, "print a JSON report");

  std::optional<std::string> late_fee_date;
  bool late_fee_json = false;
  auto* late_fees = app.add_subcommand("late-fees", "charge late fees on bills past their grace");
  add_common_flags(*late_fees, flags, false);
  late_fees->add_option("--date", late_fee_date, "the day to assess on (default: today)");
  late_fees->add_flag("--json", late_fee_json, "print a JSON report");

  auto* settings = app.add_subcommand("settings", "list the utility's settings, or set one");
  add_common_flags(*settings, flags, false);
  std::string setting_key;
  std::string setting_value;
  auto* settings_set = settings->add_subcommand("set", "check and set one utility setting");
  add_common_flags(*settings_set, flags, false);
  settings_set->add_option("key", setting_key, "the setting, e.g. time_zone")->required();
  settings_set->add_option("value", setting_value, "its new value")->required();
  auto* letters = app.add_subcommand("letters", "letters for the print-and-mail vendor");
  letters->require_subcommand(1);
  std::optional<std::string> letters_out;
  auto* letters_export =
      letters->add_subcommand("export", "write every letter not yet printed (CSV)");
  add_common_flags(*letters_export, flags, false);
  letters_export->add_option("--out", letters_out, "the file to write (default: stdout)");
  auto* ach = app.add_subcommand("ach", "bank (ACH) files: the debit file, the bank's returns");
  ach->require_subcommand(1);
  rp::app::AchExportOptions ach_export_options;
  auto* ach_export = ach->add_subcommand("export", "write the ACH file of bank payments not sent");
  add_common_flags(*ach_export, flags, false);
  ach_export->add_option("--effective-date", ach_export_options.effective_date,
                         "the day the debits settle, YYYY-MM-DD (default: the next weekday)");
  ach_export->add_option("--out", ach_export_options.out, "the file to write (default: stdout)");
  std::string ach_returns_file;
  bool ach_returns_json = false;
  auto* ach_returns = ach->add_subcommand("returns", "apply the bank's NACHA return file");
  add_common_flags(*ach_returns, flags, false);
  ach_returns->add_option("file", ach_returns_file, "the return file")->required();
  ach_returns->add_flag("--json", ach_returns_json, "print a JSON report");

  auto* lockbox = app.add_subcommand("lockbox", "the lockbox bank's deposit files");
  lockbox->require_subcommand(1);
  std::string lockbox_file;
  bool lockbox_json = false;
  auto* lockbox_import = lockbox->add_subcommand("import", "post a BAI2 lockbox file");
  add_common_flags(*lockbox_import, flags, false);
  lockbox_import->add_option("file", lockbox_file, "the BAI2 file")->required();
  lockbox_import->add_flag("--json", lockbox_json, "print a JSON report");

  auto* config_command = app.add_subcommand("config", "show configuration");
  bool example = false;
  config_command->add_flag("--example", example, "print a complete, commented ratepayer.toml");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : 2;  // --help is success; any other usage error exits 2
  }
  if (rate->parsed()) return rp::app::rate_command(rate_options);
  if (config_command->parsed()) {
    if (!example) {
      std::cerr << "ratepayer config: say what to show: --example prints a complete, commented "
                   "ratepayer.toml\n";
      return 2;
    }
    std::cout << rp::app::example_config_toml();
    return 0;
  }

  if (demo->parsed() && !flags.database_url && !std::getenv("RATEPAYER_DATABASE_URL")) {
    flags.database_url = "sqlite:var/demo.db";
  }
  auto config = resolve_config(flags);
  if (!config.ok()) {
    std::cerr << "ratepayer: " << config.error().message << "\n";
    return 1;
  }
  if (serve->parsed()) return rp::app::serve_command(*config);
  if (migrate->parsed()) return rp::app::migrate_command(*config);
  if (ingest->parsed()) return rp::app::ingest_command(*config, ingest_options);
  if (tariff->parsed()) return rp::app::tariff_command(*config, tariff_plan, tariff_file);
  if (schedule->parsed()) return rp::app::bill_schedule_command(*config, schedule_month);
  if (bill_run->parsed()) return rp::app::bill_run_command(*config, bill_run_options);
  if (late_fees->parsed()) return rp::app::late_fees_command(*config, late_fee_date, late_fee_json);
  if (settings_set->parsed()) {
    return rp::app::settings_set_command(*config, setting_key, setting_value);
  }
  if (settings->parsed()) return rp::app::settings_list_command(*config);
  if (letters_export->parsed()) return rp::app::letters_export_command(*config, letters_out);
  if (ach_export->parsed()) return rp::app::ach_export_command(*config, ach_export_options);
  if (ach_returns->parsed()) {
    return rp::app::ach_returns_command(*config, ach_returns_file, ach_returns_json);
  }
  if (lockbox_import->parsed()) {
    return rp::app::lockbox_import_command(*config, lockbox_file, lockbox_json);
  }
  if (generate->parsed()) {
    return rp::app::generate_command(*config, accounts, seed, usage_months, !no_bills, as_of,
                                     time_zone, utility_name);
  }
  if (demo->parsed()) return rp::app::demo_command(*config, accounts, usage_months);
  std::cerr << "ratepayer: a command was parsed that nothing runs; this is a bug\n";
  return 2;
}
