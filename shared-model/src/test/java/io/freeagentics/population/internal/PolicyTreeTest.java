package io.freeagentics.population.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.model.Policies;
import io.freeagentics.model.Policy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Policies sharing first steps share tree nodes; every policy ends at exactly one node at the last depth. */
class PolicyTreeTest {

  @Test
  void enumeratedTwoStepPoliciesShareTheirFirstStep() {
    List<Policy> policies = Policies.enumerate(new int[] {3}, 2, null);
    PolicyTree tree = PolicyTree.of(policies);
    assertThat(tree.size()).isEqualTo(3 + 9);
    assertThat(tree.depth(0)).isZero();
    assertThat(tree.hasChildren(0)).isTrue();
    assertThat(tree.depth(1)).isEqualTo(1);
    assertThat(tree.action(1, 0)).isZero();
    assertThat(tree.policiesEndingAt(1)).containsExactly(0);
    assertThat(tree.policiesEndingAt(3)).containsExactly(2);
    assertThat(tree.depth(4)).isZero();
    assertThat(tree.action(4, 0)).isEqualTo(1);
  }

  @Test
  void duplicatePoliciesEndAtTheSameNode() {
    Policy a = Policy.of(new int[][] {{1, 0}});
    Policy b = Policy.of(new int[][] {{0, 1}});
    PolicyTree tree = PolicyTree.of(List.of(a, b, a));
    assertThat(tree.size()).isEqualTo(2);
    assertThat(tree.policiesEndingAt(0)).containsExactly(0, 2);
    assertThat(tree.policiesEndingAt(1)).containsExactly(1);
    assertThat(tree.hasChildren(0)).isFalse();
  }
}
