package org.bart.protocol;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.thirdparty.protobuf.InvalidProtocolBufferException;
import org.bart.codec.WideCode;
import org.bart.protocol.proto.AgentProtos.WideUnitProto;
import org.bart.protocol.proto.ClientProtos.ReadPlanProto;
import org.bart.protocol.wide.ReadPlan;
import org.bart.protocol.wide.WideUnit;

/** The only place a read plan is converted to and from its wire form. */
public final class ReadPlanConverter {

  private ReadPlanConverter() {
  }

  /** The plan's bytes as the NameNode signs them and the agent checks them. */
  public static byte[] toBytes(ReadPlan p) {
    return ReadPlanProto.newBuilder()
        .setPath(p.path()).setUser(p.user()).setGroupStart(p.groupStart())
        .setGroupBytes(p.groupBytes()).setCellSize(p.cellSize()).setPosition(p.position())
        .setWideCode(p.code().toString()).addAllUnits(WideReadConverter.toProto(p.units()))
        .setParityPath(p.parityPath()).setMaxReadBytes(p.maxReadBytes())
        .build().toByteArray();
  }

  /**
   * The plan of {@code bytes}.
   *
   * @throws IOException if they are not a plan, or its code does not parse
   */
  public static ReadPlan fromBytes(byte[] bytes) throws IOException {
    ReadPlanProto p;
    WideCode code;
    try {
      p = ReadPlanProto.parseFrom(bytes);
      code = WideCode.parse(p.getWideCode());
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      throw new IOException("not a BART read plan: " + e.getMessage(), e);
    }
    List<WideUnit> units = new ArrayList<>(p.getUnitsCount());
    for (WideUnitProto u : p.getUnitsList()) {
      units.add(WideReadConverter.toUnit(u));
    }
    return new ReadPlan(p.getPath(), p.getUser(), p.getGroupStart(), p.getGroupBytes(),
        p.getCellSize(), p.getPosition(), code, units, p.getParityPath(), p.getMaxReadBytes());
  }
}
