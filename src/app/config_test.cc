#include "app/config.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

namespace rp::app {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Environment = std::map<std::string, std::string>;

// A config file in a fresh temporary folder, removed afterwards.
class ConfigFile {
 public:
  explicit ConfigFile(const std::string& content) {
    folder_ =
        std::filesystem::temp_directory_path() /
        ("ratepayer-config-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    std::filesystem::create_directories(folder_);
    path_ = (folder_ / "ratepayer.toml").string();
    std::ofstream(path_) << content;
  }
  ~ConfigFile() { std::filesystem::remove_all(folder_); }
  const std::string& path() const { return path_; }

 private:
  static inline int counter_ = 0;
  std::filesystem::path folder_;
  std::string path_;
};

std::string load_error(const std::string& toml, const Environment& environment = {}) {
  ConfigFile file(toml);
  auto config = load_config(file.path(), environment);
  if (config.ok()) return "(loaded without error)";
  return config.error().message;
}

std::string environment_error(const Environment& environment) {
  auto config = load_config(std::nullopt, environment);
  if (config.ok()) return "(loaded without error)";
  return config.error().message;
}

TEST(Config, StartsWithNoFileAtAllUsingTheDocumentedDefaults) {
  auto config = load_config(std::nullopt, {});
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->database.url, "sqlite:var/ratepayer.db");
  EXPECT_EQ(config->database.read_connections, 4);
  EXPECT_EQ(config->http.address, "127.0.0.1");
  EXPECT_EQ(config->http.port, 8080);
  EXPECT_EQ(config->http.threads, 0);
  EXPECT_EQ(config->http.body_limit_bytes, 1048576);
  EXPECT_EQ(config->http.static_root, "web/dist");
  EXPECT_EQ(config->log.level, LogLevel::info);
}

TEST(Config, TheExampleFileLoadsToExactlyTheDefaults) {
  ConfigFile file(example_config_toml());
  auto config = load_config(file.path(), {});
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(*config, Config{});
}

TEST(Config, TheExampleFileShowsEverySettingAndItsEnvironmentVariable) {
  std::string example = example_config_toml();
  ASSERT_EQ(setting_names().size(), 33u);
  for (const std::string& name : setting_names()) {
    std::string key = name.substr(name.find('.') + 1);
    EXPECT_THAT(example, HasSubstr("\n" + key + " = ")) << name;
    EXPECT_THAT(example, HasSubstr(environment_variable_for(name))) << name;
  }
}

TEST(Config, AuditCheckpointsAreConfiguredAndAMistypedAuditorIsRefused) {
  auto config =
      load_config(std::nullopt, {{"RATEPAYER_AUDIT_CHECKPOINT_MINUTES", "15"},
                                 {"RATEPAYER_AUDIT_AUDITOR_EMAIL", "audit@firm.example"}});
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->audit.checkpoint_minutes, 15);
  EXPECT_EQ(config->audit.signing_key_file, "var/audit-signing.key");
  auto mistyped = load_config(std::nullopt, {{"RATEPAYER_AUDIT_AUDITOR_EMAIL", "audit.firm"}});
  ASSERT_FALSE(mistyped.ok());
  EXPECT_THAT(mistyped.error().message, HasSubstr("not an email address"));
  auto negative = load_config(std::nullopt, {{"RATEPAYER_AUDIT_CHECKPOINT_MINUTES", "-5"}});
  ASSERT_FALSE(negative.ok());
  auto too_short = load_config(std::nullopt, {{"RATEPAYER_AUDIT_KEEP_ACCESS_DAYS", "30"}});
  ASSERT_FALSE(too_short.ok());
  EXPECT_THAT(too_short.error().message, HasSubstr("at least 90"));
}

TEST(Config, TheFileOverridesDefaultsAndLeavesTheRest) {
  ConfigFile file(R"(
[database]
url = "postgresql://ratepayer@db.internal:5432/ratepayer"
[http]
port = 9090
threads = 6
[log]
level = "debug"
)");
  auto config = load_config(file.path(), {});
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->database.url, "postgresql://ratepayer@db.internal:5432/ratepayer");
  EXPECT_EQ(config->database.read_connections, 4);
  EXPECT_EQ(config->http.port, 9090);
  EXPECT_EQ(http_thread_count(config->http), 6u);
  EXPECT_EQ(config->http.address, "127.0.0.1");
  EXPECT_EQ(config->log.level, LogLevel::debug);
}

