package org.bart.codec;

import java.util.Arrays;

/** Dense matrix algebra over {@link Gf256} for the decoder; matrices are {@code int[rows][cols]}. */
final class GfMatrix {

  private GfMatrix() {
  }

  /**
   * Returns the inverse of a square matrix by Gauss-Jordan elimination; the argument is unchanged.
   *
   * @throws ArithmeticException if the matrix is singular
   */
  static int[][] invert(int[][] a) {
    int n = a.length;
    int[][] work = new int[n][2 * n];
    for (int i = 0; i < n; i++) {
      if (a[i].length != n) {
        throw new IllegalArgumentException("row " + i + " has " + a[i].length + " columns, not " + n);
      }
      System.arraycopy(a[i], 0, work[i], 0, n);
      work[i][n + i] = 1;
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      while (pivot < n && work[pivot][col] == 0) {
        pivot++;
      }
      if (pivot == n) {
        throw new ArithmeticException("singular matrix: no pivot in column " + col);
      }
      int[] swap = work[col];
      work[col] = work[pivot];
      work[pivot] = swap;
      scale(work[col], Gf256.inv(work[col][col]));
      for (int row = 0; row < n; row++) {
        if (row != col && work[row][col] != 0) {
          addMultiple(work[row], work[col], work[row][col]);
        }
      }
    }
    int[][] inverse = new int[n][];
    for (int i = 0; i < n; i++) {
      inverse[i] = Arrays.copyOfRange(work[i], n, 2 * n);
    }
    return inverse;
  }

  /** Returns the row vector v times the matrix a. */
  static int[] times(int[] v, int[][] a) {
    int[] result = new int[a[0].length];
    for (int i = 0; i < v.length; i++) {
      if (v[i] != 0) {
        addMultiple(result, a[i], v[i]);
      }
    }
    return result;
  }

  private static void scale(int[] row, int factor) {
    for (int c = 0; c < row.length; c++) {
      row[c] = Gf256.mul(row[c], factor);
    }
  }

  /** target += factor * source. */
  private static void addMultiple(int[] target, int[] source, int factor) {
    for (int c = 0; c < target.length; c++) {
      target[c] ^= Gf256.mul(factor, source[c]);
    }
  }
}
