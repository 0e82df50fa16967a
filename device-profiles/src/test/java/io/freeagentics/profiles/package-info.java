/** Tests of the device-profile API: built-in profiles, validation reports, fuzzing of profile JSON. */
package io.freeagentics.profiles;
