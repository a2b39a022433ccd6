package io.tradingactors.tests;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Field-by-field comparison of result records with doubles compared by their bits (so 0.0 ≠ −0.0 and no tolerance):
 * a failure names every differing field by its path, e.g. {@code metrics.sharpe_ratio: 1.2345 (bits 3ff3c0…) vs …}.
 */
final class BitIdentical {

  private BitIdentical() {}

  static void assertIdentical(String what, Object expected, Object actual) {
    List<String> differences = new ArrayList<>();
    compare(what, expected, actual, differences);
    if (!differences.isEmpty()) {
      throw new AssertionError(
          differences.size() + " field(s) differ:\n  " + String.join("\n  ", differences));
    }
  }

  private static void compare(String path, Object a, Object b, List<String> out) {
    if (a == null || b == null) {
      if (a != b) {
        out.add(path + ": " + a + " vs " + b);
      }
      return;
    }
    if (a instanceof Double x && b instanceof Double y) {
      if (Double.doubleToLongBits(x) != Double.doubleToLongBits(y)) {
        out.add(path + ": " + x + " (bits " + Long.toHexString(Double.doubleToLongBits(x)) + ") vs " + y
            + " (bits " + Long.toHexString(Double.doubleToLongBits(y)) + ")");
      }
      return;
    }
    if (a.getClass().isRecord() && a.getClass() == b.getClass()) {
      for (RecordComponent c : a.getClass().getRecordComponents()) {
        try {
          compare(path + "." + c.getName(), c.getAccessor().invoke(a), c.getAccessor().invoke(b), out);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        out.add(path + ": " + x.size() + " elements vs " + y.size());
        return;
      }
      Iterator<?> i = x.iterator();
      Iterator<?> j = y.iterator();
      for (int k = 0; i.hasNext(); k++) {
        compare(path + "[" + k + "]", i.next(), j.next(), out);
      }
      return;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (!x.keySet().equals(y.keySet())) {
        out.add(path + ": keys " + x.keySet() + " vs " + y.keySet());
        return;
      }
      for (Object key : x.keySet()) {
        compare(path + "." + key, x.get(key), y.get(key), out);
      }
      return;
    }
    if (!a.equals(b)) {
      out.add(path + ": " + a + " vs " + b);
    }
  }
}
