package org.bart.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a repair or verification pass over transitioned trees found and did: one line per action
 * (a unit rebuilt, a replica moved, a group re-protected) and one per problem it could not fix.
 */
public final class MaintenanceReport {
  public List<String> trees = new ArrayList<>();
  public int groupsChecked;
  public List<String> actions = new ArrayList<>();
  public List<String> problems = new ArrayList<>();

  public synchronized void action(String line) {
    actions.add(line);
  }

  public synchronized void problem(String line) {
    problems.add(line);
  }

  public String toJson() throws IOException {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
  }

  public static MaintenanceReport fromJson(String json) throws IOException {
    return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .readValue(json, MaintenanceReport.class);
  }
}
