package org.bart.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.thirdparty.protobuf.ByteString;
import org.bart.codec.NarrowCodec;
import org.bart.codec.WideCode;
import org.bart.protocol.proto.AgentProtos.OpPath;
import org.bart.protocol.proto.AgentProtos.OpResultProto;
import org.bart.protocol.proto.AgentProtos.ReadWideRequestProto;
import org.bart.protocol.proto.AgentProtos.ReadWideResponseProto;
import org.bart.protocol.proto.AgentProtos.WideUnitProto;
import org.bart.protocol.proto.CommonProtos.BlockProto;
import org.bart.protocol.proto.CommonProtos.NodeProto;
import org.bart.protocol.wide.WideReadRequest;
import org.bart.protocol.wide.WideReadResult;
import org.junit.jupiter.api.Test;

/** The wide read's RPC edge: requests and answers survive the trip through protobuf unchanged. */
class WideReadConverterTest {

  private static final WideCode CODE = WideCode.of(NarrowCodec.RS_LEGACY, 2, 1, 2, 1);

  @Test
  void aRebuildRequestRoundTrips() throws BartAgentException {
    ReadWideRequestProto wire = ReadWideRequestProto.newBuilder()
        .setWideCode(CODE.toString())
        .addUnits(unit(100, block(1, 100), node("dn-a", "a:1")))
        .addUnits(unit(100, null, null))                        // known lost
        .addUnits(unit(0, null, null))                          // a removed member's zeros
        .addUnits(unit(90, block(4, 90), node("dn-b", null)))   // no agent address
        .addUnits(unit(100, block(5, 100), null))               // no live node
        .addWanted(1).setOffset(0).setLength(100)
        .setTarget(block(9, 100)).setTargetNode(node("dn-c", "c:1")).build();
    WideReadRequest req = new WideReadConverter().toRequest(wire);
    assertEquals(CODE, req.code());
    assertTrue(req.isRebuild());
    assertEquals("blk_9_7 (100 bytes)", req.target().toString());
    assertEquals("10.0.0.1:9866 (dn-c)", req.targetNode().toString());
    assertTrue(req.unit(1).isKnownLost() && req.unit(4).isKnownLost());
    assertTrue(!req.unit(2).isKnownLost() && !req.unit(0).isKnownLost());
    assertNull(req.unit(3).node().agentAddress());
    assertEquals(wire, WideReadConverter.toProto(req));
  }

  @Test
  void aCheckRequestRoundTrips() throws BartAgentException {
    ReadWideRequestProto wire = ReadWideRequestProto.newBuilder()
        .setWideCode(CODE.toString()).addUnits(unit(5, block(1, 5), node("dn-a", "a:1")))
        .addWanted(0).setOffset(1).setLength(3).setCheck(true).build();
    WideReadRequest req = new WideReadConverter().toRequest(wire);
    assertTrue(req.isCheck() && !req.isRebuild());
    assertEquals(wire, WideReadConverter.toProto(req));
  }

  @Test
  void aBadWideCodeIsRefusedAsBefore() {
    ReadWideRequestProto wire = ReadWideRequestProto.newBuilder().setWideCode("rs-wide k=6")
        .setOffset(0).setLength(1).build();
    BartAgentException e = assertThrows(BartAgentException.class,
        () -> new WideReadConverter().toRequest(wire));
    assertTrue(e.getMessage().startsWith("wide read: bad wide code 'rs-wide k=6': "),
        e.getMessage());
  }

  @Test
  void anAnswerRoundTrips() {
    List<ByteBuffer> data = new ArrayList<>();
    data.add(ByteBuffer.wrap(new byte[] {1, 2, 3}));
    data.add(ByteBuffer.wrap(new byte[0]));
    WideReadResult r = new WideReadResult(WideReadResult.Path.COMPUTED, data,
        Arrays.asList(3, 1), 10, 0, 0, 7);
    OpResultProto result = OpResultProto.newBuilder().setPath(OpPath.COMPUTED).setBytesRead(10)
        .setBytesWritten(0).setBytesSent(0).setBytesReceived(7).setMicros(42).build();
    ReadWideResponseProto wire = WideReadConverter.toResponse(r, result);
    assertEquals(ByteString.copyFrom(new byte[] {1, 2, 3}), wire.getData(0));
    assertEquals(3, data.get(0).remaining(), "the result's buffers are left as they were");
    WideReadResult back = WideReadConverter.toResult(wire);
    assertEquals(WideReadResult.Path.COMPUTED, back.path());
    assertEquals(Arrays.asList(3, 1), back.decoded());
    assertEquals(10, back.bytesRead());
    assertEquals(7, back.bytesReceived());
    byte[] first = new byte[3];
    back.data().get(0).duplicate().get(first);
    assertArrayEquals(new byte[] {1, 2, 3}, first);
    assertEquals(0, back.data().get(1).remaining());
  }

  @Test
  void everyPathHasItsOpPath() {
    for (WideReadResult.Path p : WideReadResult.Path.values()) {
      assertEquals(p.name(), WideReadConverter.toProto(p).name());
    }
  }

  private static WideUnitProto unit(long length, BlockProto block, NodeProto node) {
    WideUnitProto.Builder b = WideUnitProto.newBuilder().setLength(length);
    if (block != null) {
      b.setBlock(block);
    }
    if (node != null) {
      b.setNode(node);
    }
    return b.build();
  }

  private static BlockProto block(long id, long numBytes) {
    return BlockProto.newBuilder().setPoolId("BP-1").setBlockId(id).setGenStamp(7)
        .setNumBytes(numBytes).build();
  }

  private static NodeProto node(String uuid, String agentAddress) {
    NodeProto.Builder b = NodeProto.newBuilder().setUuid(uuid).setIpAddr("10.0.0.1")
        .setHostName("host1").setXferPort(9866).setInfoPort(9864).setInfoSecurePort(9865)
        .setIpcPort(9867);
    if (agentAddress != null) {
      b.setAgentAddress(agentAddress);
    }
    return b.build();
  }
}
