package org.bart.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The field axioms over every element (and pair, and triple), against a bit-serial product. */
class Gf256Test {

  private static final Random RANDOM = TestRandom.forClass(Gf256Test.class);

  /** Carry-less multiplication reduced by 0x11D, one bit at a time: independent of the tables. */
  private static int slowMul(int a, int b) {
    int product = 0;
    for (int i = 0; i < 8; i++) {
      if ((b & (1 << i)) != 0) {
        product ^= a << i;
      }
    }
    for (int bit = 14; bit >= 8; bit--) {
      if ((product & (1 << bit)) != 0) {
        product ^= 0x11D << (bit - 8);
      }
    }
    return product;
  }

  @Test
  void productMatchesBitSerialMultiplicationForEveryPair() {
    for (int a = 0; a < 256; a++) {
      for (int b = 0; b < 256; b++) {
        if (Gf256.mul(a, b) != slowMul(a, b)) {
          fail("mul(" + a + ", " + b + ") = " + Gf256.mul(a, b) + ", expected " + slowMul(a, b));
        }
      }
    }
  }

  @Test
  void additionIsXorWithZeroIdentityAndSelfInverse() {
    for (int a = 0; a < 256; a++) {
      assertEquals(a, Gf256.add(a, 0));
      assertEquals(0, Gf256.add(a, a));
      for (int b = 0; b < 256; b++) {
        assertEquals(a ^ b, Gf256.add(a, b));
      }
    }
  }

  @Test
  void multiplicationIsCommutativeWithIdentityAndZero() {
    for (int a = 0; a < 256; a++) {
      assertEquals(a, Gf256.mul(a, 1));
      assertEquals(0, Gf256.mul(a, 0));
      for (int b = 0; b < 256; b++) {
        assertEquals(Gf256.mul(a, b), Gf256.mul(b, a), "a=" + a + " b=" + b);
      }
    }
  }

  @Test
  void multiplicationIsAssociativeAndDistributesOverAdditionForEveryTriple() {
    for (int a = 0; a < 256; a++) {
      for (int b = 0; b < 256; b++) {
        int ab = Gf256.mul(a, b);
        for (int c = 0; c < 256; c++) {
          if (Gf256.mul(ab, c) != Gf256.mul(a, Gf256.mul(b, c))) {
            fail("(a*b)*c != a*(b*c) for a=" + a + " b=" + b + " c=" + c);
          }
          if (Gf256.mul(a, b ^ c) != (ab ^ Gf256.mul(a, c))) {
            fail("a*(b+c) != a*b + a*c for a=" + a + " b=" + b + " c=" + c);
          }
        }
      }
    }
  }

  @Test
  void everyNonzeroElementHasAnInverseAndDivisionUndoesMultiplication() {
    for (int a = 1; a < 256; a++) {
      assertEquals(1, Gf256.mul(a, Gf256.inv(a)), "a=" + a);
      for (int b = 0; b < 256; b++) {
        assertEquals(b, Gf256.div(Gf256.mul(b, a), a), "a=" + a + " b=" + b);
      }
    }
    assertThrows(ArithmeticException.class, () -> Gf256.inv(0));
    assertThrows(ArithmeticException.class, () -> Gf256.div(5, 0));
  }

  @Test
  void twoGeneratesTheMultiplicativeGroupAndLogInvertsExp() {
    boolean[] seen = new boolean[256];
    for (int e = 0; e < 255; e++) {
      int v = Gf256.exp(e);
      assertEquals(false, seen[v], "2^" + e + " = " + v + " repeats");
      seen[v] = true;
      assertEquals(e, Gf256.log(v));
    }
    assertEquals(1, Gf256.exp(255));
    assertThrows(ArithmeticException.class, () -> Gf256.log(0));
  }

  @Test
  void powerIsRepeatedMultiplication() {
    for (int a = 0; a < 256; a++) {
      int power = 1;
      for (int e = 0; e < 600; e++) {
        assertEquals(power, Gf256.pow(a, e), "a=" + a + " e=" + e);
        power = Gf256.mul(power, a);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> Gf256.pow(2, -1));
  }

  @Test
  void laneDoublingMultipliesEveryPackedByteByTwo() {
    for (int a = 0; a < 256; a++) {
      long lanes = 0x0101010101010101L * a;
      assertEquals(0x0101010101010101L * Gf256.mul(a, 2), Gf256.mul2Lanes(lanes), "a=" + a);
    }
    for (int trial = 0; trial < 10_000; trial++) {
      long lanes = RANDOM.nextLong();
      long doubled = Gf256.mul2Lanes(lanes);
      for (int lane = 0; lane < 8; lane++) {
        int in = (int) (lanes >>> (8 * lane)) & 0xFF;
        int out = (int) (doubled >>> (8 * lane)) & 0xFF;
        assertEquals(Gf256.mul(in, 2), out, "lanes=" + Long.toHexString(lanes) + " "
            + TestRandom.reproduce());
      }
    }
  }

  @Test
  void rejectsValuesOutsideTheField() {
    assertThrows(IllegalArgumentException.class, () -> Gf256.mul(256, 1));
    assertThrows(IllegalArgumentException.class, () -> Gf256.mul(1, -1));
    assertThrows(IllegalArgumentException.class, () -> Gf256.add(300, 1));
    assertThrows(IllegalArgumentException.class, () -> Gf256.inv(-3));
  }
}
