#!/usr/bin/env bash
# BART's Hadoop 3 shell profile. install.sh copies it to ${HADOOP_HOME}/libexec/shellprofile.d/,
# where hadoop-config.sh sources it for every hadoop/hdfs/yarn/mapred command. It is sourced into
# Hadoop's own shell, so it only defines things: no `set` options, no exit, no output.

# Registered profiles get their _<name>_hadoop_<hook> functions called by hadoop-config.sh.
hadoop_add_profile bart

# Called after hadoop_basic_init has reset CLASSPATH and the common jars are in, so entries added
# here survive. Every command gets the jars: the NameNode and the DataNodes load BART's plugins
# from them (dfs.namenode.plugins, dfs.datanode.plugins) and `hdfs bart` runs BART's CLI.
# "after": Hadoop's own jars stay first; BART's jars bundle none of Hadoop's classes.
function _bart_hadoop_classpath
{
  hadoop_add_classpath "${HADOOP_HOME}/share/hadoop/bart/*" after
}

# Only `hdfs` lists the subcommand in its usage; the function below is only looked up by bin/hdfs.
if [[ "${HADOOP_SHELL_EXECNAME}" = hdfs ]]; then
  hadoop_add_subcommand "bart" client "BART: transition RS-LEGACY EC files to wide stripes (-transition, -status, simulate; -h lists all)"
fi

# bin/hdfs calls hdfs_subcommand_<name> for a subcommand it does not know, then runs
# HADOOP_CLASSNAME with the remaining arguments (HADOOP_CLIENT_OPTS and HDFS_BART_OPTS included).
function hdfs_subcommand_bart
{
  # shellcheck disable=SC2034  # read by bin/hdfs after this function returns
  HADOOP_CLASSNAME=org.bart.cli.BartMain
}
