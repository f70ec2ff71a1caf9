package org.bart.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.bart.protocol.proto.ClientProtos.ReadPlannedResponseProto;
import org.bart.protocol.wide.DecodeSources;
import org.bart.protocol.wide.MemberPartials;
import org.junit.jupiter.api.Test;

/** A partial decode's answer survives its wire form, and an answer of another shape is refused. */
class MemberPartialsConverterTest {

  private static final int[] FIRST = {0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18};
  private static final int[] THEN = {0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 19};

  @Test
  void partialsOffsetAndSourcesRoundTrip() throws Exception {
    MemberPartials p = new MemberPartials(3 * 61, Arrays.asList(ByteBuffer.wrap(new byte[] {1, 2, 3}),
        ByteBuffer.wrap(new byte[] {4})), Arrays.asList(new DecodeSources(2, FIRST), new DecodeSources(1, THEN)),
        Arrays.asList(6, 9));
    ReadPlannedResponseProto wire = MemberPartialsConverter.toProto(p);
    assertEquals(0, wire.getData().size(), "no whole-member bytes");
    MemberPartials back = MemberPartialsConverter.fromProto(
        ReadPlannedResponseProto.parseFrom(wire.toByteArray()), 2);
    assertEquals(183, back.unitOffset());
    assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), back.partial(0));
    assertEquals(ByteBuffer.wrap(new byte[] {4}), back.partial(1));
    assertEquals(3, back.length());
    assertArrayEquals(FIRST, back.sources().get(0).units());
    assertArrayEquals(THEN, back.sources().get(1).units());
    assertEquals(Arrays.asList(6, 9), back.decoded());
  }

  @Test
  void anAnswerWithAnotherNumberOfPartialsIsRefused() throws Exception {
    ReadPlannedResponseProto wire = MemberPartialsConverter.toProto(new MemberPartials(0,
        Arrays.asList(ByteBuffer.wrap(new byte[] {1})), Arrays.asList(new DecodeSources(1, FIRST)),
        Arrays.asList(6)));
    assertThrows(BartAgentException.class, () -> MemberPartialsConverter.fromProto(wire, 2));
    ReadPlannedResponseProto whole = ReadPlannedResponseProto.newBuilder()
        .setData(wire.getData()).build();
    assertThrows(BartAgentException.class, () -> MemberPartialsConverter.fromProto(whole, 0));
  }
}
