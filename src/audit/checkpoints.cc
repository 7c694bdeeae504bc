#include "audit/checkpoints.h"

#include <sodium.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "core/time.h"

namespace rp::audit {
namespace {

constexpr std::string_view kMagic = "ratepayer-audit-checkpoint";
constexpr std::string_view kVersion = "v1";

std::string to_hex(std::string_view bytes) {
  std::string out(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                 bytes.size());
  out.pop_back();
  return out;
}

// The bytes `hex` spells, when it is exactly `size` bytes of hex.
std::optional<std::string> from_hex(std::string_view hex, std::size_t size) {
  if (hex.size() != size * 2) return std::nullopt;
  std::string out(size, '\0');
  std::size_t written = 0;
  const char* end = nullptr;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), size, hex.data(), hex.size(),
                     nullptr, &written, &end) != 0 ||
      written != size || end != hex.data() + hex.size()) {
    return std::nullopt;
  }
  return out;
}

std::string signed_text(const Checkpoint& checkpoint) {
  return std::string(kMagic) + " " + std::string(kVersion) + "\n" + checkpoint.at + "\n" +
         std::to_string(checkpoint.last_record) + "\n" + checkpoint.last_hash;
}

}  // namespace

Result<SigningKey> load_or_create_signing_key(const std::filesystem::path& file) {
  if (sodium_init() < 0) return unavailable("libsodium could not start");
  std::error_code error;
  if (!std::filesystem::exists(file, error)) {
    unsigned char public_key[crypto_sign_PUBLICKEYBYTES];
    unsigned char secret[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(public_key, secret);
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), error);
    const mode_t before = umask(077);  // owner-only from the moment the file exists
    {
      std::ofstream out(file, std::ios::binary | std::ios::trunc);
      out << to_hex(std::string_view(reinterpret_cast<const char*>(secret), sizeof secret)) << "\n";
      if (!out) {
        umask(before);
        return unavailable("cannot write the audit signing key to " + file.string());
      }
    }
    umask(before);
    sodium_memzero(secret, sizeof secret);
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return unavailable("cannot read the audit signing key from " + file.string());
  std::string text;
  std::getline(in, text);
  auto secret = from_hex(text, crypto_sign_SECRETKEYBYTES);
  if (!secret) {
    return invalid_input("signing_key_file",
                         file.string() + " does not hold an audit signing key (128 hex digits)");
  }
  unsigned char public_key[crypto_sign_PUBLICKEYBYTES];
  crypto_sign_ed25519_sk_to_pk(public_key, reinterpret_cast<const unsigned char*>(secret->data()));
  return SigningKey{*secret, to_hex(std::string_view(reinterpret_cast<const char*>(public_key),
                                                     sizeof public_key))};
}

std::string checkpoint_line(const Checkpoint& checkpoint) {
  return std::string(kMagic) + " " + std::string(kVersion) + " " + checkpoint.at + " " +
         std::to_string(checkpoint.last_record) + " " +
         (checkpoint.last_hash.empty() ? "-" : checkpoint.last_hash) + " " + checkpoint.public_key +
         " " + checkpoint.signature;
}

Result<Checkpoint> parse_checkpoint_line(std::string_view line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  std::istringstream words{std::string(line)};
  std::string magic, version, at, last, hash, key, signature, extra;
  words >> magic >> version >> at >> last >> hash >> key >> signature;
  auto refused = [](const std::string& why) {
    return invalid_input("checkpoint", "not an audit checkpoint line: " + why);
  };
  if (magic != kMagic) return refused("it does not start with '" + std::string(kMagic) + "'");
  if (version != kVersion) return refused("version '" + version + "' is not v1");
  if (!parse_instant(at, "at").ok()) return refused("'" + at + "' is not an instant");
  Checkpoint checkpoint;
  checkpoint.at = at;
  try {
    std::size_t used = 0;
    checkpoint.last_record = std::stoll(last, &used);
    if (used != last.size() || checkpoint.last_record < 0) throw std::invalid_argument(last);
  } catch (const std::exception&) {
    return refused("'" + last + "' is not a record number");
  }
  checkpoint.last_hash = hash == "-" ? "" : hash;
  if (!checkpoint.last_hash.empty() && !from_hex(checkpoint.last_hash, crypto_hash_sha256_BYTES)) {
    return refused("the hash is not 64 hex digits");
  }
  if (!from_hex(key, crypto_sign_PUBLICKEYBYTES)) return refused("the key is not 64 hex digits");
  if (!from_hex(signature, crypto_sign_BYTES))
    return refused("the signature is not 128 hex digits");
  if (words >> extra) return refused("it has more than seven words");
  checkpoint.public_key = key;
  checkpoint.signature = signature;
  return checkpoint;
}

