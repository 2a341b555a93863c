package dev.procgroups.model.policy;

/** Glob matching with {@code *} (any run, possibly empty) and {@code ?} (exactly one character). */
public final class Glob {

  private Glob() {}

  public static boolean matches(String pattern, String text) {
    int p = 0;
    int t = 0;
    int starAt = -1; // position in pattern of the last '*' seen
    int starText = 0; // text position that '*' is currently assumed to cover up to
    while (t < text.length()) {
      if (p < pattern.length()
          && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))
          && pattern.charAt(p) != '*') {
        p++;
        t++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        starAt = p++;
        starText = t;
      } else if (starAt >= 0) {
        p = starAt + 1;
        t = ++starText; // let the last '*' swallow one more character
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
