// Serves docs/openapi.yaml (embedded at build time) as JSON, converted once on first use.

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include "api/api.h"

namespace rp::api {

extern const char* const kOpenApiYaml;  // generated: openapi_yaml.cc

namespace {

nlohmann::json scalar_json(const YAML::Node& node) {
  const std::string& text = node.Scalar();
  if (node.Tag() == "!") return text;  // quoted in the YAML: always a string
  if (text == "true") return true;
  if (text == "false") return false;
  if (text == "null" || text == "~") return nullptr;
  try {
    std::size_t used = 0;
    long long number = std::stoll(text, &used);
    if (used == text.size()) return number;
  } catch (const std::exception&) {
  }
  return text;
}

nlohmann::json to_json(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      nlohmann::json object = nlohmann::json::object();
      for (const auto& entry : node) object[entry.first.Scalar()] = to_json(entry.second);
      return object;
    }
    case YAML::NodeType::Sequence: {
      nlohmann::json array = nlohmann::json::array();
      for (const auto& item : node) array.push_back(to_json(item));
      return array;
    }
    case YAML::NodeType::Scalar:
      return scalar_json(node);
    default:
      return nullptr;
  }
}

}  // namespace

const std::string& openapi_json() {
  static const std::string document = to_json(YAML::Load(kOpenApiYaml)).dump();
  return document;
}

}  // namespace rp::api
