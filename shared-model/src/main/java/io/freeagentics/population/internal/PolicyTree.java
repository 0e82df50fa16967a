package io.freeagentics.population.internal;

import io.freeagentics.model.Policy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policies as a prefix tree, so that policies sharing their first steps share the work of those steps: node
 * {@code i} stands for one sequence of joint actions from now to its depth; the expected free energy of a policy
 * is the sum over the nodes on its path. Nodes are in depth-first pre-order, so while node {@code i} is visited the
 * most recently visited node of depth {@code depth(i) - 1} is its parent, and a kernel needs one buffer per depth.
 */
final class PolicyTree {
  private final int[] depth;
  private final int[][] actions;
  private final boolean[] hasChildren;
  private final int[][] policiesEndingHere;

  private PolicyTree(int[] depth, int[][] actions, boolean[] hasChildren, int[][] policiesEndingHere) {
    this.depth = depth;
    this.actions = actions;
    this.hasChildren = hasChildren;
    this.policiesEndingHere = policiesEndingHere;
  }

  /** The tree of {@code policies}, all of the same length and factor count. */
  static PolicyTree of(List<Policy> policies) {
    Node root = new Node(-1, null);
    for (int k = 0; k < policies.size(); k++) {
      Policy policy = policies.get(k);
      Node node = root;
      for (int t = 0; t < policy.length(); t++) {
        int[] step = new int[policy.numFactors()];
        for (int f = 0; f < step.length; f++) {
          step[f] = policy.action(t, f);
        }
        node = node.child(t, step);
      }
      node.policies.add(k);
    }
    List<Node> order = new ArrayList<>();
    for (Node child : root.children.values()) {
      child.collect(order);
    }
    int n = order.size();
    int[] depth = new int[n];
    int[][] actions = new int[n][];
    boolean[] hasChildren = new boolean[n];
    int[][] ending = new int[n][];
    for (int i = 0; i < n; i++) {
      Node node = order.get(i);
      depth[i] = node.depth;
      actions[i] = node.actions;
      hasChildren[i] = !node.children.isEmpty();
      ending[i] = node.policies.stream().mapToInt(Integer::intValue).toArray();
    }
    return new PolicyTree(depth, actions, hasChildren, ending);
  }

  int size() {
    return depth.length;
  }

  int depth(int node) {
    return depth[node];
  }

  /** The action of {@code factor} taken at this node's step. */
  int action(int node, int factor) {
    return actions[node][factor];
  }

  boolean hasChildren(int node) {
    return hasChildren[node];
  }

  /** Indices of the policies whose last step is this node (empty for inner nodes). */
  int[] policiesEndingAt(int node) {
    return policiesEndingHere[node];
  }

  private static final class Node {
    final int depth;
    final int[] actions;
    final Map<List<Integer>, Node> children = new LinkedHashMap<>();
    final List<Integer> policies = new ArrayList<>();

    Node(int depth, int[] actions) {
      this.depth = depth;
      this.actions = actions;
    }

    Node child(int childDepth, int[] step) {
      return children.computeIfAbsent(Arrays.stream(step).boxed().toList(), key -> new Node(childDepth, step));
    }

    void collect(List<Node> order) {
      order.add(this);
      for (Node child : children.values()) {
        child.collect(order);
      }
    }
  }
}
