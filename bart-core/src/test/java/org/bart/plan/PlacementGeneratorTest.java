package org.bart.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PlacementGeneratorTest {

  private static final long SEED = TestSeed.of(3);

  static Stream<String> placements() throws IOException {
    return Reference.placements();
  }

  /** gen-placement with seed 1 writes exactly what BART's GenPrePlacement wrote with BART_SEED=1. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("placements")
  void seed1EqualsCppGenPrePlacement(String name) throws IOException {
    String[] f = name.split("_"); // pre_placement_k_m_lambda_nodes_stripes
    int k = Integer.parseInt(f[2]);
    int m = Integer.parseInt(f[3]);
    int lambda = Integer.parseInt(f[4]);
    CodeParams code = CodeParams.of(k, m, k * lambda, m);
    int[][] stripes = PlacementGenerator.generate(code, Integer.parseInt(f[5]), Integer.parseInt(f[6]),
        Rng.exact(1));
    StringWriter text = new StringWriter();
    PlanFiles.writePlacement(text, stripes);
    Reference.assertSameText(Reference.text("pre_placement/" + name + ".gz"), text.toString(), name);
  }

  @Test
  void stripesAreValidWithTheFastGenerator() {
    CodeParams code = CodeParams.of(6, 3, 18, 3);
    int[][] stripes = PlacementGenerator.generate(code, 12, 300, Rng.fast(SEED));
    assertEquals(300, stripes.length);
    for (int[] s : stripes) {
      assertNull(PlanningProblem.checkStripe(code, 12, s), "seed " + SEED);
    }
  }

  @Test
  void rejectsImpossibleShapes() {
    CodeParams code = CodeParams.of(6, 3, 18, 3);
    IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
        () -> PlacementGenerator.generate(code, 8, 30, Rng.fast(SEED)));
    assertTrue(few.getMessage().contains("n_i = 9"), few.getMessage());
    IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
        () -> PlacementGenerator.generate(code, 30, 31, Rng.fast(SEED)));
    assertTrue(odd.getMessage().contains("multiple of lambda = 3"), odd.getMessage());
  }
}
