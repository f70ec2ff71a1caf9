package org.bart.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A Hadoop install tree as install.sh sees it, with a stand-in for Hadoop 3.3's shell: its
 * {@code libexec/hadoop-functions.sh} implements only the functions a shell profile may call (with
 * Hadoop's semantics, each call recorded in the file {@code $CALLS}), and its {@code bin/hdfs} runs
 * a subcommand in the order bin/hdfs and hadoop-config.sh do: import the profiles, let them add to
 * the classpath, call {@code hdfs_subcommand_NAME}, then run {@code HADOOP_CLASSNAME} with java.
 */
final class FakeHadoopHome {

  /** The functions shell profiles use, as hadoop-functions.sh 3.3 defines them. */
  private static final String FUNCTIONS = """
      # Test stand-in for Hadoop 3.3's hadoop-functions.sh.
      function hadoop_debug { :; }
      function hadoop_error { echo "$*" >&2; }
      function hadoop_add_profile
      {
        echo "hadoop_add_profile $*" >> "$CALLS"
        [[ " ${HADOOP_SHELL_PROFILES} " = *" $1 "* ]] || HADOOP_SHELL_PROFILES="${HADOOP_SHELL_PROFILES} $1"
      }
      function hadoop_add_classpath
      {
        echo "hadoop_add_classpath $*" >> "$CALLS"
        # like Hadoop: a trailing wildcard needs its directory, anything else must exist
        if [[ $1 =~ ^.*\\*$ ]]; then
          [[ -d "$(dirname "$1")" ]] || return 1
        elif [[ ! -e "$1" ]]; then
          return 1
        fi
        if [[ -z "${CLASSPATH}" ]]; then CLASSPATH="$1"
        elif [[ "$2" = before ]]; then CLASSPATH="$1:${CLASSPATH}"
        else CLASSPATH="${CLASSPATH}:$1"; fi
      }
      function hadoop_add_subcommand
      {
        # Hadoop 3 (HADOOP-13595) takes name, type (client, admin, daemon) and description
        if [[ $# -ne 3 || ! "$2" =~ ^(client|admin|daemon)$ ]]; then
          echo "bad hadoop_add_subcommand call: $*" >&2
          exit 1
        fi
        echo "hadoop_add_subcommand $1|$2|$3" >> "$CALLS"
      }
      """;

  private static final String HDFS = """
      #!/usr/bin/env bash
      # Test stand-in for Hadoop 3.3's bin/hdfs.
      HADOOP_SHELL_EXECNAME=hdfs
      HADOOP_HOME="$(cd "$(dirname "$0")/.." && pwd)"
      HADOOP_LIBEXEC_DIR="${HADOOP_HOME}/libexec"
      . "${HADOOP_LIBEXEC_DIR}/hadoop-functions.sh"
      # hadoop_import_shellprofiles
      for profile in "${HADOOP_LIBEXEC_DIR}"/shellprofile.d/*.sh; do
        [[ -f "${profile}" ]] && . "${profile}"
      done
      # hadoop_basic_init and hadoop_add_common_to_classpath: Hadoop's own jars
      CLASSPATH="${STUB_HADOOP_CLASSPATH}"
      # hadoop_shellprofiles_classpath
      for profile in ${HADOOP_SHELL_PROFILES}; do
        if declare -F "_${profile}_hadoop_classpath" > /dev/null; then "_${profile}_hadoop_classpath"; fi
      done
      HADOOP_SUBCMD=$1
      shift
      if declare -f "hdfs_subcommand_${HADOOP_SUBCMD}" > /dev/null; then
        "hdfs_subcommand_${HADOOP_SUBCMD}" "$@"
      else
        echo "stub hdfs knows no subcommand ${HADOOP_SUBCMD}" >&2
        exit 1
      fi
      echo "HADOOP_CLASSNAME=${HADOOP_CLASSNAME}" >> "$CALLS"
      # hadoop_java_exec
      export CLASSPATH
      exec "${JAVA}" "${HADOOP_CLASSNAME}" "$@"
      """;

  final Path home;
  final Path confDir;
  final Path calls;

  private FakeHadoopHome(Path home) {
    this.home = home;
    this.confDir = home.resolve("etc/hadoop");
    this.calls = home.resolve("calls.log");
  }

  /** A Hadoop 3 layout reporting {@code version}, with the shell stand-ins and a hdfs-site.xml. */
  static FakeHadoopHome create(Path home, String version, String hdfsSite) throws IOException {
    FakeHadoopHome h = new FakeHadoopHome(home);
    write(home.resolve("libexec/hadoop-functions.sh"), FUNCTIONS);
    write(home.resolve("bin/hdfs"), HDFS);
    Files.setPosixFilePermissions(home.resolve("bin/hdfs"), PosixFilePermissions.fromString("rwxr-xr-x"));
    // A profile of Hadoop's own, which install and uninstall must leave alone.
    write(home.resolve("libexec/shellprofile.d/hadoop-hdfs.sh"), "hadoop_add_profile hdfs\n");
    write(home.resolve("share/hadoop/common/hadoop-common-" + version + ".jar"), "");
    write(home.resolve("share/hadoop/common/hadoop-common-" + version + "-tests.jar"), "");
    Files.createDirectories(home.resolve("share/hadoop/hdfs"));
    write(h.confDir.resolve("hdfs-site.xml"), hdfsSite);
    write(h.calls, "");
    return h;
  }

  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
