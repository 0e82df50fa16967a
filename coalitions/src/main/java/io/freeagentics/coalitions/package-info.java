/**
 * Coalition formation on H3: {@link io.freeagentics.coalitions.CoalitionFormation} groups {@link
 * io.freeagentics.coalitions.Agent}s that are near each other, want compatible outcomes and have complementary
 * capabilities, and returns {@link io.freeagentics.coalitions.CoalitionStructure} snapshots. The value function is
 * pluggable ({@link io.freeagentics.coalitions.ValueFunction}); {@link io.freeagentics.coalitions.CoalitionConfig}
 * holds the parameters. See docs/coalitions.md.
 */
package io.freeagentics.coalitions;
