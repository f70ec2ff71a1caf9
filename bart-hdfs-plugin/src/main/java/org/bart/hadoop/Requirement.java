package org.bart.hadoop;

import java.lang.reflect.Array;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One class, constructor or method of Hadoop that BART calls, named by strings: checking it loads
 * nothing that could fail to link, so a missing member is reported instead of thrown later as a
 * {@link LinkageError} from the middle of an operation. Immutable.
 */
public final class Requirement {

  private static final Map<String, Class<?>> PRIMITIVES = new HashMap<>();

  static {
    for (Class<?> c : new Class<?>[] {void.class, boolean.class, byte.class, char.class,
        short.class, int.class, long.class, float.class, double.class}) {
      PRIMITIVES.put(c.getName(), c);
    }
  }

  private final String owner;
  /** Null for a class, "<init>" for a constructor, else the method's name. */
  private final String name;
  /** Null for a class or constructor. */
  private final String returns;
  private final List<String> parameters;

  private Requirement(String owner, String name, String returns, String... parameters) {
    this.owner = owner;
    this.name = name;
    this.returns = returns;
    this.parameters = Arrays.asList(parameters);
  }

  /** The class (or interface) {@code owner}, by binary name. */
  public static Requirement type(String owner) {
    return new Requirement(owner, null, null);
  }

  /**
   * The method {@code name} of {@code owner}, declared there or inherited, of any visibility,
   * with exactly these parameter types and this return type (binary names, primitives, or
   * either followed by {@code []}).
   */
  public static Requirement method(String owner, String returns, String name,
      String... parameters) {
    return new Requirement(owner, name, returns, parameters);
  }

  /** The constructor of {@code owner}, of any visibility, with exactly these parameter types. */
  public static Requirement constructor(String owner, String... parameters) {
    return new Requirement(owner, "<init>", null, parameters);
  }

  /**
   * Why this member cannot be used through {@code loader}, or null if it is there as expected.
   */
  String problem(ClassLoader loader) {
    try {
      resolve(loader);
      return null;
    } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
      return this + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
    }
  }

  /**
   * This method, made accessible (for what Hadoop does not make public), or null if it is
   * missing: the plugin's self-check has then refused to start, naming it.
   */
  public Method accessibleMethod(ClassLoader loader) {
    try {
      Method m = (Method) resolve(loader);
      m.setAccessible(true);
      return m;
    } catch (ClassNotFoundException | NoSuchMethodException | LinkageError
        | RuntimeException e) { // Java 9+ refuses access to a non-open module's members
      return null;
    }
  }

  /**
   * The reflective handle of this method or constructor, or null for a class.
   *
   * @throws NoSuchMethodException if it is missing or has another return type
   * @throws ClassNotFoundException if its class or a parameter type is missing
   */
  private Member resolve(ClassLoader loader) throws ClassNotFoundException, NoSuchMethodException {
    Class<?> type = load(owner, loader);
    if (name == null) {
      return null;
    }
    Class<?>[] params = new Class<?>[parameters.size()];
    for (int i = 0; i < params.length; i++) {
      params[i] = load(parameters.get(i), loader);
    }
    if (name.equals("<init>")) {
      return type.getDeclaredConstructor(params);
    }
    Method m = find(type, params);
    if (m == null || m.getReturnType() != load(returns, loader)) {
      throw new NoSuchMethodException(m == null ? "no such method"
          : "returns " + m.getReturnType().getTypeName() + ", not " + returns);
    }
    return m;
  }

  /** The method of that name and parameters declared by {@code type} or its supertypes. */
  private Method find(Class<?> type, Class<?>[] params) {
    List<Class<?>> todo = new ArrayList<>();
    todo.add(type);
    while (!todo.isEmpty()) {
      Class<?> c = todo.remove(0);
      try {
        return c.getDeclaredMethod(name, params);
      } catch (NoSuchMethodException e) {
        if (c.getSuperclass() != null) {
          todo.add(c.getSuperclass());
        }
        todo.addAll(Arrays.asList(c.getInterfaces()));
      }
    }
    return null;
  }

  private static Class<?> load(String binaryName, ClassLoader loader)
      throws ClassNotFoundException {
    if (binaryName.endsWith("[]")) {
      Class<?> component = load(binaryName.substring(0, binaryName.length() - 2), loader);
      return Array.newInstance(component, 0).getClass();
    }
    Class<?> primitive = PRIMITIVES.get(binaryName);
    return primitive != null ? primitive : Class.forName(binaryName, false, loader);
  }

  /** As in a message to an operator: {@code a.b.C.m(java.lang.String, long) : void}. */
  @Override
  public String toString() {
    if (name == null) {
      return "class " + owner;
    }
    String params = "(" + String.join(", ", parameters) + ")";
    return name.equals("<init>") ? "constructor " + owner + params
        : owner + "." + name + params + " : " + returns;
  }
}