TEST(Config, EnvironmentVariablesOverrideTheFile) {
  ConfigFile file("[http]\nport = 9090\naddress = \"0.0.0.0\"\n");
  auto config = load_config(file.path(), {{"RATEPAYER_HTTP_PORT", "9191"},
                                          {"RATEPAYER_DATABASE_URL", "sqlite:/srv/rp/data.db"},
                                          {"RATEPAYER_HTTP_BODY_LIMIT_BYTES", "2048"},
                                          {"RATEPAYER_LOG_LEVEL", "warn"}});
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->http.port, 9191);
  EXPECT_EQ(config->http.address, "0.0.0.0") << "the file's value stays where no variable is set";
  EXPECT_EQ(config->database.url, "sqlite:/srv/rp/data.db");
  EXPECT_EQ(config->http.body_limit_bytes, 2048);
  EXPECT_EQ(config->log.level, LogLevel::warn);
}

TEST(Config, AFlagOverridesWhatTheEnvironmentSet) {
  auto config = load_config(std::nullopt, {{"RATEPAYER_HTTP_PORT", "9191"}});
  ASSERT_TRUE(config.ok());
  ASSERT_TRUE(set_setting(*config, "http.port", "7070", "--port").ok());
  EXPECT_EQ(config->http.port, 7070);

  auto bad = set_setting(*config, "http.port", "seventy", "--port");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "--port: not a port number: 'seventy'");
  EXPECT_EQ(config->http.port, 7070) << "a rejected value changes nothing";

  auto unknown = set_setting(*config, "http.prot", "1", "--set");
  ASSERT_FALSE(unknown.ok());
  EXPECT_THAT(unknown.error().message, HasSubstr("unknown setting http.prot"));
}

TEST(Config, MalformedTomlNamesTheFileAndLine) {
  ConfigFile file("[http]\nport = 8080\naddress = \n");
  auto config = load_config(file.path(), {});
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.error().message, HasSubstr("config file " + file.path() + ": line 3: "));
  EXPECT_EQ(config.error().message.find('\n'), std::string::npos) << "errors are one line";
}

TEST(Config, AMistypedSettingIsRefusedWithASuggestion) {
  std::string message = load_error("[http]\naddress = \"0.0.0.0\"\nprot = 9000\n");
  EXPECT_THAT(message, HasSubstr(": line 3: unknown setting http.prot; did you mean http.port?"));
  EXPECT_THAT(message, HasSubstr("ratepayer.toml"));
}

TEST(Config, AnUnknownSettingWithNoNearMatchListsTheSectionsSettings) {
  std::string message = load_error("[log]\nformat = \"json\"\n");
  EXPECT_THAT(message, HasSubstr("line 2: unknown setting log.format; the log settings are level"));
}

TEST(Config, AnUnknownSectionIsRefused) {
  std::string message = load_error("[http]\nport = 9000\n\n[htttp]\nport = 9001\n");
  EXPECT_THAT(message, HasSubstr("line 4: unknown section [htttp]"));
  EXPECT_THAT(load_error("port = 9000\n"), HasSubstr("line 1: unknown setting port"));
}

TEST(Config, AValueOfTheWrongTypeIsRefused) {
  EXPECT_THAT(load_error("[http]\nport = \"9000\"\n"),
              HasSubstr("line 2: http.port: must be an integer, not a string"));
  EXPECT_THAT(load_error("[email]\nfrom = 42\n"),
              HasSubstr("line 2: email.from: must be a string, not an integer"));
  EXPECT_THAT(load_error("http = 8080\n"), HasSubstr("http must be a section ([http])"));
}

TEST(Config, ThePortMustBeAPortNumberAndZeroMeansAnyFreePort) {
  EXPECT_THAT(load_error("[http]\nport = 70000\n"),
              HasSubstr("line 2: http.port: port number out of range: 70000 (use 0 to 65535"));
  EXPECT_THAT(load_error("[http]\nport = -1\n"), HasSubstr("port number out of range: -1"));
  ConfigFile any_port("[http]\nport = 0\n");
  auto config = load_config(any_port.path(), {});
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->http.port, 0);
}

