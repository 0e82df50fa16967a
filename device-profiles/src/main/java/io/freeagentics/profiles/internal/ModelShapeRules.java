package io.freeagentics.profiles.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The wiring must describe a consistent generative-model shape: modality and factor indices 0..n-1 without gaps,
 * one outcome count per modality, one action count per factor, and each sensor's coding producing exactly its
 * outcome count with strictly ascending thresholds.
 */
final class ModelShapeRules implements ProfileRule {
    @Override
    public void check(JsonNode root, ProblemSink sink) {
        JsonNode sensors = JsonValues.arrayField(root, "sensors");
        JsonNode actuators = JsonValues.arrayField(root, "actuators");
        Map<Integer, Integer> modalityOutcomes = new TreeMap<>();
        Map<Integer, String> modalityFirst = new TreeMap<>();
        for (int i = 0; i < sensors.size(); i++) {
            JsonNode s = sensors.get(i);
            String path = JsonPaths.index("$.sensors", i);
            OptionalInt modality = JsonValues.intField(s, "modality");
            OptionalInt outcomes = JsonValues.intField(s, "outcomes");
            if (modality.isPresent() && outcomes.isPresent()) {
                Integer known = modalityOutcomes.putIfAbsent(modality.getAsInt(), outcomes.getAsInt());
                modalityFirst.putIfAbsent(modality.getAsInt(), path);
                if (known != null && known >= 0 && known != outcomes.getAsInt()) {
                    sink.add(path + ".outcomes", s.get("outcomes"), "modality-outcomes-consistent",
                            "modality " + modality.getAsInt() + " has " + known + " outcomes at "
                                    + modalityFirst.get(modality.getAsInt()) + ", here " + outcomes.getAsInt());
                }
            } else if (modality.isPresent()) {
                modalityOutcomes.putIfAbsent(modality.getAsInt(), -1);
            }
            checkCoding(s, path, outcomes, sink);
        }
        checkContiguous(modalityOutcomes, "$.sensors", sensors, "modality", "modality-contiguous", sink);

        Map<Integer, Integer> factorActions = new TreeMap<>();
        Map<Integer, String> factorFirst = new TreeMap<>();
        for (int i = 0; i < actuators.size(); i++) {
            JsonNode a = actuators.get(i);
            String path = JsonPaths.index("$.actuators", i);
            OptionalInt factor = JsonValues.intField(a, "factor");
            JsonNode values = JsonValues.child(a, "values");
            if (factor.isEmpty()) {
                continue;
            }
            int actions = values != null && values.isArray() ? values.size() : -1;
            Integer known = factorActions.putIfAbsent(factor.getAsInt(), actions);
            factorFirst.putIfAbsent(factor.getAsInt(), path);
            if (known != null && actions >= 0 && known >= 0 && known != actions) {
                sink.add(path + ".values", values, "factor-actions-consistent",
                        "factor " + factor.getAsInt() + " has " + known + " actions at "
                                + factorFirst.get(factor.getAsInt()) + ", here " + actions);
            }
        }
        checkContiguous(factorActions, "$.actuators", actuators, "factor", "factor-contiguous", sink);
    }

    private static void checkCoding(JsonNode sensor, String path, OptionalInt outcomes, ProblemSink sink) {
        JsonNode coding = JsonValues.child(sensor, "coding");
        String type = JsonValues.textField(coding, "type").orElse("");
        if (type.equals("digital") && outcomes.isPresent() && outcomes.getAsInt() != 2) {
            sink.add(path + ".outcomes", sensor.get("outcomes"), "coding-outcomes",
                    "a digital coding produces 2 outcomes, but outcomes is " + outcomes.getAsInt());
        }
        JsonNode thresholds = JsonValues.child(coding, "thresholds");
        if (!type.equals("thresholds") || thresholds == null || !thresholds.isArray()) {
            return;
        }
        if (outcomes.isPresent() && outcomes.getAsInt() != thresholds.size() + 1) {
            sink.add(path + ".outcomes", sensor.get("outcomes"), "coding-outcomes",
                    thresholds.size() + " thresholds produce " + (thresholds.size() + 1) + " outcomes, but outcomes is "
                            + outcomes.getAsInt());
        }
        for (int k = 1; k < thresholds.size(); k++) {
            OptionalDouble previous = JsonValues.numberValue(thresholds.get(k - 1));
            OptionalDouble current = JsonValues.numberValue(thresholds.get(k));
            if (previous.isPresent() && current.isPresent() && current.getAsDouble() <= previous.getAsDouble()) {
                sink.add(JsonPaths.index(path + ".coding.thresholds", k), thresholds.get(k), "thresholds-ascending",
                        "thresholds must be strictly ascending: " + current.getAsDouble() + " follows "
                                + previous.getAsDouble());
            }
        }
    }

    private static void checkContiguous(Map<Integer, ?> used, String arrayPath, JsonNode array, String field,
                                        String rule, ProblemSink sink) {
        int expected = 0;
        for (int index : used.keySet()) {
            if (index != expected) {
                sink.add(arrayPath, array, rule, field + " indices must be 0.." + (used.size() - 1)
                        + " without gaps, but " + field + " " + expected + " is missing (used: " + used.keySet() + ")");
                return;
            }
            expected++;
        }
    }
}
