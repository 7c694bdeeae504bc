#pragma once
// Ratepayer's configuration: one documented TOML file (docs/configuration.md), every key of which
// can be overridden by an environment variable and then by a command-line flag. The service starts
// with no file at all: every setting has a default. It holds only what belongs to a process; the
// utility's own settings (its name, time zone, billing and collection policy) live in the
// database (store/setting_rules.h, `ratepayer settings`), and a [utility] section or
// RATEPAYER_UTILITY_* variable is refused with a pointer there.
//
// Precedence, lowest to highest: the defaults below, the file, RATEPAYER_<SECTION>_<KEY>
// environment variables, command-line flags (main applies them with set_setting()).
//
// Every value is validated as it is read. Errors are invalid_input whose field is the setting
// ("http.port") and whose message is one line naming where the bad value came from: the file and
// line ("config file ratepayer.toml: line 3: ..."), the environment variable
// ("RATEPAYER_HTTP_PORT: not a port number: 'abc'") or the flag.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace rp::app {

struct DatabaseConfig {
  std::string url = "sqlite:var/ratepayer.db";  // sqlite:PATH or postgresql://...
  std::int64_t read_connections = 4;            // SQLite readers, or the PostgreSQL pool size
  friend bool operator==(const DatabaseConfig&, const DatabaseConfig&) = default;
};

struct HttpConfig {
  std::string address = "127.0.0.1";
  std::int64_t port = 8080;  // 0 = any free port (tests read the bound port from the server)
  std::int64_t threads = 0;  // 0 = chosen from the hardware; see http_thread_count()
  std::int64_t body_limit_bytes = 1048576;
  std::string static_root = "web/dist";  // the built web front end; relative to the working folder
  // The reverse proxies in front of the server, by IP address, comma-separated: behind them the
  // client's address (for sign-in throttling and the logs) is read from X-Forwarded-For.
  // Empty: the connection's peer is the client and X-Forwarded-For is ignored.
  std::string trusted_proxies;
  // Overload (http/admission.h): a write is refused at once (503, Retry-After) while the
  // database's writes wait longer than this; 0 = never for waiting. Batch work yields to customers'
  // writes from half of it (store/write_pressure.h).
  std::int64_t write_wait_budget_ms = 20;
  // The most writes handled at once (0 = chosen from the threads, see most_writes_in_flight()
  // below) and the most API reads (0 = no bound).
  std::int64_t most_writes_in_flight = 0;
  std::int64_t most_reads_in_flight = 0;
  friend bool operator==(const HttpConfig&, const HttpConfig&) = default;
};

struct PaymentsConfig {
  // The key that seals bank account numbers (payments/bank_vault.h): 64 hex digits in a file
  // outside the database, made on first start when missing. Relative to the working folder.
  std::string vault_key_file = "var/vault.key";
  // Who takes card payments: "none" (card payments are refused with a clear problem until a
  // gateway is configured) or "test" (the built-in test processor, payments/test_processor.h:
  // the demo and the tests; named in the log and /healthz). Never chosen silently.
  std::string card_processor = "none";
  friend bool operator==(const PaymentsConfig&, const PaymentsConfig&) = default;
};

struct EmailConfig {
  // The utility's mail server or relay: smtp://host:port (STARTTLS when offered) or
  // smtps://host:port. Empty: email is written as .eml files to `folder` instead (the demo).
  std::string smtp_url;
  std::string from = "no-reply@ratepayer.localhost";  // the sender address customers see
  std::string smtp_user;                              // empty: no SMTP authentication
  std::string smtp_password;
  std::string folder = "var/mail";  // where email goes when smtp_url is empty
  friend bool operator==(const EmailConfig&, const EmailConfig&) = default;
};

struct SmsConfig {
  // The SMS provider's Messages API (notify/sms_gateway.h): https://api.twilio.com or a provider
  // speaking the same API. Empty: each text is written as a file to `folder` instead (the demo).
  std::string api_url;
  std::string account;                // the provider's account id
  std::string token;                  // the account's secret
  std::string from = "+15005550006";  // the utility's sending number, E.164
  std::string folder = "var/texts";   // where texts go when api_url is empty
  friend bool operator==(const SmsConfig&, const SmsConfig&) = default;
};

struct HeadEndConfig {
  // The AMI head-end that connects and disconnects meters for service orders that need no visit
  // (orders/head_end.h, its protocol in docs/orders.md). Empty: such orders wait for staff.
  std::string url;
  std::string token;  // its bearer token
  friend bool operator==(const HeadEndConfig&, const HeadEndConfig&) = default;
};

struct PortalConfig {
  // The address customers reach the portal at: links in emails point here.
  std::string public_url = "http://localhost:8080";
  friend bool operator==(const PortalConfig&, const PortalConfig&) = default;
};

