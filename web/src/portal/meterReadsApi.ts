// A customer's reading of a meter read by hand (POST /api/v1/accounts/{number}/meter-reads): taken
// now; 422 naming meter or reading, 409 when a different reading was sent for the same time.
import { accountPath, post } from "./api.ts";
import type { MeterReadAnswer } from "./types.ts";

export const submitMeterRead = (account: string, meter: string, reading: string) =>
  post<MeterReadAnswer>(accountPath(account, "meter-reads"), { meter, reading });
