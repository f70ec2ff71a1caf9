package org.bart.protocol;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.thirdparty.protobuf.ByteString;
import org.apache.hadoop.thirdparty.protobuf.UnsafeByteOperations;
import org.bart.protocol.proto.ClientProtos.DecodeSourcesProto;
import org.bart.protocol.proto.ClientProtos.ReadPlannedResponseProto;
import org.bart.protocol.wide.DecodeSources;
import org.bart.protocol.wide.MemberPartials;

/** The RPC edge of a partial decode's answer: {@link MemberPartials} to and from its proto. */
public final class MemberPartialsConverter {

  private MemberPartialsConverter() {
  }

  /** The agent's answer (the partials' bytes are wrapped, not copied). */
  public static ReadPlannedResponseProto toProto(MemberPartials p) {
    ReadPlannedResponseProto.Builder b = ReadPlannedResponseProto.newBuilder()
        .setData(ByteString.EMPTY).addAllDecoded(p.decoded()).setUnitOffset(p.unitOffset());
    for (int i = 0; i < p.count(); i++) {
      b.addPartials(UnsafeByteOperations.unsafeWrap(p.partial(i)));
    }
    for (DecodeSources s : p.sources()) {
      DecodeSourcesProto.Builder sb = DecodeSourcesProto.newBuilder().setLength(s.length());
      for (int u : s.units()) {
        sb.addUnits(u);
      }
      b.addSources(sb);
    }
    return b.build();
  }

  /**
   * What the client got.
   *
   * @throws BartAgentException if the answer is not a partial decode of {@code lost} blocks
   */
  public static MemberPartials fromProto(ReadPlannedResponseProto r, int lost)
      throws BartAgentException {
    if (!r.hasUnitOffset() || r.getPartialsCount() != lost) {
      throw new BartAgentException("the agent answered a partial decode of " + lost
          + " blocks with " + r.getPartialsCount() + " partials");
    }
    List<ByteBuffer> partials = new ArrayList<>(lost);
    for (ByteString p : r.getPartialsList()) {
      partials.add(p.asReadOnlyByteBuffer()); // a view: parsing the answer copied its bytes once
    }
    List<DecodeSources> sources = new ArrayList<>(r.getSourcesCount());
    for (DecodeSourcesProto s : r.getSourcesList()) {
      int[] units = new int[s.getUnitsCount()];
      for (int i = 0; i < units.length; i++) {
        units[i] = s.getUnits(i);
      }
      sources.add(new DecodeSources(s.getLength(), units));
    }
    return new MemberPartials(r.getUnitOffset(), partials, sources, r.getDecodedList());
  }
}
