package fr.irev.news.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FrenchTypographyTest {

  @Test
  void spacesBeforeHighPunctuationAndInsideGuillemetsDoNotBreak() {
    assertEquals(
        "Discriminations\u00a0: journée du cycle «\u00a0Initier et conduire\u00a0» ; vraiment\u00a0?"
            .replace(" ;", "\u00a0;"),
        FrenchTypography.spaces(
            "Discriminations : journée du cycle « Initier et conduire » ; vraiment ?"));
    assertEquals("Attention\u00a0!", FrenchTypography.spaces("Attention  !"));
  }

  @Test
  void urlsTimesAndMissingSpacesAreLeftAlone() {
    assertEquals("https://irev.fr à 10:50", FrenchTypography.spaces("https://irev.fr à 10:50"));
    assertEquals("«Initier»", FrenchTypography.spaces("«Initier»"));
    assertEquals("", FrenchTypography.spaces(""));
    assertNull(FrenchTypography.spaces(null));
  }

  @Test
  void controlCharactersAreRemovedButTabsAndLineBreaksKept() {
    assertEquals(
        "Forum\tde\nl’exclusion\u00a0!",
        FrenchTypography.spaces("Fo\u0000rum\tde\u0001\nl’exclu\u007fsion\u0085 !"));
    assertEquals("\u00e9t\u00e9 \ufffe", FrenchTypography.spaces("\u00e9t\u00e9 \ufffe"));
  }

  @Test
  void textWithNothingToChangeIsReturnedAsItIs() {
    String title = "Journée d’approfondissement du cycle 2021-2022, à Lille";
    assertSame(title, FrenchTypography.spaces(title));
  }

  /**
   * The one-pass implementation against the rule written as three regular expressions (controls
   * removed, then a run of spaces or tabs before {@code : ; ! ? »}, then after {@code «}), on every
   * string of up to 5 characters over an alphabet that exercises each case, and on random longer
   * ones.
   */
  @Test
  void onePassGivesWhatTheRuleAsRegularExpressionsGives() {
    char[] alphabet = {' ', '\t', ':', '?', '»', '«', 'a', '\u0001', '\n', '\u00a0', '\u0085'};
    List<String> inputs = new ArrayList<>();
    inputs.add("");
    for (int length = 1; length <= 5; length++) {
      int total = (int) Math.pow(alphabet.length, length);
      for (int n = 0; n < total; n++) {
        StringBuilder text = new StringBuilder();
        int rest = n;
        for (int i = 0; i < length; i++) {
          text.append(alphabet[rest % alphabet.length]);
          rest /= alphabet.length;
        }
        inputs.add(text.toString());
      }
    }
    Random random = new Random(20261130);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = 6 + random.nextInt(30);
      for (int i = 0; i < length; i++) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      inputs.add(text.toString());
    }
    for (String input : inputs) {
      assertEquals(
          byRegularExpressions(input), FrenchTypography.spaces(input), () -> escape(input));
    }
    assertTrue(inputs.size() > 170_000, "inputs: " + inputs.size());
  }

  private static String byRegularExpressions(String text) {
    String result =
        Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]")
            .matcher(text)
            .replaceAll("");
    result = Pattern.compile("[ \\t]+([:;!?»])").matcher(result).replaceAll("\u00a0$1");
    return Pattern.compile("«[ \\t]+").matcher(result).replaceAll("«\u00a0");
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    text.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
    return out.toString();
  }
}
