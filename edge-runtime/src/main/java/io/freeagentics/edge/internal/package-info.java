/**
 * Implementation of the edge runtime: the SQLite schema and its migrations, blob codecs, moving corrupt database
 * files aside, restoring agents from checkpoints. Not an API: use {@code io.freeagentics.edge}.
 */
package io.freeagentics.edge.internal;
