/**
 * Implementation of profile loading: JSON parsing, JSON Schema validation (networknt), the semantic rules the
 * schema cannot express, and binding of a valid document to the public records. Not API.
 */
package io.freeagentics.profiles.internal;