struct AuditConfig {
  // The Ed25519 key that signs audit checkpoints (audit/checkpoints.h): a file outside the
  // database, made on first start when missing. Relative to the working folder.
  std::string signing_key_file = "var/audit-signing.key";
  // How often the server signs a checkpoint; 0 = only on demand (`ratepayer audit checkpoint`).
  std::int64_t checkpoint_minutes = 60;
  // Each checkpoint is also appended to this file as one line (put it where the database's
  // administrators cannot write: another host's mount, a write-once store). Empty: none.
  std::string checkpoint_file;
  // The auditor's email: each checkpoint is emailed there too. Empty: none.
  std::string auditor_email;
  // Retention (audit/retention.h): records of access (sign-ins, refusals, reads) are pruned of
  // their details after keep_access_days (at least 90), every other record after
  // keep_change_years (at least 7), at each checkpoint and by `ratepayer audit prune`.
  std::int64_t keep_access_days = 365;
  std::int64_t keep_change_years = 7;
  friend bool operator==(const AuditConfig&, const AuditConfig&) = default;
};

enum class LogLevel { trace, debug, info, warn, error };

struct LogConfig {
  LogLevel level = LogLevel::info;
  friend bool operator==(const LogConfig&, const LogConfig&) = default;
};

struct Config {
  DatabaseConfig database;
  HttpConfig http;
  PaymentsConfig payments;
  EmailConfig email;
  SmsConfig sms;
  HeadEndConfig head_end;
  PortalConfig portal;
  AuditConfig audit;
  LogConfig log;
  friend bool operator==(const Config&, const Config&) = default;
};

// Loads the configuration: defaults, then the TOML file at `file_path` when given (a given path
// that does not exist or cannot be read is an error, never silently skipped), then `environment`
// (names as in process_environment(); RATEPAYER_<SECTION>_<KEY> for each setting). A variable that
// starts with a section's prefix but names no setting (RATEPAYER_HTTP_PROT) is an error; other
// RATEPAYER_* variables (RATEPAYER_TEST_ENGINE) are ignored.
// Errors: malformed TOML, an unknown section or setting, a value of the wrong TOML type, a value
// out of range or not recognised (port 0..65535, log level, time zone, database URL scheme).
Result<Config> load_config(const std::optional<std::string>& file_path,
                           const std::map<std::string, std::string>& environment);

// The RATEPAYER_* variables of this process's environment.
std::map<std::string, std::string> process_environment();

// Overrides one setting ("http.port") from text, validated exactly as its environment variable
// is. `source` names where the text came from ("--port") and starts the error message.
// Errors: invalid_input for an unknown setting or a bad value.
Result<void> set_setting(Config& config, std::string_view setting, std::string_view text,
                         std::string_view source);

// Every setting's dotted name ("database.url", ...), in file order (not the moved ones).
std::vector<std::string> setting_names();
// The environment variable that overrides `setting`: "http.port" -> "RATEPAYER_HTTP_PORT".
std::string environment_variable_for(std::string_view setting);

// A complete, commented ratepayer.toml with every setting at its default. Loading it yields
// Config{} (a test holds it to that); docs/configuration.md and `ratepayer config --example` show
// it.
std::string example_config_toml();

// "trace", "debug", "info", "warn", "error".
const char* log_level_name(LogLevel level);
// The level named (exactly as log_level_name spells it); nullopt otherwise.
std::optional<LogLevel> parse_log_level(std::string_view name);

// The number of HTTP worker threads: http.threads, or when it is 0 the larger of
// kLeastHttpThreads and 8 x the hardware threads. Handlers block on the database: a payment waits
// for its group commit (and the fsync), so the threads bound how many payments one commit can
// carry and whether a balance read is served while payments wait. On 2 cores, 4 threads held
// payments to p99 250-700 ms with a bill run going; 16-32 brought it to 15 ms. More threads than
// that only compete for the cores: offered 2,200 payments/s on 2 cores (past capacity), 64
// threads answered accepted ones at p99 24 ms, 24 threads at 13-17 ms (docs/payments.md,
// "Overload").
inline constexpr std::size_t kLeastHttpThreads = 24;
std::size_t http_thread_count(const HttpConfig& http);

// http.most_writes_in_flight, or when 0 all the threads but an eighth (at least 2), which always
// serve reads (24 threads: 21).
std::size_t most_writes_in_flight(const HttpConfig& http);
// http.most_reads_in_flight; 0: no bound. Bounding reads by default made overload worse in the
// payment benchmark (clients ask a refused read again at once), so it is for operators to set.
std::size_t most_reads_in_flight(const HttpConfig& http);

// http.trusted_proxies as a list (the setting was checked when it was set).
std::vector<std::string> trusted_proxy_list(const HttpConfig& http);

}  // namespace rp::app
