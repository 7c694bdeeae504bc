#include "mdm/green_button.h"

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <pugixml.hpp>

#include "mdm/read_fields.h"

namespace rp::mdm {
namespace {

// ESPI codes (NAESB REQ.21; UnitSymbolKind, FlowDirectionKind, AccumulationKind,
// QualityOfReading).
constexpr std::int64_t kUomWatt = 38;
constexpr std::int64_t kUomWattHour = 72;
constexpr std::int64_t kUomCubicFoot = 119;
constexpr std::int64_t kUomUsGallon = 128;
constexpr std::int64_t kUomTherm = 169;
constexpr std::int64_t kFlowNotApplicable = 0;
constexpr std::int64_t kFlowForward = 1;
constexpr std::int64_t kFlowReverse = 19;
constexpr int kMaxPowerOfTen = 18;
// The last second of 9999-12-31: later starts are not meter data.
constexpr std::int64_t kLatestStart = 253402300799;

std::string_view local_name(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const std::size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& parent, std::string_view name) {
  for (pugi::xml_node node = parent.first_child(); node; node = node.next_sibling()) {
    if (node.type() == pugi::node_element && local_name(node) == name) return node;
  }
  return {};
}

std::string_view trimmed(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

// The text of `parent`'s child element `name`, trimmed; empty when absent.
std::string_view child_text(const pugi::xml_node& parent, std::string_view name) {
  const pugi::xml_node node = child(parent, name);
  return node ? trimmed(node.child_value()) : std::string_view();
}

// An xs:long: optional sign, digits, nothing else.
bool parse_integer(std::string_view text, std::int64_t& value) {
  if (!text.empty() && text.front() == '+') {
    text.remove_prefix(1);
    if (!text.empty() && text.front() == '-') return false;
  }
  if (text.empty()) return false;
  const char* const end = text.data() + text.size();
  const std::from_chars_result result = std::from_chars(text.data(), end, value);
  return result.ec == std::errc() && result.ptr == end;
}

std::int64_t pow10(int exponent) {
  std::int64_t value = 1;
  for (int i = 0; i < exponent; ++i) value *= 10;
  return value;
}

Error feed_error(const std::string& message) {
  return invalid_input("greenbutton", "Green Button feed: " + message);
}

// One Atom entry of interest: the ESPI resource in its content, and its links.
struct Entry {
  pugi::xml_node resource;
  std::string_view kind;  // UsagePoint, MeterReading, ReadingType, IntervalBlock, ...
  std::string_view self;
  std::string_view up;
  std::vector<std::string_view> related;
  std::string_view title;
  std::string_view id;
};

Entry read_entry(const pugi::xml_node& entry) {
  Entry out;
  for (pugi::xml_node node = entry.first_child(); node; node = node.next_sibling()) {
    if (node.type() != pugi::node_element) continue;
    const std::string_view name = local_name(node);
    if (name == "link") {
      const std::string_view rel = node.attribute("rel").value();
      const std::string_view href = node.attribute("href").value();
      if (rel == "self") out.self = href;
      if (rel == "up") out.up = href;
      if (rel == "related") out.related.push_back(href);
    } else if (name == "title") {
      out.title = trimmed(node.child_value());
    } else if (name == "id") {
      out.id = trimmed(node.child_value());
    } else if (name == "content") {
      for (pugi::xml_node resource = node.first_child(); resource;
           resource = resource.next_sibling()) {
        if (resource.type() == pugi::node_element) {
          out.resource = resource;
          out.kind = local_name(resource);
          break;
        }
      }
    }
  }
  return out;
}

// How to name the entry in an error: its self link, else its id.
std::string entry_name(const Entry& entry) {
  constexpr std::size_t kMaxName = 160;  // hrefs are long; their ends tell entries apart
  if (!entry.self.empty()) return "'" + clean_excerpt(entry.self, kMaxName) + "'";
  if (!entry.id.empty()) return "'" + clean_excerpt(entry.id, kMaxName) + "'";
  return "(an entry without self link or id)";
}

// What a ReadingType says about converting its readings.
struct Conversion {
  std::string channel;        // empty when the readings cannot be stored (see problem)
  int exponent = 0;           // milli-units = value x 10^exponent
  std::int32_t interval = 0;  // seconds; 0 when the ReadingType does not say
  std::string problem;        // why every reading of this type is rejected; empty if none
};

Result<std::int64_t> reading_type_field(const Entry& type, std::string_view name,
                                        std::optional<std::int64_t> absent) {
  const std::string_view text = child_text(type.resource, name);
  std::int64_t value = 0;
  if (text.empty()) {
    if (absent) return *absent;
    return feed_error("the ReadingType " + entry_name(type) + " has no " + std::string(name));
  }
  if (!parse_integer(text, value)) {
    return feed_error("the ReadingType " + entry_name(type) + " has " + std::string(name) + " " +
                      quoted_excerpt(text) + ", not an integer");
  }
  return value;
}

bool is_stored_interval(std::int64_t seconds) {
  return seconds == 300 || seconds == 900 || seconds == 1800 || seconds == 3600;
}

std::string interval_problem(std::int64_t seconds) {
  return "an interval of " + std::to_string(seconds) +
         " s is not one Ratepayer stores (5, 15, 30 or 60 minutes)";
}

// A unit Ratepayer stores: the channel's unit and its milli-units per uom unit, as a power of ten.
struct StoredUnit {
  std::int64_t uom;
  const char* unit;
  int shift;
};
constexpr StoredUnit kStoredUnits[] = {
    {kUomWattHour, "kWh", 0},  // 1 Wh = 1 milli-kWh
    {kUomWatt, "kW", 0},       {kUomTherm, "therm", 3},
    {kUomCubicFoot, "CCF", 1},  // 1 ft3 = 0.01 CCF = 10 milli-CCF
    {kUomUsGallon, "gal", 3},
};

// The numeric fields of a ReadingType, checked for form and range.
struct ReadingTypeFields {
  std::int64_t uom = 0, multiplier = 0, interval = 0, flow = 0, accumulation = 0;
};

Result<ReadingTypeFields> read_reading_type(const Entry& type) {
  ReadingTypeFields fields;
  const struct {
    std::string_view name;
    std::optional<std::int64_t> absent;
    std::int64_t* out;
  } wanted[] = {
      {"uom", std::nullopt, &fields.uom},
      {"powerOfTenMultiplier", 0, &fields.multiplier},
      {"intervalLength", 0, &fields.interval},
      {"flowDirection", kFlowNotApplicable, &fields.flow},
      {"accumulationBehaviour", 0, &fields.accumulation},
  };
  for (const auto& field : wanted) {
    const Result<std::int64_t> value = reading_type_field(type, field.name, field.absent);
    if (!value.ok()) return value.error();
    *field.out = *value;
  }
  const std::string prefix = "the ReadingType " + entry_name(type) + " has ";
  if (fields.multiplier < -kMaxPowerOfTen || fields.multiplier > kMaxPowerOfTen) {
    return feed_error(prefix + "powerOfTenMultiplier " + std::to_string(fields.multiplier) +
                      ", outside -18..18");
  }
  if (fields.interval < 0 || fields.interval > 86400 * 366) {
    return feed_error(prefix + "intervalLength " + std::to_string(fields.interval) +
                      ", not a number of seconds up to a year");
  }
  if (fields.flow != kFlowNotApplicable && fields.flow != kFlowForward &&
      fields.flow != kFlowReverse) {
    return feed_error(prefix + "flowDirection " + std::to_string(fields.flow) +
                      "; ESPI defines 0, 1 (forward) and 19 (reverse)");
  }
  return fields;
}

Result<Conversion> read_conversion(const Entry& type) {
  const Result<ReadingTypeFields> fields = read_reading_type(type);
  if (!fields.ok()) return fields.error();
  Conversion conversion;
  conversion.interval = static_cast<std::int32_t>(fields->interval);
  const StoredUnit* stored = nullptr;
  for (const StoredUnit& unit : kStoredUnits) {
    if (unit.uom == fields->uom) stored = &unit;
  }
  if (stored == nullptr) {
    conversion.problem = "the ReadingType's uom " + std::to_string(fields->uom) +
                         " is not a unit Ratepayer stores (72 Wh, 38 W, 169 therm, 119 ft3, "
                         "128 US gal)";
  } else if (fields->accumulation >= 1 && fields->accumulation <= 3) {
    conversion.problem = "the ReadingType's accumulationBehaviour " +
                         std::to_string(fields->accumulation) +
                         " marks cumulative register values, not interval consumption";
  } else if (fields->interval != 0 && !is_stored_interval(fields->interval)) {
    conversion.problem = "the ReadingType's intervalLength: " + interval_problem(fields->interval);
  } else {
    const std::string unit = stored->unit;
    conversion.channel = fields->flow == kFlowReverse ? unit + "-received" : unit;
    conversion.exponent = static_cast<int>(fields->multiplier) + stored->shift;
  }
  return conversion;
}

// milli-units = value x 10^exponent, exactly; false with `reason` when it needs finer precision
// than a milli-unit or does not fit.
bool scale(std::int64_t value, int exponent, std::int64_t& milli, std::string& reason) {
  if (value == 0) {
    milli = 0;
    return true;
  }
  if (exponent >= 0) {
    if (exponent > kMaxPowerOfTen || __builtin_mul_overflow(value, pow10(exponent), &milli)) {
      reason = "is too large";
      return false;
    }
    return true;
  }
  if (-exponent > kMaxPowerOfTen || value % pow10(-exponent) != 0) {
    reason = "is finer than 0.001 of the unit (it is never rounded)";
    return false;
  }
  milli = value / pow10(-exponent);
  return true;
}

std::optional<Quality> quality_of_code(std::int64_t code) {
  switch (code) {
    case 0:   // valid
    case 10:  // questionable: VEE decides
    case 11:  // derived
    case 13:  // mixed
    case 14:  // raw
    case 16:  // other
    case 17:  // validated
    case 18:  // verified
    case 19:  // revenue quality
      return Quality::actual;
    case 7:  // manually edited
      return Quality::edited;
    case 8:   // estimated using a reference day
    case 9:   // estimated by linear interpolation
    case 12:  // projected (forecast)
    case 15:  // normalized for weather
      return Quality::estimated;
    default:
      return std::nullopt;
  }
}

// Line numbers of byte offsets, counted incrementally (offsets mostly come in document order).
class LineCounter {
 public:
  explicit LineCounter(std::string_view text) : text_(text) {}

  std::uint32_t line_at(std::ptrdiff_t offset) {
    if (offset < 0) return 0;
    const auto target = std::min(static_cast<std::size_t>(offset), text_.size());
    if (target < offset_) {
      offset_ = 0;
      line_ = 1;
    }
    for (; offset_ < target; ++offset_) {
      if (text_[offset_] == '\n') ++line_;
    }
    return line_;
  }

 private:
  std::string_view text_;
  std::size_t offset_ = 0;
  std::uint32_t line_ = 1;
};

// A MeterReading resolved to what its readings need: the channel (or why none) and conversion.
struct ResolvedReading {
  Conversion conversion;
  std::uint32_t channel = 0;  // valid when conversion.channel is not empty
};

class FeedReader {
 public:
  FeedReader(std::string_view xml, std::string_view meter_serial)
      : meter_serial_(meter_serial), lines_(xml), index_(batch_) {}

  Result<ReadingBatch> read(const pugi::xml_node& root) {
    if (local_name(root) == "feed") {
      for (pugi::xml_node node = root.first_child(); node; node = node.next_sibling()) {
        if (node.type() == pugi::node_element && local_name(node) == "entry") add(node);
      }
    } else if (local_name(root) == "entry") {
      add(root);
    } else {
      return feed_error("the document's root is <" + clean_excerpt(root.name(), 40) +
                        ">; a Green Button file is an Atom <feed> (or one <entry>)");
    }
    index_entries();
    if (blocks_.empty()) {
      return feed_error("it holds no IntervalBlock, so there is no interval data to read");
    }
    for (const Entry* block : blocks_) {
      Result<const ResolvedReading*> resolved = resolve_block(*block);
      if (!resolved.ok()) return resolved.error();
      read_block(*block, **resolved);
    }
    return std::move(batch_);
  }

 private:
  void add(const pugi::xml_node& node) { entries_.push_back(read_entry(node)); }

  // Entries of one kind, findable by their self link.
  struct EntryIndex {
    std::vector<const Entry*> entries;
    std::unordered_map<std::string_view, const Entry*> by_self;  // the first of equal links

    void add(const Entry& entry) {
      entries.push_back(&entry);
      if (!entry.self.empty()) by_self.emplace(entry.self, &entry);
    }
    const Entry* find(std::string_view self) const {
      const auto found = by_self.find(self);
      return found == by_self.end() ? nullptr : found->second;
    }
    // The entry whose self link is `up` without `suffix`, or the only entry of the kind.
    const Entry* parent(std::string_view up, std::string_view suffix) const {
      if (up.size() > suffix.size() && up.substr(up.size() - suffix.size()) == suffix) {
        if (const Entry* found = find(up.substr(0, up.size() - suffix.size()))) return found;
      }
      return entries.size() == 1 ? entries.front() : nullptr;
    }
  };

  // Sorts the entries by kind once all are read (entries_ no longer grows after this).
  void index_entries() {
    for (const Entry& entry : entries_) {
      if (entry.kind == "UsagePoint") usage_points_.add(entry);
      if (entry.kind == "MeterReading") meter_readings_.add(entry);
      if (entry.kind == "ReadingType") reading_types_.add(entry);
      if (entry.kind == "IntervalBlock") blocks_.push_back(&entry);
    }
  }

  Result<const ResolvedReading*> resolve_block(const Entry& block) {
    const Entry* reading = meter_readings_.parent(block.up, "/IntervalBlock");
    if (reading == nullptr) {
      return feed_error("the IntervalBlock " + entry_name(block) +
                        " belongs to no MeterReading of the feed (its up link is " +
                        quoted_excerpt(block.up) + ")");
    }
    auto cached = resolved_.find(reading);
    if (cached != resolved_.end()) return &cached->second;
    Result<ResolvedReading> resolved = resolve_meter_reading(*reading);
    if (!resolved.ok()) return resolved.error();
    return &resolved_.emplace(reading, std::move(*resolved)).first->second;
  }

  Result<ResolvedReading> resolve_meter_reading(const Entry& reading) {
    const Entry* type = nullptr;
    for (const std::string_view href : reading.related) {
      if ((type = reading_types_.find(href)) != nullptr) break;
    }
    if (type == nullptr && reading_types_.entries.size() == 1) {
      type = reading_types_.entries.front();
    }
    if (type == nullptr) {
      return feed_error("the MeterReading " + entry_name(reading) +
                        " has no ReadingType, so its units are unknown");
    }
    Result<Conversion> conversion = read_conversion(*type);
    if (!conversion.ok()) return conversion.error();
    ResolvedReading resolved{std::move(*conversion), 0};
    if (resolved.conversion.channel.empty()) return resolved;
    Result<std::string> meter = meter_of(reading);
    if (!meter.ok()) return meter.error();
    std::string reason;
    if (!index_.find_or_add(*meter, resolved.conversion.channel, resolved.channel, reason)) {
      return feed_error("the meter of MeterReading " + entry_name(reading) + ": " + reason);
    }
    return resolved;
  }

  Result<std::string> meter_of(const Entry& reading) {
    const Entry* usage_point = usage_points_.parent(reading.up, "/MeterReading");
    if (!meter_serial_.empty()) {
      if (usage_point != nullptr && used_usage_point_ != nullptr &&
          usage_point != used_usage_point_) {
        return feed_error("it holds readings of more than one UsagePoint (" +
                          entry_name(*used_usage_point_) + " and " + entry_name(*usage_point) +
                          "), so one meter serial cannot name their meter; give none and each "
                          "UsagePoint's title is used");
      }
      if (usage_point != nullptr) used_usage_point_ = usage_point;
      return std::string(meter_serial_);
    }
    if (usage_point == nullptr) {
      return feed_error("the MeterReading " + entry_name(reading) +
                        " belongs to no UsagePoint of the feed, so its meter is unknown; give "
                        "the meter serial");
    }
    if (usage_point->title.empty()) {
      return feed_error("the UsagePoint " + entry_name(*usage_point) +
                        " has no title to name its meter; give the meter serial");
    }
    return std::string(usage_point->title);
  }

  void read_block(const Entry& block, const ResolvedReading& resolved) {
    for (pugi::xml_node node = block.resource.first_child(); node; node = node.next_sibling()) {
      if (node.type() == pugi::node_element && local_name(node) == "IntervalReading") {
        read_interval(node, resolved);
      }
    }
  }

  void read_interval(const pugi::xml_node& node, const ResolvedReading& resolved) {
    const std::uint32_t line = lines_.line_at(node.offset_debug());
    const pugi::xml_node period = child(node, "timePeriod");
    const ReadingTexts texts{child_text(period, "start"), child_text(period, "duration"),
                             child_text(node, "value")};
    IntervalValue value;
    value.line = line;
    value.channel = resolved.channel;
    std::string reason;
    if (convert(node, texts, resolved, value, reason)) {
      batch_.values.push_back(value);
    } else {
      batch_.rejects.push_back(make_reject(line, std::move(reason), texts.describe()));
    }
  }

  struct ReadingTexts {
    std::string_view start, duration, value;
    std::string describe() const {
      return "IntervalReading start=" + std::string(start) + " duration=" + std::string(duration) +
             " value=" + std::string(value);
    }
  };

  // Fills `value` (start, milli-units, quality) from one IntervalReading; false with `reason`.
  bool convert(const pugi::xml_node& node, const ReadingTexts& texts,
               const ResolvedReading& resolved, IntervalValue& value, std::string& reason) {
    if (!resolved.conversion.problem.empty()) {
      reason = resolved.conversion.problem;
      return false;
    }
    if (!parse_integer(texts.start, value.start) || value.start < 0 || value.start > kLatestStart) {
      reason = "timePeriod start " + quoted_excerpt(texts.start) +
               " is not a time in seconds since 1970-01-01T00:00:00Z";
      return false;
    }
    std::int64_t duration = resolved.conversion.interval;
    if (!texts.duration.empty() && !parse_integer(texts.duration, duration)) {
      reason =
          "timePeriod duration " + quoted_excerpt(texts.duration) + " is not a number of seconds";
      return false;
    }
    if (!interval_fits(resolved, duration, reason)) return false;
    std::int64_t raw = 0;
    if (!parse_integer(texts.value, raw)) {
      reason = "value " + quoted_excerpt(texts.value) + " is not an integer";
      return false;
    }
    if (!scale(raw, resolved.conversion.exponent, value.milli_units, reason)) {
      reason = "value " + quoted_excerpt(texts.value) + " " + reason;
      return false;
    }
    return read_quality(node, value.quality, reason);
  }

  // Checks the reading's interval length against its ReadingType and channel.
  bool interval_fits(const ResolvedReading& resolved, std::int64_t duration, std::string& reason) {
    const std::int32_t stated = resolved.conversion.interval;
    if (duration == 0) {
      reason = "the reading has no duration and its ReadingType no intervalLength";
      return false;
    }
    if (stated != 0 && duration != stated) {
      reason = "timePeriod duration " + std::to_string(duration) +
               " s differs from the ReadingType's intervalLength " + std::to_string(stated) + " s";
      return false;
    }
    if (!is_stored_interval(duration)) {
      reason = interval_problem(duration);
      return false;
    }
    std::int32_t& channel_interval = batch_.interval_seconds[resolved.channel];
    if (channel_interval == 0) channel_interval = static_cast<std::int32_t>(duration);
    if (channel_interval != duration) {
      reason = "an interval of " + std::to_string(duration) + " s differs from the " +
               std::to_string(channel_interval) + " s of channel " +
               batch_.channels[resolved.channel].channel + "'s other readings";
      return false;
    }
    return true;
  }

  // The quality of a reading from its ReadingQuality codes: estimated before edited before actual.
  static bool read_quality(const pugi::xml_node& node, Quality& quality, std::string& reason) {
    quality = Quality::actual;
    for (pugi::xml_node item = node.first_child(); item; item = item.next_sibling()) {
      if (item.type() != pugi::node_element || local_name(item) != "ReadingQuality") continue;
      const std::string_view text = child_text(item, "quality");
      std::int64_t code = 0;
      std::optional<Quality> mapped;
      if (parse_integer(text, code)) mapped = quality_of_code(code);
      if (!mapped) {
        reason = "ReadingQuality " + quoted_excerpt(text) + " is not a quality code ESPI defines";
        return false;
      }
      if (*mapped == Quality::estimated ||
          (*mapped == Quality::edited && quality == Quality::actual)) {
        quality = *mapped;
      }
    }
    return true;
  }

  std::string_view meter_serial_;
  LineCounter lines_;
  ReadingBatch batch_;
  ChannelIndex index_;
  std::vector<Entry> entries_;
  EntryIndex usage_points_, meter_readings_, reading_types_;
  std::vector<const Entry*> blocks_;
  std::unordered_map<const Entry*, ResolvedReading> resolved_;
  const Entry* used_usage_point_ = nullptr;
};

}  // namespace

Result<ReadingBatch> parse_green_button(std::string_view xml, std::string_view meter_serial) {
  pugi::xml_document document;
  const pugi::xml_parse_result parsed =
      document.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_auto);
  if (!parsed) {
    LineCounter lines(xml);
    return feed_error("the text is not well-formed XML (" + std::string(parsed.description()) +
                      " at line " + std::to_string(lines.line_at(parsed.offset)) + ")");
  }
  const pugi::xml_node root = document.document_element();
  if (!root) return feed_error("the document has no root element");
  FeedReader reader(xml, meter_serial);
  return reader.read(root);
}

}  // namespace rp::mdm
