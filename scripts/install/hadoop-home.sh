# shellcheck shell=bash
# install.sh's checks of the Hadoop install it patches. Sourced; uses die and warn from install.sh.

# hadoop_common_version HOME: the version in the name of HOME's hadoop-common jar, e.g. 3.3.4.
hadoop_common_version() {
  local jar
  for jar in "$1"/share/hadoop/common/hadoop-common-*.jar; do
    jar="${jar##*/hadoop-common-}"
    case "$jar" in
      *-tests.jar | *-sources.jar | \*.jar) ;;
      *) echo "${jar%.jar}"; return 0 ;;
    esac
  done
  return 1
}

# require_hadoop3_home HOME: dies unless HOME is a Hadoop 3.x install; warns unless it is 3.3.x,
# the line BART is built and tested against (its plugins use HDFS internals).
require_hadoop3_home() {
  local home="$1" missing=() version
  [ -d "$home" ] || die "$home is not a directory (expected HADOOP_HOME of a Hadoop 3.3 install)"
  # hadoop-functions.sh and shellprofile.d are the Hadoop 3 shell API the profile needs; 2.x has neither.
  [ -f "$home/bin/hdfs" ] || missing+=("bin/hdfs")
  [ -f "$home/libexec/hadoop-functions.sh" ] || missing+=("libexec/hadoop-functions.sh")
  version="$(hadoop_common_version "$home")" || missing+=("share/hadoop/common/hadoop-common-VERSION.jar")
  if [ "${#missing[@]}" -gt 0 ]; then
    die "$home does not look like a Hadoop 3.x install: missing ${missing[*]}"
  fi
  case "$version" in
    3.3.*) ;;
    3.*) warn "Hadoop $version found; BART is built and tested for 3.3.x (3.3.4): its plugins use HDFS internals that may differ" ;;
    *) die "$home is Hadoop $version; BART needs Hadoop 3.x (built and tested for 3.3.4)" ;;
  esac
  # shellcheck disable=SC2034  # install.sh reports it
  HADOOP_VERSION="$version"
}
