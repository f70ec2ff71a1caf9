package org.bart.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bart.codec.TooManyErasuresException;
import org.bart.codec.WideCode;
import org.bart.codec.WideDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bart codec decode K M LAMBDA OUT_DIR UNIT_0 ...}: rebuild lost units of a wide row. */
@Command(name = "decode",
    description = {"Rebuild the erased units of a wide group from files.",
        "Give all LAMBDA*K+M units in wide order (data of member 0, member 1, "
        + "..., then wide parity 0..M-1), '-' for each erased one; at most M may be "
        + "erased. Each erased unit i is written to OUT_DIR/unit_<i>. Shorter units "
        + "(a partial last block group) count as zero-padded, so a rebuilt unit has "
        + "the length of the longest given unit unless --length says otherwise."})
final class CodecDecodeCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private HelpOption help;

  @Mixin
  private WideGeometry geometry;

  @Parameters(index = "3", paramLabel = "OUT_DIR", description = "directory for the rebuilt units")
  private Path outDir;

  @Parameters(index = "4..*", arity = "1..*", paramLabel = "UNIT",
      description = "unit files in wide order, '-' for an erased unit")
  private List<String> units;

  @Option(names = "--length", paramLabel = "UNIT=BYTES",
      description = "true length of rebuilt unit UNIT (default: the longest given unit)")
  private Map<Integer, Long> lengths = Collections.emptyMap();

  @Mixin
  private ChunkOption chunkOption;

  @Override
  public Integer call() throws IOException {
    WideCode code = geometry.code();
    if (units.size() != code.totalUnits()) {
      throw new ParameterException(spec.commandLine(), "expected LAMBDA*K+M = "
          + code.totalUnits() + " units, got " + units.size());
    }
    int chunk = chunkOption.bytes();
    List<Path> paths = new ArrayList<>();
    List<Integer> missing = new ArrayList<>();
    for (int u = 0; u < units.size(); u++) {
      boolean erased = "-".equals(units.get(u));
      paths.add(erased ? null : Paths.get(units.get(u)));
      if (erased) {
        missing.add(u);
      }
    }
    int[] erased = new int[missing.size()];
    for (int i = 0; i < erased.length; i++) {
      erased[i] = missing.get(i);
    }
    if (erased.length > code.m()) {
      throw new TooManyErasuresException(erased, code.m(), code);
    }
    if (erased.length == 0) {
      spec.commandLine().getOut().println("no unit is erased ('-'): nothing to rebuild");
      return 0;
    }
    try (UnitFiles in = new UnitFiles(paths, chunk)) {
      rebuild(code, in, erased);
    }
    return 0;
  }

  private void rebuild(WideCode code, UnitFiles in, int[] erased) throws IOException {
    long[] wanted = wantedLengths(erased, in.longest());
    Files.createDirectories(outDir);
    FileChannel[] targets = new FileChannel[erased.length];
    ByteBuffer[] outputs = new ByteBuffer[erased.length];
    try {
      for (int i = 0; i < erased.length; i++) {
        targets[i] = FileChannel.open(outDir.resolve("unit_" + erased[i]), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        outputs[i] = ByteBuffer.allocate((int) Math.min(chunkOption.bytes(), Math.max(in.longest(), 1)));
      }
      WideDecoder decoder = new WideDecoder(code);
      long done = 0;
      for (int n = in.next(); n > 0; n = in.next()) {
        for (ByteBuffer out : outputs) {
          out.clear().limit(n);
        }
        decoder.decode(in.buffers(), erased, outputs);
        for (int i = 0; i < erased.length; i++) {
          outputs[i].limit((int) Math.max(0, Math.min(n, wanted[i] - done)));
          UnitFiles.writeFully(targets[i], outputs[i]);
        }
        done += n;
      }
    } finally {
      for (FileChannel target : targets) {
        if (target != null) {
          target.close();
        }
      }
    }
  }

  private long[] wantedLengths(int[] erased, long longest) {
    long[] wanted = new long[erased.length];
    for (Map.Entry<Integer, Long> e : lengths.entrySet()) {
      int i = indexOf(erased, e.getKey());
      if (i < 0) {
        throw new ParameterException(spec.commandLine(),
            "--length " + e.getKey() + "=" + e.getValue() + ": unit " + e.getKey() + " is not erased");
      }
      if (e.getValue() < 0 || e.getValue() > longest) {
        throw new ParameterException(spec.commandLine(), "--length " + e.getKey() + "="
            + e.getValue() + ": must be in 0.." + longest + " (the longest given unit)");
      }
    }
    for (int i = 0; i < erased.length; i++) {
      Long given = lengths.get(erased[i]);
      wanted[i] = given == null ? longest : given;
    }
    return wanted;
  }

  private static int indexOf(int[] values, int value) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == value) {
        return i;
      }
    }
    return -1;
  }
}
