/** Sanity check of the labels themselves: every expected phone is a valid E.164 number (max metadata). */
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { loadAds } from "../eval/score.js";

let bad = 0;
for (const ad of loadAds()) {
  for (const e164 of ad.phones) {
    const parsed = parsePhoneNumberFromString(e164);
    if (!parsed?.isValid() || parsed.number !== e164) {
      bad++;
      console.log(`${ad.id}: label ${e164} is not a valid number`);
    }
  }
}
console.log(bad === 0 ? "all phone labels valid" : `${bad} invalid labels`);
process.exit(bad === 0 ? 0 : 1);