bool signature_holds(const Checkpoint& checkpoint) {
  auto key = from_hex(checkpoint.public_key, crypto_sign_PUBLICKEYBYTES);
  auto signature = from_hex(checkpoint.signature, crypto_sign_BYTES);
  if (!key || !signature) return false;
  const std::string text = signed_text(checkpoint);
  return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature->data()),
                                     reinterpret_cast<const unsigned char*>(text.data()),
                                     text.size(),
                                     reinterpret_cast<const unsigned char*>(key->data())) == 0;
}

Result<Checkpoint> write_checkpoint(store::Database& database, const SigningKey& key) {
  return database.write<Checkpoint>([&](store::Session& session) -> Result<Checkpoint> {
    auto head = session.query_named("audit/lock_head", {});
    RP_TRY(head);
    Checkpoint checkpoint;
    checkpoint.at = format_instant(now());
    checkpoint.last_record = head->at(0).integer("last_id");
    checkpoint.last_hash = head->at(0).text("last_hash");
    checkpoint.public_key = key.public_hex;
    const std::string text = signed_text(checkpoint);
    unsigned char signature[crypto_sign_BYTES];
    crypto_sign_detached(signature, nullptr, reinterpret_cast<const unsigned char*>(text.data()),
                         text.size(), reinterpret_cast<const unsigned char*>(key.secret.data()));
    checkpoint.signature =
        to_hex(std::string_view(reinterpret_cast<const char*>(signature), sizeof signature));
    RP_TRY(session.query_named("audit/insert_checkpoint",
                               {checkpoint.at, checkpoint.last_record, checkpoint.last_hash,
                                checkpoint.public_key, checkpoint.signature}));
    return checkpoint;
  });
}

Result<std::vector<Checkpoint>> stored_checkpoints(store::Database& database) {
  return database.read<std::vector<Checkpoint>>(
      [](store::Session& session) -> Result<std::vector<Checkpoint>> {
        auto rows = session.query_named("audit/checkpoints", {});
        RP_TRY(rows);
        std::vector<Checkpoint> out;
        for (const store::Row& row : *rows) {
          out.push_back({row.text("at"), row.integer("last_record"), row.text("last_hash"),
                         row.text("public_key"), row.text("signature")});
        }
        return out;
      });
}

Result<CheckpointReport> verify_checkpoints(store::Database& database,
                                            const std::vector<Checkpoint>& checkpoints,
                                            const std::optional<std::string>& trusted_key) {
  return database.read<CheckpointReport>([&](store::Session& session) -> Result<CheckpointReport> {
    CheckpointReport report;
    auto fail = [&](const Checkpoint& checkpoint, const std::string& why) {
      report.holds = false;
      report.problem = "the checkpoint of " + checkpoint.at + " (record " +
                       std::to_string(checkpoint.last_record) + ") " + why;
      return report;
    };
    for (const Checkpoint& checkpoint : checkpoints) {
      if (trusted_key && checkpoint.public_key != *trusted_key) {
        return fail(checkpoint, "was signed with another key than the one given");
      }
      if (!signature_holds(checkpoint)) {
        return fail(checkpoint, "has a signature that does not hold: it was altered or forged");
      }
      if (checkpoint.last_record > 0) {
        auto rows = session.query_named("audit/hash_of_record", {checkpoint.last_record});
        RP_TRY(rows);
        if (rows->empty()) {
          return fail(checkpoint, "names a record the trail no longer has: records were removed");
        }
        if (rows->at(0).text("hash") != checkpoint.last_hash) {
          return fail(checkpoint,
                      "does not match the trail: the record or one before it was changed, "
                      "removed, inserted or reordered, and the hashes after it recomputed");
        }
      }
      ++report.checked;
    }
    return report;
  });
}

}  // namespace rp::audit
