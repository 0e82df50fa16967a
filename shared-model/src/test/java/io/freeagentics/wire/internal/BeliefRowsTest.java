package io.freeagentics.wire.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.wire.BeliefCodes;
import io.freeagentics.wire.CodeChanges;
import io.freeagentics.wire.WireFormatException;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each row takes the smallest of its three layouts and reads back to the same codes. */
class BeliefRowsTest {

  private static byte[] snapshotRow(BeliefCodes codes) throws WireFormatException {
    FrameWriter out = new FrameWriter();
    BeliefRows.writeSnapshotRow(out, codes);
    byte[] bytes = out.toByteArray();
    FrameReader in = new FrameReader(bytes, 0, bytes.length);
    assertThat(BeliefRows.readSnapshotRow(in, "row", codes.size())).isEqualTo(codes);
    in.expectEnd("row");
    return bytes;
  }

  @Test
  void aPeakedBeliefTakesTheListLayout() throws WireFormatException {
    float[] peaked = new float[25];
    Arrays.fill(peaked, 4.4e-19f);
    peaked[24] = 1.0f;
    byte[] row = snapshotRow(BeliefCodes.quantize(peaked));
    assertThat(row[0]).isEqualTo((byte) BeliefRows.LIST);
    assertThat(row).hasSize(5);
  }

  @Test
  void aRowWithAFewGroupsTakesTheBitmapLayoutAndDistinctCodesTheDenseOne() throws WireFormatException {
    double[] rows = new double[25];
    for (int i = 0; i < 25; i++) {
      rows[i] = i < 5 ? 1e-17 : (i < 20 ? 1.4e-3 : 2.8e-3);
    }
    rows[14] = 0.32;
    BeliefCodes codes = BeliefCodes.quantize(rows);
    int background = codes.code(5);
    long exceptions = 25 - IntStream.range(0, 25).filter(i -> codes.code(i) == background).count();
    byte[] grouped = snapshotRow(codes);
    assertThat(grouped[0]).isEqualTo((byte) BeliefRows.BITMAP);
    assertThat(grouped[1] & 0xFF).isEqualTo(background);
    assertThat(grouped).hasSize((int) (1 + 1 + 4 + exceptions));

    double[] distinct = new double[25];
    for (int i = 0; i < 25; i++) {
      distinct[i] = Math.exp(-0.5 * i);
    }
    byte[] dense = snapshotRow(BeliefCodes.quantize(distinct));
    assertThat(dense[0]).isEqualTo((byte) BeliefRows.DENSE);
    assertThat(dense).hasSize(26);
  }

  @Test
  void changeRowsPickTheirLayoutAndReadBack() throws WireFormatException {
    CodeChanges few = CodeChanges.of(new int[] {3, 200}, new byte[] {0, 17});
    CodeChanges all = CodeChanges.of(new int[] {0, 1, 2}, new byte[] {5, 0, 9});
    CodeChanges half = CodeChanges.of(new int[] {0, 2, 4, 6, 8, 10, 12, 14}, new byte[8]);
    int[] sizes = {256, 3, 16};
    int[] modes = {BeliefRows.LIST, BeliefRows.DENSE, BeliefRows.BITMAP};
    CodeChanges[] rows = {few, all, half};
    for (int r = 0; r < rows.length; r++) {
      FrameWriter out = new FrameWriter();
      BeliefRows.writeChangeRow(out, rows[r], sizes[r]);
      byte[] bytes = out.toByteArray();
      assertThat(bytes[0]).as("row %d", r).isEqualTo((byte) modes[r]);
      FrameReader in = new FrameReader(bytes, 0, bytes.length);
      assertThat(BeliefRows.readChangeRow(in, "row", sizes[r])).isEqualTo(rows[r]);
      in.expectEnd("row");
    }
  }
}
