// ratepayer: the one executable. `ratepayer --help` lists the commands.
//
// Each group of commands is declared in one function below, and each command says there what it
// runs once the command line is parsed (Run): so a command cannot be declared and then forgotten.

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <functional>
#include <iostream>
#include <memory>

#include "app/audit_command.h"
#include "app/billing_commands.h"
#include "app/commands.h"
#include "app/config.h"
#include "app/ingest_command.h"
#include "app/letter_commands.h"
#include "app/payment_commands.h"
#include "app/rate_command.h"
#include "app/settings_command.h"
#include "app/staff_commands.h"

namespace {

using rp::app::Config;

struct CommonFlags {
  std::optional<std::string> config_file;
  std::optional<std::string> database_url;
  std::optional<std::string> port;
  bool demo_database = false;  // `demo`: sqlite:var/demo.db unless a database is named
};

// What the parsed command runs: with the resolved configuration, or without one.
struct Run {
  std::function<int(const Config&)> with_config;
  std::function<int()> without_config;
};

void add_common_flags(CLI::App& command, CommonFlags& flags, bool serves) {
  command.add_option("--config", flags.config_file, "TOML configuration file");
  command.add_option("--db", flags.database_url, "database URL: sqlite:PATH or postgresql://...");
  if (serves) {
    command.add_option("--port", flags.port, "HTTP port (0 = any free port)");
    // Secrets (the SMTP password, the SMS token) come from the file or the environment only: a
    // flag would show them to anyone who can list the machine's processes.
  }
}

// A command that needs the configuration: `run` is what it does once parsed.
CLI::App* add_command(CLI::App& parent, const std::string& name, const std::string& what,
                      CommonFlags& flags, Run& chosen, std::function<int(const Config&)> run,
                      bool serves = false) {
  CLI::App* command = parent.add_subcommand(name, what);
  add_common_flags(*command, flags, serves);
  command->final_callback([&chosen, run = std::move(run)] { chosen.with_config = run; });
  return command;
}

// serve, migrate, demo, config.
void add_server_commands(CLI::App& app, CommonFlags& flags, Run& chosen) {
  add_command(app, "serve", "migrate, then serve the API and the portal", flags, chosen,
              rp::app::serve_command, true);
  add_command(app, "migrate", "apply pending database migrations", flags, chosen,
              rp::app::migrate_command);

  struct Demo {
    std::size_t accounts = 1000;
    std::size_t usage_months = 0;
  };
  auto demo = std::make_shared<Demo>();
  CLI::App* command = add_command(
      app, "demo", "create a demo utility (once) and serve it", flags, chosen,
      [demo](const Config& config) {
        return rp::app::demo_command(config, demo->accounts, demo->usage_months);
      },
      true);
  command->add_option("--accounts", demo->accounts, "accounts in the demo utility")
      ->check(CLI::Range(1, 5000000));
  command
      ->add_option("--usage-months", demo->usage_months,
                   "months of meter data in the demo (0 = none)")
      ->check(CLI::Range(0, 36));
  command->parse_complete_callback([&flags] { flags.demo_database = true; });

  auto example = std::make_shared<bool>(false);
  CLI::App* config = app.add_subcommand("config", "show configuration");
  config->add_flag("--example", *example, "print a complete, commented ratepayer.toml");
  config->final_callback([&chosen, example] {
    chosen.without_config = [example] {
      if (!*example) {
        std::cerr << "ratepayer config: say what to show: --example prints a complete, "
                     "commented ratepayer.toml\n";
        return 2;
      }
      std::cout << rp::app::example_config_toml();
      return 0;
    };
  });
}

// generate, ingest, tariff, rate: data in.
void add_data_commands(CLI::App& app, CommonFlags& flags, Run& chosen) {
  struct Generate {
    std::size_t accounts = 1000;
    std::uint64_t seed = 1;
    std::size_t usage_months = 0;
    bool no_bills = false;
    std::string time_zone = "America/Los_Angeles";
    std::string utility_name;
    std::string as_of;
  };
  auto generate = std::make_shared<Generate>();
  CLI::App* command = add_command(
      app, "generate", "generate a synthetic utility (deterministic)", flags, chosen,
      [generate](const Config& config) {
        return rp::app::generate_command(
            config, generate->accounts, generate->seed, generate->usage_months, !generate->no_bills,
            generate->as_of, generate->time_zone, generate->utility_name);
      });
  command->add_option("--accounts", generate->accounts, "how many accounts")
      ->check(CLI::Range(1, 5000000));
  command->add_option("--seed", generate->seed,
                      "random seed; the same seed gives the same utility");
  command->add_option("--usage-months", generate->usage_months, "months of meter data (0 = none)")
      ->check(CLI::Range(0, 36));
  command->add_flag("--no-bills", generate->no_bills, "with usage: do not run the bill cycles");
  command->add_option("--time-zone", generate->time_zone,
                      "the synthetic utility's IANA time zone (stored as its setting)");
  command->add_option("--utility-name", generate->utility_name,
                      "the synthetic utility's name (stored as its setting)");
  command->add_option("--as-of", generate->as_of,
                      "the data's today: YYYY-MM-DD, or 'today' in the utility's zone "
                      "(default 2026-11-01, so a run repeats byte for byte)");

  auto ingest = std::make_shared<rp::app::IngestCommandOptions>();
  command = add_command(app, "ingest",
                        "ingest meter read files (reads CSV, Green Button XML, JSON batch, "
                        "register CSV)",
                        flags, chosen, [ingest](const Config& config) {
                          return rp::app::ingest_command(config, *ingest);
                        });
  command->add_option("files", ingest->files, "files to ingest")->required();
  command->add_option("--format", ingest->format,
                      "csv | greenbutton | json | register_csv (default: from the file)");
  command->add_option("--meter", ingest->meter,
                      "Green Button: the meter serial of every reading (default: UsagePoint "
                      "title)");
  command->add_flag("--json", ingest->json, "print one JSON report per file");

  struct Tariff {
    std::string plan;
    std::string file;
  };
  auto tariff = std::make_shared<Tariff>();
  command = add_command(app, "tariff", "store a tariff file on a rate plan", flags, chosen,
                        [tariff](const Config& config) {
                          return rp::app::tariff_command(config, tariff->plan, tariff->file);
                        });
  command->add_option("--plan", tariff->plan, "rate plan code, e.g. E-RES")->required();
  command->add_option("file", tariff->file, "tariff JSON (ours or OpenEI URDB)")->required();

  auto rate = std::make_shared<rp::app::RateCommandOptions>();
  CLI::App* rate_command =
      app.add_subcommand("rate", "rate a usage file with a tariff file (no database)");
  rate_command->add_option("--tariff", rate->tariff_path, "tariff JSON (ours or OpenEI URDB)")
      ->required();
  rate_command->add_option("--usage", rate->usage_path, "usage CSV: interval_start,kwh")
      ->required();
  rate_command->add_option("--tz", rate->time_zone, "the utility's IANA time zone (default UTC)");
  rate_command->add_option("--from", rate->from, "first day billed, YYYY-MM-DD (with --to)");
  rate_command->add_option("--to", rate->to, "first day NOT billed, YYYY-MM-DD (with --from)");
  rate_command->add_flag("--json", rate->json, "print JSON instead of a table");
  rate_command->final_callback(
      [&chosen, rate] { chosen.without_config = [rate] { return rp::app::rate_command(*rate); }; });
}

// bill-schedule, bill-run, late-fees.
void add_billing_commands(CLI::App& app, CommonFlags& flags, Run& chosen) {
  auto month = std::make_shared<std::optional<std::string>>();
  add_command(
      app, "bill-schedule", "print the bill cycles' read and bill dates", flags, chosen,
      [month](const Config& config) { return rp::app::bill_schedule_command(config, *month); })
      ->add_option("--month", *month, "YYYY-MM (default: this month)");

  auto bill_run = std::make_shared<rp::app::BillRunCommandOptions>();
  CLI::App* command = add_command(
      app, "bill-run", "bill a cycle (runs again resume)", flags, chosen,
      [bill_run](const Config& config) { return rp::app::bill_run_command(config, *bill_run); });
  command->add_option("--cycle", bill_run->cycle, "bill cycle, 1-20")->required();
  command->add_option("--date", bill_run->read_date, "the cycle's read date, YYYY-MM-DD")
      ->required();
  command->add_flag("--json", bill_run->json, "print a JSON report");

  struct LateFees {
    std::optional<std::string> date;
    bool json = false;
  };
  auto late_fees = std::make_shared<LateFees>();
  command =
      add_command(app, "late-fees", "charge late fees on bills past their grace", flags, chosen,
                  [late_fees](const Config& config) {
                    return rp::app::late_fees_command(config, late_fees->date, late_fees->json);
                  });
  command->add_option("--date", late_fees->date, "the day to assess on (default: today)");
  command->add_flag("--json", late_fees->json, "print a JSON report");

  auto watch = std::make_shared<LateFees>();
  command = add_command(app, "watch-usage",
                        "look for high usage against customers' thresholds and possible leaks "
                        "(the server does this daily)",
                        flags, chosen, [watch](const Config& config) {
                          return rp::app::usage_watch_command(config, watch->date, watch->json);
                        });
  command->add_option("--date", watch->date, "the day to watch on (default: today)");
  command->add_flag("--json", watch->json, "print a JSON report");
}

// settings (list), settings set.
void add_settings_commands(CLI::App& app, CommonFlags& flags, Run& chosen) {
  CLI::App* settings = add_command(app, "settings", "list the utility's settings, or set one",
                                   flags, chosen, rp::app::settings_list_command);
  struct Setting {
    std::string key;
    std::string value;
  };
  auto setting = std::make_shared<Setting>();
  // A subcommand's callback runs before its parent's: keep the parent's from replacing it.
  settings->final_callback([&chosen] {
    if (!chosen.with_config) chosen.with_config = rp::app::settings_list_command;
  });
  CLI::App* set =
      add_command(*settings, "set", "check and set one utility setting", flags, chosen,
                  [setting](const Config& config) {
                    return rp::app::settings_set_command(config, setting->key, setting->value);
                  });
  set->add_option("key", setting->key, "the setting, e.g. time_zone")->required();
  set->add_option("value", setting->value, "its new value")->required();
}

// letters export, ach export, ach returns, lockbox import: files for and from the vendors.
void add_file_commands(CLI::App& app, CommonFlags& flags, Run& chosen) {
  CLI::App* letters = app.add_subcommand("letters", "letters for the print-and-mail vendor");
  letters->require_subcommand(1);
  auto letters_out = std::make_shared<std::optional<std::string>>();
  add_command(*letters, "export", "write every letter not yet printed (CSV)", flags, chosen,
              [letters_out](const Config& config) {
                return rp::app::letters_export_command(config, *letters_out);
              })
      ->add_option("--out", *letters_out, "the file to write (default: stdout)");

  CLI::App* ach = app.add_subcommand("ach", "bank (ACH) files: the debit file, the bank's returns");
  ach->require_subcommand(1);
  auto ach_export = std::make_shared<rp::app::AchExportOptions>();
  CLI::App* command = add_command(*ach, "export", "write the ACH file of bank payments not sent",
                                  flags, chosen, [ach_export](const Config& config) {
                                    return rp::app::ach_export_command(config, *ach_export);
                                  });
  command->add_option("--effective-date", ach_export->effective_date,
                      "the day the debits settle, YYYY-MM-DD (default: the next weekday)");
  command->add_option("--out", ach_export->out, "the file to write (default: stdout)");

  struct FileReport {
    std::string file;
    bool json = false;
  };
  auto returns = std::make_shared<FileReport>();
  command = add_command(*ach, "returns", "apply the bank's NACHA return file", flags, chosen,
                        [returns](const Config& config) {
                          return rp::app::ach_returns_command(config, returns->file, returns->json);
                        });
  command->add_option("file", returns->file, "the return file")->required();
  command->add_flag("--json", returns->json, "print a JSON report");

  CLI::App* lockbox = app.add_subcommand("lockbox", "the lockbox bank's deposit files");
  lockbox->require_subcommand(1);
  auto deposit = std::make_shared<FileReport>();
  command =
      add_command(*lockbox, "import", "post a BAI2 lockbox file", flags, chosen,
                  [deposit](const Config& config) {
                    return rp::app::lockbox_import_command(config, deposit->file, deposit->json);
                  });
  command->add_option("file", deposit->file, "the BAI2 file")->required();
  command->add_flag("--json", deposit->json, "print a JSON report");
}

// staff add; api-key add, list, rotate, revoke: the utility's people and integrations.
void add_staff_commands(CLI::App& app, CommonFlags& flags, Run& chosen) {
  CLI::App* staff = app.add_subcommand("staff", "the utility's staff users");
  staff->require_subcommand(1);
  auto person = std::make_shared<rp::app::StaffUserRequest>();
  CLI::App* add = add_command(
      *staff, "add", "add a staff user; prints their one-time enrolment link", flags, chosen,
      [person](const Config& config) { return rp::app::staff_add_command(config, *person); });
  add->add_option("--email", person->email, "their work email")->required();
  add->add_option("--name", person->name, "their name as colleagues know it")->required();
  add->add_option("--role", person->roles, "a role, e.g. administrator (repeatable)")->required();
  add->add_option("--home-account", person->home_account,
                  "their own account number, when also a customer: they may not act on it");
  CLI::App* code =
      add_command(*staff, "demo-code", "the demo administrator's two-step code now (the demo only)",
                  flags, chosen, rp::app::staff_demo_code_command);
  // The demo's database unless another is named, as `demo` itself.
  code->parse_complete_callback([&flags] { flags.demo_database = true; });

  CLI::App* keys = app.add_subcommand("api-key", "API keys for integrations and the console");
  keys->require_subcommand(1);
  CLI::App* audit = app.add_subcommand("audit", "the tamper-evident audit trail");
  audit->require_subcommand(1);
  auto verify = std::make_shared<rp::app::AuditVerifyRequest>();
  CLI::App* verify_command = add_command(
      *audit, "verify", "check every record of the audit trail and its signed checkpoints", flags,
      chosen,
      [verify](const Config& config) { return rp::app::audit_verify_command(config, *verify); });
  verify_command->add_option("--checkpoints", verify->checkpoints_file,
                             "a file of exported checkpoint lines to check the trail against");
  verify_command->add_option(
      "--public-key", verify->public_key,
      "the utility's checkpoint key (hex): checkpoints must be signed by it");
  add_command(*audit, "checkpoint", "sign a checkpoint of the audit trail now and print it", flags,
              chosen, rp::app::audit_checkpoint_command);
  add_command(*audit, "prune", "prune the audit records past their retention ([audit] keep_*)",
              flags, chosen, rp::app::audit_prune_command);

  auto request = std::make_shared<rp::app::ApiKeyRequest>();
  CLI::App* command = add_command(
      *keys, "add", "make a key with the permissions given (printed once)", flags, chosen,
      [request](const Config& config) { return rp::app::api_key_add_command(config, *request); });
  command->add_option("--name", request->name, "what uses it, e.g. \"AMI head-end\"")->required();
  command->add_option("--permission", request->permissions,
                      "a permission, e.g. meter_data.ingest (repeat for more)");
  command->add_option("--role", request->roles,
                      "a role whose permissions it gets, e.g. administrator (repeatable)");
  add_command(*keys, "list", "the keys in use", flags, chosen, rp::app::api_key_list_command);
  struct Rotation {
    std::int64_t id = 0;
    std::int64_t overlap_hours = 24;
  };
  auto rotation = std::make_shared<Rotation>();
  command = add_command(*keys, "rotate", "replace a key; the old one works for the overlap", flags,
                        chosen, [rotation](const Config& config) {
                          return rp::app::api_key_rotate_command(config, rotation->id,
                                                                 rotation->overlap_hours);
                        });
  command->add_option("id", rotation->id, "the key's id (api-key list)")->required();
  command->add_option("--overlap-hours", rotation->overlap_hours,
                      "how long the old key keeps working (default 24)");
  auto revoked = std::make_shared<std::int64_t>(0);
  add_command(
      *keys, "revoke", "stop a key now", flags, chosen,
      [revoked](const Config& config) { return rp::app::api_key_revoke_command(config, *revoked); })
      ->add_option("id", *revoked, "the key's id (api-key list)")
      ->required();
}

// Configuration = defaults < file < RATEPAYER_* environment < flags.
rp::Result<Config> resolve_config(const CommonFlags& flags) {
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
  Run chosen;
  add_server_commands(app, flags, chosen);
  add_data_commands(app, flags, chosen);
  add_billing_commands(app, flags, chosen);
  add_settings_commands(app, flags, chosen);
  add_file_commands(app, flags, chosen);
  add_staff_commands(app, flags, chosen);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : 2;  // --help is success; any other usage error exits 2
  }
  if (chosen.without_config) return chosen.without_config();
  if (!chosen.with_config) {
    std::cerr << "ratepayer: a command was parsed that nothing runs; this is a bug\n";
    return 2;
  }
  if (flags.demo_database && !flags.database_url && !std::getenv("RATEPAYER_DATABASE_URL")) {
    flags.database_url = "sqlite:var/demo.db";
  }
  auto config = resolve_config(flags);
  if (!config.ok()) {
    std::cerr << "ratepayer: " << config.error().message << "\n";
    return 1;
  }
  return chosen.with_config(*config);
}
