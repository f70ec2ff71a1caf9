package org.bart.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CodeParamsTest {

  @Test
  void derivesTheWideShape() {
    CodeParams c = CodeParams.of(6, 3, 18, 3);
    assertEquals(3, c.lambda());
    assertEquals(9, c.nI());
    assertEquals(21, c.nF());
    assertEquals("(6,3)->(18,3)", c.toString());
    assertEquals(c, CodeParams.parseShortForm("6,3,3"));
    assertEquals(CodeParams.of(10, 4, 20, 4), CodeParams.parseShortForm(" 10, 4 ,2 "));
  }

  @Test
  void kFMustBeAMultipleOfKI() {
    assertMessage("k_f must be a multiple of k_i: k_f=16 k_i=6", () -> CodeParams.of(6, 3, 16, 3));
  }

  @Test
  void mFMustNotExceedMI() {
    assertMessage("m_f must not exceed m_i", () -> CodeParams.of(6, 2, 18, 3));
  }

  @Test
  void parametersMustBePositive() {
    assertMessage("code parameters must be positive", () -> CodeParams.of(6, 0, 18, 3));
    assertMessage("code parameters must be positive", () -> CodeParams.of(6, 3, 18, -1));
  }

  @Test
  void blockCountersAreEightBit() {
    assertMessage("n_f + k_f must be below 256", () -> CodeParams.of(10, 4, 130, 4));
  }

  @Test
  void shortFormNeedsThreeIntegers() {
    assertMessage("code must be k,m,lambda", () -> CodeParams.parseShortForm("6,3"));
    assertMessage("code must be k,m,lambda", () -> CodeParams.parseShortForm("6,x,3"));
    assertMessage("lambda must be positive", () -> CodeParams.parseShortForm("6,3,0"));
  }

  static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' lacks '" + expected + "'");
  }
}