TEST(Config, AnUnknownLogLevelIsRefused) {
  EXPECT_THAT(load_error("[log]\nlevel = \"verbose\"\n"),
              HasSubstr("line 2: log.level: unknown log level 'verbose': use trace, debug, info, "
                        "warn or error"));
  EXPECT_THAT(environment_error({{"RATEPAYER_LOG_LEVEL", "INFO"}}),
              HasSubstr("RATEPAYER_LOG_LEVEL: unknown log level 'INFO'"));
}

TEST(Config, TrustedProxiesAreIpAddressesAndTheCardProcessorIsNamed) {
  auto config = load_config(std::nullopt, {{"RATEPAYER_HTTP_TRUSTED_PROXIES", "10.0.0.5, ::1"},
                                           {"RATEPAYER_PAYMENTS_CARD_PROCESSOR", "test"}});
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(trusted_proxy_list(config->http), (std::vector<std::string>{"10.0.0.5", "::1"}));
  EXPECT_EQ(config->payments.card_processor, "test");
  EXPECT_TRUE(trusted_proxy_list(Config{}.http).empty());
  EXPECT_EQ(Config{}.payments.card_processor, "none") << "never a fake processor by default";
  EXPECT_THAT(environment_error({{"RATEPAYER_HTTP_TRUSTED_PROXIES", "10.0.0.5,proxy.internal"}}),
              HasSubstr("not an IP address in the trusted proxies: 'proxy.internal'"));
  EXPECT_THAT(environment_error({{"RATEPAYER_PAYMENTS_CARD_PROCESSOR", "stripe"}}),
              HasSubstr("unknown card processor 'stripe'"));
}

TEST(Config, TheUtilitysNameAndTimeZoneAreRefusedWithAPointerToTheDatabase) {
  // One home for each utility setting: the database (`ratepayer settings`), never also here.
  EXPECT_THAT(load_error("[utility]\ntime_zone = \"America/Denver\"\n"),
              HasSubstr("line 2: utility.time_zone: a utility setting, kept in the database"));
  EXPECT_THAT(load_error("[utility]\nname = \"Lane County Water\"\n"),
              HasSubstr("`ratepayer settings set name VALUE`"));
  EXPECT_THAT(environment_error({{"RATEPAYER_UTILITY_TIME_ZONE", "America/Denver"}}),
              HasSubstr("RATEPAYER_UTILITY_TIME_ZONE: a utility setting"));
  EXPECT_THAT(example_config_toml(), Not(HasSubstr("[utility]")));
}

TEST(Config, AConfigFileThatDoesNotExistIsAnErrorNotTheDefaults) {
  auto config = load_config(std::string("/nonexistent/ratepayer.toml"), {});
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().kind, ErrorKind::invalid_input);
  EXPECT_THAT(config.error().message,
              HasSubstr("config file /nonexistent/ratepayer.toml does not exist"));
}

TEST(Config, BadEnvironmentValuesNameTheVariable) {
  EXPECT_EQ(environment_error({{"RATEPAYER_HTTP_PORT", "abc"}}),
            "RATEPAYER_HTTP_PORT: not a port number: 'abc'");
  EXPECT_EQ(environment_error({{"RATEPAYER_HTTP_PORT", "8080x"}}),
            "RATEPAYER_HTTP_PORT: not a port number: '8080x'");
  EXPECT_THAT(environment_error({{"RATEPAYER_HTTP_PORT", "65536"}}),
              HasSubstr("RATEPAYER_HTTP_PORT: port number out of range: 65536"));
  EXPECT_THAT(environment_error({{"RATEPAYER_DATABASE_READ_CONNECTIONS", "0"}}),
              HasSubstr("RATEPAYER_DATABASE_READ_CONNECTIONS: number of connections out of range"));
  auto field = load_config(std::nullopt, {{"RATEPAYER_HTTP_THREADS", "many"}});
  ASSERT_FALSE(field.ok());
  EXPECT_EQ(field.error().field, "http.threads");
}

