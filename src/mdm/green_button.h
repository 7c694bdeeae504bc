#pragma once
// Green Button (NAESB REQ.21 ESPI) interval data: the Atom feed a utility or a customer's "Download
// My Data" produces, read into the same ReadingBatch as the reads CSV.
//
// What is read: each <entry> whose <content> holds a UsagePoint, MeterReading, ReadingType or
// IntervalBlock (ESPI namespace; any prefix). Entries are tied together by their Atom links, as
// ESPI lays them out: a MeterReading's "up" link is its UsagePoint's "self" link + "/MeterReading",
// its "related" links name its ReadingType's "self" link, and an IntervalBlock's "up" link is the
// MeterReading's "self" link + "/IntervalBlock". When a link does not resolve and the feed holds
// exactly one candidate (one UsagePoint, MeterReading or ReadingType), that one is used. A single
// <entry> as the document root is read like a feed of one entry. Everything else (summaries,
// LocalTimeParameters, costs) is ignored.
//
// Units (ReadingType uom, scaled by 10^powerOfTenMultiplier) become the channel's milli-units
// exactly: 72 Wh -> "kWh" (1 Wh = 1 milli-kWh), 38 W -> "kW", 169 therm -> "therm", 119 ft3 ->
// "CCF" (1 ft3 = 10 milli-CCF), 128 US gal -> "gal". flowDirection 19 (reverse, received from the
// customer) names the channel "<unit>-received" ("kWh-received"); 0 or 1 (forward) the unit alone.
// A value that would need finer than 0.001 of the unit (Wh with multiplier -1: 0.1 Wh) is a reject,
// never rounded. ReadingQuality codes: 7 (manually edited) -> edited; 8, 9 (estimated), 12
// (projected), 15 (normalized for weather) -> estimated; 0, 10, 11, 13, 14, 16-19 -> actual (VEE
// validates them); several on one reading -> estimated before edited before actual.
//
// Meters: `meter_serial`, when not empty, names the meter of every reading; it is an error when
// the readings belong to more than one UsagePoint. When empty, each UsagePoint's entry <title> is
// its meter serial; a UsagePoint whose title is empty or not a valid serial is an error.
//
// Errors (invalid_input; nothing is returned): text that is not well-formed XML, a root other
// than <feed> or <entry>, a feed without IntervalBlocks, an IntervalBlock whose MeterReading,
// UsagePoint or ReadingType cannot be found, a ReadingType without uom, or whose uom,
// powerOfTenMultiplier, intervalLength or accumulationBehaviour is malformed, or whose
// flowDirection is reserved.
// Rejects (one per IntervalReading, numbered by the XML line where it starts; parsing goes on): a
// missing or malformed start or value; no interval length (neither duration nor intervalLength);
// a duration other than the ReadingType's intervalLength or the channel's other readings'; an
// interval that is not 5, 15, 30 or 60 minutes; a unit Ratepayer does not store (m3, A, ...);
// cumulative (register) readings; a reserved quality code; a value finer than 0.001 of the unit
// or too large. batch.interval_seconds states each channel's interval length.

#include <string_view>

#include "core/result.h"
#include "mdm/reading.h"

namespace rp::mdm {

Result<ReadingBatch> parse_green_button(std::string_view xml, std::string_view meter_serial);

}  // namespace rp::mdm
