/** Tests of the profile-loading internals: JVM flag parsing and the semantic rules in isolation. */
package io.freeagentics.profiles.internal;
