package org.bart.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;
import org.apache.hadoop.hdfs.util.ECPolicyLoader;
import org.apache.hadoop.security.authorize.Service;
import org.apache.hadoop.util.ServicePlugin;
import org.bart.conf.BartConfigKeys;
import org.bart.protocol.BartPolicyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample configuration in etc/hadoop and hdfs-patch agrees with the code and with Hadoop. */
class ConfigExamplesTest {

  private static final Path ETC = Run.REPO.resolve("etc/hadoop");

  @TempDir
  Path tmp;

  @Test
  void bartSiteExampleHasEveryKeyWithItsDefault() throws Exception {
    Path example = ETC.resolve("bart-site.xml.example");
    String text = Files.readString(example);
    Configuration conf = load(example);
    Map<String, String> keys = bartKeys("dfs.bart.");
    for (Map.Entry<String, String> key : keys.entrySet()) {
      assertTrue(text.contains("<name>" + key.getValue() + "</name>"), key.getValue() + " missing");
      Object def = defaultOf(key.getKey());
      if (def != null) {
        assertEquals(String.valueOf(def), conf.get(key.getValue()), key.getValue());
      }
    }
    // ...and nothing else: a renamed or removed key must not linger in the example.
    Matcher m = Pattern.compile("<name>(dfs\\.bart\\.[^<]+)</name>").matcher(text);
    while (m.find()) {
      assertTrue(keys.containsValue(m.group(1)), m.group(1) + " is not in BartConfigKeys");
    }
    assertRequiredPluginSettings(conf);
  }

  @Test
  void hdfsPatchAddsTheRequiredPluginSettings() throws Exception {
    assertRequiredPluginSettings(load(Run.REPO.resolve("hdfs-patch/conf/hdfs-site.bart.xml")));
  }

  @Test
  void policyExampleHasEveryServiceAcl() throws Exception {
    Configuration conf = load(ETC.resolve("hadoop-policy-bart.xml.example"));
    Map<String, String> keys = bartKeys("security.bart.");
    assertEquals(4, keys.size(), keys::toString);
    // ...the keys Hadoop's service-level authorization asks for, one per protocol.
    Set<String> served = new TreeSet<>();
    for (Service s : new BartPolicyProvider().getServices()) {
      served.add(s.getServiceKey());
    }
    assertEquals(new TreeSet<>(keys.values()), served);
    for (String key : keys.values()) {
      // Users' degraded reads (plans, then planned reads) are open to all (the file's
      // permissions decide); the rest is for the superuser.
      assertEquals(key.contains(".client.") || key.contains(".read.") ? "*" : "hdfs supergroup",
          conf.get(key), key);
    }
  }

  @Test
  void ecPolicyExampleLoadsAsRsLegacyAndItsDataOnlyTwinWouldNot() throws Exception {
    Path example = ETC.resolve("user_ec_policies_rs_legacy.xml.example");
    List<ErasureCodingPolicy> policies = new ECPolicyLoader().loadPolicy(example.toString());
    assertEquals(1, policies.size(), policies::toString);
    ErasureCodingPolicy p = policies.get(0);
    assertEquals("RS-LEGACY-6-3-256k", p.getName());
    assertEquals("rs-legacy", p.getCodecName());
    assertEquals(3, p.getNumParityUnits());

    // What the example's comment says: the XML loader refuses m = 0, so BART adds that twin itself.
    Path twin = tmp.resolve("twin.xml");
    Files.writeString(twin, Files.readString(example).replace("<m>3</m>", "<m>0</m>"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ECPolicyLoader().loadPolicy(twin.toString()));
    assertTrue(e.getMessage().contains("numParityUnits"), e::getMessage);
  }

  private static void assertRequiredPluginSettings(Configuration conf) {
    for (String key : List.of("dfs.namenode.plugins", "dfs.datanode.plugins")) {
      Class<?>[] plugins = conf.getClasses(key);
      assertEquals(1, plugins.length, key);
      assertTrue(ServicePlugin.class.isAssignableFrom(plugins[0]), key);
    }
    assertEquals("org.bart.namenode.BartNameNodePlugin", conf.get("dfs.namenode.plugins"));
    assertEquals("org.bart.datanode.BartDataNodePlugin", conf.get("dfs.datanode.plugins"));
    assertEquals("true", conf.get("dfs.namenode.xattrs.enabled"));
  }

  private static Configuration load(Path file) throws Exception {
    Configuration conf = new Configuration(false);
    conf.addResource(file.toUri().toURL());
    conf.size(); // parses now, so a malformed file fails here
    return conf;
  }

  /** Field name to value of every BartConfigKeys key whose value starts with prefix. */
  private static Map<String, String> bartKeys(String prefix) throws IllegalAccessException {
    Map<String, String> keys = new TreeMap<>();
    for (Field f : BartConfigKeys.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class
          && !f.getName().endsWith("_DEFAULT") && ((String) f.get(null)).startsWith(prefix)) {
        keys.put(f.getName(), (String) f.get(null));
      }
    }
    return keys;
  }

  /** The value of KEY_DEFAULT for the key field KEY, or null if the default is computed. */
  private static Object defaultOf(String keyField) throws IllegalAccessException {
    try {
      return BartConfigKeys.class.getField(keyField + "_DEFAULT").get(null);
    } catch (NoSuchFieldException e) {
      return null;
    }
  }
}
