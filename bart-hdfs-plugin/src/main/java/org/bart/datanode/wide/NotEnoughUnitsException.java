package org.bart.datanode.wide;

/** Too few units of a row could be read to decode the others; says how many could. */
final class NotEnoughUnitsException extends Exception {

  private static final long serialVersionUID = 1L;

  final int readable;

  NotEnoughUnitsException(int readable) {
    super(readable + " units readable");
    this.readable = readable;
  }
}
