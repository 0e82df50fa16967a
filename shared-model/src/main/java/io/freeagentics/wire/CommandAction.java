package io.freeagentics.wire;

/** What a {@link Command} asks a device to do. */
public sealed interface CommandAction permits ModelUpdate, ProfileOverride {}
