// Signed checkpoints on each engine: they hold while the trail is as written, and catch what the
// hash chain alone cannot: a record changed and every hash after it recomputed by someone with
// the database.

#include "audit/checkpoints.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "store/testing/test_database.h"

namespace rp::audit {
namespace {

namespace fs = std::filesystem;

class CheckpointTest : public ::testing::Test {
 protected:
  CheckpointTest() {
    folder_ = fs::temp_directory_path() /
              ("rp-checkpoints-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(folder_);
  }
  ~CheckpointTest() override { fs::remove_all(folder_); }

  void append(int records) {
    for (int i = 0; i < records; ++i) {
      auto id = append_audit(test_.database(), {"staff:1", "adjustment.requested", "account:17",
                                                "done", "{}", "10.0.0.1", "desk", "req"});
      ASSERT_TRUE(id.ok()) << id.error().message;
    }
  }

  SigningKey key() {
    auto loaded = load_or_create_signing_key(folder_ / "audit-signing.key");
    EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.error().message);
    return loaded.ok() ? *loaded : SigningKey{};
  }

  // What someone with the database could do: change record `id` and recompute every hash from it
  // to the head, so the chain alone looks intact.
  void rewrite_record(std::int64_t id, const std::string& actor) {
    auto done = test_->write_work([&](store::Session& session) -> Result<void> {
      if (session.engine() == store::Engine::postgresql) {
        RP_TRY(session.execute("DROP TRIGGER audit_records_append_only ON audit_records"));
      } else {
        RP_TRY(session.execute("DROP TRIGGER audit_records_no_update"));
      }
      RP_TRY(
          session.execute("UPDATE audit_records SET actor = :actor WHERE id = :id", {actor, id}));
      auto rows = session.query(
          "SELECT id, at, actor, action, target, outcome, details, client_address, user_agent, "
          "request_id, previous_hash FROM audit_records WHERE id >= :id ORDER BY id",
          {id});
      RP_TRY(rows);
      std::string previous = rows->at(0).text("previous_hash");
      for (const store::Row& row : *rows) {
        const std::string hash =
            record_hash(previous, row.integer("id"), row.text("at"),
                        {row.text("actor"), row.text("action"), row.text("target"),
                         row.text("outcome"), row.text("details"), row.text("client_address"),
                         row.text("user_agent"), row.text("request_id")});
        RP_TRY(session.execute(
            "UPDATE audit_records SET previous_hash = :previous, hash = :hash WHERE id = :id",
            {previous, hash, row.integer("id")}));
        previous = hash;
      }
      RP_TRY(session.execute("UPDATE audit_head SET last_hash = :hash WHERE id = 1", {previous}));
      return success();
    });
    ASSERT_TRUE(done.ok()) << done.error().message;
  }

  fs::path folder_;
  store::testing::TestDatabase test_;
};

TEST_F(CheckpointTest, TheKeyIsMadeOnceOwnerOnlyAndKeptAcrossStarts) {
  const SigningKey first = key();
  EXPECT_EQ(first.public_hex.size(), 64u);
  const auto mode = fs::status(folder_ / "audit-signing.key").permissions();
  EXPECT_EQ(mode & (fs::perms::group_all | fs::perms::others_all), fs::perms::none);
  EXPECT_EQ(key().public_hex, first.public_hex);
}

TEST_F(CheckpointTest, AFileThatIsNotAKeyIsRefusedByName) {
  fs::create_directories(folder_);
  std::ofstream(folder_ / "audit-signing.key") << "not a key\n";
  auto loaded = load_or_create_signing_key(folder_ / "audit-signing.key");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().field, "signing_key_file");
}

TEST_F(CheckpointTest, ACheckpointIsOneLineThatReadsBackAndHoldsWhileTheTrailIsAsWritten) {
  append(5);
  auto checkpoint = write_checkpoint(test_.database(), key());
  ASSERT_TRUE(checkpoint.ok()) << checkpoint.error().message;
  EXPECT_EQ(checkpoint->last_record, 5);
  const std::string line = checkpoint_line(*checkpoint);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  auto read = parse_checkpoint_line(line + "\n");
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->signature, checkpoint->signature);
  append(3);  // the trail grows past it: it still holds
  auto report = verify_checkpoints(test_.database(), {*read}, key().public_hex);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->holds) << report->problem;
  auto stored = stored_checkpoints(test_.database());
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 1u);
  EXPECT_EQ(checkpoint_line(stored->at(0)), line);
}

TEST_F(CheckpointTest, ARecordChangedAndTheChainRecomputedIsCaughtByAnEarlierCheckpoint) {
  append(6);
  auto checkpoint = write_checkpoint(test_.database(), key());
  ASSERT_TRUE(checkpoint.ok());
  rewrite_record(3, "staff:99");
  auto chain = verify_audit_trail(test_.database());
  ASSERT_TRUE(chain.ok());
  EXPECT_TRUE(chain->intact) << "the chain alone cannot tell";
  auto report = verify_checkpoints(test_.database(), {*checkpoint});
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->holds);
  EXPECT_NE(report->problem.find("record 6"), std::string::npos) << report->problem;
}

TEST_F(CheckpointTest, AnAlteredOrForgedCheckpointIsRefused) {
  append(4);
  auto checkpoint = write_checkpoint(test_.database(), key());
  ASSERT_TRUE(checkpoint.ok());
  Checkpoint moved = *checkpoint;
  moved.last_record = 3;  // pointed at another record, signature kept
  auto report = verify_checkpoints(test_.database(), {moved});
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->holds);
  EXPECT_NE(report->problem.find("signature"), std::string::npos) << report->problem;
  // Signed by a key of someone else's making: refused when the utility's key is given.
  SigningKey other = *load_or_create_signing_key(folder_ / "other.key");
  auto forged = write_checkpoint(test_.database(), other);
  ASSERT_TRUE(forged.ok());
  auto against_ours = verify_checkpoints(test_.database(), {*forged}, key().public_hex);
  ASSERT_TRUE(against_ours.ok());
  EXPECT_FALSE(against_ours->holds);
}

TEST_F(CheckpointTest, LinesThatAreNotCheckpointsAreRefusedByName) {
  for (const std::string line :
       {"", "hello", "ratepayer-audit-checkpoint v2 2026-12-06T18:00:00Z 1 - aa bb",
        "ratepayer-audit-checkpoint v1 yesterday 1 - aa bb",
        "ratepayer-audit-checkpoint v1 2026-12-06T18:00:00Z -1 - aa bb",
        "ratepayer-audit-checkpoint v1 2026-12-06T18:00:00Z 1 zz aa bb"}) {
    auto read = parse_checkpoint_line(line);
    ASSERT_FALSE(read.ok()) << line;
    EXPECT_EQ(read.error().field, "checkpoint");
  }
}

TEST_F(CheckpointTest, TheDatabaseRefusesToChangeACheckpoint) {
  append(1);
  ASSERT_TRUE(write_checkpoint(test_.database(), key()).ok());
  auto changed = test_->write_work([](store::Session& session) -> Result<void> {
    RP_TRY(session.execute("UPDATE audit_checkpoints SET last_record = 0"));
    return success();
  });
  EXPECT_FALSE(changed.ok());
}

}  // namespace
}  // namespace rp::audit