TEST(Config, AMistypedVariableOfAKnownSectionIsRefusedOthersAreIgnored) {
  EXPECT_EQ(environment_error({{"RATEPAYER_HTTP_PROT", "9000"}}),
            "RATEPAYER_HTTP_PROT: unknown setting http.prot; did you mean http.port?");
  auto config = load_config(std::nullopt, {{"RATEPAYER_TEST_ENGINE", "sqlite"},
                                           {"RATEPAYER_TEST_POSTGRES_URL", "postgresql://x"}});
  EXPECT_TRUE(config.ok()) << config.error().message;
}

TEST(Config, TheDatabaseUrlNeedsAKnownSchemeAndTheErrorDoesNotRepeatIt) {
  std::string message =
      environment_error({{"RATEPAYER_DATABASE_URL", "mysql://admin:hunter2@db/ratepayer"}});
  EXPECT_THAT(message, HasSubstr("RATEPAYER_DATABASE_URL: not a database URL: use sqlite:PATH"));
  EXPECT_THAT(message, Not(HasSubstr("hunter2")));
  EXPECT_THAT(environment_error({{"RATEPAYER_DATABASE_URL", "sqlite:"}}),
              HasSubstr("not a database URL"));
}

TEST(Config, TheSharedStaffTokenIsRefusedWithWhatToDoInstead) {
  EXPECT_THAT(environment_error({{"RATEPAYER_AUTH_STAFF_TOKEN", "s3cr3t-staff-token-42"}}),
              HasSubstr("RATEPAYER_AUTH_STAFF_TOKEN: gone: staff and integrations each use an "
                        "API key of their own"));
  ConfigFile file("[auth]\nstaff_token = \"0123456789abcdef0123\"\n");
  auto config = load_config(file.path(), {});
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.error().message, HasSubstr("ratepayer api-key add"));
}

TEST(Config, ProcessEnvironmentKeepsOnlyRatepayerVariables) {
  ::setenv("RATEPAYER_LOG_LEVEL", "error", 1);
  ::setenv("NOT_RATEPAYER_LOG_LEVEL", "trace", 1);
  auto environment = process_environment();
  ::unsetenv("RATEPAYER_LOG_LEVEL");
  ::unsetenv("NOT_RATEPAYER_LOG_LEVEL");
  EXPECT_EQ(environment.at("RATEPAYER_LOG_LEVEL"), "error");
  EXPECT_EQ(environment.count("NOT_RATEPAYER_LOG_LEVEL"), 0u);
  for (const auto& [name, value] : environment) EXPECT_TRUE(name.starts_with("RATEPAYER_"));
}

TEST(Config, ZeroThreadsMeansEnoughThreadsForHandlersWaitingOnCommits) {
  HttpConfig http;
  const std::size_t hardware = std::thread::hardware_concurrency();
  EXPECT_EQ(http_thread_count(http), std::max<std::size_t>(24, 8 * hardware));
  http.threads = 3;
  EXPECT_EQ(http_thread_count(http), 3u);
}

TEST(Config, WritesInFlightLeaveAnEighthOfTheThreadsForReadsAndReadsAreUnboundedUnlessSet) {
  HttpConfig http;
  http.threads = 64;
  EXPECT_EQ(most_writes_in_flight(http), 56u);
  http.threads = 8;
  EXPECT_EQ(most_writes_in_flight(http), 6u);
  http.most_writes_in_flight = 10;
  EXPECT_EQ(most_writes_in_flight(http), 10u);
  EXPECT_EQ(most_reads_in_flight(http), 0u);
  http.most_reads_in_flight = 12;
  EXPECT_EQ(most_reads_in_flight(http), 12u);
}

TEST(Config, EnvironmentVariableNamesFollowSectionAndKey) {
  EXPECT_EQ(environment_variable_for("http.body_limit_bytes"), "RATEPAYER_HTTP_BODY_LIMIT_BYTES");
  EXPECT_EQ(environment_variable_for("auth.staff_token"), "RATEPAYER_AUTH_STAFF_TOKEN");
}

}  // namespace
}  // namespace rp::app
