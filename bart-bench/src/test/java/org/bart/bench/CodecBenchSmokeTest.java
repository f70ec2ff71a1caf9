package org.bart.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmarks from rotting: every one runs, in process, on 4 KiB cells for an instant.
 * Their setups check the kernels' output, so this also fails if a benchmarked kernel is wrong. No
 * timing is asserted.
 */
class CodecBenchSmokeTest {

  @Test
  void everyBenchmarkRunsAndTheTablePrints() throws Exception {
    CodecBenchTable table = new CodecBenchTable().set("--forks", 0).set("--warmup", 0)
        .set("--iterations", 1).set("--millis", 20).set("--cell", 4096);
    List<CodecBenchTable.Row> rows = table.run(new PrintStream(OutputStream.nullOutputStream()));
    // Four of ours in three variants each, and Hadoop's two encoders and two decoders.
    assertEquals(4 * 3 + 4, rows.size());
    for (CodecBenchTable.Row row : rows) {
      assertTrue(row.mibPerSecond > 0, row.basis.method + " " + row.kernel + " " + row.buffers);
    }
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    table.print(rows, new PrintStream(text, true, StandardCharsets.UTF_8));
    String printed = text.toString(StandardCharsets.UTF_8);
    for (CodecBenchTable.Basis basis : CodecBenchTable.Basis.values()) {
      assertTrue(printed.contains(basis.method), printed);
    }
  }
}
