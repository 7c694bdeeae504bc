// The utility's time zone for a page that shows times or days on its clocks (localTime.ts): the
// one GET /api/v1/utility names (UtilityContext, asked once per page load), else the one kept on
// this device (utilityZone.ts). Null until known: the page shows times in the browser's zone,
// named.
import { useContext } from "preact/hooks";
import { UtilityContext } from "./Footer";
import { knownZone } from "../utilityZone";

export function useUtilityZone(): string | null {
  return useContext(UtilityContext)?.time_zone ?? knownZone();
}
