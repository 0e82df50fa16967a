package io.freeagentics.edge;

/**
 * The state of the sync spool: messages waiting ({@code depth}), messages dropped because the spool was full
 * ({@code dropped}, since the database was created) and messages in the dead-letter table ({@code deadLetters}).
 */
public record EdgeOutboxStats(int depth, long dropped, long deadLetters) {}
