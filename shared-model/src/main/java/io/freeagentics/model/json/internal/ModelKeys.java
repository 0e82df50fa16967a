package io.freeagentics.model.json.internal;

import java.util.List;
import java.util.Set;

/** The key names of the JSON model format, shared by the reader and the writer. */
public final class ModelKeys {
  public static final String NAME = "name";
  public static final String NUM_STATES = "num_states";
  public static final String NUM_OBS = "num_obs";
  public static final String NUM_CONTROLS = "num_controls";
  public static final String A = "A";
  public static final String B = "B";
  public static final String C = "C";
  public static final String D = "D";
  public static final String E = "E";
  public static final String P_A = "pA";
  public static final String P_B = "pB";
  public static final String POLICIES = "policies";
  public static final String POLICY_LEN = "policy_len";
  public static final String CONTROL_FAC_IDX = "control_fac_idx";
  /** The key of a trace file that holds the model object. */
  public static final String MODEL = "model";

  /** Every key a model object may have, in the order the writer emits them. */
  public static final List<String> MODEL_KEYS = List.of(NAME, NUM_STATES, NUM_OBS, NUM_CONTROLS, A, B, C, D, E,
      P_A, P_B, POLICIES, POLICY_LEN, CONTROL_FAC_IDX);

  /** Keys of a pymdp trace file that are not part of the model and are ignored when reading one. */
  public static final Set<String> TRACE_KEYS = Set.of("settings", "steps", "final", "t", "source");

  private ModelKeys() {}
}
