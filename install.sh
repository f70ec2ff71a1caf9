#!/usr/bin/env bash
# Installs BART onto a stock Hadoop 3.3 install, so that its NameNode and DataNodes can load BART's
# plugins and `hdfs bart ...` runs BART's CLI. Run it on every host of the cluster (or install once
# and copy share/hadoop/bart/ and libexec/shellprofile.d/bart.sh to the others).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROFILE="$ROOT/hdfs-patch/shellprofile.d/bart.sh"
FRAGMENT="$ROOT/hdfs-patch/conf/hdfs-site.bart.xml"
# Where a build leaves the four jars Hadoop needs (bart-core, bart-hdfs-plugin, bart-tools for
# `hdfs bart`, picocli); none of the tools' embedded-cluster dependencies (Hadoop's test jars).
BUILD_LIB="$ROOT/bart-tools/target/hadoop-lib"

usage() {
  cat <<EOF
usage: install.sh HADOOP_HOME [--conf-dir DIR] [--apply-config] [--jars DIR]
       install.sh --uninstall HADOOP_HOME [--conf-dir DIR]

Installs BART's jars into HADOOP_HOME/share/hadoop/bart/ and its shell profile into
HADOOP_HOME/libexec/shellprofile.d/bart.sh, then prints the hdfs-site.xml properties to add.

  --conf-dir DIR   Hadoop configuration directory (default: \$HADOOP_CONF_DIR, else HADOOP_HOME/etc/hadoop)
  --apply-config   add the missing properties to DIR/hdfs-site.xml in a marked block; the file
                   before the first change is kept as hdfs-site.xml.bart-backup
  --jars DIR       install the jars found in DIR instead of building them from this checkout
  --uninstall      remove the jars, the profile and the block --apply-config added
EOF
}

die() {
  echo "install.sh: error: $*" >&2
  exit 1
}

warn() {
  echo "install.sh: warning: $*" >&2
}

# Scratch files live here and go away however the script ends.
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# shellcheck source=scripts/install/hadoop-home.sh
. "$ROOT/scripts/install/hadoop-home.sh"
# shellcheck source=scripts/install/site-xml.sh
. "$ROOT/scripts/install/site-xml.sh"

# find_jar DIR NAME: the one NAME-VERSION.jar in DIR (sources, javadoc and test jars ignored).
find_jar() {
  local found=() jar
  for jar in "$1/$2"-[0-9]*.jar; do
    case "$jar" in
      *-sources.jar | *-javadoc.jar | *-tests.jar) ;;
      *) [ -f "$jar" ] && found+=("$jar") ;;
    esac
  done
  [ "${#found[@]}" -eq 1 ] || die "expected one $2-VERSION.jar in $1, found ${#found[@]}"
  echo "${found[0]}"
}

# build_jars: builds BUILD_LIB unless it is newer than every source and pom of the three modules.
build_jars() {
  if [ -f "$BUILD_LIB/.built" ] && [ -z "$(find "$ROOT/pom.xml" "$ROOT/bart-core" \
      "$ROOT/bart-hdfs-plugin" "$ROOT/bart-tools" -path '*/target' -prune -o -type f -newer "$BUILD_LIB/.built" -print -quit)" ]; then
    return
  fi
  command -v mvn > /dev/null || die "mvn not found: build with Maven 3.8 and JDK 17, or pass --jars DIR"
  echo "install.sh: building BART (mvn package)..."
  rm -rf "$BUILD_LIB"
  # copy-dependencies picks only picocli: every other runtime dependency is Hadoop's own.
  (cd "$ROOT" && mvn -q -B -DskipTests -pl bart-tools -am package dependency:copy-dependencies \
    -DincludeScope=runtime -DincludeArtifactIds=picocli -DoutputDirectory="$BUILD_LIB")
  local module
  for module in bart-core bart-hdfs-plugin bart-tools; do
    cp "$(find_jar "$ROOT/$module/target" "$module")" "$BUILD_LIB/"
  done
  touch "$BUILD_LIB/.built"
}

print_config() {
  cat <<EOF

Add these properties to $1/hdfs-site.xml on the NameNode and every DataNode
(or run install.sh again with --apply-config):

EOF
  fragment_properties "$FRAGMENT"
  echo
}

install_bart() {
  local home="$1" conf_dir="$2" apply="$3" jars="$4" lib="$1/share/hadoop/bart" site plan="" jar
  require_hadoop3_home "$home"
  if [ -z "$jars" ]; then
    build_jars
    jars="$BUILD_LIB"
  fi
  local wanted=()
  for jar in bart-core bart-hdfs-plugin bart-tools picocli; do
    wanted+=("$(find_jar "$jars" "$jar")")
  done
  site="$conf_dir/hdfs-site.xml"
  if [ "$apply" = 1 ]; then
    # Plan the configuration first, so that a conflict stops the install before anything changed.
    [ -d "$conf_dir" ] || die "configuration directory $conf_dir does not exist"
    plan="$WORK/hdfs-site.xml"
    site_plan "$site" "$FRAGMENT" "$plan"
  fi

  # The directory is BART's alone: replacing it drops the jars of an earlier version.
  rm -rf "$lib"
  mkdir -p "$lib"
  cp "${wanted[@]}" "$lib/"
  chmod 0644 "$lib"/*.jar
  mkdir -p "$home/libexec/shellprofile.d"
  cp "$PROFILE" "$home/libexec/shellprofile.d/bart.sh"
  chmod 0644 "$home/libexec/shellprofile.d/bart.sh"
  echo "install.sh: installed BART into Hadoop $HADOOP_VERSION at $home"
  echo "  jars:    $lib/ ($(cd "$lib" && echo *.jar))"
  echo "  profile: $home/libexec/shellprofile.d/bart.sh (hdfs bart ...)"

  if [ "$apply" = 1 ]; then
    if [ -f "$site" ] && cmp -s "$plan" "$site"; then
      echo "  config:  $site already has what BART needs; unchanged"
    else
      if [ -f "$site" ] && [ ! -e "$site.bart-backup" ]; then
        cp -p "$site" "$site.bart-backup"
      fi
      replace_file "$site" "$plan"
      echo "  config:  added BART's properties to $site"
      [ ! -e "$site.bart-backup" ] || echo "           (the file before BART: $site.bart-backup)"
    fi
  else
    print_config "$conf_dir"
  fi
  cat <<EOF

Next: restart the NameNode and every DataNode, then check with
  hdfs bart -status
EOF
}

uninstall_bart() {
  local home="$1" conf_dir="$2" site="$2/hdfs-site.xml" plan
  require_hadoop3_home "$home"
  rm -rf "$home/share/hadoop/bart"
  rm -f "$home/libexec/shellprofile.d/bart.sh"
  echo "install.sh: removed BART's jars and shell profile from $home"
  if [ -f "$site" ] && grep -qF "$SITE_BLOCK_BEGIN" "$site"; then
    plan="$WORK/hdfs-site.xml"
    site_without_block < "$site" > "$plan"
    replace_file "$site" "$plan"
    echo "  config:  removed BART's block from $site"
    if [ -f "$site.bart-backup" ] && cmp -s "$site" "$site.bart-backup"; then
      rm -f "$site.bart-backup"
    elif [ -f "$site.bart-backup" ]; then
      echo "  config:  kept $site.bart-backup: $site changed since BART was added"
    fi
  fi
  # Hadoop refuses to start a NameNode or DataNode whose plugin class is missing.
  if [ -f "$site" ] && grep -q 'org\.bart\.' "$site"; then
    warn "$site still names BART's classes (set by hand): remove them, or the NameNode and DataNodes will not start"
  fi
  echo "Next: restart the NameNode and every DataNode."
}

main() {
  local home="" conf_dir="" apply=0 jars="" uninstall=0
  while [ $# -gt 0 ]; do
    case "$1" in
      -h | --help) usage; exit 0 ;;
      --uninstall) uninstall=1 ;;
      --apply-config) apply=1 ;;
      --conf-dir) [ $# -ge 2 ] || die "--conf-dir needs a directory"; conf_dir="$2"; shift ;;
      --jars) [ $# -ge 2 ] || die "--jars needs a directory"; jars="$2"; shift ;;
      -*) usage >&2; die "unknown option $1" ;;
      *) [ -z "$home" ] || die "more than one HADOOP_HOME given: $home and $1"; home="$1" ;;
    esac
    shift
  done
  [ -n "$home" ] || { usage >&2; exit 2; }
  home="${home%/}"
  conf_dir="${conf_dir:-${HADOOP_CONF_DIR:-$home/etc/hadoop}}"
  if [ "$uninstall" = 1 ]; then
    if [ "$apply" = 1 ] || [ -n "$jars" ]; then
      die "--uninstall takes only HADOOP_HOME and --conf-dir"
    fi
    uninstall_bart "$home" "$conf_dir"
  else
    install_bart "$home" "$conf_dir" "$apply" "$jars"
  fi
}

main "$@"
